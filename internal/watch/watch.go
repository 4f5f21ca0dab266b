// Package watch reports which files of a site folder changed, for the
// dev server: it watches chosen files and folder trees with fsnotify,
// follows folders created after it started, ignores the temporary, swap
// and backup files of editors, and coalesces the burst of events of one
// save into one batch.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// DefaultDebounce is how long the folder must stay quiet after an event
// before the batch is reported. One save is a burst of events (a write,
// a truncate, a rename, a chmod) within a few milliseconds; the dev
// server does not show the errors of a batch while more events are on
// their way (Busy), so a save slower than this costs a rebuild, not a
// false error.
const DefaultDebounce = 10 * time.Millisecond

// maxDelay bounds how long a batch waits while events keep coming.
const maxDelay = time.Second

// Options choose what to watch.
type Options struct {
	// Paths are files and folders relative to the root, slash-separated,
	// like "site.yaml" or "data". A folder is watched with everything
	// under it. A path may not exist yet: it is picked up when created.
	Paths []string
	// Debounce is the quiet time that ends a burst; DefaultDebounce when 0.
	Debounce time.Duration

	// refuse makes watching a folder fail in tests, as the system does
	// when its limit of watches is reached; nil refuses nothing.
	refuse func(name string) error
}

// Error is a problem of the watcher, explained for the person running
// the dev server: what is no longer seen, and what to do.
type Error struct {
	Path string // the folder it is about, relative to the root; "" for all
	Err  error  // what fsnotify or the system said
	// Lost is set when changes may have been missed, so that only a
	// whole build is sure to be right.
	Lost bool
}

// Error explains the problem.
func (e *Error) Error() string {
	switch {
	case errors.Is(e.Err, fsnotify.ErrEventOverflow):
		return "too many files changed at once for the system to report each of them (fs.inotify.max_queued_events); everything is built again"
	case errors.Is(e.Err, syscall.ENOSPC):
		return fmt.Sprintf("cannot watch %s: the system's limit of watched folders is reached (fs.inotify.max_user_watches), so saves there are not seen; "+
			"raise it, for example with \"sudo sysctl fs.inotify.max_user_watches=524288\" (add \"fs.inotify.max_user_watches=524288\" to /etc/sysctl.conf to keep it), then restart budgetpress serve", e.Path)
	case errors.Is(e.Err, syscall.EMFILE):
		return fmt.Sprintf("cannot watch %s: too many programs are watching files (fs.inotify.max_user_instances), so saves there are not seen; "+
			"close some editors or file watchers, or raise the limit with \"sudo sysctl fs.inotify.max_user_instances=1024\", then restart budgetpress serve", e.Path)
	case e.Path != "":
		return fmt.Sprintf("cannot watch %s, so saves there are not seen: %v; restart budgetpress serve", e.Path, e.Err)
	}
	return fmt.Sprintf("watching the files: %v; everything is built again", e.Err)
}

// Unwrap returns what fsnotify or the system said.
func (e *Error) Unwrap() error { return e.Err }

// Watcher reports changed files in batches.
type Watcher struct {
	root     string
	paths    []string
	debounce time.Duration
	fsw      *fsnotify.Watcher
	refuse   func(name string) error
	changes  chan []string
	busy     atomic.Bool // changes were seen that are not sent yet
	errs     chan error
	done     chan struct{}
	wg       sync.WaitGroup

	// dirs are the folders being watched, relative to the root ("." for
	// the root itself); only the event loop touches it after New.
	dirs map[string]bool
	// gone are the watched folders that were removed or renamed.
	gone map[string]bool
}

// New starts watching the paths under root.
func New(root string, opt Options) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		root:     root,
		paths:    opt.Paths,
		debounce: opt.Debounce,
		fsw:      fsw,
		changes:  make(chan []string),
		errs:     make(chan error, 8),
		done:     make(chan struct{}),
		dirs:     map[string]bool{},
		gone:     map[string]bool{},
		refuse:   opt.refuse,
	}
	if w.debounce <= 0 {
		w.debounce = DefaultDebounce
	}
	// The root itself, not recursively: it reports site.yaml and the
	// creation of a watched folder that did not exist yet.
	if err := w.add("."); err != nil {
		fsw.Close()
		return nil, &Error{Path: root, Err: err}
	}
	for _, p := range w.paths {
		if st, err := os.Stat(w.abs(p)); err == nil && st.IsDir() {
			w.addTree(p, nil)
		}
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Changes delivers batches of changed paths: relative to the root,
// slash-separated, sorted, each once. A path is a file that was created,
// written, renamed (from or to) or removed, or a folder that was renamed
// or removed, written with a slash at the end ("data/2023/"): the files
// in it are not reported one by one. A folder created after the start is
// watched at once, and the files already in it are reported.
func (w *Watcher) Changes() <-chan []string { return w.changes }

// Busy reports whether changes were seen that Changes has not delivered
// yet: a save is on its way, so that work that can wait should.
func (w *Watcher) Busy() bool { return w.busy.Load() }

// Errors delivers the problems of the watcher, each an *Error: a folder
// that could not be watched (the system's limit of watches is reached),
// or an event queue overflow after which changes may have been missed.
func (w *Watcher) Errors() <-chan error { return w.errs }

// report delivers a problem, unless the reader is far behind: the
// problems it has not read yet tell it enough.
func (w *Watcher) report(e *Error) {
	select {
	case w.errs <- e:
	default:
	}
}

// Close stops watching. Changes is not closed.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	err := w.fsw.Close()
	w.wg.Wait()
	return err
}

