package render

import (
	"html/template"
	"regexp"
	"strconv"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/sitepath"
)

// narrator returns the narrative renderer of a file, made once per build.
func (s *Site) narrator(f *model.File) *narrative.Renderer {
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
	html = shiftHeadings(html)
	for _, m := range sectionHeading.FindAllStringSubmatch(string(html), -1) {
		s := Section{ID: m[1], Title: template.HTML(anyTag.ReplaceAllString(m[2], ""))}
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

var (
	headingTag     = regexp.MustCompile(`<(/?)h([1-6])\b`)
	sectionHeading = regexp.MustCompile(`<h3 id="([^"]+)">(.*?)</h3>`)
	anyTag         = regexp.MustCompile(`<[^>]*>`)
)

// shiftHeadings moves the headings of the explanations one level down:
// the explanations are written from ## (their sections), and stand on
// the page under 第三部分, an h2.
func shiftHeadings(html template.HTML) template.HTML {
	return template.HTML(headingTag.ReplaceAllStringFunc(string(html), func(tag string) string {
		m := headingTag.FindStringSubmatch(tag)
		level, _ := strconv.Atoi(m[2])
		return "<" + m[1] + "h" + strconv.Itoa(min(level+1, 6))
	}))
}
