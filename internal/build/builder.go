package build

import (
	"bytes"
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
	"budgetpress/internal/narrative"
	"budgetpress/internal/render"
	"budgetpress/internal/sitepath"
)

// Builder keeps a loaded site between builds, for the dev server. Build
// loads, checks and renders everything; Update reloads only the files
// that changed, checks them again and renders only the pages of the
// department-years they are about; Gather, called right after, the
// pages that gather department-years (see Affected); Settle, once the
// editor pauses, what lists the whole site.
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
	// next are outputs that changed but that Update leaves for Gather:
	// the pages that gather department-years (see gathering).
	next Target
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
	// last is the renderer of the last build: its settings, dictionary
	// and theme change only with a full build. Update renders the pages
	// of a department-year with its templates (Renderer.With), without
	// opening and parsing the theme again; nil before a build has
	// prepared one.
	last *render.Renderer
	// content holds the explanations as the renderer takes them, kept
	// up to date as they are reloaded.
	content map[string][]byte

	mu     sync.Mutex
	dir    string // the current build
	prev   string // the one before, kept for requests still reading it
	closed bool   // Close was called: nothing is built any more
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
	// Full is set when the build replaced every page; Changed then is
	// nil. After a partial build, Changed lists the output paths of the
	// files whose bytes it changed or removed ("2024/x/index.html"), in
	// order: a page showing another one need not reload.
	Full    bool
	Changed []string
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
	b.opt.narratives = nil
	if site.Config != nil {
		// The explanations the check renders serve the pages, this
		// build's and the updates'.
		b.opt.narratives = narrative.NewSet(site.Dict)
		diags = append(diags, check.SiteWith(site, b.opt.narratives)...)
	}
	b.site = site
	b.found = map[string]diag.List{}
	for _, d := range diags {
		if d.Rule == check.RuleSameName {
			continue // found again, among all files, by findings
		}
		key := d.Pos.File
		if !isData(key) && !isContent(key) {
			key = ""
		}
		b.found[key] = append(b.found[key], d)
	}
	b.dirty, b.next, b.later = Target{All: true}, Target{}, Target{}
	b.search.reset()
	b.last, b.content = nil, nil
	return b.render(start)
}

// Update takes the files that changed, by their paths relative to the
// site folder, reloads and checks them, and renders the pages of the
// department-years they are about (see gathering). The pages that
// gather department-years (home, the years, the comparisons and
// overviews, the sitemap) are left for Gather, which the preview calls
// right after it has told the browsers of these: on a prefecture's site
// they cost ten times as much. What lists the whole site (the search
// index, the files of all departments of a year, the downloads pages,
// the department's open data) is left for Settle, which the preview
// calls once the editor pauses: it costs seconds.
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
	if len(b.site.DataFiles) == 0 {
		return b.Build() // for the loader's own finding that there are none
	}
	now, later := t.Split()
	own, lists := gathering(now)
	b.dirty.Add(own)
	b.next.Add(lists)
	b.later.Add(later)
	if o, ok := b.renderDepartments(start); ok {
		return o
	}
	return b.render(start)
}

// gathering divides what a save changes at once into the pages of the
// department-years it is about, in every language, with the theme's
// assets, and the pages that gather department-years: the home pages,
// the pages and comparisons of the years, the departments' overviews
// across years and their pages of the other years, whose year pickers
// link the years a department has.
func gathering(now Target) (own, lists Target) {
	own = Target{All: now.All, Depts: now.Depts, Assets: now.Assets}
	lists = now
	lists.All, lists.Depts, lists.Assets = false, nil, false
	return own, lists
}

// Gather renders what the last updates left for right after them: the
// pages that gather department-years, and the sitemap. The Outcome is
// not Built when nothing waited or the site has errors, which the
// update reported.
func (b *Builder) Gather() Outcome {
	if b.next.Empty() || b.findings().HasErrors() {
		return Outcome{}
	}
	start := time.Now()
	b.dirty.Add(b.next)
	b.next = Target{}
	return b.render(start)
}

// Pending reports whether outputs wait for Gather or Settle.
func (b *Builder) Pending() bool { return !b.next.Empty() || !b.later.Empty() }

