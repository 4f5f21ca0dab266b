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

// bulkRows are a year's figures, one row per figure: department, table,
// side, code, name, project, column, amount, unit.
func bulkRows(depts []Dept) [][]cell {
	var out [][]cell
	for _, d := range depts {
		unit := d.Money.UnitName()
		for _, t := range d.Tables {
			for _, p := range t.Parts {
				for _, r := range p.Rows {
					for j, v := range r.Values {
						if v.Empty {
							continue
						}
						out = append(out, []cell{{Text: d.Name}, {Text: d.ID}, {Text: t.Name}, {Text: t.Heading}, {Text: p.Caption},
							{Text: r.Code, Code: r.Code != ""}, {Text: r.Text}, {Text: r.ProjectText}, {Text: p.Columns[j]},
							{Num: d.Money.Value(v.Value), IsNum: true}, {Text: unit}})
					}
				}
			}
		}
	}
	return out
}

// BulkCSV is every figure of every department of a year in one CSV,
// one row per figure, with heads (department, department id, table,
// table title, side, code, name, project, column, amount, unit) in the
// language of the tables; written as TableCSV writes.
func BulkCSV(heads []string, depts []Dept) []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	writeRecord(&b, heads)
	rec := make([]string, len(heads))
	for _, r := range bulkRows(depts) {
		for i, c := range r {
			rec[i] = c.csv()
		}
		writeRecord(&b, rec[:len(r)])
	}
	return b.Bytes()
}

// BulkXLSX is BulkCSV's rows as a workbook of one sheet named name,
// with title in its first row and the heads frozen.
func BulkXLSX(name, title string, heads []string, depts []Dept, p Props) ([]byte, error) {
	return writeBook([]sheet{{Name: name, Lines: []string{title}, Heads: heads, Rows: bulkRows(depts)}}, p)
}
