package opendata

import (
	"bytes"
	"encoding/binary"
	"errors"

	"budgetpress/internal/i18n"
	"budgetpress/internal/render"
)

// Dept is one department-year's tables in one language, for the bulk
// files of a year.
type Dept struct {
	ID     string
	Name   string // in the language of the tables
	Tables []render.DataTable
	Money  i18n.Money
}

// Figures are a year's figures, one row per figure: department,
// department id, table, table title, side, code, name, project, column,
// amount, unit. BulkCSV and BulkXLSX write the same rows, made once.
type Figures struct{ rows [][]cell }

// YearFigures lays out the figures of the departments of a year.
func YearFigures(depts []Dept) Figures {
	parts := make([]Figures, len(depts))
	for i, d := range depts {
		parts[i] = DeptFigures(d)
	}
	return Join(parts...)
}

// figureWidth is the number of cells of a figure's row.
const figureWidth = 11

// DeptFigures lays out the figures of one department-year, the rows it
// has in its year's bulk files: the bulk files of a year are the Join
// of the figures of its departments, which a build cache keeps.
func DeptFigures(d Dept) Figures {
	n := 0
	for _, t := range d.Tables {
		for _, p := range t.Parts {
			for _, r := range p.Rows {
				for _, v := range r.Values {
					if !v.Empty {
						n++
					}
				}
			}
		}
	}
	cells := make([]cell, 0, n*figureWidth)
	out := make([][]cell, 0, n)
	unit := d.Money.UnitName()
	for _, t := range d.Tables {
		for _, p := range t.Parts {
			for _, r := range p.Rows {
				for j, v := range r.Values {
					if v.Empty {
						continue
					}
					at := len(cells)
					cells = append(cells, cell{Text: d.Name}, cell{Text: d.ID}, cell{Text: t.Name}, cell{Text: t.Heading}, cell{Text: p.Caption},
						cell{Text: r.Code, Code: r.Code != ""}, cell{Text: r.Text}, cell{Text: r.ProjectText}, cell{Text: p.Columns[j]},
						cell{Num: d.Money.Value(v.Value), IsNum: true}, cell{Text: unit})
					out = append(out, cells[at:at+figureWidth:at+figureWidth])
				}
			}
		}
	}
	return Figures{rows: out}
}

// Join is the figures of parts, one after the other.
func Join(parts ...Figures) Figures {
	n := 0
	for _, p := range parts {
		n += len(p.rows)
	}
	rows := make([][]cell, 0, n)
	for _, p := range parts {
		rows = append(rows, p.rows...)
	}
	return Figures{rows: rows}
}

// Len is the number of figures.
func (f Figures) Len() int { return len(f.rows) }

// MarshalBinary encodes the figures, exactly, for a build cache: each
// text once, then the rows.
func (f Figures) MarshalBinary() ([]byte, error) {
	index := map[string]int{}
	var texts []string
	for _, r := range f.rows {
		for _, c := range r {
			if _, ok := index[c.Text]; !ok && !c.IsNum {
				index[c.Text] = len(texts)
				texts = append(texts, c.Text)
			}
		}
	}
	b := binary.AppendUvarint(nil, uint64(len(texts)))
	for _, t := range texts {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	b = binary.AppendUvarint(b, uint64(len(f.rows)))
	for _, r := range f.rows {
		b = binary.AppendUvarint(b, uint64(len(r)))
		for _, c := range r {
			switch {
			case c.IsNum:
				a, err := c.Num.MarshalBinary()
				if err != nil {
					return nil, err
				}
				b = append(b, cellNum)
				b = binary.AppendUvarint(b, uint64(len(a)))
				b = append(b, a...)
			case c.Code:
				b = append(b, cellCode)
				b = binary.AppendUvarint(b, uint64(index[c.Text]))
			default:
				b = append(b, cellText)
				b = binary.AppendUvarint(b, uint64(index[c.Text]))
			}
		}
	}
	return b, nil
}

// The kinds of cells MarshalBinary writes.
const (
	cellText byte = iota
	cellCode
	cellNum
)

// UnmarshalBinary decodes what MarshalBinary encoded; anything else is
// an error.
func (f *Figures) UnmarshalBinary(b []byte) error {
	bad := errors.New("not encoded figures")
	// A count is at most the bytes left, so that nothing damaged makes
	// a large allocation.
	next := func() (int, bool) {
		v, k := binary.Uvarint(b)
		if k <= 0 || v > 1<<31 {
			return 0, false
		}
		b = b[k:]
		return int(v), true
	}
	n, ok := next()
	if !ok || n > len(b) {
		return bad
	}
	texts := make([]string, n)
	for i := range texts {
		l, ok := next()
		if !ok || l > len(b) {
			return bad
		}
		texts[i], b = string(b[:l]), b[l:]
	}
	n, ok = next()
	if !ok || n > len(b) {
		return bad
	}
	rows := make([][]cell, n)
	for i := range rows {
		w, ok := next()
		if !ok || w != figureWidth {
			return bad
		}
		r := make([]cell, w)
		for j := range r {
			if len(b) == 0 {
				return bad
			}
			kind := b[0]
			b = b[1:]
			v, ok := next()
			if !ok {
				return bad
			}
			switch kind {
			case cellNum:
				if v > len(b) {
					return bad
				}
				if err := r[j].Num.UnmarshalBinary(b[:v]); err != nil {
					return bad
				}
				r[j].IsNum, b = true, b[v:]
			case cellCode, cellText:
				if v >= len(texts) {
					return bad
				}
				r[j] = cell{Text: texts[v], Code: kind == cellCode}
			default:
				return bad
			}
		}
		rows[i] = r
	}
	if len(b) != 0 {
		return bad
	}
	f.rows = rows
	return nil
}

// BulkCSV is every figure of every department of a year in one CSV,
// one row per figure, with heads (department, department id, table,
// table title, side, code, name, project, column, amount, unit) in the
// language of the tables; written as TableCSV writes.
func BulkCSV(heads []string, f Figures) []byte {
	var b bytes.Buffer
	size := len(bom) + 256
	for _, r := range f.rows {
		size += len(r) + 1 // the commas and the line end
		for _, c := range r {
			size += len(c.Text) + 2 // quotes, when it needs them
			if c.IsNum {
				size += 16
			}
		}
	}
	b.Grow(size)
	b.WriteString(bom)
	writeRecord(&b, heads)
	rec := make([]string, len(heads))
	for _, r := range f.rows {
		for i, c := range r {
			rec[i] = c.csv()
		}
		writeRecord(&b, rec[:len(r)])
	}
	return b.Bytes()
}

// BulkXLSX is BulkCSV's rows as a workbook of one sheet named name,
// with title in its first row and the heads frozen.
func BulkXLSX(name, title string, heads []string, f Figures, p Props) ([]byte, error) {
	return writeBook([]sheet{{Name: name, Lines: []string{title}, Heads: heads, Rows: f.rows}}, p)
}
