package i18n

import "budgetpress/internal/amount"

// The units a department file keeps its amounts in.
const (
	Wan  = "万元"
	Yuan = "元"
)

// Money states amounts on a page: in the page's language and in the
// unit the page shows them in. It is the one place that decides how a
// page prints money; the tables, the charts and the explanations all
// use it.
//
// Chinese pages print 万元 or 元; English pages print thousand yuan,
// converted exactly from 万元 (×10), or yuan.
//
// A department's own page (ForFile) prints its figures exactly as
// published. A page that gathers the figures of several departments
// (Across), which may be kept in different units, converts each figure
// exactly into one unit and rounds what it prints, once, to that unit's
// usual decimals: 2 for 万元 and for 元, 1 for thousand yuan.
type Money struct {
	Lang string // the page's language
	// Unit is the unit the page shows amounts in before translation,
	// 万元 or 元.
	Unit string
	// Round is set on pages that gather departments: each amount shown
	// is rounded to the decimals of the unit it is shown in.
	Round bool
	// FromYuan is set on a page in 万元 that gathers files kept in 元
	// too: their figures are converted, as its Note says.
	FromYuan bool
}

// ForFile returns the Money of a department's page: its own unit, its
// figures as published.
func ForFile(lang, unit string) Money { return Money{Lang: lang, Unit: unit} }

// Across returns the Money of a page that gathers the figures of files
// kept in the given units: 万元 when any of them is in 万元, else 元,
// each figure rounded to the decimals of the unit shown.
func Across(lang string, units ...string) Money {
	m := Money{Lang: lang, Unit: Yuan, Round: true}
	yuan := false
	for _, u := range units {
		if u == Wan {
			m.Unit = Wan
		} else {
			yuan = true
		}
	}
	m.FromYuan = yuan && m.Unit == Wan
	return m
}

// From converts an amount of a file kept in unit into m's unit,
// exactly: 15,703,843.20 元 is 1,570.38432 万元. Convert first, add up,
// and let Value round only what is printed.
func (m Money) From(a amount.Amount, unit string) amount.Amount {
	switch {
	case unit == Yuan && m.Unit == Wan:
		return a.Shift(-4)
	case unit == Wan && m.Unit == Yuan:
		return a.Shift(4)
	}
	return a
}

// Value is the amount as the page states it, a number in the page's
// unit: ×10 for thousand yuan, rounded when m.Round. It is what a chart
// plots.
func (m Money) Value(a amount.Amount) amount.Amount {
	if m.Lang != "zh" && m.Unit == Wan {
		a = a.Shift(1)
	}
	if m.Round {
		a = a.WithPlaces(m.places())
	}
	return a
}

// places is the usual number of decimals of the unit shown.
func (m Money) places() int {
	if m.Lang != "zh" && m.Unit == Wan {
		return 1 // thousand yuan: 万元 with 2 decimals, ×10
	}
	return 2
}

// Format prints the amount without its unit: "1,403.71", "14,037.1".
func (m Money) Format(a amount.Amount) string { return m.Value(a).Grouped() }

// UnitName is the unit the page shows amounts in: 万元, 元, thousand
// yuan or yuan.
func (m Money) UnitName() string {
	switch {
	case m.Lang == "zh":
		return m.Unit
	case m.Unit == Wan:
		return "thousand yuan"
	}
	return "yuan"
}

// WithUnit prints the amount and its unit: "604.13 万元", "6,041.3
// thousand yuan".
func (m Money) WithUnit(a amount.Amount) string { return m.Format(a) + " " + m.UnitName() }

// million is a million yuan, the least amount Millions states.
var million = amount.MustParse("1000000")

// Millions states, on an English page, an amount in m's unit (before
// Value) of a million yuan or more in million yuan, for a headline:
// 604.13 万元 is "6.04 million yuan", converted exactly and rounded half
// up to two decimal places. It returns false on a Chinese page and for a
// smaller amount, which a headline states in the page's own unit.
func (m Money) Millions(a amount.Amount) (string, bool) {
	if m.Lang == "zh" {
		return "", false
	}
	yuan := a
	if m.Unit == Wan {
		yuan = a.Shift(4)
	}
	if yuan.Abs().Cmp(million) < 0 {
		return "", false
	}
	return yuan.Shift(-6).WithPlaces(2).Grouped() + " million yuan", true
}

// noteExample is the amount Note converts as its example, in 万元.
var noteExample = amount.MustParse("12.34")

// Note says, on an English page, what unit the page states amounts in
// and how they were converted from the 万元 or 元 of the original, with
// an example worked out as the page does it; "" on a Chinese page.
// Headlines in million yuan (Millions) are rounded, and it says so.
func (m Money) Note() string {
	if m.Lang == "zh" {
		return ""
	}
	const headline = " Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."
	if m.Unit == Yuan {
		return "Amounts are in yuan, as in the original." + headline
	}
	ex := m.WithUnit(noteExample)
	if !m.Round {
		return "Amounts are in thousand yuan, converted from the 万元 (ten thousand yuan) of the original by multiplying by 10, exactly: " +
			noteExample.String() + " 万元 is " + ex + "." + headline
	}
	yuan := ""
	if m.FromYuan {
		yuan = ", those published in yuan by dividing by 1,000,"
	}
	return "Amounts are in thousand yuan, converted from the 万元 (ten thousand yuan) of the original documents by multiplying by 10" + yuan +
		" and rounded to one decimal place: " + noteExample.String() + " 万元 is " + ex + "." + headline
}
