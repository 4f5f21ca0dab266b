package narrative

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// checkLang accepts the languages budgetpress publishes: the sentences
// exist in them, and names come from the data in the same language,
// falling back to Chinese.
func checkLang(lang string) error {
	if i18n.Publishable(lang) {
		return nil
	}
	return fmt.Errorf("the figures can be written in %s, not %q", strings.Join(i18n.Languages(), " and "), lang)
}

// money prints an amount of the file with its unit, as the department's
// page prints it (i18n.Money): English pages state 万元 in thousand yuan,
// ×10, exact, so 364.13 万元 is 3,641.3 thousand yuan.
func (r *Renderer) money(a amount.Amount, lang string) string {
	unit := r.f.Unit
	if unit != i18n.Yuan {
		unit = i18n.Wan
	}
	return i18n.ForFile(lang, unit).WithUnit(a)
}

func percent(p amount.Amount) string { return p.String() + "%" }

// changeWords says how a figure moved from the prior year's budget.
func (r *Renderer) changeWords(cur, prior amount.Amount, lang string) string {
	diff := cur.Sub(prior)
	switch {
	case diff.IsZero() && !prior.IsZero():
		// The document's own formula, with its zeros: "比上年预算增加
		// 0.00 万元，增长 0.00%".
		if lang == "zh" {
			return fmt.Sprintf("比上年预算增加 %s，增长 0.00%%", r.money(diff, lang))
		}
		return fmt.Sprintf("unchanged from the prior year's budget (an increase of %s, 0.00%%)", r.money(diff, lang))
	case diff.IsZero():
		// Nothing this year and nothing last year.
		if lang == "zh" {
			return fmt.Sprintf("比上年预算增加 %s，增长 0.00%%", r.money(diff, lang))
		}
		return fmt.Sprintf("unchanged from the prior year's budget (%s in both years)", r.money(diff, lang))
	case prior.IsZero():
		if lang == "zh" {
			return "上年预算为 0"
		}
		return "there was no budget for it in the prior year"
	}
	p, _ := amount.Percent(diff.Abs(), prior.Abs(), 2)
	by := r.money(diff.Abs(), lang)
	switch {
	case diff.Sign() > 0 && lang == "zh":
		return fmt.Sprintf("比上年预算增加 %s，增长 %s", by, percent(p))
	case diff.Sign() > 0:
		return fmt.Sprintf("an increase of %s (%s) on the prior year's budget", by, percent(p))
	case lang == "zh":
		return fmt.Sprintf("比上年预算减少 %s，下降 %s", by, percent(p))
	}
	return fmt.Sprintf("a decrease of %s (%s) on the prior year's budget", by, percent(p))
}

// lineWords is the formulaic sentence of the explanations: the name, the
// amount, the share and the change, leaving out what is not known.
func (r *Renderer) lineWords(fg figure, lang string) string {
	name, _ := fg.name.In(lang)
	var b strings.Builder
	if lang == "zh" {
		b.WriteString(name + " " + r.money(fg.value, lang))
		if p, ok := fg.share(); ok {
			b.WriteString("，占 " + percent(p))
		}
		if fg.hasPrior {
			b.WriteString("，" + r.changeWords(fg.value, fg.prior, lang))
		}
		return b.String()
	}
	b.WriteString(capitalize(name) + ": " + r.money(fg.value, lang))
	if p, ok := fg.share(); ok {
		b.WriteString(", " + percent(p) + " of the total")
	}
	if fg.hasPrior {
		b.WriteString(", " + r.changeWords(fg.value, fg.prior, lang))
	}
	return b.String()
}

func capitalize(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

func itemName(t model.Text) model.Text {
	out := model.Text{ByLang: map[string]string{}}
	for lang, s := range t.ByLang {
		out.ByLang[lang] = model.Label(s)
	}
	return out
}
