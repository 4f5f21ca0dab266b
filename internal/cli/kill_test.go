package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"budgetpress/internal/cli"
	"budgetpress/internal/s3test"
	"budgetpress/internal/testsite"
)

// TestMain lets a test run budgetpress as a process of its own, to kill
// it: the test binary, started with BUDGETPRESS_RUN_MAIN=1, is budgetpress.
func TestMain(m *testing.M) {
	if os.Getenv("BUDGETPRESS_RUN_MAIN") == "1" {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// startKilled runs budgetpress args as a process, waits until the proxy
// has seen more than n uploads (the proxy holds the later ones), and
// kills it.
func startKilled(t *testing.T, px *s3test.Proxy, n int, args ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BUDGETPRESS_RUN_MAIN=1")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for px.Count("PUT") <= n {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("budgetpress %s did not get to %d uploads:\n%s", strings.Join(args, " "), n, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill()
	if err := cmd.Wait(); err == nil {
		t.Fatalf("budgetpress %s finished before it was killed:\n%s", strings.Join(args, " "), out.String())
	}
}

// holdAfter is a proxy rule that lets n uploads through and holds the
// rest, as a stuck network would.
func holdAfter(n int) func(s3test.Request) s3test.Fault {
	return func(r s3test.Request) s3test.Fault {
		if r.Method == "PUT" && r.N >= n {
			return s3test.Hang
		}
		return s3test.Pass
	}
}

// TestKilledArchive kills budgetpress archive half-way: the snapshot is
// listed incomplete, the next run finishes it under the same id, and it
// verifies.
func TestKilledArchive(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	srv := s3test.Start(t, false)
	px := s3test.NewProxy(t, srv, holdAfter(10))
	to := px.URL("records")
	startKilled(t, px, 10, "archive", "--year", "2024", "--to", to, dir)
	px.SetRule(nil)
	code, out, errs := run("archive", "list", "--from", to, dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1 || !strings.Contains(lines[0], " incomplete (interrupted") {
		t.Fatalf("list after the kill: %d %q %s", code, out, errs)
	}
	id := strings.Fields(lines[0])[0]
	if code, out, errs := run("archive", "verify", id, "--from", to, dir); code == 0 {
		t.Errorf("verify of the killed snapshot succeeded: %s %s", out, errs)
	}
	code, out, errs = run("archive", "--year", "2024", "--to", to, dir)
	if code != 0 || !strings.Contains(out, id) {
		t.Fatalf("the second archive: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run("archive", "list", "--from", to, dir)
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 1 || !strings.HasPrefix(lines[0], id+" ") || !strings.HasSuffix(lines[0], " complete") {
		t.Errorf("list after finishing: %q", out)
	}
	if code, out, errs := run("archive", "verify", id, "--from", to, dir); code != 0 || !strings.Contains(out, "is intact") {
		t.Errorf("verify: %d %s %s", code, out, errs)
	}
}

// TestKilledDeploy kills budgetpress deploy half-way: no page went up
// before all the assets (so no live page lacks its stylesheet), and the
// next deploy finishes, after which a third uploads nothing.
func TestKilledDeploy(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	if code, out, _ := run("build", dir); code != 0 {
		t.Fatalf("build: %s", out)
	}
	srv := s3test.Start(t, false)
	px := s3test.NewProxy(t, srv, holdAfter(5))
	to := px.URL("www")
	startKilled(t, px, 5, "deploy", "--to", to, dir)
	px.SetRule(nil)
	var pages int
	filepath.WalkDir(filepath.Join(srv.Root, s3test.Bucket, "www"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	if pages > 0 {
		t.Errorf("%d pages went up before the deploy was killed among its assets", pages)
	}
	code, out, errs := run("deploy", "--to", to, dir)
	if code != 0 || !strings.Contains(out, "deployed to") {
		t.Fatalf("the second deploy: %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = run("deploy", "--to", to, dir)
	if code != 0 || !strings.Contains(out, "uploaded 0 files") {
		t.Errorf("the third deploy: %s", out)
	}
}

// TestDryRunCreatesNothing: deploy --dry-run to a web root that does not
// exist yet lists every file and leaves no folder behind.
func TestDryRunCreatesNothing(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	if code, out, _ := run("build", dir); code != 0 {
		t.Fatalf("build: %s", out)
	}
	root := filepath.Join(t.TempDir(), "www")
	code, out, errs := run("deploy", "--dry-run", "--to", "file://"+root, dir)
	want := "the folder " + root + " does not exist yet: deploy creates it\n"
	if code != 0 || !strings.HasSuffix(out, want) || !strings.Contains(out, "would upload index.html (new,") {
		t.Errorf("dry run: %d\n%s\n%s", code, out, errs)
	}
	if _, err := os.Stat(root); err == nil {
		t.Errorf("the dry run created %s", root)
	}
	if code, _, _ := run("archive", "list", "--from", "file://"+root, dir); code > 1 {
		t.Errorf("archive list of a missing folder: exit %d", code)
	}
	if _, err := os.Stat(root); err == nil {
		t.Errorf("archive list created %s", root)
	}
}
