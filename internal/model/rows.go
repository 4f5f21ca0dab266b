package model

import (
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
)

// Row returns the row of a part with the given key ("total", an item, a
// code without spaces or a project id), or nil.
func (t *Table) Row(part, key string) *Row {
	if t == nil {
		return nil
	}
	rows := t.Parts[part]
	for i := range rows {
		if rows[i].Key == key {
			return &rows[i]
		}
	}
	return nil
}

// Cell returns the cell of a row in the column with the given key, and
// whether the row exists. A missing table, row or column gives an empty
// cell (zero).
func (t *Table) Cell(part, key, column string) (Cell, bool) {
	if t == nil {
		return Cell{Empty: true}, false
	}
	r := t.Row(part, key)
	if r == nil {
		return Cell{Empty: true, Pos: t.Pos}, false
	}
	p := t.Kind.Part(part)
	if p == nil {
		return Cell{Empty: true, Pos: r.Pos}, true
	}
	return r.Cell(p.Column(column)), true
}

// At returns a table's figure for a functional code in a column: the
// code's own row when the table lists it, or else the sum of the rows
// under it (subtotal rows, 项 rows and project rows, each counted once).
// The empty code stands for the whole table: its total row, or the sum
// of its top rows. found is false when nothing in the table is at or
// under the code.
func (t *Table) At(part string, code classify.Code, column string) (sum amount.Amount, found bool) {
	sum = amount.Zero(0)
	if t == nil {
		return sum, false
	}
	p := t.Kind.Part(part)
	if p == nil {
		return sum, false
	}
	col := p.Column(column)
	rows := t.Parts[part]
	if code == "" {
		if r := t.Row(part, "total"); r != nil {
			return r.Cell(col).Value, true
		}
	}
	listed := map[classify.Code]bool{}
	for i := range rows {
		if r := &rows[i]; r.Code != "" && r.Project == "" {
			listed[r.Code] = true
		}
	}
	if code != "" && listed[code] {
		r := t.Row(part, string(code))
		return r.Cell(col).Value, true
	}
	for i := range rows {
		r := &rows[i]
		if r.Code == "" || !strings.HasPrefix(string(r.Code), string(code)) || r.Code == code && r.Project == "" {
			continue
		}
		// A row counts unless a listed row between it and the code
		// already holds it.
		held := false
		c := r.Code
		if r.Project == "" {
			c = c.Parent()
		}
		for ; len(c) > len(code); c = c.Parent() {
			if listed[c] {
				held = true
				break
			}
		}
		if !held {
			sum, found = sum.Add(r.Cell(col).Value), true
		}
	}
	return sum, found
}
