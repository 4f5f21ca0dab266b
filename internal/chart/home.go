package chart

import (
	"encoding/json"
	"sort"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
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

// Across is the Money of a page that gathers the figures of files (the
// home page, a year's page, their figures): one unit for all of them,
// 万元 when any file uses it, else 元, each figure converted exactly and
// rounded only where it is printed. Pass every file of the site, so that
// every such page and figure states money in the same unit.
func Across(lang string, files []*model.File) i18n.Money {
	units := make([]string, len(files))
	for i, f := range files {
		units[i] = f.Unit
	}
	return i18n.Across(lang, units...)
}

// name is a department's short name, or its full name.
func (c Context) name(f *model.File) string {
	if !f.Department.Short.IsZero() {
		return c.text(f.Department.Short)
	}
	return c.text(f.Department.Name)
}

// Departments compares the total expenditure of the departments of the
// latest year, largest first, in the unit of all the files (Across);
// false when no file has a total.
func Departments(files []*model.File, c Context) (Chart, bool) {
	c.hc = false
	ch, ok := compare(files, c)
	if !ok {
		return ch, false
	}
	c.hc = true
	hc, _ := compare(files, c)
	return withContrast([]Chart{ch}, []Chart{hc})[0], true
}

func compare(files []*model.File, c Context) (Chart, bool) {
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
	m := Across(c.Lang, files)
	for _, f := range of {
		if t, ok := Total(f); ok {
			deps = append(deps, dep{f, m.From(t, f.Unit)})
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
	var names, parts []string
	var values []amount.Amount
	for _, d := range deps {
		names = append(names, c.name(d.f))
		values = append(values, d.total)
		parts = append(parts, c.tf("chart.amount", c.name(d.f), m.WithUnit(d.total)))
	}
	summary := c.tf("chart.departments.summary", latest, c.list(parts))
	id, title := "chart-departments", c.tf("chart.departments.title", latest)
	ch := Chart{
		ID: id, Kind: "bar", Height: barHeight(names, 1, c.Lang),
		Title: title, Label: c.label(title), Summary: summary,
		Sources: []Source{{Href: "#y" + strconv.Itoa(latest), Text: c.tf("year.title", latest)}},
	}
	if len(names) == 1 {
		return single(ch), true
	}
	ch.opt = c.bars(id, title, m, barSpec{names: names, series: []string{c.tf("chart.year", latest)}, values: [][]amount.Amount{values}})
	return ch, true
}

// Trend is the home page's figure of each department across the years:
// one chart of a department's total expenditure by year, with a choice
// of the department. Its Chart is the figure as first drawn, with the
// first department; Choices holds every department, the first too, in
// the order of the year lists (by id). The page script switches between
// them; without it, the figure's source table prints every figure.
type Trend struct {
	Chart
	Choices []Choice
}

// Choice is one department of the trend figure: its name for the
// <select>, and what the chart and its caption change to when it is
// chosen.
type Choice struct {
	ID      string `json:"id"`
	Name    string `json:"-"` // in the page's language, else in Chinese
	Lang    string `json:"-"` // "zh" when Name is not in the page's language
	Summary string `json:"summary"`
	// Option is what ECharts' setOption merges into the drawn option:
	// the department's years, unit and totals.
	Option trendUpdate `json:"option"`
	// Table is what "view data" shows for the department.
	Table *ViewTable `json:"table"`
}

// ChoicesJSON returns the choices as JSON, for a <script
// type="application/json"> element: encoding/json escapes <, > and &
// (see Chart.Option).
func (t Trend) ChoicesJSON() []byte {
	b, err := json.Marshal(t.Choices)
	if err != nil {
		panic("chart: " + err.Error())
	}
	return b
}

// trendUpdate is the part of the trend chart's option that differs
// between departments.
type trendUpdate struct {
	XAxis  []categories `json:"xAxis"`
	YAxis  []axisName   `json:"yAxis"`
	Series []seriesData `json:"series"`
}

type categories struct {
	Data []string `json:"data"`
}

type axisName struct {
	Name string `json:"name"`
}

type seriesData struct {
	Data []opts.BarData `json:"data"`
}

// Trends returns the figure of each department's total expenditure
// across the years it has files for, oldest first, in the unit of all
// the files (Across), linking to the table at tableHref; false when no
// department has a total.
func Trends(files []*model.File, c Context, tableHref string) (Trend, bool) {
	c.hc = false
	t, ok := trends(files, c, tableHref, true)
	if !ok {
		return t, false
	}
	c.hc = true
	hc, _ := trends(files, c, tableHref, false)
	t.Chart = withContrast([]Chart{t.Chart}, []Chart{hc.Chart})[0]
	return t, true
}

// trends makes the chart of the first department, and every
// department's choice when all (the high-contrast option needs only the
// chart).
func trends(files []*model.File, c Context, tableHref string, all bool) (Trend, bool) {
	byID := map[string][]*model.File{}
	for _, f := range files {
		byID[f.ID] = append(byID[f.ID], f)
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var t Trend
	m := Across(c.Lang, files) // the unit of all of them
	for _, id := range ids {
		fs := byID[id]
		sort.Slice(fs, func(i, j int) bool { return fs[i].Year < fs[j].Year })
		if ch, ok := c.trendChoice(fs, m); ok {
			t.Choices = append(t.Choices, ch)
			if !all {
				break
			}
		}
	}
	if len(t.Choices) == 0 {
		return Trend{}, false
	}
	first := t.Choices[0].Option
	id, title := "chart-trend", c.T("chart.trends.title")
	b := charts.NewBar()
	b.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "40", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: first.YAxis[0].Name}),
	)...)
	b.SetXAxis(first.XAxis[0].Data)
	b.AddSeries(c.T("list.total.head"), first.Series[0].Data,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "56" }),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	t.Chart = Chart{
		ID: id, Kind: "bar", Height: 280,
		Title: title, Label: c.label(title), Summary: t.Choices[0].Summary,
		Sources: []Source{{Href: tableHref, Text: c.T("trends.caption")}},
		opt:     c.encode(b, title, t.Choices[0].Table),
	}
	return t, true
}

