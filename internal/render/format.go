package render

import (
	"budgetpress/internal/amount"
)

// Money formats amounts for one language: Chinese pages print the
// document's unit (万元 or 元) with its decimals; English pages print
// thousand yuan, converted exactly from 万元 (×10), or yuan.
type Money struct {
	Lang string
	Unit string // the file's unit
}

// Convert returns the amount in the page's unit.
func (m Money) Convert(a amount.Amount) amount.Amount {
	if m.Lang != "zh" && m.Unit == "万元" {
		return a.Shift(1)
	}
	return a
}

// Format prints the amount without a unit: "1,403.71" / "14,037.1".
func (m Money) Format(a amount.Amount) string { return m.Convert(a).Grouped() }

// UnitName is the unit as a caption prints it.
func (m Money) UnitName() string {
	if m.Lang == "zh" {
		return m.Unit
	}
	if m.Unit == "万元" {
		return "thousand yuan"
	}
	return "yuan"
}

// WithUnit prints the amount and its unit: "604.13 万元", "6,041.3 thousand yuan".
func (m Money) WithUnit(a amount.Amount) string {
	return m.Format(a) + " " + m.UnitName()
}
