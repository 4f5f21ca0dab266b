package build

// A warm build does what a cold one does, but only for what changed
// since the last build into the same folder, and writes only the files
// that changed. The cache (cache.go) holds, per department-year, the
// hash of its inputs, its findings, a summary of what the pages that
// gather department-years read of it (summary.go), its open-data files,
// its search documents and the figures its year's bulk files take; per year, its bulk files; per page, what
// rendering it reported; and the size and time of every output file.
//
// Any change to the site-wide inputs (the program, the options,
// site.yaml, the classification, the table sets, layouts/, static/), to
// the site's years, or an explanation that belongs to no department
// file, and any output file that is not as the last build left it,
// makes the build cold: it loads, checks and renders everything, in a
// new folder swapped into place, as without the cache.
//
// Otherwise the department-years whose inputs changed (a department's
// year added or removed changes the key of its other years, whose year
// pickers list them) are loaded, checked and rendered; the pages that
// gather department-years, the search indexes, the sitemap, the
// catalogue and checksums, and the bulk files of the years that
// changed, are made again, the gathering pages from the summaries of
// the department-years not loaded and the bulk files from their cached
// figures; the search index is patched where it can be (search.Patch);
// the rest is taken from the cache.
// The warm output is byte for byte the cold one (TestWarmBuild…).

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"budgetpress"
	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
	"budgetpress/internal/search"
	"budgetpress/internal/sitepath"
)

// outputDir is the absolute output folder of opt.
func outputDir(opt Options) (string, error) {
	return filepath.Abs(opt.output())
}

// inventory is the department files and explanations of a site now.
type inventory struct {
	data    []string // department files, in order
	content []string // explanations
	years   []int    // newest first
	byID    map[string][]int
}

// takeInventory lists the department files and explanations as the
// loader finds them; ok is false when one is not of a department-year
// (the loader or the checker has something to say about it).
func takeInventory(dir string, langs []string) (inventory, bool) {
	var inv inventory
	seen := map[int]bool{}
	inv.byID = map[string][]int{}
	for _, rel := range sitepath.DataFiles(dir, "*") {
		ys, id := yearID(rel)
		y, err := strconv.Atoi(ys)
		if err != nil || strconv.Itoa(y) != ys || !load.DepartmentFile(rel) {
			return inv, false
		}
		inv.data = append(inv.data, rel)
		if !seen[y] {
			seen[y] = true
			inv.years = append(inv.years, y)
		}
		inv.byID[id] = append(inv.byID[id], y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(inv.years)))
	for _, ys := range inv.byID {
		sort.Ints(ys)
	}
	units := map[string]bool{}
	for _, rel := range inv.data {
		units[rel] = true
	}
	ok := true
	filepath.WalkDir(filepath.Join(dir, sitepath.Content), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		rel := filepath.ToSlash(mustRel(dir, p))
		lang, year, id, good := sitepath.ParseExplanation(rel)
		if !good || !slices.Contains(langs, lang) || !units["data/"+year+"/"+id+".yaml"] {
			ok = false
		}
		inv.content = append(inv.content, rel)
		return nil
	})
	return inv, ok && len(inv.data) > 0
}

func mustRel(dir, p string) string {
	r, err := filepath.Rel(dir, p)
	if err != nil {
		return p
	}
	return r
}

// keys returns the key of every department-year of inv.
func (inv inventory) keys(h *hasher, langs []string) map[string]string {
	var all []string
	for _, rel := range inv.data {
		all = append(all, unitInputs(rel, langs)...)
	}
	sums := h.hashAll(all)
	n := len(all) / len(inv.data)
	out := map[string]string{}
	for i, rel := range inv.data {
		_, id := yearID(rel)
		out[rel] = unitKey(sums[i*n:(i+1)*n], inv.byID[id], inv.years)
	}
	return out
}

// NoCacheYet is why a first build is cold (Result.Cache "cold: " and
// this): there is no cache of an earlier build into its output folder.
const NoCacheYet = "no cache yet"

