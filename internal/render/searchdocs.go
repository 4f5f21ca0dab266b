package render

import (
	"html"
	"html/template"
	"strconv"
	"strings"

	"budgetpress/internal/model"
	"budgetpress/internal/search"
)

// SearchPage returns what one department page of a language shows, for
// the search index: the page's tables (with the names of their rows),
// projects, sections of the explanations, performance targets and
// glossary, each under the anchor it has on the page and in the words
// the page uses. Render makes the same with the page (Result.Search).
func (s *Renderer) SearchPage(lang string, f *model.File) search.Page {
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

// explanationSections cuts the explanations at their headings: each
// heading with an id, <hN id="ID">TITLE</hN> (N from 3 to 6, TITLE on
// one line), and the text up to the next one. The explanations of every
// page are scanned by hand, as plainText does.
func explanationSections(h template.HTML) []section {
	s := string(h)
	type heading struct{ start, end, id, idEnd, title, titleEnd int }
	var hs []heading
	for i := 0; ; {
		k := strings.Index(s[i:], "<h")
		if k < 0 {
			break
		}
		at := i + k
		i = at + 2
		const idAttr = ` id="`
		if at+3+len(idAttr) >= len(s) || s[at+2] < '3' || s[at+2] > '6' || !strings.HasPrefix(s[at+3:], idAttr) {
			continue
		}
		id := at + 3 + len(idAttr)
		q := strings.IndexByte(s[id:], '"')
		if q <= 0 || id+q+1 >= len(s) || s[id+q+1] != '>' {
			continue
		}
		title := id + q + 2
		end := closingHeading(s, title)
		if end < 0 {
			continue
		}
		hs = append(hs, heading{start: at, end: end + len("</h3>"), id: id, idEnd: id + q, title: title, titleEnd: end})
		i = end + len("</h3>")
	}
	var out []section
	for i, m := range hs {
		next := len(s)
		if i+1 < len(hs) {
			next = hs[i+1].start
		}
		out = append(out, section{
			id:    html.UnescapeString(s[m.id:m.idEnd]),
			title: plainText(template.HTML(s[m.title:m.titleEnd])),
			text:  plainText(template.HTML(s[m.end:next])),
		})
	}
	return out
}

// closingHeading is where the first </h3> … </h6> after from is, -1
// when a line ends first.
func closingHeading(s string, from int) int {
	for k := from; k < len(s); k++ {
		switch {
		case s[k] == '\n':
			return -1
		case s[k] == '<' && k+4 < len(s) && s[k+1] == '/' && s[k+2] == 'h' && s[k+3] >= '3' && s[k+3] <= '6' && s[k+4] == '>':
			return k
		}
	}
	return -1
}

// untranslatedMark opens the mark of a text shown untranslated, which
// the index leaves out.
const untranslatedMark = `<small class="untranslated-mark">`

// blockTags are the tags that separate words; the others (strong, a,
// span) stand inside a word or a run of Chinese characters.
var blockTags = map[string]bool{}

func init() {
	for _, t := range strings.Fields("p li ul ol dl dt dd div table thead tbody tfoot tr td th caption h1 h2 h3 h4 h5 h6 br hr blockquote pre section article") {
		blockTags[t] = true
	}
}

// plainText is the text of HTML without its markup, its spaces
// collapsed: the untranslated marks left out (on one line), a tag that
// separates words a space, any other tag (< to the next >) nothing. The
// index takes the text of every page, so the text is scanned by hand.
func plainText(h template.HTML) string {
	s := string(h)
	if strings.IndexByte(s, '<') < 0 {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+k])
		i += k
		if strings.HasPrefix(s[i:], untranslatedMark) {
			rest := s[i+len(untranslatedMark):]
			if e := strings.Index(rest, "</small>"); e >= 0 && strings.IndexByte(rest[:e], '\n') < 0 {
				i += len(untranslatedMark) + e + len("</small>")
				continue
			}
		}
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			b.WriteString(s[i:])
			break
		}
		if blockTags[tagName(s[i+1:i+end])] {
			b.WriteByte(' ')
		}
		i += end + 1
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// tagName is the name of the tag whose text (between < and >) is t, in
// small letters: "p" for "/P class=x".
func tagName(t string) string {
	t = strings.TrimPrefix(t, "/")
	n := 0
	for n < len(t) && isWordByte(t[n]) {
		n++
	}
	name := t[:n]
	for j := 0; j < len(name); j++ {
		if c := name[j]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(name)
		}
	}
	return name
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
