package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// wait bounds every wait for a batch: fsnotify delivers within
// milliseconds, so a missing batch fails the test instead of hanging it.
const wait = 5 * time.Second

// site makes a folder with site.yaml and data/2024/a.yaml, and watches
// site.yaml, data/ and content/ (which does not exist yet).
func site(t *testing.T, debounce time.Duration) (string, *Watcher) {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: x\n")
	write(t, dir, "data/2024/a.yaml", "unit: 万元\n")
	write(t, dir, "public/index.html", "<p>")
	w, err := New(dir, Options{Paths: []string{"site.yaml", "data", "content", "layouts"}, Debounce: debounce})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return dir, w
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next returns the next batch, failing the test when none comes in time.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Changes():
		return b
	case err := <-w.Errors():
		t.Fatalf("watcher error: %v", err)
	case <-time.After(wait):
		t.Fatalf("no change reported within %s", wait)
	}
	return nil
}

// quiet fails the test when a batch comes within d.
func quiet(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Changes():
		t.Fatalf("unexpected batch %q", b)
	case <-time.After(d):
	}
}

// expect waits for batches until want has been reported, failing on any
// path outside want. Most changes come in one batch; a slow machine may
// split them.
func expect(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	seen := map[string]bool{}
	for len(seen) < len(want) {
		for _, p := range next(t, w) {
			if !slices.Contains(want, p) {
				t.Fatalf("reported %q; want only %q", p, want)
			}
			seen[p] = true
		}
	}
}

func TestWriteIsReported(t *testing.T) {
	dir, w := site(t, 0)
	write(t, dir, "data/2024/a.yaml", "unit: 元\n")
	if got := next(t, w); !slices.Equal(got, []string{"data/2024/a.yaml"}) {
		t.Errorf("batch %q; want [data/2024/a.yaml]", got)
	}
	write(t, dir, "site.yaml", "title: y\n")
	if got := next(t, w); !slices.Equal(got, []string{"site.yaml"}) {
		t.Errorf("batch %q; want [site.yaml]", got)
	}
}

// TestBusy says a save is on its way from the moment it is seen until
// its batch is taken.
func TestBusy(t *testing.T) {
	dir, w := site(t, 20*time.Millisecond)
	if w.Busy() {
		t.Fatal("busy before any change")
	}
	write(t, dir, "data/2024/a.yaml", "unit: 元\n")
	deadline := time.Now().Add(wait)
	for !w.Busy() && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if !w.Busy() {
		t.Fatal("a save was not seen as on its way")
	}
	time.Sleep(100 * time.Millisecond) // past the debounce: the batch waits to be taken
	if !w.Busy() {
		t.Error("not busy while the batch waits to be taken")
	}
	if got := next(t, w); !slices.Equal(got, []string{"data/2024/a.yaml"}) {
		t.Errorf("batch %q", got)
	}
	for deadline := time.Now().Add(wait); w.Busy() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond) // the watcher notes it just after the batch is taken
	}
	if w.Busy() {
		t.Error("still busy once the batch was taken")
	}
}

func TestBurstIsOneBatch(t *testing.T) {
	dir, w := site(t, 200*time.Millisecond)
	// What an editor does on one save, and a second file saved with it.
	for i := range 5 {
		write(t, dir, "data/2024/a.yaml", string(rune('a'+i)))
	}
	write(t, dir, "data/2024/a.yaml.swp", "swap")
	write(t, dir, "data/2024/b.yaml", "b")
	got := next(t, w)
	if want := []string{"data/2024/a.yaml", "data/2024/b.yaml"}; !slices.Equal(got, want) {
		t.Errorf("batch %q; want %q", got, want)
	}
	quiet(t, w, 400*time.Millisecond)
}

func TestAtomicSave(t *testing.T) {
	dir, w := site(t, 0)
	// Write a temporary file, then rename it over the real one.
	for _, tmp := range []string{".a.yaml.tmp123", "a.yaml.tmp", "a.yaml___jb_tmp___", "4913"} {
		write(t, dir, "data/2024/"+tmp, "new")
		if err := os.Rename(filepath.Join(dir, "data", "2024", tmp), filepath.Join(dir, "data", "2024", "a.yaml")); err != nil {
			t.Fatal(err)
		}
		if got := next(t, w); !slices.Equal(got, []string{"data/2024/a.yaml"}) {
			t.Errorf("save through %s: batch %q; want [data/2024/a.yaml]", tmp, got)
		}
	}
}

func TestFolderCreatedAfterStart(t *testing.T) {
	dir, w := site(t, 0)
	// content/ did not exist when the watch started.
	write(t, dir, "content/zh/2024/a.md", "# 说明")
	expect(t, w, "content/zh/2024/a.md")
	// The new folders are watched in turn.
	write(t, dir, "content/zh/2024/a.md", "# 说明二")
	expect(t, w, "content/zh/2024/a.md")
	write(t, dir, "content/en/2024/a.md", "# Notes")
	expect(t, w, "content/en/2024/a.md")
	// A folder moved in with its files.
	other := t.TempDir()
	write(t, other, "2025/c.yaml", "c")
	if err := os.Rename(filepath.Join(other, "2025"), filepath.Join(dir, "data", "2025")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "data/2025/c.yaml")
	write(t, dir, "data/2025/c.yaml", "c2")
	expect(t, w, "data/2025/c.yaml")
}

func TestDeletions(t *testing.T) {
	dir, w := site(t, 0)
	if err := os.Remove(filepath.Join(dir, "data", "2024", "a.yaml")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "data/2024/a.yaml")
	write(t, dir, "data/2023/b.yaml", "b")
	expect(t, w, "data/2023/b.yaml")
	if err := os.RemoveAll(filepath.Join(dir, "data", "2023")); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "data/2023/b.yaml", "data/2023/")
	// A folder moved away is reported by its name, and no longer watched
	// where it went.
	away := filepath.Join(t.TempDir(), "2024")
	if err := os.Rename(filepath.Join(dir, "data", "2024"), away); err != nil {
		t.Fatal(err)
	}
	expect(t, w, "data/2024/")
	write(t, filepath.Dir(away), "2024/x.yaml", "x")
	quiet(t, w, 300*time.Millisecond)
}

func TestUnwatchedAndIgnoredFiles(t *testing.T) {
	dir, w := site(t, 0)
	write(t, dir, "public/index.html", "<p>new")
	write(t, dir, "notes.txt", "n")
	write(t, dir, "data/2024/.a.yaml.swp", "s")
	write(t, dir, "data/2024/a.yaml~", "s")
	write(t, dir, "data/2024/#a.yaml#", "s")
	write(t, dir, "data/.git/HEAD", "s")
	quiet(t, w, 300*time.Millisecond)
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"changji-egov.yaml": false, "site.css": false, "2024": false, "data": false,
		".changji-egov.yaml.swp": true, "changji-egov.yaml.swp": true, "changji-egov.yaml~": true,
		".#changji-egov.md": true, "#changji-egov.md#": true, "4913": true, ".DS_Store": true,
		"x.yaml___jb_tmp___": true, "x.yaml___jb_old___": true, "x.yaml.tmp": true, ".goutputstream-ABC": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v; want %v", name, got, want)
		}
	}
}
