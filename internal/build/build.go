// Package build runs a whole build: it loads and checks the site, renders
// every page in parallel straight to disk in a temporary folder, adds the
// assets and the sitemap, and only then swaps the new folder into place,
// so a failed build never leaves a half-written or emptied public/.
package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
	"budgetpress/internal/theme"
)

// Options are the settings of one build.
type Options struct {
	Dir      string // the site folder
	Out      string // the output folder; Dir/public when empty
	BaseURL  string // overrides base_url of site.yaml when set
	BasePath string // overrides base_path of site.yaml when set
	// Fingerprint publishes the stylesheets and scripts under names made
	// from their content (assets/site.3f2a9c01d4.css), which a portal
	// can cache for a year. The preview server leaves it off.
	Fingerprint bool
	// Gzip writes beside each page, stylesheet, script and sitemap a
	// .gz copy, for servers that send it to browsers that accept it.
	Gzip bool
	// Cache keeps in the site's CacheDir what the next build needs to
	// load, check and render only the department-years that changed,
	// and to write only the files that changed (see warm.go). Without
	// it, or when the cache cannot be used, the build is cold.
	Cache bool

	narratives *narrative.Set // the explanations' renderers, shared by the check and the pages
}

// output is the output folder of opt: Out, or public/ in the site
// folder.
func (opt Options) output() string {
	if opt.Out == "" {
		return filepath.Join(opt.Dir, "public")
	}
	return filepath.Clean(opt.Out)
}

// ForPublication returns the options of the build that is published:
// what `budgetpress build` writes, what `archive` stores and what
// `archive verify --rebuild` makes again, so that the three agree byte
// for byte (the assets under their fingerprinted names).
func ForPublication(dir, out, baseURL, basePath string) Options {
	return Options{Dir: dir, Out: out, BaseURL: baseURL, BasePath: basePath, Fingerprint: true}
}

// Result reports a build.
type Result struct {
	Pages    int
	Files    int
	Bytes    int64
	Duration time.Duration
	Diags    diag.List
	// Untranslated lists, per language, the texts shown in Chinese for
	// want of a translation, each once.
	Untranslated map[string][]render.Missing
	// Cache says how the build used the cache: "" without one, else
	// whether it was warm and, when cold, why.
	Cache string
}

// coldPrefix begins Result.Cache for a build that could not use the cache.
const coldPrefix = "cold: "

// Rebuilt reports whether the build used the cache yet built everything
// again, and why: NoCacheYet for a first build.
func (res Result) Rebuilt() (why string, ok bool) {
	return strings.CutPrefix(res.Cache, coldPrefix)
}

// Run builds the site. When the result has errors, nothing was published.
func Run(opt Options) Result {
	start := time.Now()
	if !opt.Cache {
		return cold(opt, start, "")
	}
	res, ok, why := warm(opt, start)
	if ok {
		return res
	}
	return cold(opt, start, why)
}

