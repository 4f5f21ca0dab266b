package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/chart"
	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// view is what a template sees: the page, its language, and methods that
// translate, format and link in that language.
type view struct {
	Site *Renderer
	Page Page
	Lang string
	res  Result
	// fallback is set when the page shows untranslated texts, so that
	// the notice at its top can say so.
	fallback bool
	// tables memoises Tables for tablesOf.
	tables   []TableView
	tablesOf *model.File
	// charts are the figures of a department page, made once: the head
	// asks whether there are any, the body shows them.
	charts     []chart.Chart
	chartsDone bool
	// explained memoises the explanations: the contents list their
	// sections, the body shows them.
	explained *explained
	// out is the page being written, and noticeAt where in it the
	// notice of untranslated texts goes (NoticeMark), -1 until known.
	out      *bytes.Buffer
	noticeAt int
}

func (s *Renderer) newView(p Page) *view {
	return &view{Site: s, Page: p, Lang: p.Lang, noticeAt: -1}
}

// T returns an interface string in the page's language.
func (v *view) T(key string) string {
	s, ok := v.Site.I18n.Get(v.Lang, key)
	if !ok {
		v.res.Untranslated = append(v.res.Untranslated, Missing{Pos: v.i18nPos(), Text: key})
	}
	return s
}

// Tf formats an interface string with arguments.
func (v *view) Tf(key string, args ...any) string {
	return fmt.Sprintf(v.T(key), args...)
}

func (v *view) i18nPos() diag.Pos { return diag.Pos{File: "layouts/i18n/" + v.Lang + ".yaml"} }

// Tx returns a text from the data in the page's language. A missing
// translation shows the Chinese text, marked so that readers (and screen
// readers, through lang="zh") know, and is counted for the build report.
func (v *view) Tx(t model.Text) template.HTML {
	s, ok := t.In(v.Lang)
	if ok || s == "" {
		return template.HTML(template.HTMLEscapeString(s))
	}
	v.res.Untranslated = append(v.res.Untranslated, Missing{Pos: t.Pos, Text: s})
	return template.HTML(`<span lang="zh" class="untranslated">` + template.HTMLEscapeString(s) +
		` <small class="untranslated-mark">(` + template.HTMLEscapeString(v.T("untranslated.mark")) + `)</small></span>`)
}

// Plain returns a text in the page's language without markup, falling
// back to Chinese (for titles and attributes).
func (v *view) Plain(t model.Text) string {
	s, _ := t.In(v.Lang)
	return s
}

// Money returns how the department's page states the amounts of a file:
// in the page's language and the file's unit, as published.
func (v *view) Money(f *model.File) i18n.Money { return i18n.ForFile(v.Lang, f.Unit) }

// Link returns the relative link from this page to a site file, under
// the name it is published under.
func (v *view) Link(to string) string {
	if name, ok := v.Site.Assets[to]; ok {
		to = name
	}
	if v.Page.Kind == "404" {
		// The 404 page is served at any depth: link from the base path.
		return v.Site.Config.BasePath + to
	}
	return Rel(v.Page.Path, to)
}

// PageLink links to another page of the site in lang.
func (v *view) PageLink(lang string, parts ...string) string {
	return v.Link(v.Site.PagePath(lang, parts...))
}

// Home links to the home page in the page's language.
func (v *view) Home() string { return v.PageLink(v.Lang) }

// YearLink links to a year's page.
func (v *view) YearLink(year int) string { return v.PageLink(v.Lang, strconv.Itoa(year)) }

// DeptLink links to a department-year page.
func (v *view) DeptLink(f *model.File) string {
	return v.PageLink(v.Lang, strconv.Itoa(f.Year), f.ID)
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang     string
	Label    string // the language's name in itself
	Href     string // relative link
	Absolute string
	Current  bool
}

// Alternates lists the page in every language, for the language switch
// and the hreflang links.
func (v *view) Alternates() []Alternate { return v.Site.AlternatesOf(v.Page) }

// AlternatesOf lists a page in every language.
func (s *Renderer) AlternatesOf(p Page) []Alternate {
	v := s.newView(p)
	var out []Alternate
	for _, l := range v.Site.Config.Languages {
		p := v.samePageIn(l)
		label, _ := s.I18n.Get(l, "lang.name")
		out = append(out, Alternate{Lang: l, Label: label, Href: v.Link(p), Absolute: s.Absolute(p), Current: l == v.Lang})
	}
	return out
}

func (v *view) samePageIn(lang string) string {
	switch v.Page.Kind {
	case "year":
		return v.Site.PagePath(lang, strconv.Itoa(v.Page.Year))
	case "department":
		return v.Site.PagePath(lang, strconv.Itoa(v.Page.Year), v.Page.File.ID)
	case "404":
		return "404.html"
	case "series", "compare":
		return v.navPageIn(lang)
	case "search":
		return v.Site.PagePath(lang, "search")
	case "downloads":
		return v.Site.PagePath(lang, "downloads")
	}
	return v.Site.PagePath(lang)
}

// Canonical is the page's own absolute address.
func (v *view) Canonical() string { return v.Site.Absolute(v.Page.Path) }

// HTMLLang is the value of <html lang>.
func (v *view) HTMLLang() string { return LangTag(v.Lang) }

// LangTag is the lang attribute of a language of the site: Chinese is
// Simplified Chinese as written in China.
func LangTag(lang string) string {
	if lang == "zh" {
		return "zh-CN"
	}
	return lang
}

// LangTag is the lang attribute of a language, for templates.
func (v *view) LangTag(lang string) string { return LangTag(lang) }

