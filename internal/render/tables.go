package render

import (
	"fmt"
	"html/template"
	"strings"

	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// TableView is one published table laid out for a page.
type TableView struct {
	ID    string // anchor, "table-1"
	No    string
	Title string
	Parts []PartView
	Empty template.HTML // the empty-table statement, when the table has no figures
	// Wide tables have more amount columns than a portrait page holds:
	// print gives them a landscape page.
	Wide bool
	// VoidCols and VoidRows count the amount columns and the rows that
	// have no figure in any cell, over all parts: the screen collapses
	// them until the reader asks for the full layout. VoidNames are the
	// heads of those columns, in order.
	VoidCols, VoidRows int
	VoidNames          []string
	// Blanks is set when a cell has no figure: it reads "—", and the
	// table says what that means.
	Blanks bool
}

// PartView is one block of rows, rendered as one HTML table.
type PartView struct {
	Caption  string // the side, for tables with two ("收入", "支出")
	KeyHead  string // the head of the key columns
	HasCode  bool   // rows carry a classification code column
	NameHead string
	// HasProject tables (table 7) have a 项目名称 column after the
	// classification name, as the document prints them.
	HasProject  bool
	ProjectHead string
	Columns     []string
	// VoidCols marks the columns without a figure in any row.
	VoidCols []bool
	Rows     []RowView
}

// RowView is one row: a code, a name, a project, the amounts.
type RowView struct {
	Code    string
	Name    template.HTML
	Project template.HTML
	Level   int  // 0 total, 1 类 or top item, 2 款, 3 项; one more under a unit row
	Total   bool // the total row, emphasised
	// Void rows have no figure in any cell (a 类 of tables 1 and 4 the
	// department spends nothing on): collapsed on screen.
	Void  bool
	Cells []string
	// Label, when set, names the row in the label of narrow screens in
	// place of Name: the department's short name on its unit row.
	Label template.HTML
	// Text and ProjectText are Name and Project without markup, and
	// Values the cells as the file gives them, for the downloads.
	Text, ProjectText string
	Values            []model.Cell
}

// wideColumns is the number of amount columns from which a table counts
// as wide.
const wideColumns = 6

// Tables lays out every table of a file.
// The layout asks twice (contents and part 2): they are laid out once.
func (v *view) Tables(f *model.File) []TableView {
	if v.tables != nil && v.tablesOf == f {
		return v.tables
	}
	var out []TableView
	for _, t := range f.Tables {
		out = append(out, v.table(f, t))
	}
	v.tables, v.tablesOf = out, f
	return out
}

func (v *view) table(f *model.File, t *model.Table) TableView {
	tv := TableView{ID: "table-" + t.No, No: t.No}
	if !t.Title.IsZero() {
		tv.Title = v.Plain(t.Title)
	} else {
		tv.Title = v.Plain(t.Kind.Title)
	}
	if !t.HasRows() {
		tv.Empty = v.Tx(t.Empty)
		return tv
	}
	money := v.Money(f)
	for i := range t.Kind.Parts {
		part := &t.Kind.Parts[i]
		pv := PartView{HasCode: part.Rows != model.Items, HasProject: part.Rows == model.ProjectRows}
		if len(part.Columns) >= wideColumns {
			tv.Wide = true
		}
		if len(t.Kind.Parts) > 1 {
			pv.Caption = v.Plain(part.Title)
		}
		for _, c := range part.Columns {
			pv.Columns = append(pv.Columns, v.Plain(c.Title))
		}
		pv.KeyHead = v.T("table.item")
		if pv.HasCode {
			pv.KeyHead = v.T("table.code")
			pv.NameHead = v.T("table.name")
			if part.Rows == model.EconomicCodes {
				pv.NameHead = v.T("table.name.economic")
			}
		}
		if pv.HasProject {
			pv.ProjectHead = v.T("table.project")
		}
		rows := t.Parts[part.Key]
		pv.Rows = make([]RowView, 0, len(rows)+len(part.Items)+1)
		byKey := map[string]*model.Row{}
		for i := range rows {
			byKey[rows[i].Key] = &rows[i]
		}
		cells := func(r *model.Row) []string {
			out := make([]string, len(part.Columns))
			if r == nil {
				return out
			}
			for i := range out {
				c := r.Cell(i)
				if !c.Empty {
					out[i] = money.Format(c.Value)
				}
			}
			return out
		}
		values := func(r *model.Row) []model.Cell {
			out := make([]model.Cell, len(part.Columns))
			for i := range out {
				out[i] = model.Cell{Empty: true}
				if r != nil {
					out[i] = r.Cell(i)
				}
			}
			return out
		}
		switch {
		case part.Rows == model.Items:
			// Every item of the template, in order, as the document prints
			// them, with blank cells where there is nothing.
			for _, it := range part.Items {
				level := 1
				for p := it.Parent; p != "total" && p != ""; {
					level++
					pi, _ := part.Item(p)
					p = pi.Parent
				}
				name := v.Plain(it.Title)
				pv.Rows = append(pv.Rows, RowView{Name: template.HTML(template.HTMLEscapeString(name)), Text: name, Level: level, Cells: cells(byKey[it.Key]), Values: values(byKey[it.Key])})
			}
		case part.Rows == model.FunctionCodes && (t.Kind.ID == model.KindSummary || t.Kind.ID == model.KindFiscal):
			// Tables 1 and 4 list every 类 of the year.
			for _, code := range v.Site.Dict.Classes(classify.Function, f.Year) {
				pv.Rows = append(pv.Rows, RowView{Code: code.String(), Name: v.codeName(f, classify.Function, code), Text: v.codeText(f, classify.Function, code), Level: 1, Cells: cells(byKey[string(code)]), Values: values(byKey[string(code)])})
			}
		default:
			for i := range rows {
				r := &rows[i]
				if r.Key == "total" {
					continue
				}
				rv := RowView{Cells: cells(r), Values: values(r)}
				switch {
				case r.Key == "unit":
					rv.Name, rv.Text, rv.Level = v.Tx(f.Department.Name), v.Plain(f.Department.Name), 1
					if !f.Department.Short.IsZero() {
						rv.Label = v.Tx(f.Department.Short)
					}
				case r.Project != "":
					// The code and name of the project's 项, then the
					// project's name.
					code := r.Code
					p := f.Project(r.Project)
					if code == "" && p != nil {
						code = p.Function
					}
					rv.Code, rv.Level = code.String(), code.Level()+1
					rv.Name, rv.Text = v.codeName(f, classify.Function, code), v.codeText(f, classify.Function, code)
					if p != nil {
						rv.Project, rv.ProjectText = v.Tx(p.Name), v.Plain(p.Name)
					} else {
						rv.ProjectText = r.Project
					}
				default:
					scheme := classify.Function
					if part.Rows == model.EconomicCodes {
						scheme = classify.Economic
					}
					rv.Code, rv.Level = r.Code.String(), r.Code.Level()
					rv.Name, rv.Text = v.codeName(f, scheme, r.Code), v.codeText(f, scheme, r.Code)
					if part.Rows == model.ProjectRows {
						rv.Level++ // under the unit row
					}
				}
				pv.Rows = append(pv.Rows, rv)
			}
		}
		if r := byKey["total"]; r != nil {
			label := v.T("table.total")
			if !part.Total.IsZero() {
				label = v.Plain(part.Total)
			}
			total := RowView{Name: template.HTML(template.HTMLEscapeString(label)), Text: label, Total: true, Cells: cells(r), Values: values(r)}
			if (part.Rows == model.Items || len(t.Kind.Parts) > 1) && !part.TotalFirst {
				pv.Rows = append(pv.Rows, total)
			} else {
				pv.Rows = append([]RowView{total}, pv.Rows...)
			}
		}
		markVoid(&tv, &pv)
		tv.Parts = append(tv.Parts, pv)
	}
	return tv
}

// markVoid finds the columns and rows of a part that carry no figure,
// and counts them in the table. A total row is never void: it states
// the table's sum even when that is empty.
func markVoid(tv *TableView, pv *PartView) {
	pv.VoidCols = make([]bool, len(pv.Columns))
	for i := range pv.VoidCols {
		pv.VoidCols[i] = len(pv.Rows) > 0
		for _, r := range pv.Rows {
			if r.Cells[i] != "" {
				pv.VoidCols[i] = false
				break
			}
		}
		if pv.VoidCols[i] {
			tv.VoidCols++
			tv.VoidNames = append(tv.VoidNames, pv.Columns[i])
		}
	}
	for j := range pv.Rows {
		r := &pv.Rows[j]
		r.Void = !r.Total
		for _, c := range r.Cells {
			if c != "" {
				r.Void = false
			} else {
				tv.Blanks = true
			}
		}
		if r.Void {
			tv.VoidRows++
		}
	}
}

// codeName is a classification name in the page's language; a missing
// English name falls back to Chinese, marked.
func (v *view) codeName(f *model.File, s classify.Scheme, c classify.Code) template.HTML {
	n, ok := f.CodeName(v.Site.Dict, s, c)
	if !ok {
		return template.HTML(template.HTMLEscapeString(c.String()))
	}
	// As Tx would show model.Bi(n.ZH, n.EN), without making the map
	// (a page asks for some hundred names).
	name, ok := n.ZH, v.Lang == "zh"
	if !ok && v.Lang == "en" && n.EN != "" {
		name, ok = n.EN, true
	}
	if ok || name == "" {
		return template.HTML(template.HTMLEscapeString(name))
	}
	return v.Tx(model.T(n.ZH)) // shown in Chinese, marked and counted
}

// codeText is a classification name in the page's language without
// markup: a missing English name is the Chinese one; a code the
// dictionary lacks is its own name.
func (v *view) codeText(f *model.File, s classify.Scheme, c classify.Code) string {
	n, ok := f.CodeName(v.Site.Dict, s, c)
	switch {
	case !ok:
		return c.String()
	case v.Lang != "zh" && n.EN != "":
		return n.EN
	}
	return n.ZH
}

// Caption is the text of a table's caption: number, title, compiling
// department and unit.
func (v *view) Caption(f *model.File, t TableView) string {
	return fmt.Sprintf("%s %s", v.Tf("table.no", t.No), t.Title)
}

// VoidNote says which columns and rows of a table the screen collapses
// because they have no figure ("“政府性基金预算”等 9 列和 25 行本年无数，
// 已收起。"); "" when there are none.
func (v *view) VoidNote(t TableView) string {
	var parts []string
	switch {
	case t.VoidCols == 1:
		parts = append(parts, v.Tf("table.void.col", t.VoidNames[0]))
	case t.VoidCols > 1:
		parts = append(parts, v.Tf("table.void.cols", t.VoidNames[0], t.VoidCols))
	}
	switch {
	case t.VoidRows == 1:
		parts = append(parts, v.T("table.void.row"))
	case t.VoidRows > 1:
		parts = append(parts, v.Tf("table.void.rows", t.VoidRows))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, v.T("table.void.and")) + v.T("table.void.end")
}
