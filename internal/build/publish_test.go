package build

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"budgetpress/internal/diag"
)

// messages returns the diagnostics of a result, one a line, but for the
// example's own warnings about its data.
func messages(res Result) string {
	var l diag.List
	for _, d := range res.Diags {
		if !strings.HasPrefix(d.Pos.File, "data/") {
			l = append(l, d)
		}
	}
	var b bytes.Buffer
	l.Print(&b)
	return b.String()
}

// TestOldCopyNotRemoved: when the old site cannot be removed after the
// new one is in place, the build says so as a warning, and the new site
// is the published one.
func TestOldCopyNotRemoved(t *testing.T) {
	site := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: site, Out: out})
	os.MkdirAll(filepath.Join(site, "static"), 0o755)
	os.WriteFile(filepath.Join(site, "static", "robots.txt"), []byte("User-agent: *\n"), 0o644)
	var left string
	removeAll = func(dir string) error { left = dir; return errors.New("device busy") }
	defer func() { removeAll = os.RemoveAll }()
	res := Run(Options{Dir: site, Out: out})
	want := out + ": warning: the new site is published; the old copy at " + left +
		" could not be removed (device busy): delete that folder (the next build tries again)\n"
	if got := messages(res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if res.Diags.HasErrors() || res.Pages == 0 {
		t.Errorf("the build is reported failed (%d pages)", res.Pages)
	}
	if data, err := os.ReadFile(filepath.Join(out, "robots.txt")); err != nil || string(data) != "User-agent: *\n" {
		t.Errorf("the new site is not in place: robots.txt = %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(left, "index.html")); err != nil {
		t.Errorf("the old copy is not at %s: %v", left, err)
	}
}

// TestSwapIsAtomic: a reader of the output folder always finds a site
// while builds replace it (on Linux, where the folders are exchanged in
// one step); elsewhere the fallback still ends with the new site.
func TestSwapIsAtomic(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("0"), 0o644)
	var missing atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	}()
	for i := 1; i <= 300; i++ {
		tmp, err := os.MkdirTemp(parent, ".public.build-")
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(tmp, "index.html"), []byte(strconv.Itoa(i)), 0o644)
		if err := swap(tmp, out); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "300" {
		t.Errorf("the output holds build %q, want the last one, 300", data)
	}
	if runtime.GOOS == "linux" && missing.Load() > 0 {
		t.Errorf("a reader found no site %d times while it was replaced", missing.Load())
	}
	if left, _ := filepath.Glob(filepath.Join(parent, ".public.build-*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestMoveAside: the fallback where folders cannot be exchanged.
func TestMoveAside(t *testing.T) {
	parent := t.TempDir()
	out, tmp := filepath.Join(parent, "public"), filepath.Join(parent, ".public.build-1-2")
	os.MkdirAll(out, 0o755)
	os.MkdirAll(tmp, 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644)
	os.WriteFile(filepath.Join(tmp, "index.html"), []byte("new"), 0o644)
	old, err := moveAside(tmp, out)
	if err != nil || old != tmp+".old" {
		t.Fatalf("moveAside = %q, %v", old, err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "new" {
		t.Errorf("out holds %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(old, "index.html")); string(data) != "old" {
		t.Errorf("the old site holds %q", data)
	}
	// A failed move in puts the old site back.
	if _, err := moveAside(filepath.Join(parent, "missing"), out); err == nil {
		t.Error("moving in a missing folder succeeded")
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "new" {
		t.Errorf("after a failed move, out holds %q", data)
	}
}

// TestSweepStaleFolders: a build removes the temporary folders and old
// copies that killed builds left next to the output, and keeps those of
// a build still running.
func TestSweepStaleFolders(t *testing.T) {
	site := copySite(t, nil)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	dead := strconv.Itoa(cmd.Process.Pid)
	self := strconv.Itoa(os.Getpid())
	for name, wantKept := range map[string]bool{
		".public.build-" + dead + "-123":     false, // killed while writing
		".public.build-" + dead + "-123.old": false, // killed before removing the old site
		".public.build-" + self + "-456":     true,  // a build at work
		".public.build-789":                  true,  // an older budgetpress's, too young to tell
		".other.build-" + dead + "-1":        true,  // not this output's
	} {
		os.MkdirAll(filepath.Join(parent, name, "2024"), 0o755)
		os.WriteFile(filepath.Join(parent, name, "index.html"), []byte("x"), 0o644)
		t.Cleanup(func() {
			_, err := os.Stat(filepath.Join(parent, name))
			if kept := err == nil; kept != wantKept {
				t.Errorf("%s: kept = %v, want %v", name, kept, wantKept)
			}
		})
	}
	mustBuild(t, Options{Dir: site, Out: out})
}

// TestStaticFolder: the files of static/ are copied as they are, hidden
// ones left out; a name the build writes itself, or a link out of the
// site, stops the build.
func TestStaticFolder(t *testing.T) {
	site := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	pdf := []byte("%PDF-1.4 \x00\xff binary")
	write := func(rel string, data []byte) {
		t.Helper()
		p := filepath.Join(site, "static", filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("robots.txt", []byte("User-agent: *\nDisallow:\n"))
	write("docs/2024/预算说明.pdf", pdf)
	write(".gitkeep", nil)
	write(".git/config", []byte("x"))
	res := mustBuild(t, Options{Dir: site, Out: out, Gzip: true})
	tree := readTree(t, out)
	if string(tree["robots.txt"]) != "User-agent: *\nDisallow:\n" || !bytes.Equal(tree["docs/2024/预算说明.pdf"], pdf) {
		t.Errorf("static files not copied verbatim: %q, %q", tree["robots.txt"], tree["docs/2024/预算说明.pdf"])
	}
	for _, f := range []string{".gitkeep", ".git/config", "robots.txt.gz"} {
		if _, ok := tree[f]; ok {
			t.Errorf("%s is published", f)
		}
	}
	manifest := string(tree[Manifest])
	for _, f := range []string{"robots.txt\n", "docs/2024/预算说明.pdf\n", "index.html\n", "sitemap.xml\n"} {
		if !bytes.Contains([]byte(manifest), []byte("\n"+f)) {
			t.Errorf("the manifest does not list %s", f)
		}
	}
	if res.Files != len(tree)-1 {
		t.Errorf("the build counts %d files, the output holds %d besides the manifest", res.Files, len(tree)-1)
	}

	for _, tc := range []struct {
		name, rel, link, want string
	}{
		{"a name the build writes", "sitemap.xml", "",
			"static/sitemap.xml: error: the build makes a file of this name itself (sitemap.xml): rename this file, or move it into another folder of static/\n"},
		{"a page the build writes", "2024/changji-egov/index.html", "",
			"static/2024/changji-egov/index.html: error: the build makes a file of this name itself (2024/changji-egov/index.html): rename this file, or move it into another folder of static/\n"},
		{"a link out of the site", "passwd", "/etc/passwd",
			"static/passwd: error: is a link to a file outside the site (/etc/passwd); budgetpress publishes only what is in the site folder: copy the file here instead of linking to it\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(site, "static", filepath.FromSlash(tc.rel))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if tc.link != "" {
				if err := os.Symlink(tc.link, p); err != nil {
					t.Skipf("cannot make links here: %v", err)
				}
			} else {
				os.WriteFile(p, []byte("x"), 0o644)
			}
			defer os.Remove(p)
			before := readTree(t, out)
			res := Run(Options{Dir: site, Out: out})
			if got := messages(res); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			stillPublished(t, before, out)
		})
	}
}

// TestLinkOutOfLayouts: a link in layouts/assets to /etc/passwd stops
// the build at the link, and nothing of it is published.
func TestLinkOutOfLayouts(t *testing.T) {
	if _, err := os.Stat("/etc/passwd"); err != nil {
		t.Skip("no /etc/passwd here")
	}
	site := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	os.MkdirAll(filepath.Join(site, "layouts", "assets"), 0o755)
	if err := os.Symlink("/etc/passwd", filepath.Join(site, "layouts", "assets", "passwd")); err != nil {
		t.Skipf("cannot make links here: %v", err)
	}
	res := Run(Options{Dir: site, Out: out})
	want := "layouts/assets/passwd: error: is a link to a file outside the site (/etc/passwd); budgetpress publishes only what is in the site folder: copy the file here instead of linking to it\n"
	if got := messages(res); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("something was published")
	}
}

// TestHandMadeFilesInOutput: a file an editor put into public/ stops the
// build, which says to move it into static/; moved there, it is
// published; removed from static/, the next build removes it silently.
func TestHandMadeFilesInOutput(t *testing.T) {
	site := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: site, Out: out})
	robots := filepath.Join(out, "robots.txt")
	os.WriteFile(robots, []byte("User-agent: *\n"), 0o644)
	os.MkdirAll(filepath.Join(out, "docs"), 0o755)
	os.WriteFile(filepath.Join(out, "docs", "a.pdf"), []byte("%PDF"), 0o644)
	os.WriteFile(filepath.Join(out, ".DS_Store"), []byte("junk"), 0o644)

	refused := func(want string) {
		t.Helper()
		before := readTree(t, out)
		res := Run(Options{Dir: site, Out: out})
		if got := messages(res); got != want {
			t.Errorf("got\n%s\nwant\n%s", got, want)
		}
		stillPublished(t, before, out)
	}
	refused(out + ": error: " + out + " holds files that no build wrote (" + filepath.Join(out, "docs", "a.pdf") + ", " + robots +
		"); each build replaces the whole folder and would delete them: move them into the site's static/ folder, whose files are copied into every build, or delete them\n")
	os.Remove(filepath.Join(out, "docs", "a.pdf"))

	// An output built before builds kept a manifest: judged by kind.
	manifest, _ := os.ReadFile(filepath.Join(out, Manifest))
	os.Remove(filepath.Join(out, Manifest))
	refused(out + ": error: " + out + " holds a file that no build wrote (" + robots +
		"); each build replaces the whole folder and would delete it: move it into the site's static/ folder, whose files are copied into every build, or delete it\n")
	os.WriteFile(filepath.Join(out, Manifest), manifest, 0o644)

	os.MkdirAll(filepath.Join(site, "static"), 0o755)
	if err := os.Rename(robots, filepath.Join(site, "static", "robots.txt")); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, Options{Dir: site, Out: out})
	if data, _ := os.ReadFile(robots); string(data) != "User-agent: *\n" {
		t.Errorf("robots.txt = %q after moving it into static/", data)
	}
	os.Remove(filepath.Join(site, "static", "robots.txt"))
	res := mustBuild(t, Options{Dir: site, Out: out})
	if _, err := os.Stat(robots); err == nil {
		t.Error("robots.txt is still published after it left static/")
	}
	if res.Diags.HasErrors() {
		t.Error(messages(res))
	}
}
