package render

import (
	"html/template"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
	"budgetpress/internal/sitepath"
)

// The figures that the pages linking years and departments gather from
// every department-year (the department overview across years, the
// comparison of a year's departments), in the order they show them.
// The three items of 三公 are parts of its total.
var navMeasures = []struct {
	Key  string
	Item bool // a part of the 三公 total
}{
	{"income", false}, {"expenditure", false}, {"basic", false}, {"project", false},
	{"three-public", false}, {"outbound", true}, {"vehicles", true}, {"reception", true},
}

// navIndex is what those pages need of all the files, worked out once
// per build: each department's files, oldest first.
type navIndex struct {
	byID map[string][]*model.File
	ids  []string // sorted
}

// nav returns the site's navIndex.
func (s *Renderer) nav() *navIndex {
	s.navOnce.Do(func() {
		n := &navIndex{byID: map[string][]*model.File{}}
		for _, f := range s.Files {
			if n.byID[f.ID] == nil {
				n.ids = append(n.ids, f.ID)
			}
			n.byID[f.ID] = append(n.byID[f.ID], f)
		}
		sort.Strings(n.ids)
		for _, fs := range n.byID {
			sort.Slice(fs, func(i, j int) bool { return fs[i].Year < fs[j].Year })
		}
		s.navData = n
	})
	return s.navData
}

// navFigs returns the figures of navMeasures of every file, worked out
// once per build, apart from nav: a department page's year picker needs
// only the index, and the preview renders the pages of the department
// that changed without reading the figures of every other one.
func (s *Renderer) navFigs() map[*model.File]map[string]amount.Amount {
	s.figsOnce.Do(func() {
		s.figs = make(map[*model.File]map[string]amount.Amount, len(s.Files))
		for _, f := range s.Files {
			s.figs[f] = navFigures(f)
		}
	})
	return s.figs
}

// navFigures reads the figures of navMeasures from a file's tables, in
// the file's unit: total income and expenditure (table 1), basic and
// project expenditure (the expenditure table, else the general public
// budget table, as the key figures), the 三公 total and its items. A
// figure the file does not give is left out.
func navFigures(f *model.File) map[string]amount.Amount {
	out := map[string]amount.Amount{}
	put := func(key string, t *model.Table, part, row, col string) {
		if a, ok := cellOf(t, part, row, col); ok {
			out[key] = a
		}
	}
	sum := f.Table(model.KindSummary)
	put("income", sum, "income", "total", "amount")
	put("expenditure", sum, "expenditure", "total", "amount")
	t := f.Table(model.KindExpenditure)
	if _, ok := cellOf(t, "rows", "total", "basic"); !ok {
		t = f.Table(model.KindGeneral)
	}
	put("basic", t, "rows", "total", "basic")
	put("project", t, "rows", "total", "project")
	tp := f.Table(model.KindThreePublic)
	put("three-public", tp, "rows", "total", "total")
	for _, k := range []string{"outbound", "vehicles", "reception"} {
		put(k, tp, "rows", k, "total")
	}
	return out
}

// seriesPages lists the department overview pages of a language, one
// per department id, each with the department's latest file.
func (s *Renderer) seriesPages(lang string) []Page {
	n := s.nav()
	var out []Page
	for _, id := range n.ids {
		fs := n.byID[id]
		out = append(out, Page{Path: s.PagePath(lang, seriesFolder, id), Lang: lang, Kind: "series", File: fs[len(fs)-1]})
	}
	return out
}

// comparePage is the comparison page of a year in a language.
func (s *Renderer) comparePage(lang string, year int) Page {
	return Page{Path: s.PagePath(lang, strconv.Itoa(year), sitepath.CompareFolder), Lang: lang, Kind: "compare", Year: year}
}

// seriesFolder is the top folder of the department overviews:
// departments/<id>/.
const seriesFolder = "departments"

// SeriesLink links to the overview across years of a department.
func (v *view) SeriesLink(id string) string { return v.PageLink(v.Lang, seriesFolder, id) }

// CompareLink links to the comparison of a year's departments.
func (v *view) CompareLink(year int) string {
	return v.PageLink(v.Lang, strconv.Itoa(year), sitepath.CompareFolder)
}

