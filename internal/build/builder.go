package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/render"
	"budgetpress/internal/sitepath"
)

// Builder keeps a loaded site between builds, for the dev server. Build
// loads, checks and renders everything; Update reloads only the files
// that changed, checks them again and renders only the pages that depend
// on them (see Affected).
//
// A build with errors writes nothing: the last good build stays in
// place, and what it should have rendered is rendered by the next good
// one. Builds live in subfolders of Options.Out, which the Builder owns;
// Dir names the current one.
type Builder struct {
	opt  Options
	site *model.Site
	// found holds the findings of loading and checking by the file they
	// are about: a data or content file, or "" for the rest of the site.
	found map[string]diag.List
	dirty Target // outputs not rebuilt since they changed
	// later are outputs that changed but that Update leaves for Settle:
	// those that list the whole site (see Target.Split).
	later Target
	pages map[string]bool // output paths of the pages and open data of the current build
	index map[string]bool // output paths of the files of its search indexes
	od    openData        // the open-data files of the current build
	// search keeps each department page's search documents and terms,
	// so that the index is made again from those of the pages that
	// changed and the others' as they were.
	search searchMemo

	mu   sync.Mutex
	dir  string // the current build
	prev string // the one before, kept for requests still reading it
}

// Outcome reports a build of a Builder.
type Outcome struct {
	// Result counts the pages and files written by this build; its Diags
	// are every finding about the site as it is now, not only about the
	// files that changed.
	Result
	// Built is set when new output is in place; it is not when the build
	// had errors, or when nothing that a page shows changed.
	Built bool
	// StylesOnly is set when only the theme's assets changed, so that a
	// page can take the new stylesheets without reloading.
	StylesOnly bool
}

// NewBuilder returns a Builder for the site in opt.Dir that writes into
// opt.Out, a folder it owns. Nothing is loaded before Build.
func NewBuilder(opt Options) *Builder {
	return &Builder{opt: opt}
}

// Dir returns the folder of the last good build, or "" before the first.
// It may be called while a build runs.
func (b *Builder) Dir() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.dir
}

// Build loads and checks the whole site again, and renders every page.
func (b *Builder) Build() Outcome {
	start := time.Now()
	site, diags := load.ReadSite(b.opt.Dir)
	if site.Config != nil {
		diags = append(diags, check.Site(site)...)
	}
	b.site = site
	b.found = map[string]diag.List{}
	for _, d := range diags {
		key := d.Pos.File
		if !isData(key) && !isContent(key) {
			key = ""
		}
		b.found[key] = append(b.found[key], d)
	}
	b.dirty, b.later = Target{All: true}, Target{}
	b.search.reset()
	return b.render(start)
}

// Update takes the files that changed, by their paths relative to the
// site folder, and rebuilds the pages that depend on them and their
// department's open data. What lists the whole site (the search index,
// the files of all departments of a year, the downloads pages) is left
// for Settle, which the preview calls once the editor pauses: on a
// prefecture's site it costs seconds, and a save is to show at once.
func (b *Builder) Update(changed []string) Outcome {
	t := Affected(changed)
	// The findings about the site as a whole (site.yaml, the
	// classification, whether there is any department file) come from
	// loading all of it. While there are any, every update loads all of
	// it again, so that none outlives its cause: a department file put
	// back after it was the only one and was moved away.
	if t.All || b.site == nil || b.site.Config == nil || len(b.found[""]) > 0 {
		return b.Build()
	}
	start := time.Now()
	had := map[string][]int{} // the years each department had
	for id := range t.Pickers {
		had[id] = b.yearsOf(id)
	}
	for _, p := range changed {
		switch {
		case isData(p):
			b.reloadData(p)
		case isContent(p):
			b.reloadContent(p)
			if _, year, id, ok := sitepath.ParseExplanation(p); ok {
				b.search.forget(year + "/" + id)
			}
		}
	}
	// A department's pages of the other years change only with the years
	// it has, which their year pickers link.
	for id, years := range had {
		if slices.Equal(years, b.yearsOf(id)) {
			delete(t.Pickers, id)
		}
	}
	if paths, _ := filepath.Glob(filepath.Join(b.opt.Dir, sitepath.Data, "*", "*.yaml")); len(paths) == 0 {
		return b.Build() // for the loader's own finding that there are none
	}
	now, later := t.Split()
	b.dirty.Add(now)
	b.later.Add(later)
	return b.render(start)
}

// Pending reports whether outputs wait for Settle.
func (b *Builder) Pending() bool { return !b.later.Empty() }