// cold loads, checks and renders the whole site into a new folder and
// swaps it into place; with opt.Cache it then writes the cache, and
// note says why the cache was not used.
func cold(opt Options, start time.Time, note string) Result {
	var res Result
	if opt.Cache {
		res.Cache = coldPrefix + note
	}
	site, diags := load.ReadSite(opt.Dir)
	res.Diags = append(res.Diags, diags...)
	if site.Config != nil {
		// The check's renderings of the explanations serve the pages.
		opt.narratives = narrative.NewSet(site.Dict)
		res.Diags = append(res.Diags, check.SiteWith(site, opt.narratives)...)
	}
	if res.Diags.HasErrors() || site.Config == nil {
		return finish(res, start)
	}
	loadDiags := slices.Clone(res.Diags)
	r, theme, diags := prepare(site, opt)
	res.Diags = append(res.Diags, diags...)
	if res.Diags.HasErrors() {
		return finish(res, start)
	}
	out := opt.output()
	if err := safeOutput(opt.Dir, out); err != nil {
		res.Diags.Errorf(diag.Pos{File: out}, "%v", err)
		return finish(res, start)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		res.Diags.Errorf(diag.Pos{File: out}, "cannot create the output folder: %v", err)
		return finish(res, start)
	}
	tmp, err := tempOutput(out)
	if err != nil {
		res.Diags.Errorf(diag.Pos{File: out}, "cannot create a temporary folder next to the output: %v", err)
		return finish(res, start)
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	pages := r.Pages()
	w := &writer{root: tmp, gzip: opt.Gzip}
	od := new(openData)
	od.publish(r, opt.Dir, Target{All: true}, true, w, &res.Diags)
	rec := publishAll(r, theme, w, pages, pages, true, opt.Cache, nil, &res.Diags)
	res.Untranslated = rec.untranslated
	finishOutput(opt.Dir, w, &res.Diags)
	if res.Diags.HasErrors() {
		return finish(res, start)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		res.Diags.Errorf(diag.Pos{File: out}, "cannot set permissions: %v", err)
		return finish(res, start)
	}
	if err := swap(tmp, out); err != nil {
		var left *LeftOver
		if !errors.As(err, &left) {
			res.Diags.Errorf(diag.Pos{File: out}, "cannot put the new site in place: %v", err)
			return finish(res, start)
		}
		res.Diags.Warnf(diag.Pos{File: out}, "%v", err)
	}
	ok = true
	res.Pages, res.Files, res.Bytes = len(pages), w.files, w.bytes
	if opt.Cache {
		saveCold(opt, out, site, loadDiags, r, od, pages, rec, w, &res)
	}
	return finish(res, start)
}

// prepare makes the renderer of a loaded site: the settings with the
// overrides of opt, the theme (the site's layouts/ over the default one)
// and the translation catalogs.
func prepare(site *model.Site, opt Options) (*render.Renderer, fs.FS, diag.List) {
	var diags diag.List
	cfg := *site.Config
	if opt.BaseURL != "" {
		if err := load.CheckBaseURL(opt.BaseURL); err != nil {
			diags.Errorf(diag.Pos{File: "--base-url"}, "%v", err)
			return nil, nil, diags
		}
		cfg.BaseURL = opt.BaseURL
	}
	if opt.BasePath != "" {
		cfg.BasePath = load.NormalizeBasePath(opt.BasePath)
	}
	th, ds := theme.Open(opt.Dir, cfg.Languages, opt.Fingerprint)
	diags = append(diags, ds...)
	if th == nil {
		return nil, nil, diags
	}
	content := map[string][]byte{}
	for _, c := range site.Content {
		content[c.Path] = []byte(c.Text)
	}
	r, ds := render.New(render.Input{Config: &cfg, Files: site.Files, Dict: site.Dict, I18n: th.Catalog, Layouts: th.FS, Content: content, Assets: th.Assets, Narratives: opt.narratives})
	return r, th.FS, append(diags, ds...)
}

// publish writes the pages of todo, the theme's assets when withAssets,
// and the sitemap of all pages: what a full build and the preview's
// rebuild of some pages both write. It returns the texts shown
// untranslated. memo, when not nil, keeps what the search index is made
// of between builds.
func publish(r *render.Renderer, theme fs.FS, w *writer, pages, todo []render.Page, withAssets bool, memo *searchMemo, diags *diag.List) map[string][]render.Missing {
	return publishAll(r, theme, w, pages, todo, withAssets, false, memo, diags).untranslated
}

// record is what publishAll reports besides the files: the texts
// shown untranslated, what rendering each page of todo reported, and
// the search pages the indexes were made of, by language.
type record struct {
	untranslated map[string][]render.Missing
	results      []render.Result
	search       map[string][]searchDoc
}

// publishAll is publish, reporting a record; with keep, the record
// holds the search documents and their terms.
func publishAll(r *render.Renderer, theme fs.FS, w *writer, pages, todo []render.Page, withAssets, keep bool, memo *searchMemo, diags *diag.List) record {
	var rec record
	rec.results = renderPages(r, todo, w)
	rec.untranslated = gather(todo, rec.results, diags)
	rec.search = writeSearch(r, w, todo, rec.results, keep, memo, diags)
	if withAssets {
		w.copyAssets(theme, r.Assets, diags)
	}
	w.write("sitemap.xml", sitemap(r, pages), diags)
	return rec
}

func finish(res Result, start time.Time) Result {
	res.Diags.Sort()
	res.Duration = time.Since(start)
	return res
}

// renderPages renders pages on every core, streaming each to w, and
// returns what each reported.
func renderPages(r *render.Renderer, pages []render.Page, w *writer) []render.Result {
	results := make([]render.Result, len(pages))
	parallel.Each(len(pages), func(i int) {
		buf := buffers.Get().(*bytes.Buffer)
		defer buffers.Put(buf)
		buf.Reset()
		results[i] = r.Render(buf, pages[i])
		if !results[i].Diags.HasErrors() {
			var d diag.List
			w.write(pages[i].Path, buf.Bytes(), &d)
			results[i].Diags = append(results[i].Diags, d...)
		}
	})
	return results
}

// gather adds the findings of rendering pages to diags and returns the
// texts shown untranslated per language, each once, in order.
func gather(pages []render.Page, results []render.Result, diags *diag.List) map[string][]render.Missing {
	missing := map[string][]render.Missing{}
	seen := map[string]bool{}
	for i, res := range results {
		*diags = append(*diags, res.Diags...)
		lang := pages[i].Lang
		for _, m := range res.Untranslated {
			key := lang + "\x00" + m.Pos.String() + "\x00" + m.Text
			if !seen[key] {
				seen[key] = true
				missing[lang] = append(missing[lang], m)
			}
		}
	}
	for _, list := range missing {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Pos.File != list[j].Pos.File {
				return list[i].Pos.File < list[j].Pos.File
			}
			if list[i].Pos.Line != list[j].Pos.Line {
				return list[i].Pos.Line < list[j].Pos.Line
			}
			return list[i].Text < list[j].Text
		})
	}
	return missing
}