// trendChoice is one department's totals, fs oldest first, stated by m;
// false when no file has a total.
func (c Context) trendChoice(fs []*model.File, m i18n.Money) (Choice, bool) {
	latest := fs[len(fs)-1]
	name := c.name(latest)
	var years, parts []string
	var data []opts.BarData
	table := &ViewTable{Caption: c.tf("chart.trend.title", name),
		Head: []string{c.T("chart.data.year"), c.tf("chart.data.amount", m.UnitName())}}
	for _, f := range fs {
		t, ok := Total(f)
		if !ok {
			continue
		}
		t = m.From(t, f.Unit)
		y := c.tf("chart.year", f.Year)
		years = append(years, y)
		table.Rows = append(table.Rows, ViewRow{Cells: []string{y, m.Format(t)}})
		parts = append(parts, c.tf("chart.trend.item", y, m.WithUnit(t)))
		data = append(data, opts.BarData{Name: y, Value: number(m.Value(t)),
			Label:   &opts.Label{Formatter: m.Format(t)},
			Tooltip: tip(name, y+"  "+m.WithUnit(t))})
	}
	if len(data) == 0 {
		return Choice{}, false
	}
	full, ok := latest.Department.Name.In(c.Lang)
	ch := Choice{
		ID: latest.ID, Name: full,
		Summary: c.tf("chart.trend.summary", name, c.list(parts)),
		Table:   table,
		Option: trendUpdate{
			XAxis:  []categories{{Data: years}},
			YAxis:  []axisName{{Name: m.UnitName()}},
			Series: []seriesData{{Data: data}},
		},
	}
	if !ok {
		ch.Lang = "zh"
	}
	return ch, true
}