// Settle builds what Update left for later: the open data and the
// downloads first, then the search index, the largest part. Between the
// two it asks stop, when not nil, whether a save is waiting, and then
// leaves the index for later, so that the save does not wait for it.
// The Outcome is not Built when nothing was built: nothing waited, the
// site has errors (which the last update reported; what waits then
// waits for a good build), or stop said so at once.
func (b *Builder) Settle(stop func() bool) Outcome {
	if b.later.Empty() || b.findings().HasErrors() || stop != nil && stop() {
		return Outcome{}
	}
	start := time.Now()
	first := b.later
	first.Search = false
	b.later = Target{Search: b.later.Search}
	o := b.finish(Outcome{}, start)
	if !first.Empty() {
		b.dirty.Add(first)
		if o = b.render(start); o.Diags.HasErrors() || stop != nil && stop() {
			return o
		}
	}
	if b.later.Search {
		b.dirty.Add(b.later)
		b.later = Target{}
		s := b.render(start)
		s.Pages += o.Pages
		s.Files += o.Files
		s.Bytes += o.Bytes
		o = s
	}
	return o
}

// yearsOf returns the years a department has a loaded file for, in
// order.
func (b *Builder) yearsOf(id string) []int {
	var out []int
	for _, f := range b.site.Files {
		if f.ID == id {
			out = append(out, f.Year)
		}
	}
	slices.Sort(out)
	return out
}

// isData reports whether a path is a department file, as the loader
// finds them: data/<year>/<id>.yaml.
func isData(p string) bool {
	_, _, ok := sitepath.ParseDataFile(p)
	return ok
}

// isContent reports whether a path is a Markdown file under content/.
func isContent(p string) bool {
	return strings.HasPrefix(p, "content/") && path.Ext(p) == ".md"
}

// read reads a file of the site, as the loader does (load.ReadFile:
// one too large is refused unread). It reports false when the file is
// gone (deleted or renamed away), or cannot be read, which is then a
// finding.
func (b *Builder) read(rel string) ([]byte, bool) {
	src, found, diags := load.ReadFile(b.opt.Dir, rel)
	if diags != nil {
		b.found[rel] = diags
	}
	return src, found && diags == nil
}

// reloadData reads one department file again and checks it, then its
// explanations, which a department file added or removed makes right
// or wrong.
func (b *Builder) reloadData(rel string) {
	b.readData(rel)
	year, id, _ := sitepath.ParseDataFile(rel)
	for _, lang := range b.site.Config.Languages {
		b.reloadContent(sitepath.Content + "/" + lang + "/" + year + "/" + id + ".md")
	}
}

// readData reads one department file again and checks it.
func (b *Builder) readData(rel string) {
	delete(b.found, rel)
	b.site.Files = slices.DeleteFunc(b.site.Files, func(f *model.File) bool { return f.Path == rel })
	src, ok := b.read(rel)
	i, listed := slices.BinarySearch(b.site.DataFiles, rel)
	switch {
	case !ok && b.found[rel] == nil && listed: // gone
		b.site.DataFiles = slices.Delete(b.site.DataFiles, i, i+1)
	case (ok || b.found[rel] != nil) && !listed: // come
		b.site.DataFiles = slices.Insert(b.site.DataFiles, i, rel)
	}
	if !ok {
		return
	}
	f, diags := load.File(rel, src, load.OptionsOf(b.site))
	diags = diags.Capped(load.MaxDiagnostics)
	if f != nil {
		diags = append(diags, check.File(f, b.site.Config, b.site.Dict)...)
		i := sort.Search(len(b.site.Files), func(i int) bool { return b.site.Files[i].Path >= rel })
		b.site.Files = slices.Insert(b.site.Files, i, f)
	}
	b.found[rel] = diags
}

// reloadContent reads one Markdown file again and checks it.
func (b *Builder) reloadContent(rel string) {
	delete(b.found, rel)
	b.site.Content = slices.DeleteFunc(b.site.Content, func(c model.Source) bool { return c.Path == rel })
	src, ok := b.read(rel)
	if !ok && b.found[rel] != nil {
		return // it cannot be read, and the finding says why
	}
	var c model.Source
	var diags diag.List
	if ok {
		c, diags = load.Content(rel, src)
		i := sort.Search(len(b.site.Content), func(i int) bool { return b.site.Content[i].Path >= rel })
		b.site.Content = slices.Insert(b.site.Content, i, c)
	}
	// Check the explanation against its department, with the department's
	// explanations in the other languages, as a full check would.
	part := &model.Site{Dir: b.site.Dir, Config: b.site.Config, Dict: b.site.Dict, DataFiles: b.site.DataFiles}
	if f := b.departmentOf(rel); f != nil {
		part.Files = []*model.File{f}
		for _, lang := range b.site.Config.Languages {
			p := render.ContentPath(lang, f)
			for _, other := range b.site.Content {
				if other.Path == p {
					part.Content = append(part.Content, other)
				}
			}
		}
	} else if ok {
		part.Content = []model.Source{c}
	} else {
		return // neither the explanation nor its department is there
	}
	if found := append(diags, contentFindings(check.Site(part), rel)...); len(found) > 0 {
		b.found[rel] = found
	}
}

