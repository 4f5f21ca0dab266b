package opendata

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
	"budgetpress/internal/render"
)

// A grid is a table as the CSV and XLSX files write it: one row of
// heads, then rows of cells. Tables with an income and an expenditure
// side (tables 1 and 4) become one grid with a first column naming the
// side, and the amount columns of both sides by their heads.
type grid struct {
	Heading, Compiler, Unit string
	Heads                   []string
	// Amount is the index of the first amount column.
	Amount int
	Rows   [][]cell
}

// cell is a text, a classification code (text that looks like a number)
// or an amount as the page states it.
type cell struct {
	Text  string
	Code  bool
	Num   amount.Amount
	IsNum bool
}

// gridOf lays out a table of a page for the downloads.
func gridOf(t render.DataTable, m i18n.Money) grid {
	g := grid{Heading: t.Heading, Compiler: t.Compiler, Unit: t.Unit}
	if len(t.Parts) == 0 {
		g.Heads = []string{t.Heading}
		g.Amount = 1
		if t.Empty != "" {
			g.Rows = [][]cell{{{Text: t.Empty}}}
		}
		return g
	}
	multi := len(t.Parts) > 1
	hasCode, hasProject := false, false
	keyHead, nameHead, projectHead := "", "", ""
	for _, p := range t.Parts {
		if p.HasCode && !hasCode {
			hasCode, keyHead, nameHead = true, p.KeyHead, p.NameHead
		}
		if p.HasProject {
			hasProject, projectHead = true, p.ProjectHead
		}
	}
	for _, p := range t.Parts {
		if !p.HasCode && p.KeyHead != nameHead {
			// Items and coded rows share the name column: 项目 / 功能分类科目名称.
			if nameHead == "" {
				nameHead = p.KeyHead
			} else {
				nameHead = p.KeyHead + " / " + nameHead
			}
		}
	}
	// The amount columns: those of every part, by head, in order.
	var cols []string
	index := map[string]int{}
	for _, p := range t.Parts {
		for _, c := range p.Columns {
			if _, ok := index[c]; !ok {
				index[c] = len(cols)
				cols = append(cols, c)
			}
		}
	}
	if multi {
		g.Heads = append(g.Heads, t.PartHead)
	}
	if hasCode {
		g.Heads = append(g.Heads, keyHead)
	}
	g.Heads = append(g.Heads, nameHead)
	if hasProject {
		g.Heads = append(g.Heads, projectHead)
	}
	g.Amount = len(g.Heads)
	for _, c := range cols {
		g.Heads = append(g.Heads, c+t.UnitSuffix)
	}
	for _, p := range t.Parts {
		for _, r := range p.Rows {
			row := make([]cell, 0, len(g.Heads))
			if multi {
				row = append(row, cell{Text: p.Caption})
			}
			if hasCode {
				row = append(row, cell{Text: r.Code, Code: r.Code != ""})
			}
			row = append(row, cell{Text: r.Text})
			if hasProject {
				row = append(row, cell{Text: r.ProjectText})
			}
			amounts := make([]cell, len(cols))
			for i, v := range r.Values {
				if !v.Empty {
					amounts[index[p.Columns[i]]] = cell{Num: m.Value(v.Value), IsNum: true}
				}
			}
			g.Rows = append(g.Rows, append(row, amounts...))
		}
	}
	return g
}
