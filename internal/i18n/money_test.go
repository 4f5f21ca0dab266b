package i18n

import (
	"testing"

	"budgetpress/internal/amount"
)

// TestMoney: a department's page prints its figures as published; a page
// gathering departments converts exactly and rounds once, to the decimals
// of the unit it prints.
func TestMoney(t *testing.T) {
	for _, tc := range []struct {
		name  string
		m     Money
		in    string // an amount of a file
		unit  string // the file's unit
		want  string
		value string // the number a chart plots
	}{
		{"own page, 万元, zh", ForFile("zh", "万元"), "1,403.71", "万元", "1,403.71 万元", "1403.71"},
		{"own page, 万元, en", ForFile("en", "万元"), "1,403.71", "万元", "14,037.1 thousand yuan", "14037.1"},
		{"own page, 元, zh", ForFile("zh", "元"), "15,703,843.20", "元", "15,703,843.20 元", "15703843.20"},
		{"own page, 元, en", ForFile("en", "元"), "15,703,843.20", "元", "15,703,843.20 yuan", "15703843.20"},
		{"own page, 元 as published", ForFile("zh", "元"), "486300", "元", "486,300 元", "486300"},
		{"own page, a given zero", ForFile("zh", "万元"), "0.00", "万元", "0.00 万元", "0.00"},
		{"gathered, 元 file in 万元, zh", Across("zh", "元", "万元"), "15,703,843.20", "元", "1,570.38 万元", "1570.38"},
		{"gathered, 元 file in 万元, en", Across("en", "元", "万元"), "15,703,843.20", "元", "15,703.8 thousand yuan", "15703.8"},
		{"gathered, rounds half up", Across("zh", "元", "万元"), "15,703,850.00", "元", "1,570.39 万元", "1570.39"},
		{"gathered, 万元 file, zh", Across("zh", "元", "万元"), "604.13", "万元", "604.13 万元", "604.13"},
		{"gathered, 万元 file, en", Across("en", "万元", "元"), "604.13", "万元", "6,041.3 thousand yuan", "6041.3"},
		{"gathered, all in 元, zh", Across("zh", "元", "元"), "2,600,000.5", "元", "2,600,000.50 元", "2600000.50"},
		{"gathered, all in 元, en", Across("en", "元"), "486300", "元", "486,300.00 yuan", "486300.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.m.From(amount.MustParse(tc.in), tc.unit)
			if got := tc.m.WithUnit(a); got != tc.want {
				t.Errorf("WithUnit = %q, want %q", got, tc.want)
			}
			if got := tc.m.Value(a).String(); got != tc.value {
				t.Errorf("Value = %s, want %s", got, tc.value)
			}
		})
	}
}

// TestMoneyConvertsExactly: converted figures add up to the converted
// sum, to the last yuan; only printing rounds.
func TestMoneyConvertsExactly(t *testing.T) {
	m := Across("zh", "元", "万元")
	a := m.From(amount.MustParse("15,703,843.20"), "元")
	b := m.From(amount.MustParse("0.04"), "元")
	if got := a.Add(b).String(); got != "1570.384324" {
		t.Errorf("sum = %s, want 1570.384324 万元 exactly", got)
	}
	if got := m.From(amount.MustParse("604.13"), "万元").String(); got != "604.13" {
		t.Errorf("a 万元 figure on a 万元 page = %s, want 604.13", got)
	}
	if got := Across("zh", "元").From(amount.MustParse("604.13"), "万元").String(); got != "6041300" {
		t.Errorf("604.13 万元 on a 元 page = %s, want 6041300", got)
	}
}

// TestMillions: English headlines state a million yuan or more in million
// yuan, converted exactly and rounded half up to two places.
func TestMillions(t *testing.T) {
	for _, tc := range []struct {
		m    Money
		in   string
		want string // "" when not stated in millions
	}{
		{ForFile("en", Wan), "604.13", "6.04 million yuan"},
		{ForFile("en", Wan), "364.13", "3.64 million yuan"},
		{ForFile("en", Wan), "240.00", "2.40 million yuan"},
		{ForFile("en", Wan), "100.50", "1.01 million yuan"},      // 1.005 rounds up
		{ForFile("en", Wan), "12345.678", "123.46 million yuan"}, // grouping and rounding
		{ForFile("en", Wan), "99.99", ""},                        // under a million
		{ForFile("en", Wan), "2.16", ""},
		{ForFile("en", Yuan), "3452360.00", "3.45 million yuan"},
		{ForFile("en", Yuan), "999999.99", ""},
		{ForFile("zh", Wan), "604.13", ""},
		{Across("en", Wan, Yuan), "1570.38432", "15.70 million yuan"},
	} {
		got, ok := tc.m.Millions(amount.MustParse(tc.in))
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%+v Millions(%s) = %q, %v; want %q", tc.m, tc.in, got, ok, tc.want)
		}
	}
}

// TestNote: every English page says how its figures were converted from
// the original's 万元, with an example the page's own arithmetic gives.
func TestNote(t *testing.T) {
	for _, tc := range []struct {
		m    Money
		want string
	}{
		{ForFile("zh", Wan), ""},
		{ForFile("en", Wan), "Amounts are in thousand yuan, converted from the 万元 (ten thousand yuan) of the original by multiplying by 10, exactly: 12.34 万元 is 123.4 thousand yuan. Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."},
		{ForFile("en", Yuan), "Amounts are in yuan, as in the original. Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."},
		{Across("en", Wan), "Amounts are in thousand yuan, converted from the 万元 (ten thousand yuan) of the original documents by multiplying by 10 and rounded to one decimal place: 12.34 万元 is 123.4 thousand yuan. Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."},
		{Across("en", Yuan, Wan), "Amounts are in thousand yuan, converted from the 万元 (ten thousand yuan) of the original documents by multiplying by 10, those published in yuan by dividing by 1,000, and rounded to one decimal place: 12.34 万元 is 123.4 thousand yuan. Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."},
		{Across("en", Yuan), "Amounts are in yuan, as in the original. Headline figures of a million yuan or more are also given in million yuan, rounded to two decimal places."},
	} {
		if got := tc.m.Note(); got != tc.want {
			t.Errorf("%+v Note() =\n%q\nwant\n%q", tc.m, got, tc.want)
		}
	}
}