// TIn returns an interface string in another language, for the pages
// that speak every language at once (404).
func (v *view) TIn(lang, key string) string {
	s, ok := v.Site.I18n.Get(lang, key)
	if !ok {
		v.res.Untranslated = append(v.res.Untranslated, Missing{Pos: diag.Pos{File: "layouts/i18n/" + lang + ".yaml"}, Text: key})
	}
	return s
}

// Description is the page's summary for search engines and link
// previews (<meta name="description">).
func (v *view) Description() string {
	switch v.Page.Kind {
	case "department":
		return v.Tf("desc.department", v.DeptTitle(v.Page.File), v.Total(v.Page.File))
	case "year":
		return v.Tf("desc.year", v.Page.Year)
	case "404":
		return v.T("404.title")
	case "series", "compare":
		return v.navDescription()
	case "search":
		return v.T("search.description")
	case "downloads":
		return v.T("dl.desc")
	}
	return v.HomeLead()
}

// HomeLead is the introduction of the home page: it promises final
// accounts only when the site has some.
func (v *view) HomeLead() string {
	for _, f := range v.Site.Files {
		if f.Type == "final" {
			return v.T("home.lead.final")
		}
	}
	return v.T("home.lead")
}

// SiteTitle is the site's title in the page's language.
func (v *view) SiteTitle() string { return v.Plain(v.Site.Config.Title) }

// Title is the page's title (ArticleTitle).
func (v *view) Title() string {
	switch v.Page.Kind {
	case "year":
		return v.Tf("year.title", v.Page.Year)
	case "department":
		return v.DeptTitle(v.Page.File)
	case "series", "compare":
		return v.navTitle()
	case "search":
		return v.T("search.title")
	case "downloads":
		return v.T("dl.title")
	case "404":
		var titles []string
		for _, l := range v.Site.Config.Languages {
			titles = append(titles, v.TIn(l, "404.title"))
		}
		return strings.Join(titles, " / ")
	}
	return v.SiteTitle()
}

// DeptTitle is "2024 年昌吉…部门预算" in the page's language.
func (v *view) DeptTitle(f *model.File) string {
	return v.Tf("dept.title."+f.Type, f.Year, v.Plain(f.Department.Name))
}

// PubDate is the publication date of the page (for the PubDate meta tag).
func (v *view) PubDate() string {
	if v.Page.File != nil {
		return v.Page.File.Published.String()
	}
	latest := ""
	for _, f := range v.Site.Files {
		if (v.Page.Year == 0 || f.Year == v.Page.Year) && f.Published.String() > latest {
			latest = f.Published.String()
		}
	}
	return latest
}

// ContentSource is the department that published the page's content.
func (v *view) ContentSource() string {
	if v.Page.File != nil {
		return v.Plain(v.Page.File.Department.Name)
	}
	return v.Plain(v.Site.Config.Portal.SiteName)
}

// Total returns a file's total expenditure (表1 支出总计), "" when it has
// none. The department's own page states it as published; the pages
// that list departments state it in the site's unit (SiteMoney), as the
// figures beside them do.
func (v *view) Total(f *model.File) string {
	t, ok := chart.Total(f)
	if !ok {
		return ""
	}
	if v.Page.Kind == "department" {
		return v.Money(f).WithUnit(t)
	}
	m := v.SiteMoney()
	return m.WithUnit(m.From(t, f.Unit))
}

// Headline returns a file's total expenditure as a list of departments
// leads with it: in million yuan on an English page when it is a million
// yuan or more ("6.04 million yuan"), else as Total states it.
func (v *view) Headline(f *model.File) string {
	t, ok := chart.Total(f)
	if !ok {
		return ""
	}
	m := v.SiteMoney()
	if v.Page.Kind == "department" {
		m = v.Money(f)
	} else {
		t = m.From(t, f.Unit)
	}
	if h, ok := m.Millions(t); ok {
		return h
	}
	return m.WithUnit(t)
}

// UnitNote says, on an English page that states amounts, what unit they
// are in and how they were converted from the original's 万元 (i18n.Money
// Note); "" on a Chinese page and on a page without amounts.
// The Chinese unit it names is marked as Chinese for screen readers.
func (v *view) UnitNote() template.HTML {
	var note string
	switch {
	case v.Page.File != nil:
		note = v.Money(v.Page.File).Note()
	case v.Page.Kind != "404" && len(v.Site.Files) > 0:
		note = v.SiteMoney().Note()
	}
	wan := template.HTMLEscapeString(i18n.Wan)
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(note), wan, `<span lang="`+LangTag("zh")+`">`+wan+`</span>`))
}

// SiteMoney is how the pages that gather departments (home, years)
// state money: in 万元 when any file of the site is kept in 万元, else in
// 元, each figure converted exactly and rounded to the unit shown.
func (v *view) SiteMoney() i18n.Money { return chart.Across(v.Lang, v.Site.Files) }

// Join joins strings for templates.
func (v *view) Join(list []string, sep string) string { return strings.Join(list, sep) }

// Amount formats an amount of a file with its unit.
func (v *view) Amount(f *model.File, a amount.Amount) string { return v.Money(f).WithUnit(a) }

// ICPRegister is the register of the Ministry of Industry and
// Information Technology where a reader looks up an ICP备案号: the one
// place its footer line links to.
const ICPRegister = "https://beian.miit.gov.cn/"

// ICPLink links an ICP备案号 to the register that holds it.
func (v *view) ICPLink() string { return ICPRegister }

// PoliceLink links a 公安备案号 (新公网安备 65230102000000号) to its entry
// in the register of the Ministry of Public Security, by its digits.
func (v *view) PoliceLink(record string) string {
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, record)
	if digits == "" {
		return "https://beian.mps.gov.cn/"
	}
	return "https://beian.mps.gov.cn/#/query/webSearch?code=" + digits
}