func (w *Watcher) abs(rel string) string { return filepath.Join(w.root, filepath.FromSlash(rel)) }

func (w *Watcher) add(rel string) error {
	if w.refuse != nil {
		if err := w.refuse(w.abs(rel)); err != nil {
			return err
		}
	}
	if err := w.fsw.Add(w.abs(rel)); err != nil {
		return err
	}
	w.dirs[rel] = true
	return nil
}

// addTree watches a folder and every folder under it, and adds the files
// found to found when it is not nil. A folder that cannot be watched is
// reported on Errors, once: the folders under it would fail alike.
func (w *Watcher) addTree(rel string, found map[string]bool) {
	filepath.WalkDir(w.abs(rel), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: nothing to watch
		}
		r, err := filepath.Rel(w.root, p)
		if err != nil {
			return nil
		}
		r = filepath.ToSlash(r)
		if r != rel && Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.add(r); err != nil {
				w.report(&Error{Path: r + "/", Err: err})
				return filepath.SkipAll
			}
		} else if found != nil {
			found[r] = true
		}
		return nil
	})
}

// forget stops watching a folder that was removed or renamed, and the
// folders under it.
func (w *Watcher) forget(rel string) {
	for d := range w.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			w.fsw.Remove(w.abs(d)) // fails when the kernel dropped it already
			delete(w.dirs, d)
		}
	}
}

// wanted reports whether a path is one of the watched paths or under one.
func (w *Watcher) wanted(rel string) bool {
	for _, p := range w.paths {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return true
		}
	}
	return false
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	pending := map[string]bool{}
	var (
		timer = time.NewTimer(time.Hour)
		first time.Time // when the oldest pending change came
		ready bool      // the burst is over: pending can be sent
	)
	timer.Stop()
	for {
		var out chan []string
		if ready {
			out = w.changes
		}
		select {
		case <-w.done:
			timer.Stop()
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if !w.event(ev, pending) || len(pending) == 0 {
				continue
			}
			if first.IsZero() {
				first = time.Now()
			}
			w.busy.Store(true)
			ready = false
			timer.Reset(min(w.debounce, max(0, maxDelay-time.Since(first))))
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.report(&Error{Err: err, Lost: true})
		case <-timer.C:
			ready = len(pending) > 0
		case out <- sorted(pending):
			pending = map[string]bool{}
			first, ready = time.Time{}, false
			w.busy.Store(false)
		}
	}
}

// event records what one fsnotify event changed, and reports whether it
// added anything.
func (w *Watcher) event(ev fsnotify.Event, pending map[string]bool) bool {
	r, err := filepath.Rel(w.root, ev.Name)
	if err != nil {
		return false
	}
	rel := filepath.ToSlash(r)
	if !w.wanted(rel) || ignoredPath(rel) {
		return false
	}
	switch {
	case ev.Has(fsnotify.Create):
		delete(w.gone, rel)
		if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
			// Files may have been put in it before the watch was added:
			// report what is there.
			n := len(pending)
			w.addTree(rel, pending)
			return len(pending) > n
		}
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		// A folder's removal comes twice: from its own watch and from its
		// parent's, in either order.
		if w.dirs[rel] || w.gone[rel] {
			w.forget(rel)
			w.gone[rel] = true
			rel += "/"
		}
	case ev.Has(fsnotify.Write):
	default:
		return false // a chmod: the content is the same
	}
	pending[rel] = true
	return true
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// ignoredPath reports whether any part of a path is ignored.
func ignoredPath(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if Ignored(part) {
			return true
		}
	}
	return false
}

// Ignored reports whether a file or folder name is one that editors and
// tools write beside the files they save, or a hidden one: vim's swap
// files (.x.swp) and its write test (4913), backups (x~, x.bak), emacs's
// lock and autosave files (.#x, #x#), JetBrains' safe-write files
// (x___jb_tmp___), and the temporary files of atomic saves that end in
// .tmp.
func Ignored(name string) bool {
	if name == "" || name == "." {
		return false
	}
	switch {
	case strings.HasPrefix(name, "."),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasPrefix(name, "~$"),
		strings.HasSuffix(name, "~"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"),
		name == "4913":
		return true
	}
	switch path.Ext(name) {
	case ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig":
		return true
	}
	return false
}
