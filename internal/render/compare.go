package render

import (
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/chart"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// compareColumns are the figures of the comparison table, after the
// department's name: what journalists compare first.
var compareColumns = []string{"expenditure", "basic", "project", "three-public", "outbound", "vehicles", "reception"}

// compareTop is how many departments the comparison's charts show.
const compareTop = 10

// CompareView is the comparison of a year's departments: a table a
// reader can sort by any column (by the page script; without it, the
// table stands largest total first), and bars of the largest.
type CompareView struct {
	Year  int
	Unit  string // the unit every figure is stated in
	Note  string // how the figures were converted, "" when none was
	Heads []CompareHead
	Rows  []CompareRow
	// Order says how the table is sorted as printed: by total
	// expenditure, largest first.
	Order  string
	Charts []chart.Chart
}

// CompareHead is a column of the comparison table.
type CompareHead struct {
	Key   string
	Label string
	Num   bool
	Sort  string // aria-sort of the column as printed: "descending" or "none"
	Item  bool   // a part of the 三公 total
	Order string // how the table is sorted after a press, ascending and descending (for the script)
}

// CompareRow is a department of the comparison table.
type CompareRow struct {
	ID       string
	Name     string
	NameLang string // "zh-CN" when the name is shown untranslated
	Href     string // the department's page of the year
	Series   string // its overview across years
	Cells    []CompareCell
}

// CompareCell is one figure of the comparison table.
type CompareCell struct {
	Text string // as shown, rounded to the unit; "—" when not given
	// Sort is the exact figure in the table's unit, which the script
	// sorts by; "" when not given (such rows go last).
	Sort string
}

// compareFigure is one department's figures for the comparison, in the
// table's unit, exact.
type compareFigure struct {
	f    *model.File
	vals map[string]amount.Amount
}

// Compare lays out the comparison page of the page's year.
func (v *view) Compare() CompareView {
	known := v.Site.navFigs()
	files := v.Site.FilesOf(v.Page.Year)
	m := v.SiteMoney()
	cv := CompareView{Year: v.Page.Year, Unit: m.UnitName()}
	converted := false
	var figs []compareFigure
	for _, f := range files {
		cf := compareFigure{f: f, vals: map[string]amount.Amount{}}
		for k, a := range known[f] {
			cf.vals[k] = m.From(a, f.Unit)
		}
		converted = converted || f.Unit != m.Unit
		figs = append(figs, cf)
	}
	if converted {
		cv.Note = v.Tf("nav.converted", m.UnitName())
	}
	sort.SliceStable(figs, func(i, j int) bool { return larger(figs[i], figs[j], "expenditure") })
	cv.Heads = append(cv.Heads, CompareHead{Key: "name", Label: v.T("list.department"), Sort: "none",
		Order: v.Tf("nav.order.asc", v.T("list.department")) + "|" + v.Tf("nav.order.desc", v.T("list.department"))})
	for _, k := range compareColumns {
		h := CompareHead{Key: k, Label: v.measureLabel(k), Num: true, Sort: "none", Item: isItem(k),
			Order: v.Tf("nav.order.num.asc", v.measureLabel(k)) + "|" + v.Tf("nav.order.num.desc", v.measureLabel(k))}
		if k == "expenditure" {
			h.Sort = "descending"
			cv.Order = v.Tf("nav.order.num.desc", h.Label)
		}
		cv.Heads = append(cv.Heads, h)
	}
	for _, cf := range figs {
		row := CompareRow{ID: cf.f.ID, Name: v.Plain(cf.f.Department.Name), NameLang: v.NameLang(cf.f),
			Href: v.DeptLink(cf.f), Series: v.SeriesLink(cf.f.ID)}
		for _, k := range compareColumns {
			a, ok := cf.vals[k]
			if !ok {
				row.Cells = append(row.Cells, CompareCell{Text: "—"})
				continue
			}
			row.Cells = append(row.Cells, CompareCell{Text: m.Format(a), Sort: a.String()})
		}
		cv.Rows = append(cv.Rows, row)
	}
	cv.Charts = v.compareCharts(figs, m)
	return cv
}

// isItem reports whether a figure is a part of the 三公 total.
func isItem(key string) bool {
	for _, ms := range navMeasures {
		if ms.Key == key {
			return ms.Item
		}
	}
	return false
}

// larger orders departments by a figure, largest first, those without
// it last, then by id.
func larger(a, b compareFigure, key string) bool {
	x, xok := a.vals[key]
	y, yok := b.vals[key]
	switch {
	case xok != yok:
		return xok
	case xok:
		if c := x.Cmp(y); c != 0 {
			return c > 0
		}
	}
	return a.f.ID < b.f.ID
}

// compareCharts draws the departments with the largest total
// expenditure and the largest 三公, each with the table behind it. There
// is no chart of a single department: the table says its figures.
func (v *view) compareCharts(figs []compareFigure, m i18n.Money) []chart.Chart {
	if len(figs) < 2 {
		return nil
	}
	c := v.chartContext()
	draw := func(id, key, titleKey, summaryKey string) (chart.Chart, bool) {
		sorted := append([]compareFigure(nil), figs...)
		sort.SliceStable(sorted, func(i, j int) bool { return larger(sorted[i], sorted[j], key) })
		var names, parts []string
		var values []amount.Amount
		for _, cf := range sorted {
			a, ok := cf.vals[key]
			if !ok || len(names) == compareTop {
				break
			}
			names = append(names, v.navName(cf.f))
			values = append(values, a)
			parts = append(parts, v.Tf("chart.amount", v.navName(cf.f), m.WithUnit(a)))
		}
		if len(names) < 2 {
			return chart.Chart{}, false
		}
		title := v.Tf(titleKey, len(names))
		return c.Bars(chart.BarSpec{
			ID: id, Title: title, Money: m, Names: names,
			Series:  []string{v.measureLabel(key)},
			Values:  [][]amount.Amount{values},
			Summary: v.Tf(summaryKey, v.Page.Year, len(names), strings.Join(parts, v.T("chart.sep"))),
			Sources: []chart.Source{{Href: "#compare-table", Text: v.Tf("nav.compare.caption", v.Page.Year)}},
		}), true
	}
	var out []chart.Chart
	if ch, ok := draw("chart-compare", "expenditure", "nav.compare.chart", "nav.compare.summary"); ok {
		out = append(out, ch)
	}
	if ch, ok := draw("chart-compare-three", "three-public", "nav.compare.chart.three", "nav.compare.summary.three"); ok {
		out = append(out, ch)
	}
	return out
}
