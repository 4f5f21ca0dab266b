package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"sync"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/search"
)

// Input is everything a site is rendered from.
type Input struct {
	Config  *model.Settings
	Files   []*model.File
	Dict    *classify.Dictionary
	I18n    *i18n.Catalog
	Layouts fs.FS             // the templates: *.html at its root
	Content map[string][]byte // Markdown sources by path, content/<lang>/<year>/<id>.md
	// Assets maps the theme's files (assets/site.css) to the names they
	// are published under (assets/site.3f2a9c01d4.css); a file it does
	// not list keeps its name.
	Assets map[string]string
	// Narratives, when set, holds the explanation renderers the check
	// used, and what it rendered, so that it is not rendered again.
	Narratives *narrative.Set
}

// Renderer renders the pages of one build. It is safe for concurrent use:
// pages render in parallel.
type Renderer struct {
	Input
	tmpl *template.Template
	// notices lists the page templates whose notice of untranslated
	// texts New took out (notice.go).
	notices map[string]bool
	// byYear lists the files of each year, sorted by department id.
	byYear map[int][]*model.File
	years  []int // newest first

	narratives sync.Map // *model.File → *narrative.Renderer

	navOnce sync.Once // makes navData, for the series and compare pages
	navData *navIndex
	// figsOnce makes figs, the figures of navMeasures by file, for the
	// same pages.
	figsOnce sync.Once
	figs     map[*model.File]map[string]amount.Amount
	// downloads are the open-data files the build published.
	downloads Downloads
}

// New parses the layouts and indexes the files.
func New(in Input) (*Renderer, diag.List) {
	s := &Renderer{Input: in, byYear: map[int][]*model.File{}}
	var diags diag.List
	t, err := template.New("").Option("missingkey=error").ParseFS(in.Layouts, "*.html")
	if err != nil {
		diags.Errorf(diag.Pos{File: "layouts"}, "the page templates do not parse: %v", err)
		return nil, diags
	}
	s.tmpl = t
	s.notices = map[string]bool{}
	for _, page := range []string{"department.html"} {
		s.notices[page] = splitNotice(t, page)
	}
	s.index()
	return s, diags
}

// With returns a Renderer of other files and explanations, with the
// settings, dictionary, theme and narratives of s and its templates,
// which it does not parse again: the dev server renders the pages of a
// department-year just saved with it.
func (s *Renderer) With(files []*model.File, content map[string][]byte) *Renderer {
	in := s.Input
	in.Files, in.Content = files, content
	r := &Renderer{Input: in, tmpl: s.tmpl, notices: s.notices, byYear: map[int][]*model.File{}}
	r.index()
	return r
}

// index lists the files by year.
func (s *Renderer) index() {
	for _, f := range s.Files {
		s.byYear[f.Year] = append(s.byYear[f.Year], f)
	}
	for y, fs := range s.byYear {
		sort.Slice(fs, func(i, j int) bool { return fs[i].ID < fs[j].ID })
		s.years = append(s.years, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(s.years)))
}

// DefaultLang is the language served at the root of the site.
func (s *Renderer) DefaultLang() string { return s.Config.Languages[0] }

// Page is one page to render.
type Page struct {
	Path string // output path relative to the site root
	Lang string
	Kind string // "home", "year", "department", "series" (a department across years), "compare" (a year's departments), "search" or "404"
	Year int
	File *model.File
}

// Pages lists every page of the site in a fixed order.
func (s *Renderer) Pages() []Page {
	var out []Page
	for _, lang := range s.Config.Languages {
		out = append(out, Page{Path: s.PagePath(lang), Lang: lang, Kind: "home"})
		for _, y := range s.years {
			ys := strconv.Itoa(y)
			out = append(out, Page{Path: s.PagePath(lang, ys), Lang: lang, Kind: "year", Year: y})
			out = append(out, s.comparePage(lang, y))
			for _, f := range s.byYear[y] {
				out = append(out, s.DepartmentPage(lang, f))
			}
		}
		out = append(out, s.seriesPages(lang)...)
		out = append(out, Page{Path: s.PagePath(lang, "search"), Lang: lang, Kind: "search"})
	}
	for _, lang := range s.Config.Languages {
		out = append(out, Page{Path: s.PagePath(lang, "downloads"), Lang: lang, Kind: "downloads"})
	}
	out = append(out, Page{Path: "404.html", Lang: s.DefaultLang(), Kind: "404"})
	return out
}

