package chart

import "budgetpress/internal/amount"

// money puts amounts into a page's language and unit, as render.Money
// does for the tables: Chinese pages keep the file's unit (万元 or 元),
// English pages use thousand yuan, converted exactly from 万元 (×10), or
// yuan.
type money struct{ lang, unit string }

// value is the amount in the page's unit: what a chart plots.
func (m money) value(a amount.Amount) amount.Amount {
	if m.lang != "zh" && m.unit == "万元" {
		return a.Shift(1)
	}
	return a
}

// format prints the amount without a unit: "500.80", "5,008.0".
func (m money) format(a amount.Amount) string { return m.value(a).Grouped() }

// withUnit prints the amount and its unit: "500.80 万元".
func (m money) withUnit(a amount.Amount) string { return m.format(a) + " " + m.unitName() }

// unitName is the page's unit.
func (m money) unitName() string {
	switch {
	case m.lang == "zh":
		return m.unit
	case m.unit == "万元":
		return "thousand yuan"
	}
	return "yuan"
}

// inUnit converts an amount of a file in unit from to unit to exactly,
// so that files kept in 元 and in 万元 can be compared: 3,000,000.00 元
// is 300.00 万元, 1,234.56 元 is 0.123456 万元.
func inUnit(a amount.Amount, from, to string) amount.Amount {
	switch {
	case from == "元" && to == "万元":
		a = a.Shift(-4)
	case from == "万元" && to == "元":
		a = a.Shift(4)
	}
	// Two decimals, as budgets print them; no zeros the shift added.
	if a.Places() < 2 {
		return a.WithPlaces(2)
	}
	for p := 2; p < a.Places(); p++ {
		if b := a.WithPlaces(p); b.Equal(a) {
			return b
		}
	}
	return a
}