// warm runs a warm build. ok is false when the build must be cold, and
// why then says why.
func warm(opt Options, start time.Time) (res Result, ok bool, why string) {
	out, err := outputDir(opt)
	if err != nil {
		return res, false, "no output folder"
	}
	if t := ownTemplate(opt.Dir); t != "" {
		return res, false, "the site has its own page template " + t
	}
	name := cachePath(opt.Dir, out)
	old, err := readCache(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return res, false, NoCacheYet
	case err != nil:
		return res, false, err.Error()
	case old.Out != out:
		return res, false, "the cache is of another output folder"
	}
	// Stating every output file takes a core while what changed is loaded,
	// checked and made in memory.
	intact := make(chan bool, 1)
	go func() { intact <- outputIntact(out, old.Outputs) }()
	h := newHasher(opt.Dir, old)
	global := globalKey(h, opt, out)
	if global != old.Global {
		return res, false, "the program, the options or a site-wide file changed"
	}
	settings, sdiags := load.ReadSettings(opt.Dir)
	if settings.Config == nil || sdiags.HasErrors() {
		return res, false, "site.yaml has errors"
	}
	langs := settings.Config.Languages
	inv, good := takeInventory(opt.Dir, langs)
	if !good {
		return res, false, "an explanation belongs to no department file"
	}
	if !slices.Equal(inv.years, old.Years) {
		return res, false, "the site's years changed"
	}
	keys := inv.keys(h, langs)
	var changed []string
	for _, rel := range inv.data {
		if u := old.Units[rel]; u == nil || u.Key != keys[rel] {
			changed = append(changed, rel)
		}
	}
	var removed []string
	for rel := range old.Units {
		if keys[rel] == "" {
			removed = append(removed, rel)
		}
	}
	sort.Strings(removed)
	const damaged = "the output folder is not as the last build left it"
	res.Cache = "warm"
	if len(changed) == 0 && len(removed) == 0 {
		if !<-intact {
			return Result{}, false, damaged
		}
		res.Diags, res.Untranslated = slices.Clone(old.Report), old.Untranslated
		res.Pages, res.Files, res.Bytes = old.PageCount, old.Files, old.Bytes
		if !maps.Equal(h.seen, old.Sources) {
			// Files saved again unchanged: keep their new times, so
			// that the next build need not read them.
			old.Sources = h.seen
			writeCache(name, old)
		}
		return finish(res, start), true, ""
	}

	// Load and check what changed, as a whole build would.
	opt.narratives = narrative.NewSet(settings.Dict)
	part, _ := load.ReadSettings(opt.Dir)
	found := map[string]diag.List{}
	for _, rel := range changed {
		found[rel] = load.ReadDepartment(part, rel)
	}
	for _, d := range check.SiteWith(part, opt.narratives) {
		if d.Rule == check.RuleSameName {
			continue // found below, among all department files
		}
		u := unitOf(d.Pos.File, keys)
		if u == "" {
			return Result{}, false, "a finding about no department-year"
		}
		found[u] = append(found[u], d)
	}
	full := map[string]*model.File{}
	for _, f := range part.Files {
		full[f.Path] = f
	}
	res.Diags = append(res.Diags, sdiags...)
	for _, rel := range inv.data {
		if d, ok := found[rel]; ok {
			res.Diags = append(res.Diags, d...)
		} else {
			res.Diags = append(res.Diags, old.Units[rel].Diags...)
		}
	}
	res.Diags = append(res.Diags, check.Names(named(inv.data, full, found, old))...)
	if res.Diags.HasErrors() {
		return finish(res, start), true, ""
	}
	// The bulk files of a year list all its departments: those of the
	// years that changed are made again, with the figures of the
	// department-years not loaded from the cache.
	years := map[int]bool{}
	for _, rel := range append(slices.Clone(changed), removed...) {
		ys, _ := yearID(rel)
		y, _ := strconv.Atoi(ys)
		years[y] = true
	}
	var bulk []string
	for _, rel := range inv.data {
		ys, _ := yearID(rel)
		y, _ := strconv.Atoi(ys)
		if years[y] && full[rel] == nil {
			bulk = append(bulk, rel)
		}
	}
	folder := cacheFolder(opt.Dir, out)
	// They are decoded here: figures that do not decode make the build
	// cold, where the bulk files would otherwise lay out those of the
	// summary that stands for the file.
	figures := make([]deptFigures, len(bulk))
	bad := make([]bool, len(bulk))
	parallel.Each(len(bulk), func(i int) {
		bad[i] = readSealed(figuresEntry(folder, global, keys[bulk[i]]), &figures[i].byLang) != nil ||
			figures[i].decode(settings.Config.Languages) != nil
	})
	if slices.Contains(bad, true) {
		return Result{}, false, "figures of the cache are damaged"
	}
	cached := map[string]deptFigures{}
	for i, rel := range bulk {
		cached[rel] = figures[i]
	}
	site := &model.Site{Dir: opt.Dir, Config: settings.Config, Dict: settings.Dict, Templates: settings.Templates, DataFiles: inv.data, Content: part.Content}
	for _, rel := range inv.data {
		f := full[rel]
		if f == nil {
			var ok bool
			if f, ok = old.Units[rel].Summary.stub(settings.Templates); !ok {
				return Result{}, false, "a summary of the cache does not fit the table sets"
			}
		}
		site.Files = append(site.Files, f)
	}
	od := &openData{depts: map[string][]render.Download{}, years: map[int][]render.Download{}, figures: map[string]deptFigures{}}
	for _, f := range site.Files {
		if c, ok := cached[f.Path]; ok {
			c.f = f
			od.figures[render.DeptKey(f)] = c
		}
	}
	r, _, diags := prepare(site, opt)
	res.Diags = append(res.Diags, diags...)
	if res.Diags.HasErrors() {
		return finish(res, start), true, ""
	}

	// Render what changed, into memory.
	w := &writer{root: out, gzip: opt.Gzip, mem: map[string][]byte{}}
	t := Target{Depts: map[string]bool{}, Years: years}
	redo := map[string]bool{}
	for _, rel := range changed {
		redo[rel] = true
		ys, id := yearID(rel)
		t.Depts[ys+"/"+id] = true
	}
	for _, rel := range inv.data {
		if !redo[rel] {
			ys, id := yearID(rel)
			od.depts[ys+"/"+id] = old.Units[rel].Downloads
		}
	}
	for y, d := range old.YearFiles {
		if !years[y] || sameFigures(r, old, folder, global, y, changed, removed, full, od) {
			od.years[y] = d
		}
	}
	pages := r.Pages()
	// The search index needs no open data and no page: it is made
	// meanwhile, its shards read from the output while the workbooks
	// are made.
	indexing := make(chan indexed, 1)
	go func() {
		indexing <- indexJob{r: r, w: w, out: out, pages: pages, files: site.Files, changed: changed, removed: removed,
			full: full, redo: redo, keys: keys, old: old, folder: folder, global: global}.run()
	}()
	od.publish(r, opt.Dir, t, false, w, &res.Diags)
	var todo []render.Page
	done := map[string]bool{}
	affected := pagesAffected(old, changed, removed, full, years)
	for _, p := range pages {
		if affected(p) {
			todo = append(todo, p)
			done[p.Path] = true
		}
	}
	fresh := renderPages(r, todo, w)
	results := make([]render.Result, len(pages))
	for i, j := 0, 0; i < len(pages); i++ {
		if j < len(todo) && todo[j].Path == pages[i].Path {
			results[i] = fresh[j]
			j++
		} else {
			results[i] = old.Pages[pages[i].Path]
		}
	}
	res.Untranslated = gather(pages, results, &res.Diags)
	ix := <-indexing
	if ix.why != "" {
		return Result{}, false, ix.why
	}
	res.Diags = append(res.Diags, ix.diags...)
	index, byPath := ix.index, ix.byPath
	w.write("sitemap.xml", sitemap(r, pages), &res.Diags)
	// Until here nothing was written: the output is stated meanwhile,
	// on the other core, and whatever was made from a folder that is not
	// as the last build left it (the search index is patched from it) is
	// thrown away for a cold build.
	if !<-intact {
		return Result{}, false, damaged
	}
	if res.Diags.HasErrors() {
		return finish(res, start), true, ""
	}

	// Every file of the build: those of the department-years and years
	// taken from the cache, the fixed ones, and those just made.
	all := map[string]bool{}
	for p := range w.mem {
		all[p] = true
	}
	for _, p := range slices.Concat(old.Fixed, index) {
		all[p] = true
	}
	for _, p := range pages {
		if !done[p.Path] {
			for _, q := range w.withGzip(p.Path) {
				all[q] = true
			}
		}
	}
	for _, ds := range od.depts {
		for _, d := range ds {
			for _, q := range w.withGzip(d.Path) {
				all[q] = true
			}
		}
	}
	for _, ds := range od.years {
		for _, d := range ds {
			for _, q := range w.withGzip(d.Path) {
				all[q] = true
			}
		}
	}
	// The cache goes first: a build stopped while writing leaves no
	// cache, and the next one is cold.
	os.Remove(name)
	outputs, err := apply(out, w.mem, all, old.Outputs)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: out}, "cannot write the changed files: %v", err)
		return finish(res, start), true, ""
	}
	res.Pages = len(pages)
	for p, o := range outputs {
		if p != Manifest {
			res.Files++
			res.Bytes += o.Size
		}
	}

	res = finish(res, start)
	c := &cache{Tool: toolID(), Global: global, Out: out, Years: inv.years, Sources: h.seen,
		Units: map[string]*unit{}, YearFiles: od.years, Pages: map[string]render.Result{}, Fixed: old.Fixed,
		Index: index, Outputs: outputs, Report: res.Diags, Untranslated: res.Untranslated,
		PageCount: res.Pages, Files: res.Files, Bytes: res.Bytes}
	for _, rel := range inv.data {
		if !redo[rel] {
			c.Units[rel] = old.Units[rel]
			continue
		}
		s, ok := summarize(full[rel], settings.Templates)
		if !ok {
			return res, true, ""
		}
		ys, id := yearID(rel)
		c.Units[rel] = &unit{Key: keys[rel], Diags: found[rel], Summary: s, Downloads: od.depts[ys+"/"+id]}
		fig, ok := od.figures[ys+"/"+id]
		if !ok || writeSealed(searchEntry(folder, global, keys[rel]), byPath[rel]) != nil || writeSealed(figuresEntry(folder, global, keys[rel]), fig.byLang) != nil {
			return res, true, ""
		}
	}
	keep := map[string]bool{}
	for _, rel := range inv.data {
		keep[searchEntry(folder, global, keys[rel])] = true
		keep[figuresEntry(folder, global, keys[rel])] = true
	}
	pruneEntries(folder, keep)
	for i, p := range pages {
		if len(results[i].Untranslated) > 0 || len(results[i].Diags) > 0 {
			c.Pages[p.Path] = render.Result{Untranslated: results[i].Untranslated, Diags: results[i].Diags}
		}
	}
	writeCache(name, c)
	return res, true, ""
}

