package render

import (
	"html/template"
	"sort"
	"strings"

	"budgetpress/internal/chart"
	"budgetpress/internal/model"
)

// chartContext is what internal/chart needs to write in the page's
// language; strings it lacks are counted like every other.
func (v *view) chartContext() chart.Context {
	return chart.Context{Lang: v.Lang, Dict: v.Site.Dict, T: v.T}
}

// DeptCharts returns the figures of a department page.
func (v *view) DeptCharts(f *model.File) []chart.Chart {
	if !v.chartsDone {
		v.charts, v.chartsDone = chart.Department(f, v.chartContext()), true
	}
	return v.charts
}

// HomeCharts returns the figure that compares the departments of the
// latest year.
func (v *view) HomeCharts() []chart.Chart {
	if c, ok := chart.Departments(v.Site.Files, v.chartContext()); ok {
		return []chart.Chart{c}
	}
	return nil
}

// TrendChart returns the figure of each department's totals across the
// years, one department at a time; nil when no department has a total.
func (v *view) TrendChart() *chart.Trend {
	if t, ok := chart.Trends(v.Site.Files, v.chartContext(), "#trends-table"); ok {
		return &t
	}
	return nil
}

// TrendChoices is the trend figure's choices for their <script
// type="application/json"> element. It is JSON from encoding/json, which
// escapes <, > and &, so it is inserted as it is.
func (v *view) TrendChoices(t *chart.Trend) template.JS { return template.JS(t.ChoicesJSON()) }

// HasCharts reports whether the page draws charts, and so needs the
// chart scripts; a chart of a single value is a sentence, drawn by none.
func (v *view) HasCharts() bool {
	drawn := func(cs []chart.Chart) bool {
		for _, c := range cs {
			if c.Option != nil {
				return true
			}
		}
		return false
	}
	switch v.Page.Kind {
	case "department":
		return drawn(v.DeptCharts(v.Page.File))
	case "home":
		return drawn(v.HomeCharts()) || v.TrendChart() != nil
	case "series":
		return drawn(v.Series().Charts)
	case "compare":
		return drawn(v.Compare().Charts)
	}
	return false
}

// ChartLink is a link under a chart to a file of a table's figures.
type ChartLink struct {
	Href string // relative to the page: "table-3.csv"
	Text string // "CSV", "Excel"
}

// tableDownloads returns the links to the files of the table whose
// anchor on the page is "table-"+key, in the page's language:
// table-<key>.csv in the page's folder, and the department's workbook,
// which has the table as a sheet.
func (v *view) tableDownloads(key string) []ChartLink {
	if v.Page.File == nil {
		return nil
	}
	var out []ChartLink
	for _, d := range v.downloadsOf(v.Page.File) {
		if d.Kind == DownloadTableCSV && d.Table == key && d.Lang == v.Lang {
			out = append(out, ChartLink{Href: v.Link(d.Path), Text: "CSV"})
		}
	}
	if len(out) == 0 {
		return nil
	}
	for _, d := range v.downloadsOf(v.Page.File) {
		if d.Kind == DownloadWorkbook && d.Lang == v.Lang {
			out = append(out, ChartLink{Href: v.Link(d.Path), Text: "Excel"})
		}
	}
	return out
}

// ChartDownloads returns the download links of the tables a chart is
// drawn from, for the line under the chart; each prefixed with its
// table's name when the chart has several.
func (v *view) ChartDownloads(c chart.Chart) []ChartLink {
	var out []ChartLink
	for _, s := range c.Sources {
		key, ok := strings.CutPrefix(s.Href, "#table-")
		if !ok {
			continue
		}
		for _, d := range v.tableDownloads(key) {
			if len(c.Sources) > 1 {
				d.Text = s.Text + " " + d.Text
			}
			out = append(out, d)
		}
	}
	return out
}

// figureArgs is what the "figure" template gets.
type figureArgs struct {
	V *view
	C chart.Chart
}

// FigureArgs bundles the arguments of the "figure" template.
func (v *view) FigureArgs(c chart.Chart) figureArgs { return figureArgs{V: v, C: c} }

// Option is the chart's ECharts option for its <script
// type="application/json"> element. It is JSON from encoding/json, which
// escapes <, > and &, so it is inserted as it is.
func (a figureArgs) Option() template.JS { return template.JS(a.C.Option) }

// TrendTable is the home page's table of each department's total
// expenditure by year: the figures of the trend chart.
type TrendTable struct {
	Years []int // oldest first
	Rows  []TrendRow
}

// TrendRow is one department of the trend table.
type TrendRow struct {
	Name  string
	Href  string // the department's latest page
	Cells []string
}

// Trends lays out the trend table.
func (v *view) Trends() TrendTable {
	var t TrendTable
	for i := len(v.Site.years) - 1; i >= 0; i-- {
		t.Years = append(t.Years, v.Site.years[i])
	}
	byID := map[string]map[int]*model.File{}
	for _, f := range v.Site.Files {
		if byID[f.ID] == nil {
			byID[f.ID] = map[int]*model.File{}
		}
		byID[f.ID][f.Year] = f
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	m := v.SiteMoney()
	for _, id := range ids {
		var row TrendRow
		for _, y := range t.Years {
			f := byID[id][y]
			if f == nil {
				row.Cells = append(row.Cells, "")
				continue
			}
			row.Name, row.Href = v.Plain(f.Department.Name), v.DeptLink(f)
			cell := ""
			if total, ok := chart.Total(f); ok {
				cell = m.WithUnit(m.From(total, f.Unit))
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
