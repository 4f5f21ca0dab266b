package watch

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// TestErrorMessages checks what the dev server prints for each problem
// of the watcher: what is no longer seen, and what to do.
func TestErrorMessages(t *testing.T) {
	for _, tc := range []struct {
		err  *Error
		want string
	}{
		{&Error{Path: "data/2031/", Err: syscall.ENOSPC},
			`cannot watch data/2031/: the system's limit of watched folders is reached (fs.inotify.max_user_watches), so saves there are not seen; raise it, for example with "sudo sysctl fs.inotify.max_user_watches=524288" (add "fs.inotify.max_user_watches=524288" to /etc/sysctl.conf to keep it), then restart budgetpress serve`},
		{&Error{Path: "content/", Err: syscall.EMFILE},
			`cannot watch content/: too many programs are watching files (fs.inotify.max_user_instances), so saves there are not seen; close some editors or file watchers, or raise the limit with "sudo sysctl fs.inotify.max_user_instances=1024", then restart budgetpress serve`},
		{&Error{Err: fsnotify.ErrEventOverflow, Lost: true},
			"too many files changed at once for the system to report each of them (fs.inotify.max_queued_events); everything is built again"},
		{&Error{Path: "layouts/", Err: syscall.EACCES},
			"cannot watch layouts/, so saves there are not seen: permission denied; restart budgetpress serve"},
		{&Error{Err: errors.New("inotify read: bad file descriptor"), Lost: true},
			"watching the files: inotify read: bad file descriptor; everything is built again"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("%v:\n%s\nwant\n%s", tc.err.Err, got, tc.want)
		}
	}
}

// failOn makes watching fail with ENOSPC, as when the system's limit of
// watches is reached, for the folders of the site named.
func failOn(root string, rels ...string) func(string) error {
	return func(name string) error {
		for _, rel := range rels {
			if name == filepath.Join(root, filepath.FromSlash(rel)) {
				return syscall.ENOSPC
			}
		}
		return nil
	}
}

func nextError(t *testing.T, w *Watcher) *Error {
	t.Helper()
	select {
	case err := <-w.Errors():
		var we *Error
		if !errors.As(err, &we) {
			t.Fatalf("error %v (%T); want a *watch.Error", err, err)
		}
		return we
	case <-time.After(wait):
		t.Fatalf("no error reported within %s", wait)
	}
	return nil
}

// TestFoldersThatCannotBeWatched checks that a folder the system
// refuses to watch is reported, at the start and when it is created
// later, instead of its saves silently going unseen.
func TestFoldersThatCannotBeWatched(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "site.yaml", "title: x\n")
	write(t, dir, "data/2024/a.yaml", "unit: 万元\n")
	w, err := New(dir, Options{Paths: []string{"site.yaml", "data", "content"}, refuse: failOn(dir, "data/2024", "content/zh")})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if e := nextError(t, w); e.Path != "data/2024/" || !errors.Is(e, syscall.ENOSPC) || e.Lost {
		t.Errorf("at the start: %+v; want data/2024/, ENOSPC, not lost", e)
	}
	// The other folders are watched still.
	write(t, dir, "site.yaml", "title: y\n")
	if b := next(t, w); len(b) != 1 || b[0] != "site.yaml" {
		t.Errorf("batch %v; want [site.yaml]", b)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content", "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if e := nextError(t, w); e.Path != "content/zh/" || !errors.Is(e, syscall.ENOSPC) {
		t.Errorf("a folder created later: %+v; want content/zh/, ENOSPC", e)
	}
}

// TestRootThatCannotBeWatched checks that New fails with the
// explanation when not even the site folder can be watched.
func TestRootThatCannotBeWatched(t *testing.T) {
	dir := t.TempDir()
	_, err := New(dir, Options{Paths: []string{"data"}, refuse: failOn(dir, ".")})
	want := "cannot watch " + dir + ": the system's limit of watched folders is reached (fs.inotify.max_user_watches), so saves there are not seen; " +
		`raise it, for example with "sudo sysctl fs.inotify.max_user_watches=524288" (add "fs.inotify.max_user_watches=524288" to /etc/sysctl.conf to keep it), then restart budgetpress serve`
	if err == nil || err.Error() != want {
		t.Errorf("New: %v\nwant %s", err, want)
	}
}