// named lists the department files of data as check.Names reads them:
// those loaded (full), and for the others their names as the cache
// keeps them; a file loaded again that did not load (it is in found
// without being in full) is left out, as a whole build leaves it.
func named(data []string, full map[string]*model.File, found map[string]diag.List, old *cache) []*model.File {
	var out []*model.File
	for _, rel := range data {
		if f := full[rel]; f != nil {
			out = append(out, f)
			continue
		}
		if _, loaded := found[rel]; loaded {
			continue
		}
		s := old.Units[rel].Summary
		out = append(out, &model.File{Path: s.Path, Year: s.Year, Type: s.Type, Department: model.Department{Name: s.Name}})
	}
	return out
}

// indexJob is what a warm build makes its search index of.
type indexJob struct {
	r              *render.Renderer
	w              *writer
	out            string // the output folder, with the index of the last build
	pages          []render.Page
	files          []*model.File
	changed        []string // the department files loaded, and those gone
	removed        []string
	full           map[string]*model.File // the files loaded, by path
	redo           map[string]bool
	keys           map[string]string // the cache keys of the department files
	old            *cache
	folder, global string
}

// indexed is the search index a warm build made: the paths of its
// files, the documents of the department-years loaded, and the findings;
// why says why the cache could not serve, when it could not.
type indexed struct {
	index  []string
	byPath map[string]map[string]searchDoc
	diags  diag.List
	why    string
}

