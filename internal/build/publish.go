package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"budgetpress/internal/diag"
	"budgetpress/internal/insite"
	"budgetpress/internal/stale"
)

// Static is the site folder whose files are copied into every build as
// they are (robots.txt, a PDF the explanations link to).
const Static = "static"

// Manifest is the file, in the output folder, that lists every file the
// build wrote: the next build tells from it the files someone put there
// by hand, which it would otherwise delete. Hidden, it is neither
// deployed nor archived.
const Manifest = ".budgetpress-files"

// manifestHead is the manifest's first line.
const manifestHead = "# the files budgetpress build wrote here; files not listed were put here by hand"

// removeAll removes the old site after a swap; tests replace it.
var removeAll = os.RemoveAll

// tempOutput makes the temporary folder a build is written into, next to
// out, after removing those that killed builds left there. Its name
// carries this process's id, so that a build running at the same time
// keeps its own.
func tempOutput(out string) (string, error) {
	parent, base := filepath.Dir(out), "."+filepath.Base(out)+".build-"
	sweep(parent, base, time.Now())
	return os.MkdirTemp(parent, stale.Prefix(base)+"*")
}

// sweep removes from parent the folders named base… that a killed build
// left: its temporary folders and the old sites it did not get to remove.
func sweep(parent, base string, now time.Time) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), base) {
			continue
		}
		info, err := e.Info()
		if err == nil && stale.Is(e.Name(), base, info.ModTime(), now) {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// finishOutput completes a build in w.root: it copies the site's static/
// folder into it and writes the manifest of every file.
func finishOutput(site string, w *writer, diags *diag.List) {
	copyStatic(site, w, diags)
	if diags.HasErrors() {
		return
	}
	if err := WriteManifest(w.root); err != nil {
		diags.Errorf(diag.Pos{File: Manifest}, "cannot write: %v", err)
	}
}

// WriteManifest writes into the built site in dir the Manifest of its
// files, as a build does; a restored site gets one so that its next build
// tells the files put there by hand.
func WriteManifest(dir string) error {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); rel != Manifest {
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString(manifestHead + "\n")
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	return os.WriteFile(filepath.Join(dir, Manifest), b.Bytes(), 0o644)
}

// copyStatic copies every file of the site's static/ folder into the
// build under the same path, byte for byte. Hidden files are left out;
// a link out of the site, or a file of a name the build writes itself,
// stops the build.
func copyStatic(site string, w *writer, diags *diag.List) {
	if ds := insite.Links(site, Static); len(ds) > 0 {
		*diags = append(*diags, ds...)
		return
	}
	fsys, ok, err := insite.FS(site, Static)
	if err != nil {
		diags.Errorf(diag.Pos{File: Static}, "cannot read: %v", err)
		return
	}
	if !ok {
		return
	}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		src := Static + "/" + p
		if err != nil {
			diags.Errorf(diag.Pos{File: src}, "cannot read: %v", err)
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		dst := filepath.Join(w.root, filepath.FromSlash(p))
		if _, err := os.Lstat(dst); err == nil {
			diags.Errorf(diag.Pos{File: src}, "the build makes a file of this name itself (%s): rename this file, or move it into another folder of static/", p)
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Errorf(diag.Pos{File: src}, "cannot read: %v", err)
			return nil
		}
		if err := w.mkdir(filepath.Dir(dst)); err != nil {
			diags.Errorf(diag.Pos{File: src}, "cannot copy: %v", err)
			return nil
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			diags.Errorf(diag.Pos{File: src}, "cannot copy: %v", err)
			return nil
		}
		w.mu.Lock()
		w.files++
		w.bytes += int64(len(data))
		w.fixed = append(w.fixed, p)
		w.mu.Unlock()
		return nil
	})
}

// junk are the files a file manager leaves in folders it shows; a build
// replaces them without a word.
var junk = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// handMade returns the files in the earlier build in out that no build
// wrote: those its manifest does not list. An output made before builds
// kept a manifest is judged by the kinds of files a build writes.
func handMade(out string) ([]string, error) {
	listed, err := readManifest(filepath.Join(out, Manifest))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	var found []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == Manifest, junk[d.Name()], strings.HasPrefix(d.Name(), tempFile):
		case listed != nil && listed[rel]:
		case listed == nil && builtKind(rel):
		default:
			found = append(found, rel)
		}
		return nil
	})
	sort.Strings(found)
	return found, err
}

// readManifest reads the names a manifest lists.
func readManifest(name string) (map[string]bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	listed := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			listed[line] = true
		}
	}
	return listed, nil
}

// builtKind reports whether a file of an output without a manifest is of
// a kind builds write: pages, the sitemap, assets, open data.
func builtKind(rel string) bool {
	if strings.HasPrefix(rel, "assets/") || strings.HasPrefix(rel, "opendata/") {
		return true
	}
	switch path.Ext(strings.TrimSuffix(rel, ".gz")) {
	case ".html", ".xml", ".css", ".js", ".json", ".csv", ".xlsx":
		return true
	}
	return false
}

// handMadeError is the refusal to replace an output holding files no
// build wrote.
func handMadeError(out string, files []string) error {
	shown := make([]string, 0, 3)
	for i, f := range files {
		if i == 3 {
			break
		}
		shown = append(shown, filepath.Join(out, filepath.FromSlash(f)))
	}
	more := ""
	if n := len(files) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	what, it := "a file that no build wrote", "it"
	if len(files) > 1 {
		what, it = "files that no build wrote", "them"
	}
	return fmt.Errorf("%s holds %s (%s%s); each build replaces the whole folder and would delete %s: move %s into the site's static/ folder, whose files are copied into every build, or delete %s", out, what, strings.Join(shown, ", "), more, it, it, it)
}

// LeftOver is the error of a swap that put the new site in place but
// could not remove the old one.
type LeftOver struct {
	Dir string // where the old site is
	Err error
}

func (e *LeftOver) Error() string {
	return fmt.Sprintf("the new site is published; the old copy at %s could not be removed (%v): delete that folder (the next build tries again)", e.Dir, e.Err)
}

func (e *LeftOver) Unwrap() error { return e.Err }

// moveAside is swap without an atomic exchange: the old site is moved
// aside, the new one moved in, and the old one moved back if that fails.
// For a moment there is no site at out.
func moveAside(tmp, out string) (old string, err error) {
	old = tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out)
		return "", err
	}
	return old, nil
}
