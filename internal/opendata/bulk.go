package opendata

import (
	"bytes"

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
	n := 0
	for _, d := range depts {
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
	}
	const width = 11
	cells := make([]cell, 0, n*width)
	out := make([][]cell, 0, n)
	for _, d := range depts {
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
						out = append(out, cells[at:at+width:at+width])
					}
				}
			}
		}
	}
	return Figures{rows: out}
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
