package render

import (
	"strconv"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/chart"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// SeriesView is a department's overview across the years it published:
// a table of its figures year by year, with the change on the year
// before, and the figures drawn as bars.
type SeriesView struct {
	Name  string // the department's name in its latest year
	Years []SeriesYear
	Rows  []SeriesRow
	// Changes heads the columns of the change from one year shown to
	// the next: one fewer than Years.
	Changes []string
	Unit    string // the unit every figure is stated in
	// Note says that some years were published in another unit and were
	// converted; "" when none was.
	Note   string
	Charts []chart.Chart
}

// SeriesYear is one year of a department's overview.
type SeriesYear struct {
	Year  int
	Href  string // the department's page of that year
	Title string // that page's title
}

// SeriesRow is one figure of the overview across the years.
type SeriesRow struct {
	Key   string
	Label string
	Item  bool     // a part of the 三公 total
	Cells []string // per year: the figure, "—" when the file does not give it
	// Changes holds, per year after the first, the change on the year
	// before in per cent ("+2.10%"), "—" when either figure is missing.
	Changes []string
}

// seriesMoney states the figures of a department's files: in 万元 when
// any of them is kept in 万元, else in 元, converted exactly.
func seriesMoney(lang string, fs []*model.File) i18n.Money {
	units := make([]string, len(fs))
	for i, f := range fs {
		units[i] = f.Unit
	}
	return i18n.Across(lang, units...)
}

// Series lays out the overview page of the page's department.
func (v *view) Series() SeriesView {
	fs := v.Site.nav().byID[v.Page.File.ID]
	figs := v.Site.navFigs()
	m := seriesMoney(v.Lang, fs)
	sv := SeriesView{Name: v.Plain(v.Page.File.Department.Name), Unit: m.UnitName()}
	converted := false
	for i, f := range fs {
		sv.Years = append(sv.Years, SeriesYear{Year: f.Year, Href: v.DeptLink(f), Title: v.DeptTitle(f)})
		converted = converted || f.Unit != m.Unit
		if i > 0 {
			sv.Changes = append(sv.Changes, v.Tf("nav.change.head", f.Year, fs[i-1].Year))
		}
	}
	if converted {
		sv.Note = v.Tf("nav.converted", m.UnitName())
	}
	for _, ms := range navMeasures {
		row := SeriesRow{Key: ms.Key, Label: v.measureLabel(ms.Key), Item: ms.Item}
		any := false
		for i, f := range fs {
			a, ok := figs[f][ms.Key]
			if !ok {
				row.Cells = append(row.Cells, "—")
			} else {
				any = true
				row.Cells = append(row.Cells, m.Format(m.From(a, f.Unit)))
			}
			if i > 0 {
				prev, pok := figs[fs[i-1]][ms.Key]
				row.Changes = append(row.Changes, v.percentChange(m.From(prev, fs[i-1].Unit), m.From(a, f.Unit), ok && pok))
			}
		}
		if any {
			sv.Rows = append(sv.Rows, row)
		}
	}
	sv.Charts = v.seriesCharts(fs, m)
	return sv
}

// percentChange states the change from prior to now in per cent, with
// its sign: "+2.10%", "−3.00%", "0.00%"; "—" when a figure is missing,
// and "new" when there was nothing the year before.
func (v *view) percentChange(prior, now amount.Amount, ok bool) string {
	if !ok {
		return "—"
	}
	diff := now.Sub(prior)
	p, pok := amount.Percent(diff.Abs(), prior.Abs(), 2)
	switch {
	case !pok && diff.IsZero():
		return "0.00%"
	case !pok:
		return v.T("nav.change.new")
	case diff.Sign() > 0:
		return "+" + p.String() + "%"
	case diff.Sign() < 0:
		return "−" + p.String() + "%"
	}
	return "0.00%"
}

// seriesCharts draws a department's figures year by year: its totals,
// basic and project expenditure, and its 三公 with their items. There is
// no chart of a single year: the table says its figures.
func (v *view) seriesCharts(fs []*model.File, m i18n.Money) []chart.Chart {
	if len(fs) < 2 {
		return nil
	}
	c := v.chartContext()
	var years []string
	for _, f := range fs {
		years = append(years, v.Tf("chart.year", f.Year))
	}
	draw := func(id, title, summaryKey string, keys []string) (chart.Chart, bool) {
		spec := chart.BarSpec{ID: id, Title: title, Money: m, Series: years,
			Sources: []chart.Source{{Href: "#series-table", Text: v.T("nav.series.caption")}}}
		spec.Values = make([][]amount.Amount, len(fs))
		spec.Unknown = make([][]bool, len(fs))
		var parts []string
		for _, k := range keys {
			known := false
			for _, f := range fs {
				_, ok := v.Site.navFigs()[f][k]
				known = known || ok
			}
			if !known {
				continue
			}
			label := v.measureLabel(k)
			spec.Names = append(spec.Names, label)
			var per []string
			for i, f := range fs {
				a, ok := v.Site.navFigs()[f][k]
				a = m.From(a, f.Unit)
				spec.Values[i] = append(spec.Values[i], a)
				spec.Unknown[i] = append(spec.Unknown[i], !ok)
				if ok {
					per = append(per, v.Tf("chart.trend.item", years[i], m.WithUnit(a)))
				}
			}
			parts = append(parts, v.Tf("nav.series.item", label, strings.Join(per, v.T("nav.sep"))))
		}
		if len(spec.Names) == 0 {
			return chart.Chart{}, false
		}
		spec.Summary = v.Tf(summaryKey, strings.Join(parts, v.T("chart.sep")))
		return c.Bars(spec), true
	}
	var out []chart.Chart
	if ch, ok := draw("chart-series", v.T("nav.series.chart"), "nav.series.summary", []string{"income", "expenditure", "basic", "project"}); ok {
		out = append(out, ch)
	}
	if ch, ok := draw("chart-series-three", v.T("nav.series.chart.three"), "nav.series.summary.three", []string{"three-public", "outbound", "vehicles", "reception"}); ok {
		out = append(out, ch)
	}
	return out
}

// YearOf names a year for a table head.
func (v *view) YearOf(y int) string { return strconv.Itoa(y) }