// run makes the search documents of the department-years loaded, and
// the index: that of the last build when every page has the same
// documents as then (a figure changed, not a text); patched when no
// page came or went; else made again, with the documents and terms of
// the others from the cache.
func (j indexJob) run() (ix indexed) {
	r, w, langs, changed, full := j.r, j.w, j.r.Config.Languages, j.changed, j.full
	old, folder, global := j.old, j.folder, j.global
	byPath := map[string]map[string]searchDoc{}
	ix.byPath = byPath
	for _, rel := range changed {
		byPath[rel] = map[string]searchDoc{}
	}
	var mu sync.Mutex
	parallel.Each(len(changed)*len(langs), func(i int) {
		rel, lang := changed[i/len(langs)], langs[i%len(langs)]
		sp := r.SearchPage(lang, full[rel])
		d := searchDoc{Page: sp, Cut: search.CutPage(sp)}
		mu.Lock()
		byPath[rel][lang] = d
		mu.Unlock()
	})
	same, patchable := len(j.removed) == 0, len(j.removed) == 0
	was := map[string]map[string]searchDoc{}
	for _, rel := range changed {
		var docs map[string]searchDoc
		if old.Units[rel] == nil || readSealed(searchEntry(folder, global, old.Units[rel].Key), &docs) != nil {
			same, patchable = false, false
			break
		}
		was[rel] = docs
		same = same && sameDocs(docs, byPath[rel])
	}
	ix.index = old.Index
	if !same && patchable {
		ix.index, patchable = patchIndex(w, j.out, j.pages, changed, was, byPath, old.Index, &ix.diags)
	}
	if same || patchable {
		return ix
	}
	docs := make([]map[string]searchDoc, len(j.files))
	bad := make([]bool, len(j.files))
	parallel.Each(len(j.files), func(i int) {
		if f := j.files[i]; !j.redo[f.Path] {
			bad[i] = readSealed(searchEntry(folder, global, j.keys[f.Path]), &docs[i]) != nil
		}
	})
	if slices.Contains(bad, true) {
		return indexed{why: "a search entry of the cache is damaged"}
	}
	for i, f := range j.files {
		if !j.redo[f.Path] {
			byPath[f.Path] = docs[i]
		}
	}
	for _, p := range j.pages {
		if p.Kind != "search" {
			continue
		}
		list := make([]search.Page, 0, len(j.files))
		cuts := make([][]byte, 0, len(j.files))
		for _, f := range j.files {
			d := byPath[f.Path][p.Lang]
			list, cuts = append(list, d.Page), append(cuts, d.Cut)
		}
		writeIndex(w, p, list, cuts, &ix.diags)
	}
	ix.index = nil
	for _, p := range w.index {
		ix.index = append(ix.index, w.withGzip(p)...)
	}
	return ix
}

