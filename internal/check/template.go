package check

import (
	"strings"
	"unicode"

	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// template checks that the file publishes the tables of its template:
// each of them, under the template's number, and no other.
func (c *checker) template() {
	t := c.f.Template
	if t == nil {
		return
	}
	pos := diag.Pos{File: c.f.Path, Line: 1, Col: 1}
	if len(c.f.Tables) > 0 {
		pos = c.f.Tables[0].Pos
	}
	name := t.ID
	if s := t.Name.ZH(); s != "" {
		name += " (" + s + ")"
	}
	for _, tt := range t.Tables {
		if c.f.Table(tt.Kind.ID) == nil {
			title := tt.Kind.Title.ZH()
			if !tt.Title.IsZero() {
				title = tt.Title.ZH()
			}
			c.errorf("template", "table "+tt.No, pos,
				"the template %s has table %s, %s (kind: %s), but this file does not: add it under tables:, with its rows, or with an \"empty:\" statement (空表说明) when it has no figures",
				name, tt.No, title, tt.Kind.ID)
		}
	}
	for _, tb := range c.f.Tables {
		tt := t.ByKind(tb.Kind.ID)
		switch {
		case tt == nil:
			c.errorf("template", "table "+tb.No, tb.Pos,
				"%s is not one of the tables of the template %s; remove it, or name the template that has it (template: in site.yaml or at the top of this file)",
				tableName(tb), name)
		case tt.No != tb.No:
			c.errorf("template", "table "+tb.No, tb.Pos,
				"%s is table %s in the template %s; write no: %s, or leave the number out", tableName(tb), tt.No, name, tt.No)
		}
	}
}

// names compares the names that rows print after their codes with the
// dictionary, and warns about 项 the dictionary does not have.
func (c *checker) names() {
	for _, t := range c.f.Tables {
		for _, part := range t.Kind.Parts {
			scheme := classify.Function
			if part.Rows == model.EconomicCodes {
				scheme = classify.Economic
			}
			for _, r := range t.Parts[part.Key] {
				if r.Printed == "" || r.Code == "" {
					continue
				}
				subject := "table " + t.No + " " + string(r.Code)
				name, ok := c.dict.Lookup(scheme, r.Code, c.f.Year)
				switch {
				case !ok:
					c.warnf("code", subject, r.Pos,
						"%s %s is not in the %d national classification; check the code against the published table (it is published with the name as printed; a code your province adds for good goes in data/classification.yaml)",
						r.Code, r.Printed, c.f.Year)
				case squeezeName(name.ZH) != squeezeName(r.Printed):
					c.warnf("name", subject, r.Pos,
						"%s prints %s as %q, but in the %d national classification %s is %q; check the code, or the name",
						tableName(t), r.Code, r.Printed, c.f.Year, r.Code, name.ZH)
				}
			}
		}
	}
}

// squeezeName drops spaces and makes brackets and punctuation one width,
// so that "其他支出(项)" and "其他支出（项）" compare equal.
func squeezeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '（':
			return '('
		case r == '）':
			return ')'
		case r == '，':
			return ','
		case r == '、':
			return ','
		}
		return r
	}, s)
}