// Settle builds what Update left for later (and what it left for
// Gather, when that was not called): the open data and the downloads
// first, then the search index, the largest part. Between the two it
// asks stop, when not nil, whether a save is waiting, and then leaves
// the index for later, so that the save does not wait for it. The
// Outcome is not Built when nothing was built: nothing waited, the site
// has errors (which the last update reported; what waits then waits for
// a good build), or stop said so at once.
func (b *Builder) Settle(stop func() bool) Outcome {
	if !b.Pending() || b.findings().HasErrors() || stop != nil && stop() {
		return Outcome{}
	}
	start := time.Now()
	first := b.later
	first.Search = false
	first.Add(b.next)
	b.next = Target{}
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
	var explanations []string
	for _, lang := range b.site.Config.Languages {
		explanations = append(explanations, sitepath.Content+"/"+lang+"/"+year+"/"+id+".md")
	}
	b.reloadContent(explanations...)
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

// reloadContent reads Markdown files of one department-year again and
// checks them against their department, with the department's
// explanations in the other languages, as a full check would.
func (b *Builder) reloadContent(rels ...string) {
	loaded := map[string]diag.List{} // the findings of loading those to check
	var read []model.Source
	for _, rel := range rels {
		delete(b.found, rel)
		b.site.Content = slices.DeleteFunc(b.site.Content, func(c model.Source) bool { return c.Path == rel })
		delete(b.content, rel)
		src, ok := b.read(rel)
		if !ok && b.found[rel] != nil {
			continue // it cannot be read, and the finding says why
		}
		loaded[rel] = nil
		if !ok {
			continue
		}
		c, diags := load.Content(rel, src)
		i := sort.Search(len(b.site.Content), func(i int) bool { return b.site.Content[i].Path >= rel })
		b.site.Content = slices.Insert(b.site.Content, i, c)
		if b.content != nil {
			b.content[rel] = []byte(c.Text)
		}
		loaded[rel], read = diags, append(read, c)
	}
	if len(loaded) == 0 {
		return
	}
	part := &model.Site{Dir: b.site.Dir, Config: b.site.Config, Dict: b.site.Dict, DataFiles: b.site.DataFiles}
	if f := b.departmentOf(rels[0]); f != nil {
		part.Files = []*model.File{f}
		for _, lang := range b.site.Config.Languages {
			p := render.ContentPath(lang, f)
			for _, other := range b.site.Content {
				if other.Path == p {
					part.Content = append(part.Content, other)
				}
			}
		}
	} else if len(read) > 0 {
		part.Content = read
	} else {
		return // neither the explanations nor their department are there
	}
	// The check renders the explanations for the pages (narrative's
	// Keep): the update that follows does not render them again.
	found := check.Explanations(part, b.opt.narratives)
	for rel, diags := range loaded {
		if all := append(diags, contentFindings(found, rel)...); len(all) > 0 {
			b.found[rel] = all
		}
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
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed {
		o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot build: %v", errClosed)
		return b.finish(o, start)
	}
	o.Diags = b.findings()
	if o.Diags.HasErrors() || b.site.Config == nil || b.dirty.Empty() {
		return b.finish(o, start)
	}
	r, theme, diags := prepare(b.site, b.opt)
	o.Diags = append(o.Diags, diags...)
	if o.Diags.HasErrors() {
		return b.finish(o, start)
	}
	b.last, b.content = r, r.Content
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
			o.Changed, err = b.merge(stage, b.outputs(pages))
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
	o.Full = full
	b.pages = b.outputs(pages)
	b.dirty = Target{}
	o.Built = true
	o.Pages, o.Files, o.Bytes = len(todo), w.files, w.bytes
	return b.finish(o, start)
}

// renderDepartments renders the pages of the department-years that are
// dirty, when they are all that is (an edit of a department file or an
// explanation, the common save), into the current build: with the
// theme and settings of the last build, without listing the site's
// pages or rewriting the sitemap, so that its cost does not grow with
// the site. It reports false, having done nothing, when the general
// render is needed: the site has errors, there is no build yet, other
// outputs are dirty, or a department-year came or went.
func (b *Builder) renderDepartments(start time.Time) (Outcome, bool) {
	t := b.dirty
	t.Depts = nil
	if len(b.dirty.Depts) == 0 || !t.Empty() || b.last == nil || b.Dir() == "" {
		return Outcome{}, false
	}
	var o Outcome
	if o.Diags = b.findings(); o.Diags.HasErrors() {
		return Outcome{}, false
	}
	byKey := make(map[string]*model.File, len(b.dirty.Depts))
	for _, f := range b.site.Files {
		if key := render.DeptKey(f); b.dirty.Depts[key] {
			byKey[key] = f
		}
	}
	if len(byKey) != len(b.dirty.Depts) {
		return Outcome{}, false // a department-year is gone
	}
	r := b.last.With(b.site.Files, b.content)
	keys := make([]string, 0, len(byKey))
	for key := range byKey {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	var todo []render.Page
	for _, key := range keys {
		for _, lang := range b.site.Config.Languages {
			p := r.DepartmentPage(lang, byKey[key])
			if !b.pages[p.Path] {
				return Outcome{}, false // a department-year came
			}
			todo = append(todo, p)
		}
	}
	w := &writer{mem: map[string][]byte{}}
	// The pages state the sizes of their open data as it was published;
	// the department's new open data follows when the preview settles.
	b.od.publish(r, b.opt.Dir, Target{}, false, w, &o.Diags)
	results := renderPages(r, todo, w)
	b.search.keep(todo, results)
	o.Untranslated = gather(todo, results, &o.Diags)
	if !o.Diags.HasErrors() {
		var err error
		if o.Changed, err = b.put(w.mem); err != nil {
			o.Diags.Errorf(diag.Pos{File: b.opt.Out}, "cannot put the new pages in place: %v", err)
		}
	}
	if o.Diags.HasErrors() {
		return b.finish(o, start), true
	}
	b.dirty = Target{}
	o.Built = true
	o.Pages, o.Files, o.Bytes = len(todo), w.files, w.bytes
	return b.finish(o, start), true
}

// put writes files, by their output paths, into the current build,
// each through a temporary file beside it that then takes its name, so
// that a request reads the old page or the new one, never half. A file
// whose bytes are already there is left as it is. It returns the paths
// of the files it changed, in order.
func (b *Builder) put(files map[string][]byte) ([]string, error) {
	dir := b.Dir()
	if dir == "" {
		return nil, errClosed
	}
	var changed []string
	for rel, data := range files {
		name := filepath.Join(dir, filepath.FromSlash(rel))
		if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, data) {
			continue
		}
		if _, err := replaceFile(name, data); err != nil {
			return nil, err
		}
		changed = append(changed, rel)
	}
	sort.Strings(changed)
	return changed, nil
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

// errClosed is the error of a partial build that ends after Close
// removed the build it was for: its files have nowhere to go (and
// never go into the current folder).
var errClosed = errors.New("the preview was closed")

// merge moves the files of a partial build into the current one, but
// those that are the same as before, and removes the pages and
// open-data files that are no longer part of the site. It returns the
// paths of the files it changed or removed, in order.
func (b *Builder) merge(stage string, now map[string]bool) ([]string, error) {
	dir := b.Dir()
	if dir == "" {
		return nil, errClosed
	}
	var changed []string
	err := filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(stage, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, rel)
		if same(p, to) {
			return nil
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		changed = append(changed, filepath.ToSlash(rel))
		return os.Rename(p, to)
	})
	if err != nil {
		return nil, err
	}
	for p := range b.pages {
		if now[p] {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		changed = append(changed, p)
		// Remove the folders left empty, up to the root of the build.
		for d := filepath.Dir(name); d != dir && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	sort.Strings(changed)
	return changed, nil
}

// same reports whether two files have the same bytes; false when either
// cannot be read.
func same(a, b string) bool {
	x, err := os.ReadFile(a)
	if err != nil {
		return false
	}
	y, err := os.ReadFile(b)
	return err == nil && bytes.Equal(x, y)
}

// findings returns every finding of loading and checking, by file, then
// those about several department files (check.Names).
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
	if b.site != nil {
		out = append(out, check.Names(b.site.Files)...)
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
	b.dir, b.prev, b.closed = "", "", true
	return os.RemoveAll(b.opt.Out)
}
