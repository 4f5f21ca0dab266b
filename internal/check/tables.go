package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// tables checks each table on its own: the empty-table statement, the
// hierarchy of its rows (类 = Σ 款 = Σ 项, total = Σ 类) and the column
// identities of each row (合计 = 基本支出 + 项目支出).
func (c *checker) tables() {
	for _, t := range c.f.Tables {
		c.emptyStatement(t)
		for i := range t.Kind.Parts {
			part := &t.Kind.Parts[i]
			rows := t.Parts[part.Key]
			c.hierarchy(t, part, rows)
			c.identities(t, part, rows)
		}
	}
}

var yearMention = regexp.MustCompile(`(19|20)\d\d\s*年`)

func (c *checker) emptyStatement(t *model.Table) {
	subject := "table " + t.No
	switch {
	case !t.HasRows() && t.Empty.IsZero():
		c.errorf("empty-table", subject, t.Pos,
			"%s has no rows and no statement: a table without figures must say why, with \"empty:\" (空表说明), like \"本部门 %d 年没有…，%s为空表。\"",
			tableName(t), c.f.Year, t.Name("zh"))
	case t.HasRows() && !t.Empty.IsZero():
		c.errorf("empty-table", subject, t.Empty.Pos,
			"%s has rows but also says it is empty; remove the \"empty:\" statement or the rows", tableName(t))
	case !t.Empty.IsZero():
		allowed := []string{fmt.Sprint(c.f.Year)}
		if t.Kind.ID == model.KindCarryover {
			// "没有 2023 年结转结余资金" speaks of the prior year's balances.
			allowed = append(allowed, fmt.Sprint(c.f.Year-1))
		}
		for _, m := range yearMention.FindAllString(t.Empty.ZH(), -1) {
			if !slices.Contains(allowed, m[:4]) {
				c.errorf("year", subject, t.Empty.Pos, "the empty-table statement of %s speaks of %s, but this file is for %d",
					tableName(t), m, c.f.Year)
			}
		}
	}
}

// parents maps each row index of a part to the index of the row it adds
// up into: -1 for the total row (or a row with no total above it).
func (c *checker) parents(part *model.Part, rows []model.Row) []int {
	index := map[string]int{}
	for i, r := range rows {
		index[r.Key] = i
	}
	total, hasTotal := index["total"]
	top := -1
	if hasTotal {
		top = total
	}
	// "unit" is the department's subtotal row of a table of projects; in
	// table 1 it is the income line 单位资金, an item like the others.
	unit, hasUnit := index["unit"]
	hasUnit = hasUnit && part.Rows == model.ProjectRows
	if hasUnit {
		top = unit
	}
	out := make([]int, len(rows))
	for i, r := range rows {
		out[i] = top
		switch {
		case r.Key == "total":
			out[i] = -1
			continue
		case r.Key == "unit" && hasUnit:
			out[i] = -1
			if hasTotal {
				// The department's subtotal equals the total; it is compared
				// as its only child below.
				out[i] = total
			}
			continue
		case part.Rows == model.Items:
			it, _ := part.Item(r.Key)
			for p := it.Parent; p != "" && p != "total"; {
				if j, ok := index[p]; ok {
					out[i] = j
					break
				}
				pi, _ := part.Item(p)
				p = pi.Parent
			}
			if out[i] == top && hasTotal {
				out[i] = total
			}
			continue
		}
		code := r.Code
		if r.Project == "" {
			code = code.Parent()
		}
		for ; code != ""; code = code.Parent() {
			if j, ok := index[string(code)]; ok {
				out[i] = j
				break
			}
		}
	}
	return out
}

// hierarchy checks that each row with rows under it equals their sum, in
// every column.
func (c *checker) hierarchy(t *model.Table, part *model.Part, rows []model.Row) {
	parents := c.parents(part, rows)
	children := map[int][]int{}
	for i, p := range parents {
		if p >= 0 {
			children[p] = append(children[p], i)
		}
	}
	for i := range rows {
		kids := children[i]
		if len(kids) == 0 {
			continue
		}
		row := &rows[i]
		var problems []string
		pos := row.Pos
		first := true
		sev := 0
		for col := range part.Columns {
			sum := amount.Zero(0)
			for _, k := range kids {
				sum = sum.Add(rows[k].Cell(col).Value)
			}
			stated := row.Cell(col)
			if stated.Value.Equal(sum) {
				continue
			}
			diff := stated.Value.Sub(sum).Abs()
			places := max(stated.Value.Places(), sum.Places())
			if diff.Cmp(c.tolerance(len(kids), places)) > 0 {
				sev = 1
			}
			if first {
				pos, first = stated.Pos, false
			}
			problems = append(problems, fmt.Sprintf("%s: %s stated, %s added up (difference %s)",
				part.Columns[col].Title.ZH(), stated.Value.Grouped(), sum.WithPlaces(places).Grouped(), diff.WithPlaces(places).Grouped()))
		}
		if len(problems) == 0 {
			continue
		}
		what := "its items"
		if row.Key == "total" {
			// Some tables print the total first, others last.
			what = "the top-level rows"
		}
		subject := fmt.Sprintf("table %s %s", t.No, row.Key)
		msg := fmt.Sprintf("in %s, %s does not equal the sum of %s: %s", tableName(t), c.rowName(part, row), what, strings.Join(problems, "; "))
		if sev == 0 {
			c.warnf("hierarchy", subject, pos, "%s; within rounding", msg)
		} else {
			c.errorf("hierarchy", subject, pos, "%s", msg)
		}
	}
}

// identities checks the column identities of every row.
func (c *checker) identities(t *model.Table, part *model.Part, rows []model.Row) {
	for _, id := range part.Identities {
		si := part.Column(id.Sum)
		for ri := range rows {
			row := &rows[ri]
			sum := amount.Zero(0)
			var names []string
			for _, p := range id.Parts {
				sum = sum.Add(row.Cell(part.Column(p)).Value)
				names = append(names, part.ColumnTitle(p))
			}
			stated := row.Cell(si)
			c.compare("columns", fmt.Sprintf("table %s %s", t.No, row.Key), stated.Pos, stated.Value, sum, len(id.Parts),
				fmt.Sprintf("in %s, %s: %s %s does not equal %s = %s",
					tableName(t), c.rowName(part, row), part.Columns[si].Title.ZH(), stated.Value.Grouped(),
					strings.Join(names, " + "), sum.Grouped()))
		}
	}
}

// codeRows returns the rows of a part keyed by classification code.
func codeRows(t *model.Table, partKey string) map[classify.Code]*model.Row {
	out := map[classify.Code]*model.Row{}
	if t == nil {
		return out
	}
	for i := range t.Parts[partKey] {
		r := &t.Parts[partKey][i]
		if r.Code != "" && r.Project == "" {
			out[r.Code] = r
		}
	}
	return out
}
