package chart

import (
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
)

// barSpec is what bars draws: one group per category (names, top to
// bottom), one bar per series.
type barSpec struct {
	names  []string
	series []string
	values [][]amount.Amount // by series, then category
	// unknown marks values (it may be nil or short) that the file does
	// not give: they have no bar and no label, rather than a bar of 0.
	unknown [][]bool
	labels  [][]string // the label of each value, when not its amount
	tips    []string   // a further tooltip line of each series, "" for none
	stack   bool       // the series share one bar per category
	table   *ViewTable // the view-data table; else one of names × series
	note    string     // under the default table
}

func (b barSpec) isUnknown(s, i int) bool {
	return s < len(b.unknown) && i < len(b.unknown[s]) && b.unknown[s][i]
}

// known counts the values that have a bar.
func (b barSpec) known() int {
	n := 0
	for s := range b.values {
		for i := range b.values[s] {
			if !b.isUnknown(s, i) {
				n++
			}
		}
	}
	return n
}

// top is the largest value of a category, or of a stack: where the value
// axis must reach.
func (b barSpec) top(m i18n.Money) float64 {
	best := 0.0
	sums := make([]float64, len(b.names))
	for s := range b.values {
		for i, v := range b.values[s] {
			if b.isUnknown(s, i) {
				continue
			}
			f, _ := strconv.ParseFloat(m.Value(v).String(), 64)
			if b.stack {
				sums[i] += f
				f = sums[i]
			}
			best = math.Max(best, f)
		}
	}
	return best
}

// barHeight gives horizontal bars room for their category labels, each
// broken into lines as wrap does.
func barHeight(names []string, series int, lang string) int {
	h := 130
	for _, n := range names {
		lines := strings.Count(wrap(n, lang), "\n") + 1
		h += max(16+22*series, 10+16*lines)
	}
	return h
}

// axisTicks is where a value axis ends and how far apart its ticks are.
type axisTicks struct {
	Min      int     `json:"min"`
	Max      float64 `json:"max"`
	Interval float64 `json:"interval"`
}

// ticks returns a value axis from 0 to top or a little beyond, in at most
// n intervals of one round size (1, 2 or 5 times a power of ten), so that
// the ticks are evenly spaced: 0 200 400 600, never 0 200 400 700.
func ticks(top float64, n int) axisTicks {
	if top <= 0 || n < 1 {
		return axisTicks{Max: 1, Interval: 1}
	}
	raw := top / float64(n)
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * pow
	for _, f := range []float64{1, 2, 5, 10} {
		if f*pow >= raw*(1-1e-9) {
			step = f * pow
			break
		}
	}
	// Rounded to the step's own decimals: 0.1 + 0.2 is not 0.3.
	places := max(0, -int(math.Floor(math.Log10(step))))
	round := func(f float64) float64 {
		v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', places, 64), 64)
		return v
	}
	end := round(math.Ceil(top/step*(1-1e-12)) * step)
	return axisTicks{Max: end, Interval: round(step)}
}

// bars draws horizontal bars, each labelled with its amount (or its
// label of spec), on a value axis with evenly spaced ticks: five
// intervals at most, three on a phone, two on the smallest.
func (c Context) bars(id, title string, m i18n.Money, spec barSpec) *optionTree {
	b := charts.NewBar()
	wrapped := make([]string, len(spec.names))
	for i, n := range spec.names {
		wrapped[i] = wrap(n, c.Lang)
	}
	top := spec.top(m)
	wide := ticks(top, 5)
	b.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(spec.series) > 1), Top: "0", Left: "8"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "64", Top: "36", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: m.UnitName(), NameLocation: "middle", NameGap: 26,
			Min: 0, Max: wide.Max,
			AxisLabel: &opts.AxisLabel{ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(true)}}),
	)...)
	b.SetXAxis(wrapped)
	table := spec.table
	if table == nil {
		table = &ViewTable{Caption: title, Head: []string{c.T("chart.data.item")}, Note: spec.note}
		for _, s := range spec.series {
			table.Head = append(table.Head, c.tf("chart.data.series", s, m.UnitName()))
		}
		for i, n := range spec.names {
			row := ViewRow{Cells: []string{n}}
			for s := range spec.series {
				if spec.isUnknown(s, i) {
					row.Cells = append(row.Cells, "—")
				} else {
					row.Cells = append(row.Cells, m.Format(spec.values[s][i]))
				}
			}
			table.Rows = append(table.Rows, row)
		}
	}
	for s, name := range spec.series {
		var data []opts.BarData
		for i, v := range spec.values[s] {
			if spec.isUnknown(s, i) {
				data = append(data, opts.BarData{Name: spec.names[i], Value: "-"})
				continue
			}
			text := m.Format(v)
			if s < len(spec.labels) && i < len(spec.labels[s]) && spec.labels[s][i] != "" {
				text = spec.labels[s][i]
			}
			lines := []string{spec.names[i], name + "  " + m.WithUnit(v)}
			if s < len(spec.tips) && spec.tips[s] != "" {
				lines = append(lines, spec.tips[s])
			}
			data = append(data, opts.BarData{
				Name: spec.names[i], Value: number(m.Value(v)),
				Label:   &opts.Label{Formatter: text},
				Tooltip: tip(lines...),
			})
		}
		stack := ""
		if spec.stack {
			stack = "all"
		}
		b.AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth, s.Stack = "28", stack }))
	}
	b.XYReversal()
	at := func(n int) []axisTicks { t := ticks(top, n); t.Min = 0; return []axisTicks{t} }
	return c.encode(b, title, table,
		mediaRule{Option: mediaOption{XAxis: at(5)}},
		mediaRule{Query: &mediaQuery{MaxWidth: narrow}, Option: mediaOption{XAxis: at(3)}},
		mediaRule{Query: &mediaQuery{MaxWidth: narrowest}, Option: mediaOption{XAxis: at(2)}},
	)
}