// departmentOf returns the department file an explanation belongs to.
func (b *Builder) departmentOf(rel string) *model.File {
	for _, f := range b.site.Files {
		for _, lang := range b.site.Config.Languages {
			if render.ContentPath(lang, f) == rel {
				return f
			}
		}
	}
	return nil
}

// contentFindings keeps the findings about one explanation: those about
// its department's other explanations are kept under their own paths.
func contentFindings(diags diag.List, rel string) diag.List {
	var out diag.List
	for _, d := range diags {
		if d.Pos.File == rel {
			out = append(out, d)
		}
	}
	return out
}

// render renders the outputs that are dirty, when the site has no
// errors. A full build is rendered into a new folder that then becomes
// the current build; a partial one into a staging folder whose files are
// then moved into the current build one by one, each move atomic, so
// that a page being served is the old one or the new one, never half.
func (b *Builder) render(start time.Time) Outcome {
	var o Outcome
	o.Diags = b.findings()
	if o.Diags.HasErrors() || b.site.Config == nil || b.dirty.Empty() {
		return b.finish(o, start)
	}
	r, theme, diags := prepare(b.site, b.opt)
	o.Diags = append(o.Diags, diags...)
	if o.Diags.HasErrors() {
		return b.finish(o, start)
	}
	if err := os.MkdirAll(b.opt.Out, 0o755); err != nil {
		o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot create the output folder: %v", err)
		return b.finish(o, start)
	}
	stage, err := os.MkdirTemp(b.opt.Out, "build-")
	if err != nil {
		o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot create a folder for the build: %v", err)
		return b.finish(o, start)
	}
	full := b.dirty.All || b.Dir() == ""
	pages := r.Pages()
	var todo []render.Page
	for _, p := range pages {
		if full || b.dirty.Has(p) {
			todo = append(todo, p)
		}
	}
	w := &writer{root: stage}
	b.od.publish(r, b.opt.Dir, b.dirty, full, w, &o.Diags)
	o.Untranslated = publish(r, theme, w, pages, todo, full || b.dirty.Assets, &b.search, &o.Diags)
	if full {
		copyStatic(b.opt.Dir, w, &o.Diags)
	}
	if !o.Diags.HasErrors() {
		if full {
			err = os.Chmod(stage, 0o755)
			b.index = nil
		} else {
			err = b.merge(stage, b.outputs(pages))
		}
		if err != nil {
			o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot put the new pages in place: %v", err)
		}
	}
	if o.Diags.HasErrors() {
		os.RemoveAll(stage)
		return b.finish(o, start)
	}
	if full {
		b.mu.Lock()
		old := b.prev
		b.prev, b.dir = b.dir, stage
		b.mu.Unlock()
		if old != "" {
			os.RemoveAll(old)
		}
	} else {
		os.RemoveAll(stage)
	}
	if err := b.pruneIndex(w.index); err != nil {
		o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot remove the old search index files: %v", err)
	}
	o.StylesOnly = !full && b.dirty.StylesOnly()
	b.pages = b.outputs(pages)
	b.dirty = Target{}
	o.Built = true
	o.Pages, o.Files, o.Bytes = len(todo), w.files, w.bytes
	return b.finish(o, start)
}

// outputs are the paths of the pages and the open-data files of a build.
func (b *Builder) outputs(pages []render.Page) map[string]bool {
	now := map[string]bool{}
	for _, p := range pages {
		now[p.Path] = true
	}
	for _, p := range b.od.paths() {
		now[p] = true
	}
	return now
}

// merge moves the files of a partial build into the current one, and
// removes the pages and open-data files that are no longer part of the
// site.
func (b *Builder) merge(stage string, now map[string]bool) error {
	dir := b.Dir()
	err := filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(stage, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.Rename(p, to)
	})
	if err != nil {
		return err
	}
	for p := range b.pages {
		if now[p] {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// Remove the folders left empty, up to the root of the build.
		for d := filepath.Dir(name); d != dir && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	return nil
}

// findings returns every finding of loading and checking, sorted.
func (b *Builder) findings() diag.List {
	keys := make([]string, 0, len(b.found))
	for k := range b.found {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out diag.List
	for _, k := range keys {
		out = append(out, b.found[k]...)
	}
	return out
}

func (b *Builder) finish(o Outcome, start time.Time) Outcome {
	o.Result = finish(o.Result, start)
	return o
}

// Close removes every build.
func (b *Builder) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.dir, b.prev = "", ""
	return os.RemoveAll(b.opt.Out)
}
