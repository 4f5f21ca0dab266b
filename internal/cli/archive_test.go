package cli_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/s3test"
	"budgetpress/internal/testsite"
)

// TestArchiveCommands archives the example site to the default of
// site.yaml (file://./archive), lists, verifies with --rebuild, finds a
// file altered on disk, restores and exports.
func TestArchiveCommands(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	code, out, errs := run("archive", "--year", "2024", dir)
	if code != 0 || !strings.Contains(out, "archived 2024 as 2024-") || !strings.Contains(out, "file://./archive") {
		t.Fatalf("archive: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run("archive", "list", dir)
	fields := strings.Fields(out)
	if code != 0 || len(strings.Split(strings.TrimSpace(out), "\n")) != 1 || !strings.HasSuffix(strings.TrimSpace(out), "complete") || len(fields) < 7 {
		t.Fatalf("list: %d %q", code, out)
	}
	id := fields[0]
	code, out, errs = run("archive", "verify", id, "--rebuild", dir)
	if code != 0 || !strings.Contains(out, "is intact") || !strings.Contains(out, "byte for byte the archived ones") {
		t.Fatalf("verify --rebuild: %d\n%s\n%s", code, out, errs)
	}
	restored := filepath.Join(t.TempDir(), "r")
	if code, out, errs := run("archive", "restore", id, "--to", restored, dir); code != 0 {
		t.Fatalf("restore: %d %s %s", code, out, errs)
	}
	// The restored site is what `build` publishes, byte for byte: the
	// same pages, and the assets under the same fingerprinted names.
	published := filepath.Join(t.TempDir(), "public")
	if code, out, errs := run("build", "--quiet", "--out", published, dir); code != 0 {
		t.Fatalf("build: %d %s %s", code, out, errs)
	}
	want, got := readFiles(t, published), readFiles(t, filepath.Join(restored, "public"))
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("the restored site lacks %s, which build publishes", name)
		} else if g != data {
			t.Errorf("the restored %s differs from what build publishes", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("the restored site has %s, which build does not publish", name)
		}
	}
	bag := filepath.Join(t.TempDir(), "bag")
	if code, out, errs := run("archive", "export", id, "--bag", bag, dir); code != 0 {
		t.Fatalf("export: %d %s %s", code, out, errs)
	}
	info, _ := os.ReadFile(filepath.Join(bag, "bag-info.txt"))
	if !strings.Contains(string(info), "Source-Organization: 昌吉回族自治州人民政府\n") || !strings.Contains(string(info), "External-Identifier: "+id+"\n") {
		t.Errorf("bag-info.txt:\n%s", info)
	}

	// Alter one stored object: verify names the file and exits 1.
	var victim string
	filepath.WalkDir(filepath.Join(dir, "archive", "objects"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && victim == "" {
			victim = p
		}
		return nil
	})
	os.WriteFile(victim, []byte("changed"), 0o644)
	code, out, _ = run("archive", "verify", id, dir)
	if code != 1 || !strings.Contains(out, ": altered: 7 bytes instead of") || !strings.Contains(out, "is damaged: 1 file of") {
		t.Errorf("verify of an altered snapshot: %d\n%s", code, out)
	}
}

// TestArchiveMistakes feeds the commands what an editor might get wrong.
func TestArchiveMistakes(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"archive", dir}, 2, "budgetpress archive: say which year to archive, like --year 2024\n"},
		{[]string{"archive", "--year", "24x", dir}, 2, "budgetpress archive: --year 24x is not a year; write it like --year 2024\n"},
		{[]string{"archive", "--year", "2019", dir}, 1, "budgetpress archive: there are no department files for 2019 in " + filepath.Join(dir, "data", "2019") + ": nothing to archive\n"},
		{[]string{"archive", "--year", "2024", "--to", "ftp://host/x", dir}, 1, "budgetpress archive: \"ftp://host/x\": budgetpress stores to file://FOLDER or s3://BUCKET/PREFIX?endpoint=…, not ftp://\n"},
		{[]string{"archive", "verify", dir}, 2, "budgetpress archive verify: no site.yaml in . to say where: give --from URL, or run it in the site folder\n"},
		{[]string{"archive", "verify", "2024-x", dir}, 1, "budgetpress archive verify: there is no snapshot 2024-x in file://./archive; budgetpress archive list shows those there are\n"},
		{[]string{"archive", "restore", "../x", "--to", "r", dir}, 1, "budgetpress archive restore: \"../x\" is not a snapshot id; budgetpress archive list shows them\n"},
		{[]string{"deploy", dir}, 1, "budgetpress deploy: there is no built site in " + filepath.Join(dir, "public") + ": run budgetpress build first\n"},
	} {
		code, _, errs := run(tc.args...)
		if code != tc.code || errs != tc.want {
			t.Errorf("%v: exit %d, %q; want %d, %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// TestArchiveRefusesErrors: a site whose check finds errors is not archived.
func TestArchiveRefusesErrors(t *testing.T) {
	dir := exampleSite(t)
	edit(t, dir, "content/zh/2024/changji-egov.md", "收支总预算 {{amount income.total}}", "收支总预算 {{amount income.totl}}")
	code, out, _ := run("archive", "--year", "2024", dir)
	if code != 1 || !strings.Contains(out, "archive failed:") || !strings.Contains(out, "nothing was archived") {
		t.Errorf("archive of a site with errors: %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "archive", "snapshots")); err == nil {
		t.Error("a snapshot was stored")
	}
}

// TestDeployCommand deploys to a folder: a dry run changes nothing, the
// first deploy uploads every file, the second none.
func TestDeployCommand(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	if code, out, errs := run("build", "--quiet", dir); code != 0 {
		t.Fatalf("build: %s %s", out, errs)
	}
	www := filepath.Join(t.TempDir(), "www")
	code, out, _ := run("deploy", "--dry-run", "--to", "file://"+www, dir)
	if code != 0 || !strings.Contains(out, "would upload index.html (new,") || !strings.Contains(out, "nothing was changed") {
		t.Errorf("dry run: %d\n%s", code, out)
	}
	if files := countFiles(www); files != 0 {
		t.Errorf("the dry run wrote %d files", files)
	}
	code, out, _ = run("deploy", "--to", "file://"+www, dir)
	if code != 0 || !strings.Contains(out, "deleted 0 files, 0 files unchanged") {
		t.Errorf("first deploy: %d %s", code, out)
	}
	code, out, _ = run("deploy", "--to", "file://"+www, dir)
	if code != 0 || !strings.Contains(out, "uploaded 0 files (0 bytes)") {
		t.Errorf("second deploy: %d %s", code, out)
	}
	code, _, errs := run("deploy", "--to", "file://./public", dir)
	if code != 2 || !strings.Contains(errs, "is the built site itself") {
		t.Errorf("deploy onto public/: %d %s", code, errs)
	}
}

// TestS3CredentialsNeverShown archives, lists, verifies and deploys to a
// real S3-compatible server, then looks for the secret key in everything
// printed and everything stored; and a wrong key or a missing bucket
// gives one plain line and exit 1.
func TestS3CredentialsNeverShown(t *testing.T) {
	srv := s3test.Start(t, true)
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	if code, out, errs := run("build", "--quiet", dir); code != 0 {
		t.Fatalf("build: %s %s", out, errs)
	}
	url := srv.URL("archive")
	var printed strings.Builder
	step := func(want int, args ...string) string {
		t.Helper()
		code, out, errs := run(args...)
		printed.WriteString(out + errs)
		if code != want {
			t.Fatalf("%v: exit %d, want %d\n%s\n%s", args, code, want, out, errs)
		}
		return out + errs
	}
	step(0, "archive", "--year", "2024", "--to", url, dir)
	id := strings.Fields(step(0, "archive", "list", "--from", url, dir))[0]
	step(0, "archive", "verify", id, "--from", url, dir)
	step(0, "deploy", "--to", srv.URL("www"), dir)
	step(0, "deploy", "--to", srv.URL("www"), dir)

	t.Setenv("AWS_SECRET_ACCESS_KEY", "wrong-"+s3test.Secret)
	msg := step(1, "archive", "list", "--from", url, dir)
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY") {
		t.Errorf("with a wrong key: %q", msg)
	}
	t.Setenv("AWS_SECRET_ACCESS_KEY", s3test.Secret)
	missing := strings.Replace(url, "s3://"+s3test.Bucket+"/", "s3://no-such-bucket/", 1)
	msg = step(1, "archive", "list", "--from", missing, dir)
	if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, `the bucket "no-such-bucket" does not exist`) {
		t.Errorf("with a missing bucket: %q", msg)
	}

	if strings.Contains(printed.String(), s3test.Secret) {
		t.Error("the secret key was printed")
	}
	filepath.WalkDir(srv.Root, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			if data, _ := os.ReadFile(p); strings.Contains(string(data), s3test.Secret) {
				t.Errorf("%s holds the secret key", p)
			}
		}
		return nil
	})
}

func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			n++
		}
		return nil
	})
	return n
}

// readFiles reads every file under root by its slash path.
func readFiles(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
