package render

import (
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"budgetpress/internal/model"
	"budgetpress/internal/parallel"
	"budgetpress/internal/search"
)

// SearchPages returns what the department pages of a language show, for
// the search index: each page's tables (with the names of their rows),
// projects, sections of the explanations, performance targets and
// glossary, each under the anchor it has on the page and in the words
// the page uses.
func (s *Site) SearchPages(lang string) []search.Page {
	var files []*model.File
	for _, y := range s.years {
		files = append(files, s.byYear[y]...)
	}
	out := make([]search.Page, len(files))
	parallel.Each(len(files), func(i int) { out[i] = s.SearchPage(lang, files[i]) })
	return out
}

// SearchPage returns what one department page of a language shows, for
// the search index, as SearchPages does.
func (s *Site) SearchPage(lang string, f *model.File) search.Page {
	v := s.newView(Page{Path: s.PagePath(lang, strconv.Itoa(f.Year), f.ID), Lang: lang, Kind: "department", Year: f.Year, File: f})
	return v.searchPage(f)
}

func (v *view) searchPage(f *model.File) search.Page {
	p := search.Page{Year: f.Year, Dept: f.ID, Name: v.Plain(f.Department.Name), About: v.DeptTitle(f)}
	add := func(kind search.Kind, anchor, title string, names []string, text ...string) {
		p.Docs = append(p.Docs, search.Doc{Kind: kind, Anchor: anchor, Title: title, Names: names, Text: joinText(text)})
	}
	if o := v.Overview(f); !o.IsZero() {
		units := []string{o.UnitsText}
		for _, u := range o.Units {
			units = append(units, plainText(u))
		}
		add(search.Section, "part-1", v.T("part1"), nil, plainText(o.Functions), joinText(units), plainText(o.Staff))
	}
	for _, t := range v.Tables(f) {
		var names []string
		seen := map[string]bool{}
		for _, part := range t.Parts {
			for _, r := range part.Rows {
				for _, n := range []template.HTML{r.Name, r.Project} {
					if s := plainText(n); s != "" && !seen[s] && !r.Total {
						seen[s] = true
						names = append(names, s)
					}
				}
			}
		}
		add(search.Table, t.ID, v.Tf("table.no", t.No)+" "+t.Title, names, plainText(t.Empty))
	}
	for _, sec := range explanationSections(v.Explanation(f)) {
		add(search.Section, sec.id, sec.title, nil, sec.text)
	}
	for _, pr := range f.Projects {
		add(search.Project, "project-"+pr.ID, v.Plain(pr.Name), nil, v.Plain(pr.Basis), v.Plain(pr.Owner))
	}
	if o := f.Performance.Overall; o != nil {
		add(search.Section, "performance-overall", v.T("perf.overall"), v.indicatorNames(o.Indicators), v.Plain(o.Goal))
	}
	for _, pt := range f.Performance.Projects {
		name := v.Plain(pt.Title)
		if name == "" {
			if pr := f.Project(pt.Project); pr != nil {
				name = v.Plain(pr.Name)
			}
		}
		add(search.Section, "performance-"+pt.Project, v.T("perf.project")+name, v.indicatorNames(pt.Indicators), v.Plain(pt.Goal))
	}
	if len(f.Glossary) > 0 {
		var text []string
		for _, g := range f.Glossary {
			text = append(text, v.Plain(g.Term)+": "+v.Plain(g.Text))
		}
		add(search.Section, "part-4", v.T("part4"), nil, text...)
	}
	return p
}

func (v *view) indicatorNames(inds []model.Indicator) []string {
	var out []string
	for _, in := range inds {
		out = append(out, v.Plain(in.Name))
	}
	return out
}

// section is a section of the explanations as the index takes it.
type section struct{ id, title, text string }

// headingWithID matches the headings of the explanations that a link can
// lead to.
var headingWithID = regexp.MustCompile(`<h([3-6]) id="([^"]+)">(.*?)</h[3-6]>`)

// explanationSections cuts the explanations at their headings: each
// heading with an id and the text up to the next one.
func explanationSections(h template.HTML) []section {
	s := string(h)
	ms := headingWithID.FindAllStringSubmatchIndex(s, -1)
	var out []section
	for i, m := range ms {
		end := len(s)
		if i+1 < len(ms) {
			end = ms[i+1][0]
		}
		out = append(out, section{
			id:    html.UnescapeString(s[m[4]:m[5]]),
			title: plainText(template.HTML(s[m[6]:m[7]])),
			text:  plainText(template.HTML(s[m[1]:end])),
		})
	}
	return out
}

var (
	untranslatedMark = regexp.MustCompile(`<small class="untranslated-mark">.*?</small>`)
	// blockTag matches the tags that separate words; the others (strong,
	// a, span) stand inside a word or a run of Chinese characters.
	blockTag = regexp.MustCompile(`(?i)</?(p|li|ul|ol|dl|dt|dd|div|table|thead|tbody|tfoot|tr|td|th|caption|h[1-6]|br|hr|blockquote|pre|section|article)\b[^>]*>`)
)

// plainText is the text of HTML without its markup, its spaces collapsed.
func plainText(h template.HTML) string {
	s := untranslatedMark.ReplaceAllString(string(h), "")
	s = blockTag.ReplaceAllString(s, " ")
	s = anyTag.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// joinText joins the non-empty texts with spaces.
func joinText(texts []string) string {
	var parts []string
	for _, t := range texts {
		if t = strings.TrimSpace(t); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}
