package render

import (
	"fmt"
	"html/template"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
)

// narrator returns the narrative renderer of a file, made once per build.
func (s *Site) narrator(f *model.File) *narrative.Renderer {
	if n, ok := s.narratives.Load(f); ok {
		return n.(*narrative.Renderer)
	}
	n, _ := s.narratives.LoadOrStore(f, narrative.New(f, s.Dict))
	return n.(*narrative.Renderer)
}

// ContentPath is the Markdown file of a department-year's explanations.
func ContentPath(lang string, f *model.File) string {
	return fmt.Sprintf("content/%s/%d/%s.md", lang, f.Year, f.ID)
}

// Explanation renders the department's explanations (第三部分) from
// content/<lang>/<year>/<id>.md. When the page's language has no file,
// the Chinese one is shown, marked as untranslated.
func (v *view) Explanation(f *model.File) template.HTML {
	p := ContentPath(v.Lang, f)
	src, ok := v.Site.Content[p]
	lang := v.Lang
	if !ok {
		p = ContentPath(v.Site.DefaultLang(), f)
		if src, ok = v.Site.Content[p]; !ok {
			return ""
		}
		lang = v.Site.DefaultLang()
		v.res.Untranslated = append(v.res.Untranslated, Missing{Pos: diag.Pos{File: ContentPath(v.Lang, f)}, Text: "(the whole explanation: the file is missing)"})
	}
	html, diags := v.Site.narrator(f).Markdown(p, src, lang)
	v.res.Diags = append(v.res.Diags, diags...)
	if lang != v.Lang {
		return template.HTML(`<div lang="`+lang+`" class="untranslated">`) + html + `</div>`
	}
	return html
}
