package build

import (
	"slices"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// summary is what the pages that gather department-years (home, year,
// comparison, overview across years, downloads, search page, sitemap,
// open-data catalogue) read of one department-year: its names, unit,
// type and date, and the few table rows their figures come from (the
// totals of table 1, basic and project expenditure, the 三公 and its
// items). A warm build keeps it in the cache for every department-year
// it does not load again, and gives those pages a stand-in file made
// from it (stub), so that they run the same code on the same values as
// in a cold build.
type summary struct {
	Path, ID, Type, Unit string
	Year                 int
	Template             string // the id of the file's table set
	Published            model.Date
	Name, Short          model.Text
	Tables               []summaryTable
}

// summaryTable is a table of a summary: its kind and the rows kept.
type summaryTable struct {
	No, Kind string
	Parts    map[string][]summaryRow
}

// summaryRow is a row of a summary table, its amounts as published.
type summaryRow struct {
	Key   string
	Cells []summaryCell
}

type summaryCell struct {
	Value string // amount.Amount.String
	Empty bool
}

// summaryKinds are the tables the gathering pages read, and summaryRows
// the rows of them (render's navFigures and chart.Total).
var (
	summaryKinds = []string{model.KindSummary, model.KindExpenditure, model.KindGeneral, model.KindThreePublic}
	summaryRows  = []string{"total", "outbound", "vehicles", "reception"}
)

// summarize makes the summary of a loaded file. ok is false when a
// stand-in made from it could not be told from the file by the pages
// (a table whose kind is not its table set's), which is then built
// cold.
func summarize(f *model.File, templates map[string]*model.Template) (summary, bool) {
	s := summary{Path: f.Path, ID: f.ID, Type: f.Type, Unit: f.Unit, Year: f.Year, Published: f.Published,
		Name: f.Department.Name, Short: f.Department.Short}
	if f.Template != nil {
		s.Template = f.Template.ID
	}
	for _, t := range f.Tables {
		if t.Kind == nil || !slices.Contains(summaryKinds, t.Kind.ID) {
			continue
		}
		if kindOf(templates, s.Template, t.Kind.ID) != t.Kind {
			return summary{}, false
		}
		st := summaryTable{No: t.No, Kind: t.Kind.ID, Parts: map[string][]summaryRow{}}
		for part, rows := range t.Parts {
			for _, r := range rows {
				if !slices.Contains(summaryRows, r.Key) {
					continue
				}
				sr := summaryRow{Key: r.Key}
				for _, c := range r.Cells {
					sr.Cells = append(sr.Cells, summaryCell{Value: c.Value.String(), Empty: c.Empty})
				}
				st.Parts[part] = append(st.Parts[part], sr)
			}
		}
		s.Tables = append(s.Tables, st)
	}
	return s, true
}

// kindOf is the kind of a table of a file of the given table set, as
// the loader gives it: the table set's narrowed kind, or the standard one.
func kindOf(templates map[string]*model.Template, template, kind string) *model.Kind {
	t := templates[template]
	if t == nil {
		t = model.BuiltinTemplates()[template]
	}
	if t != nil {
		if tt := t.ByKind(kind); tt != nil {
			return tt.Kind
		}
	}
	return model.Kinds[kind]
}

// stub makes the stand-in file of a summary.
func (s summary) stub(templates map[string]*model.Template) (*model.File, bool) {
	f := &model.File{Path: s.Path, ID: s.ID, Type: s.Type, Unit: s.Unit, Year: s.Year, Published: s.Published,
		Department: model.Department{Name: s.Name, Short: s.Short}}
	f.Template = templates[s.Template]
	if f.Template == nil {
		f.Template = model.BuiltinTemplates()[s.Template]
	}
	for _, st := range s.Tables {
		k := kindOf(templates, s.Template, st.Kind)
		if k == nil {
			return nil, false
		}
		t := &model.Table{No: st.No, Kind: k, Parts: map[string][]model.Row{}}
		for part, rows := range st.Parts {
			for _, sr := range rows {
				r := model.Row{Key: sr.Key}
				for _, sc := range sr.Cells {
					a, err := amount.Parse(sc.Value)
					if err != nil {
						return nil, false
					}
					r.Cells = append(r.Cells, model.Cell{Value: a, Empty: sc.Empty})
				}
				t.Parts[part] = append(t.Parts[part], r)
			}
		}
		f.Tables = append(f.Tables, t)
	}
	return f, true
}
