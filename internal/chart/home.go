package chart

import (
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// Total returns a file's total expenditure, 支出总计 of table 1.
func Total(f *model.File) (amount.Amount, bool) {
	t := f.Table(model.KindSummary)
	if t == nil {
		return amount.Amount{}, false
	}
	for _, r := range t.Parts["expenditure"] {
		if r.Key == "total" {
			return r.Cell(0).Value, true
		}
	}
	return amount.Amount{}, false
}

// commonUnit is the unit files of different units are compared in: 万元
// when any file uses it, else 元.
func commonUnit(files []*model.File) string {
	for _, f := range files {
		if f.Unit == "万元" {
			return "万元"
		}
	}
	return "元"
}

// name is a department's short name, or its full name.
func (c Context) name(f *model.File) string {
	if !f.Department.Short.IsZero() {
		return c.text(f.Department.Short)
	}
	return c.text(f.Department.Name)
}

// Departments compares the total expenditure of the departments of the
// latest year, largest first; false when no file has a total.
func Departments(files []*model.File, c Context) (Chart, bool) {
	latest := 0
	for _, f := range files {
		latest = max(latest, f.Year)
	}
	type dep struct {
		f     *model.File
		total amount.Amount
	}
	var deps []dep
	var of []*model.File
	for _, f := range files {
		if f.Year == latest {
			of = append(of, f)
		}
	}
	unit := commonUnit(of)
	for _, f := range of {
		if t, ok := Total(f); ok {
			deps = append(deps, dep{f, inUnit(t, f.Unit, unit)})
		}
	}
	if len(deps) == 0 {
		return Chart{}, false
	}
	sort.Slice(deps, func(i, j int) bool {
		if n := deps[i].total.Cmp(deps[j].total); n != 0 {
			return n > 0
		}
		return deps[i].f.ID < deps[j].f.ID
	})
	m := money{lang: c.Lang, unit: unit}
	var names, parts []string
	var values []amount.Amount
	for _, d := range deps {
		names = append(names, c.name(d.f))
		values = append(values, d.total)
		parts = append(parts, c.tf("chart.amount", c.name(d.f), m.withUnit(d.total)))
	}
	summary := c.tf("chart.departments.summary", latest, c.list(parts))
	id, title := "chart-departments", c.tf("chart.departments.title", latest)
	return Chart{
		ID: id, Kind: "bar", Height: barHeight(len(names), 1),
		Title: title, Label: c.label(title), Summary: summary,
		Sources: []Source{{Href: "#y" + strconv.Itoa(latest), Text: c.tf("year.title", latest)}},
		Option:  c.bars(id, title, m, names, []string{c.tf("chart.year", latest)}, [][]amount.Amount{values}),
	}, true
}

// Trends returns, for each department in id order, its total
// expenditure across the years it has files for, as columns, oldest
// first; a department with one year has a single column. Each links to
// the table at tableHref.
func Trends(files []*model.File, c Context, tableHref string) []Chart {
	byID := map[string][]*model.File{}
	for _, f := range files {
		byID[f.ID] = append(byID[f.ID], f)
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Chart
	for _, id := range ids {
		fs := byID[id]
		sort.Slice(fs, func(i, j int) bool { return fs[i].Year < fs[j].Year })
		if ch, ok := trend(fs, c, tableHref); ok {
			out = append(out, ch)
		}
	}
	return out
}

// trend is the column chart of one department's totals.
func trend(fs []*model.File, c Context, tableHref string) (Chart, bool) {
	unit := commonUnit(fs)
	m := money{lang: c.Lang, unit: unit}
	latest := fs[len(fs)-1]
	name := c.name(latest)
	var years, parts []string
	var data []opts.BarData
	for _, f := range fs {
		t, ok := Total(f)
		if !ok {
			continue
		}
		t = inUnit(t, f.Unit, unit)
		y := c.tf("chart.year", f.Year)
		years = append(years, y)
		parts = append(parts, c.tf("chart.trend.item", y, m.withUnit(t)))
		data = append(data, opts.BarData{Name: y, Value: number(m.value(t)),
			Label:   &opts.Label{Formatter: m.format(t)},
			Tooltip: tip(name, y+"  "+m.withUnit(t))})
	}
	if len(data) == 0 {
		return Chart{}, false
	}
	summary := c.tf("chart.trend.summary", name, c.list(parts))
	id, title := "chart-trend-"+ident(latest.ID), c.tf("chart.trend.title", name)
	b := charts.NewBar()
	b.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: m.unitName()}),
	)...)
	b.SetXAxis(years)
	b.AddSeries(c.T("list.total.head"), data,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "56" }),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	return Chart{
		ID: id, Kind: "bar", Height: 280,
		Title: title, Label: c.label(title), Summary: summary,
		Sources: []Source{{Href: tableHref, Text: c.T("trends.caption")}},
		Option:  encode(b),
	}, true
}

// ident turns a department id into something safe in an id attribute.
func ident(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, s)
}
