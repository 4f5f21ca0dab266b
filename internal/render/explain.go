package render

import (
	"html/template"

	"budgetpress/internal/model"
)

// Explanation renders the department's explanations (第三部分) from
// content/<lang>/<year>/<id>.md.
func (v *view) Explanation(f *model.File) template.HTML {
	return ""
}
