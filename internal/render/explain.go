package render

import (
	"html/template"
	"regexp"
	"strings"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/sitepath"
)

// narrator returns the narrative renderer of a file, made once per build.
func (s *Renderer) narrator(f *model.File) *narrative.Renderer {
	if s.Narratives != nil {
		return s.Narratives.For(f)
	}
	if n, ok := s.narratives.Load(f); ok {
		return n.(*narrative.Renderer)
	}
	n, _ := s.narratives.LoadOrStore(f, narrative.New(f, s.Dict))
	return n.(*narrative.Renderer)
}

// ContentPath is the Markdown file of a department-year's explanations.
func ContentPath(lang string, f *model.File) string {
	return sitepath.Explanation(lang, f.Year, f.ID)
}

// Section is a section of the explanations, listed in the page's
// contents.
type Section struct {
	ID    string
	Title template.HTML
	Lang  string // the section's language when it is not the page's
}

// explained is a department's explanations as a page shows them.
type explained struct {
	f        *model.File
	html     template.HTML
	sections []Section
}

// Explanation renders the department's explanations (第三部分) from
// content/<lang>/<year>/<id>.md. When the page's language has no file,
// the Chinese one is shown, marked as untranslated.
func (v *view) Explanation(f *model.File) template.HTML { return v.explain(f).html }

// Sections lists the top sections of the explanations (一、… 十二、), for
// the contents.
func (v *view) Sections(f *model.File) []Section { return v.explain(f).sections }

// explain renders the explanations once per page: the contents and the
// body both ask.
func (v *view) explain(f *model.File) *explained {
	if v.explained != nil && v.explained.f == f {
		return v.explained
	}
	e := &explained{f: f}
	v.explained = e
	p := ContentPath(v.Lang, f)
	src, ok := v.Site.Content[p]
	lang := v.Lang
	if !ok {
		p = ContentPath(v.Site.DefaultLang(), f)
		if src, ok = v.Site.Content[p]; !ok {
			return e
		}
		lang = v.Site.DefaultLang()
		v.res.Untranslated = append(v.res.Untranslated, Missing{Pos: diag.Pos{File: ContentPath(v.Lang, f)}, Text: "(the whole explanation: the file is missing)"})
	}
	html, diags := v.Site.narrator(f).Markdown(p, src, lang)
	v.res.Diags = append(v.res.Diags, diags...)
	html = placeHeadings(shiftHeadings(html))
	for _, m := range sectionHeadings(string(html)) {
		s := Section{ID: m[0], Title: template.HTML(anyTag.ReplaceAllString(m[1], ""))}
		if lang != v.Lang {
			s.Lang = lang
		}
		e.sections = append(e.sections, s)
	}
	if lang != v.Lang {
		html = template.HTML(`<div lang="`+lang+`" class="untranslated">`) + html + `</div>`
	}
	e.html = html
	return e
}

var anyTag = regexp.MustCompile(`<[^>]*>`)

// shiftHeadings sets the levels of the headings of an explanation for
// the page, where it stands under 第三部分, an h2: its highest headings
// (## as the template writes them, or # or ### where an editor chose
// those) become h3, the sections that the contents list and that
// placeHeadings numbers, and the others keep their distance below them,
// at most h6. The page is scanned by hand, as a regular expression over
// it costs more than the rest of the explanation.
func shiftHeadings(html template.HTML) template.HTML {
	s := string(html)
	top := byte('7')
	eachHeading(s, func(_ int, level byte) { top = min(top, level) })
	if top == '7' || top == '3' {
		return html
	}
	var b strings.Builder
	b.Grow(len(s) + 64)
	last := 0
	eachHeading(s, func(at int, level byte) {
		b.WriteString(s[last:at])
		b.WriteByte(min(level+'3'-top, '6'))
		last = at + 1
	})
	b.WriteString(s[last:])
	return template.HTML(b.String())
}

// eachHeading calls f with the offset and the level digit of each <hN
// and </hN in s (N from 1 to 6, not followed by a letter, digit or _).
func eachHeading(s string, f func(at int, level byte)) {
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		if s[j] == '/' {
			j++
		}
		if j+1 >= len(s) || s[j] != 'h' || s[j+1] < '1' || s[j+1] > '6' || j+2 < len(s) && isWordByte(s[j+2]) {
			continue
		}
		f(j+1, s[j+1])
		i = j + 1
	}
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// sectionHeadings finds the sections' headings, <h3 id="ID">TITLE</h3>
// with TITLE on one line, and returns the ID and TITLE of each.
func sectionHeadings(html string) [][2]string {
	const open = `<h3 id="`
	var out [][2]string
	for i := 0; ; {
		k := strings.Index(html[i:], open)
		if k < 0 {
			return out
		}
		start := i + k
		i = start + 1
		id := start + len(open)
		q := strings.IndexByte(html[id:], '"')
		if q <= 0 || id+q+1 >= len(html) || html[id+q+1] != '>' {
			continue
		}
		title := id + q + 2
		end := strings.Index(html[title:], "</h3>")
		if end < 0 || strings.IndexByte(html[title:title+end], '\n') >= 0 {
			continue
		}
		out = append(out, [2]string{html[id : id+q], html[title : title+end]})
		i = title + end + len("</h3>")
	}
}