// navPageIn is the path of a series or compare page in another
// language; "" for other kinds.
func (v *view) navPageIn(lang string) string {
	switch v.Page.Kind {
	case "series":
		return v.Site.PagePath(lang, seriesFolder, v.Page.File.ID)
	case "compare":
		return v.Site.PagePath(lang, strconv.Itoa(v.Page.Year), sitepath.CompareFolder)
	}
	return ""
}

// YearChoice is one year of a department page's year picker.
type YearChoice struct {
	Year    int
	Href    string // "" when the department has no file for the year
	Current bool
}

// YearPicker lists the site's years, oldest first, for a department
// page: the years the same department (by id) has a file for link to
// that year's page, the page's own year is current, the others are not
// linked. Nil when the site has one year only.
func (v *view) YearPicker(f *model.File) []YearChoice {
	if len(v.Site.years) < 2 {
		return nil
	}
	has := map[int]*model.File{}
	for _, g := range v.Site.nav().byID[f.ID] {
		has[g.Year] = g
	}
	var out []YearChoice
	for i := len(v.Site.years) - 1; i >= 0; i-- {
		y := v.Site.years[i]
		c := YearChoice{Year: y, Current: y == f.Year}
		if g := has[y]; g != nil && !c.Current {
			c.Href = v.DeptLink(g)
		}
		out = append(out, c)
	}
	return out
}

// navTitle is the title of a series or compare page; "" for other
// kinds.
func (v *view) navTitle() string {
	switch v.Page.Kind {
	case "series":
		return v.Tf("nav.series.title", v.Plain(v.Page.File.Department.Name))
	case "compare":
		return v.Tf("nav.compare.title", v.Page.Year)
	}
	return ""
}

// navDescription is the summary of a series or compare page.
func (v *view) navDescription() string {
	switch v.Page.Kind {
	case "series":
		return v.Tf("nav.series.desc", v.Plain(v.Page.File.Department.Name))
	case "compare":
		return v.Tf("nav.compare.desc", v.Page.Year)
	}
	return ""
}

// measureLabel names a figure of navMeasures in the page's language.
func (v *view) measureLabel(key string) string { return v.T("nav.m." + key) }

// navName is a department's short name, else its full name, for charts.
func (v *view) navName(f *model.File) string {
	if !f.Department.Short.IsZero() {
		return v.Plain(f.Department.Short)
	}
	return v.Plain(f.Department.Name)
}

// NameLang is the lang attribute a department's name needs on this
// page: "zh-CN" when the name is shown in Chinese for want of a
// translation, "" when it is in the page's language.
func (v *view) NameLang(f *model.File) string {
	if _, ok := f.Department.Name.In(v.Lang); ok {
		return ""
	}
	return LangTag("zh")
}

// navArgs is what the "series-link" and "compare-link" templates get.
type navArgs struct {
	V    *view
	F    *model.File
	Year int
}

// NavArgs bundles the arguments of the "series-link" (a file) and
// "compare-link" (a year) templates.
func (v *view) NavArgs(f *model.File, year int) navArgs { return navArgs{V: v, F: f, Year: year} }

var placeHeading = regexp.MustCompile(`<h([3-6]) id="[^"]*">`)

// placeHeadings gives each heading of the explanations (h3 for their
// sections, h4 to h6 within them) a numbered id, explain-3, explain-3-2,
// explain-3-2-1, in place of the one made from its text: the texts
// differ between languages, the numbers do not, so that the contents,
// the search results and the language switch (layouts/assets/nav.js)
// lead to the same place in every language.
func placeHeadings(html template.HTML) template.HTML {
	var count [4]int // of h3, h4, h5 and h6 in the current section
	return template.HTML(placeHeading.ReplaceAllStringFunc(string(html), func(tag string) string {
		level := int(tag[2] - '3')
		count[level]++
		for i := level + 1; i < len(count); i++ {
			count[i] = 0
		}
		var b strings.Builder
		b.WriteString(tag[:3])
		b.WriteString(` id="explain`)
		for _, n := range count[:level+1] {
			b.WriteByte('-')
			b.WriteString(strconv.Itoa(n))
		}
		b.WriteString(`">`)
		return b.String()
	}))
}