// sameFigures reports whether the files of all departments of year are
// those of the last build, though department-years of it changed: no
// department-year of it was removed, and each changed has the figures
// and the day of publication it had (an explanation edited, a figure
// of no table). It keeps in od the figures it lays out.
func sameFigures(r *render.Renderer, old *cache, folder, global string, year int, changed, removed []string, full map[string]*model.File, od *openData) bool {
	for _, rel := range removed {
		if ys, _ := yearID(rel); ys == strconv.Itoa(year) {
			return false
		}
	}
	same := true
	for _, rel := range changed {
		f := full[rel]
		if f.Year != year {
			continue
		}
		now := deptFigures{f: f, byLang: map[string][]byte{}}
		for _, lang := range r.Config.Languages {
			_, data, err := layFigures(r, lang, f)
			if err != nil {
				return false
			}
			now.byLang[lang] = data
		}
		od.figures[render.DeptKey(f)] = now
		var was map[string][]byte
		u := old.Units[rel]
		same = same && u != nil && u.Summary.Published == f.Published &&
			readSealed(figuresEntry(folder, global, u.Key), &was) == nil && maps.EqualFunc(was, now.byLang, bytes.Equal)
	}
	return same
}

// patchIndex patches the search index of each language (search.Patch)
// for the department files changed, whose documents were was and are
// now: it writes through w the files of the index that change and
// returns the names of all the index's files, the last build's being
// index. ok is false when an index cannot be patched (a document
// missing from the cache, a department of another year, another number
// of shards, a file of it unreadable): it is made whole then, with
// nothing of the patch written.
func patchIndex(w *writer, out string, pages []render.Page, changed []string, was, now map[string]map[string]searchDoc, index []string, diags *diag.List) ([]string, bool) {
	type patched struct {
		dir   string
		files []search.File
		gone  []string
	}
	var all []patched
	for _, p := range pages {
		if p.Kind != "search" {
			continue
		}
		changes := make([]search.Change, 0, len(changed))
		for _, rel := range changed {
			a, okA := was[rel][p.Lang]
			b, okB := now[rel][p.Lang]
			if !okA || !okB {
				return nil, false
			}
			changes = append(changes, search.Change{Was: a.Page, Now: b.Page, WasCut: a.Cut, NowCut: b.Cut})
		}
		dir := path.Dir(p.Path)
		read := func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join(out, filepath.FromSlash(path.Join(dir, name))))
		}
		files, gone, err := search.Patch(read, changes)
		if err != nil {
			return nil, false
		}
		all = append(all, patched{dir, files, gone})
	}
	drop, have := map[string]bool{}, map[string]bool{}
	for _, name := range index {
		have[name] = true
	}
	for _, p := range all {
		for _, name := range p.gone {
			for _, q := range w.withGzip(path.Join(p.dir, name)) {
				drop[q] = true
			}
		}
	}
	var names []string
	for _, name := range index {
		if !drop[name] {
			names = append(names, name)
		}
	}
	for _, p := range all {
		for _, f := range p.files {
			name := path.Join(p.dir, f.Name)
			w.write(name, f.Data, diags)
			for _, q := range w.withGzip(name) {
				if !have[q] {
					names = append(names, q)
				}
			}
		}
	}
	return names, true
}

