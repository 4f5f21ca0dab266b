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
// under the code. To read many codes of one column, use Rollup.
func (t *Table) At(part string, code classify.Code, column string) (sum amount.Amount, found bool) {
	return t.Rollup(part, column).At(code)
}

// Rollup is one column of a table part, ready to be read at any
// functional code (see Table.At).
type Rollup struct {
	rows   []Row
	col    int
	total  *Row
	listed map[classify.Code]*Row
}

// Rollup indexes a column of a table part by functional code. A missing
// table, part or column reads as nothing everywhere.
func (t *Table) Rollup(part, column string) *Rollup {
	r := &Rollup{col: -1}
	if t == nil {
		return r
	}
	p := t.Kind.Part(part)
	if p == nil {
		return r
	}
	r.rows, r.col = t.Parts[part], p.Column(column)
	r.listed = make(map[classify.Code]*Row, len(r.rows))
	for i := range r.rows {
		row := &r.rows[i]
		switch {
		case row.Key == "total":
			r.total = row
		case row.Code != "" && row.Project == "":
			r.listed[row.Code] = row
		}
	}
	return r
}

// At returns the column's figure at a code, as Table.At does.
func (r *Rollup) At(code classify.Code) (sum amount.Amount, found bool) {
	sum = amount.Zero(0)
	if r.rows == nil {
		return sum, false
	}
	if code == "" && r.total != nil {
		return r.total.Cell(r.col).Value, true
	}
	if row, ok := r.listed[code]; ok && code != "" {
		return row.Cell(r.col).Value, true
	}
	for i := range r.rows {
		row := &r.rows[i]
		if row.Code == "" || !strings.HasPrefix(string(row.Code), string(code)) || row.Code == code && row.Project == "" {
			continue
		}
		// A row counts unless a listed row between it and the code
		// already holds it.
		held := false
		c := row.Code
		if row.Project == "" {
			c = c.Parent()
		}
		for ; len(c) > len(code); c = c.Parent() {
			if _, ok := r.listed[c]; ok {
				held = true
				break
			}
		}
		if !held {
			sum, found = sum.Add(row.Cell(r.col).Value), true
		}
	}
	return sum, found
}
