package chart

import (
	"strings"
	"unicode/utf8"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// label shortens an item title for a chart: "1、一般公共预算拨款" is
// "一般公共预算拨款", "公务用车购置及运行费（小计）" is "公务用车购置及运行费".
func label(title string) string {
	s := model.Label(title)
	if r, size := utf8.DecodeRuneInString(s); r >= 'a' && r <= 'z' {
		s = strings.ToUpper(string(r)) + s[size:]
	}
	return s
}

// wrap breaks a category name into lines for an axis: Chinese after
// every 9 characters, other languages between words, at 20 letters.
func wrap(s, lang string) string {
	if lang == "zh" {
		var lines []string
		runes := []rune(s)
		for len(runes) > 9 {
			lines = append(lines, string(runes[:9]))
			runes = runes[9:]
		}
		return strings.Join(append(lines, string(runes)), "\n")
	}
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > 20 {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

// change states how a figure moved from the prior year: "增长 161.95%",
// "下降 74.57%", "与上年持平"; "上年无此项" when there was nothing before.
func (c Context) change(now, prior amount.Amount) string {
	diff := now.Sub(prior)
	switch {
	case diff.IsZero():
		return c.T("chart.change.same")
	case prior.IsZero():
		return c.T("chart.change.new")
	}
	p, _ := amount.Percent(diff.Abs(), prior.Abs(), 2)
	if diff.Sign() > 0 {
		return c.tf("chart.change.up", p.String())
	}
	return c.tf("chart.change.down", p.String())
}