// ownTemplate names a page template of the site's layouts/ that the
// pages gathering department-years use and that is not the default
// theme's, "" when there is none. Such a template may read more of a
// department-year than the summary holds: the site is built cold.
func ownTemplate(dir string) string {
	names, _ := filepath.Glob(filepath.Join(dir, "layouts", "*.html"))
	for _, p := range names {
		base := filepath.Base(p)
		if base == "department.html" {
			continue
		}
		mine, err := os.ReadFile(p)
		theirs, err2 := fs.ReadFile(budgetpress.DefaultLayouts, "layouts/"+base)
		if err != nil || err2 != nil || !bytes.Equal(mine, theirs) {
			return "layouts/" + base
		}
	}
	return ""
}

// searchDoc is what the search index takes of a department-year page:
// its documents, and their terms (search.CutPage).
type searchDoc struct {
	Page search.Page
	Cut  []byte
}

// sameDocs reports whether two department-years' search documents are
// the same in every language.
func sameDocs(a, b map[string]searchDoc) bool {
	if len(a) != len(b) {
		return false
	}
	for lang, d := range a {
		if e, ok := b[lang]; !ok || !reflect.DeepEqual(d.Page, e.Page) {
			return false
		}
	}
	return true
}

// pagesAffected tells the pages that the department-years changed and
// removed show: their own pages; the overviews across years of their
// departments, the pages of their years and the comparisons of them;
// the pages that gather every department-year (home, downloads, search);
// and the 404 page. A department-year added or removed, or one whose
// unit or type changed, may change how every gathering page states its
// figures or leads: then all of them.
func pagesAffected(old *cache, changed, removed []string, full map[string]*model.File, years map[int]bool) func(render.Page) bool {
	redo, ids := map[string]bool{}, map[string]bool{}
	wide := len(removed) > 0
	for _, rel := range removed {
		_, id := yearID(rel)
		ids[id] = true
	}
	for _, rel := range changed {
		redo[rel] = true
		_, id := yearID(rel)
		ids[id] = true
		u, f := old.Units[rel], full[rel]
		wide = wide || u == nil || f == nil || u.Summary.Unit != f.Unit || u.Summary.Type != f.Type
	}
	return func(p render.Page) bool {
		switch p.Kind {
		case "department":
			return redo[p.File.Path]
		case "series":
			return wide || ids[p.File.ID]
		case "year", "compare":
			return wide || years[p.Year]
		}
		return true
	}
}