// DepartmentPage is the page of a department-year in a language, as
// Pages lists it.
func (s *Renderer) DepartmentPage(lang string, f *model.File) Page {
	return Page{Path: s.PagePath(lang, strconv.Itoa(f.Year), f.ID), Lang: lang, Kind: "department", Year: f.Year, File: f}
}

// Result is what rendering one page reports besides the HTML.
type Result struct {
	// Untranslated lists the texts shown in Chinese on a page in another
	// language because their translation is missing.
	Untranslated []Missing
	Diags        diag.List
	// Search is what a department page shows, for the search index, as
	// SearchPage makes it: made with the page, from the tables and
	// explanations laid out for it.
	Search *search.Page
}

// Missing is one text without a translation.
type Missing struct {
	Pos  diag.Pos // where the Chinese text is, when it comes from a file
	Text string   // the Chinese text, or the interface-string key
}

// Render writes one page. The page is made in a buffer (w itself when
// w is a *bytes.Buffer, which then grows once for all the pages it is
// reused for) and written only when it rendered.
func (s *Renderer) Render(w io.Writer, p Page) Result {
	buf, direct := w.(*bytes.Buffer)
	if !direct {
		buf = pageBuffers.Get().(*bytes.Buffer)
		defer pageBuffers.Put(buf)
		buf.Reset()
	}
	start := buf.Len()
	buf.Grow(pageSize)
	v := s.newView(p)
	v.out = buf
	if err := s.tmpl.ExecuteTemplate(buf, p.Kind+".html", v); err != nil {
		buf.Truncate(start)
		v.res.Diags.Errorf(diag.Pos{File: "layouts/" + p.Kind + ".html"}, "the page %s cannot be rendered: %v", p.Path, err)
		return v.res
	}
	if len(v.res.Untranslated) > 0 && s.notices[p.Kind+".html"] && v.noticeAt >= start {
		// Write the notice where the page template has it.
		v.fallback = true
		var notice bytes.Buffer
		if err := s.tmpl.ExecuteTemplate(&notice, noticeTemplate(p.Kind+".html"), v); err != nil {
			buf.Truncate(start)
			v.res.Diags.Errorf(diag.Pos{File: "layouts/" + p.Kind + ".html"}, "the page %s cannot be rendered: %v", p.Path, err)
			return v.res
		}
		rest := append([]byte(nil), buf.Bytes()[v.noticeAt:]...)
		buf.Truncate(v.noticeAt)
		buf.Write(notice.Bytes())
		buf.Write(rest)
	} else if len(v.res.Untranslated) > 0 {
		// Render again, now knowing that the page needs the notice that
		// some of it is shown in Chinese.
		v = s.newView(p)
		v.fallback = true
		v.out = buf
		buf.Truncate(start)
		if err := s.tmpl.ExecuteTemplate(buf, p.Kind+".html", v); err != nil {
			buf.Truncate(start)
			v.res.Diags.Errorf(diag.Pos{File: "layouts/" + p.Kind + ".html"}, "the page %s cannot be rendered: %v", p.Path, err)
			return v.res
		}
	}
	if !direct {
		if _, err := w.Write(buf.Bytes()); err != nil {
			v.res.Diags.Errorf(diag.Pos{File: p.Path}, "cannot write: %v", err)
		}
	}
	if p.Kind == "department" && p.File != nil {
		// What the page reported stays as the page made it.
		res := v.res
		sp := v.searchPage(p.File)
		v.res = res
		v.res.Search = &sp
	}
	return v.res
}

// pageSize is room for a large department page, so that a page buffer
// does not grow by copying while a page is written.
const pageSize = 256 << 10

// pageBuffers holds page buffers between renders to other writers.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Years returns the years with data, newest first.
func (s *Renderer) Years() []int { return s.years }

// FilesOf returns the department files of a year.
func (s *Renderer) FilesOf(year int) []*model.File { return s.byYear[year] }

func (s *Renderer) String() string { return fmt.Sprintf("site with %d files", len(s.Files)) }