// buffers holds the page buffers between renders.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writer writes files under root, counting them; with gzip, it writes a
// .gz copy of each file of a kind that compresses.
type writer struct {
	root  string
	gzip  bool
	mu    sync.Mutex
	files int
	bytes int64
	dirs  sync.Map // folders made so far
	index []string // the files of the search indexes written, when any
	// fixed lists the files that the site-wide inputs alone make (the
	// assets and static files), for the cache.
	fixed []string
	// mem, when set, takes the files instead of the disk: a warm build
	// writes only those that changed, once everything rendered.
	mem map[string][]byte
}

func (w *writer) write(rel string, data []byte, diags *diag.List) {
	if w.mem != nil {
		w.keep(rel, data)
		return
	}
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	if err := w.mkdir(filepath.Dir(p)); err != nil {
		diags.Errorf(diag.Pos{File: rel}, "cannot write: %v", err)
		return
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		diags.Errorf(diag.Pos{File: rel}, "cannot write: %v", err)
		return
	}
	files, bytes := 1, int64(len(data))
	if w.gzip && compressed[filepath.Ext(p)] {
		z := gzipped(data)
		if err := os.WriteFile(p+".gz", z, 0o644); err != nil {
			diags.Errorf(diag.Pos{File: rel + ".gz"}, "cannot write: %v", err)
			return
		}
		files, bytes = files+1, bytes+int64(len(z))
	}
	w.mu.Lock()
	w.files += files
	w.bytes += bytes
	w.mu.Unlock()
}

// mkdir creates a folder once per build: most pages share theirs with
// another language's or year's, and MkdirAll costs system calls.
func (w *writer) mkdir(dir string) error {
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	w.dirs.Store(dir, true)
	return nil
}

// copyAssets copies the theme's assets into the output under the names
// they are published under.
func (w *writer) copyAssets(fsys fs.FS, names map[string]string, diags *diag.List) {
	fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != "assets" {
				diags.Errorf(diag.Pos{File: "layouts/" + p}, "cannot read: %v", err)
			}
			return nil
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			diags.Errorf(diag.Pos{File: "layouts/" + p}, "cannot read: %v", err)
			return nil
		}
		name := names[p]
		if name == "" {
			name = p
		}
		w.write(name, data, diags)
		w.fixed = append(w.fixed, w.withGzip(name)...)
		return nil
	})
}

// safeOutput refuses an output folder whose replacement would destroy
// something the build did not make: the site itself or one of its
// source folders, a folder holding them, or a folder of other files.
// A folder is taken for an earlier build when it has the files every
// build writes (index.html, 404.html, sitemap.xml); one that also holds
// files no build wrote (see handMade) is refused.
func safeOutput(site, out string) error {
	absSite, err1 := filepath.Abs(site)
	absOut, err2 := filepath.Abs(out)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("cannot work out where the output folder is")
	}
	if rel, err := filepath.Rel(absOut, absSite); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("the output folder %s holds the site itself; each build replaces its output folder, so build into a folder of its own, such as public/", out)
	}
	for _, src := range []string{"data", "content", "layouts"} {
		if rel, err := filepath.Rel(filepath.Join(absSite, src), absOut); err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
			return fmt.Errorf("the output folder %s is inside the site's %s/ folder; build into a folder of its own, such as public/", out, src)
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		if st, serr := os.Stat(out); serr == nil && !st.IsDir() {
			return fmt.Errorf("the output %s is a file, not a folder", out)
		}
		return nil // does not exist yet
	}
	if len(entries) == 0 {
		return nil
	}
	for _, f := range []string{"index.html", "404.html", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			return fmt.Errorf("the output folder %s already holds files that are not a budgetpress build (such as %s); each build replaces the whole folder, so build into a new or empty folder", out, entries[0].Name())
		}
	}
	if files, err := handMade(out); err != nil {
		return fmt.Errorf("cannot read the output folder %s: %v", out, err)
	} else if len(files) > 0 {
		return handMadeError(out, files)
	}
	return nil
}

// swap puts the freshly built folder tmp in the place of out. The old
// site stays in place until the new one is complete; the two are then
// exchanged in one step where the system allows it (Linux), or else the
// old one is moved aside and the new one moved in, and the old one is
// removed. When only that removal fails, the error is a *LeftOver: the
// new site is in place.
func swap(tmp, out string) error {
	if _, err := os.Lstat(out); err != nil {
		return os.Rename(tmp, out)
	}
	old := tmp // after the exchange, tmp holds the old site
	if err := exchange(tmp, out); err != nil {
		if old, err = moveAside(tmp, out); err != nil {
			return err
		}
	}
	if err := removeAll(old); err != nil {
		return &LeftOver{Dir: old, Err: err}
	}
	return nil
}

// sitemap lists every page in every language with its alternates.
func sitemap(r *render.Renderer, pages []render.Page) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
		if p.Kind == "404" || p.Kind == "search" {
			continue
		}
		fmt.Fprintf(&b, "<url><loc>%s</loc>", xmlEscape(r.Absolute(p.Path)))
		if p.File != nil {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", p.File.Published)
		}
		alts := r.AlternatesOf(p)
		for _, alt := range alts {
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, alt.Lang, xmlEscape(alt.Absolute))
		}
		if len(alts) > 0 {
			// The default language, as on the pages themselves.
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="x-default" href="%s"/>`, xmlEscape(alts[0].Absolute))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