// unitOf is the department file a finding about file rel is about: the
// file itself, the department file of an explanation or of a published
// document; "" for none.
func unitOf(rel string, keys map[string]string) string {
	if keys[rel] != "" {
		return rel
	}
	if _, year, id, ok := sitepath.ParseExplanation(rel); ok {
		if u := "data/" + year + "/" + id + ".yaml"; keys[u] != "" {
			return u
		}
	}
	if year, id, _, ok := sitepath.ParseOriginal(rel); ok {
		if u := "data/" + year + "/" + id + ".yaml"; keys[u] != "" {
			return u
		}
	}
	return ""
}

// outputIntact reports whether the output folder holds exactly the
// files the last build left there, each of the same size and time.
func outputIntact(out string, want map[string]outFile) bool {
	if len(want) == 0 {
		return false
	}
	n := 0
	ok := true
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(out, p)
		o, found := want[filepath.ToSlash(rel)]
		if !found {
			ok = false
			return filepath.SkipAll
		}
		info, err := d.Info()
		if err != nil || !info.Mode().IsRegular() || info.Size() != o.Size || info.ModTime().UnixNano() != o.MTime {
			ok = false
			return filepath.SkipAll
		}
		n++
		return nil
	})
	return err == nil && ok && n == len(want)
}

// apply writes into out the files of mem that differ from those there,
// each through a temporary file renamed into place, removes the files
// of the last build (old) that the new one (all) no longer has, and
// writes the Manifest. It returns the new outputs.
func apply(out string, mem map[string][]byte, all map[string]bool, old map[string]outFile) (map[string]outFile, error) {
	now := map[string]outFile{}
	for p := range all {
		if o, ok := old[p]; ok {
			now[p] = o
		}
	}
	names := make([]string, 0, len(all))
	for p := range all {
		names = append(names, p)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString(manifestHead + "\n")
	for _, n := range names {
		b.WriteString(n + "\n")
	}
	mem[Manifest] = b.Bytes()
	paths := make([]string, 0, len(mem))
	for p := range mem {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	errs := make([]error, len(paths))
	stats := make([]outFile, len(paths))
	parallel.Each(len(paths), func(i int) {
		p, data := paths[i], mem[paths[i]]
		file := filepath.Join(out, filepath.FromSlash(p))
		if o, ok := old[p]; ok && o.Size == int64(len(data)) {
			if cur, err := os.ReadFile(file); err == nil && bytes.Equal(cur, data) {
				stats[i] = o
				return
			}
		}
		stats[i], errs[i] = replaceFile(file, data)
	})
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		now[p] = stats[i]
	}
	for p := range old {
		if _, ok := now[p]; ok {
			continue
		}
		file := filepath.Join(out, filepath.FromSlash(p))
		if err := os.Remove(file); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for d := filepath.Dir(file); d != out && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	return now, nil
}

// tempFile begins the names of the files a warm build writes before it
// renames them into place; one that a killed build left is no file put
// there by hand.
const tempFile = ".budgetpress-tmp-"

// replaceFile writes a file through a temporary one in the same folder.
func replaceFile(file string, data []byte) (outFile, error) {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return outFile{}, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), tempFile+"*")
	if err != nil {
		return outFile{}, err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return outFile{}, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return outFile{}, err
	}
	return outFile{Size: st.Size(), MTime: st.ModTime().UnixNano()}, nil
}

