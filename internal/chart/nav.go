package chart

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
)

// BarSpec is a figure of horizontal bars drawn from figures a page has
// already gathered (a department's years, a year's departments): one
// group of bars per name, one bar per series.
type BarSpec struct {
	ID, Title, Summary string
	Money              i18n.Money // states the values, which are in its unit
	Names              []string   // the groups, top to bottom
	Series             []string   // the bars of each group
	// Values holds, per series, a value per name, in Money's unit,
	// converted exactly and not yet rounded.
	Values [][]amount.Amount
	// Unknown marks, per series and name, a value the files do not
	// give: it has no bar, rather than a bar of 0. It may be nil.
	Unknown [][]bool
	Sources []Source
}

// Bars draws a BarSpec as a Chart, as the department pages draw theirs,
// with the option of the high-contrast mode (Extra).
func (c Context) Bars(s BarSpec) Chart {
	c.hc = false
	normal := c.barChart(s)
	c.hc = true
	return withContrast([]Chart{normal}, []Chart{c.barChart(s)})[0]
}

func (c Context) barChart(s BarSpec) Chart {
	return Chart{
		ID: s.ID, Kind: "bar", Height: barHeight(s.Names, len(s.Series), c.Lang),
		Title: s.Title, Label: c.label(s.Title), Summary: s.Summary, Sources: s.Sources,
		opt: c.bars(s.ID, s.Title, s.Money, barSpec{names: s.Names, series: s.Series, values: s.Values, unknown: s.Unknown}),
	}
}
