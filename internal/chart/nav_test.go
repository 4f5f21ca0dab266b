package chart

import (
	"testing"

	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
)

// TestBarsHaveContrast: the bars of the comparison and overview pages
// carry, as the department's charts do, the option of the high-contrast
// mode: on black, with light text.
func TestBarsHaveContrast(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		c := context(t, lang)
		ch := c.Bars(BarSpec{
			ID: "chart-compare", Title: "比较", Money: i18n.ForFile(lang, "万元"),
			Names: []string{"甲", "乙"}, Series: []string{"支出"},
			Values: [][]amount.Amount{{amount.MustParse("1.00"), amount.MustParse("2.00")}},
		})
		o := contrastOption(t, ch)
		if o == nil {
			t.Fatalf("%s: the bars carry no high-contrast option", lang)
		}
		if bg := o["backgroundColor"]; bg != hcBackground {
			t.Errorf("%s: the high-contrast bars are drawn on %v, want %s", lang, bg, hcBackground)
		}
		if got := o["textStyle"].(map[string]any)["color"]; got != hcText {
			t.Errorf("%s: the high-contrast text is %v, want %s", lang, got, hcText)
		}
	}
}