// saveCold writes the cache of a cold build that published into out.
// A site the cache cannot describe (a finding about no department-year,
// a table the summary cannot stand for) keeps no cache: its next build
// is cold.
func saveCold(opt Options, out string, site *model.Site, loadDiags diag.List, r *render.Renderer, od *openData, pages []render.Page, rec record, w *writer, res *Result) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return
	}
	name := cachePath(opt.Dir, abs)
	os.Remove(name)
	if ownTemplate(opt.Dir) != "" {
		return
	}
	h := newHasher(opt.Dir, nil)
	c := &cache{Tool: toolID(), Global: globalKey(h, opt, abs), Out: abs, Years: r.Years(),
		Units: map[string]*unit{}, YearFiles: od.years, Pages: map[string]render.Result{}, Fixed: w.fixed,
		Files: res.Files, Bytes: res.Bytes}
	inv, ok := takeInventory(opt.Dir, site.Config.Languages)
	if !ok || !slices.Equal(inv.years, r.Years()) || len(inv.data) != len(site.Files) {
		return
	}
	keys := inv.keys(h, site.Config.Languages)
	_, sdiags := load.ReadSettings(opt.Dir)
	if len(loadDiags) < len(sdiags) {
		return
	}
	for i, d := range sdiags {
		if loadDiags[i].String() != d.String() {
			return
		}
	}
	for _, f := range site.Files {
		s, ok := summarize(f, site.Templates)
		if !ok {
			return
		}
		c.Units[f.Path] = &unit{Key: keys[f.Path], Summary: s, Downloads: od.depts[render.DeptKey(f)]}
	}
	for _, d := range loadDiags[len(sdiags):] {
		if d.Rule == check.RuleSameName {
			continue // found again by every warm build, among all files
		}
		u := c.Units[unitOf(d.Pos.File, keys)]
		if u == nil {
			return
		}
		u.Diags = append(u.Diags, d)
	}
	for i, p := range pages {
		if len(rec.results[i].Untranslated) > 0 || len(rec.results[i].Diags) > 0 {
			c.Pages[p.Path] = render.Result{Untranslated: rec.results[i].Untranslated, Diags: rec.results[i].Diags}
		}
	}
	byPath := map[string]map[string]searchDoc{}
	for lang, list := range rec.search {
		for _, d := range list {
			rel := "data/" + strconv.Itoa(d.Page.Year) + "/" + d.Page.Dept + ".yaml"
			if byPath[rel] == nil {
				byPath[rel] = map[string]searchDoc{}
			}
			byPath[rel][lang] = d
		}
	}
	folder := cacheFolder(opt.Dir, abs)
	keep := map[string]bool{}
	var entries []string
	for _, f := range site.Files {
		e := searchEntry(folder, c.Global, keys[f.Path])
		keep[e] = true
		keep[figuresEntry(folder, c.Global, keys[f.Path])] = true
		entries = append(entries, e)
	}
	failed := make([]bool, len(entries))
	parallel.Each(len(entries), func(i int) {
		f := site.Files[i]
		fig, ok := od.figures[render.DeptKey(f)]
		failed[i] = !ok || writeSealed(entries[i], byPath[f.Path]) != nil || writeSealed(figuresEntry(folder, c.Global, keys[f.Path]), fig.byLang) != nil
	})
	if slices.Contains(failed, true) {
		return
	}
	pruneEntries(folder, keep)
	c.Sources = h.seen
	c.Outputs = map[string]outFile{}
	filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			rel, _ := filepath.Rel(abs, p)
			c.Outputs[filepath.ToSlash(rel)] = outFile{Size: info.Size(), MTime: info.ModTime().UnixNano()}
		}
		return nil
	})
	for _, p := range w.index {
		c.Index = append(c.Index, w.withGzip(p)...)
	}
	c.Report, c.Untranslated, c.PageCount = slices.Clone(res.Diags), res.Untranslated, res.Pages
	c.Report.Sort()
	if writeCache(name, c) == nil && os.WriteFile(filepath.Join(folder, outputFile), []byte(abs), 0o644) == nil {
		pruneFolders(opt.Dir, folder)
	}
}
