package check

import (
	"fmt"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// prior checks that the prior-year figures agree with each other: the
// same budget, split by source, by kind and by function, adds up to the
// same total.
func (c *checker) prior() {
	p := c.f.Prior
	if p.Pos.Line == 0 {
		return
	}
	incomeLines, expenditureLines := without(p.Income, "total"), without(p.Expenditure, "total")
	income, nIncome, _ := sumTop(incomeLines, model.IncomeItems)
	if total, ok := p.Income["total"]; ok && len(incomeLines) > 0 {
		c.compare("prior", "income total", total.Pos, total.Amount, income, nIncome,
			fmt.Sprintf("last year's total income is %s, but its lines add up to %s", c.fmtAmount(total.Amount), c.fmtAmount(income)))
	}
	if total, ok := p.Expenditure["total"]; ok && len(expenditureLines) > 0 {
		exp, _ := sumMap(expenditureLines)
		c.compare("prior", "expenditure total", total.Pos, total.Amount, exp, len(expenditureLines),
			fmt.Sprintf("last year's total expenditure is %s, but basic + project come to %s", c.fmtAmount(total.Amount), c.fmtAmount(exp)))
	}
	if total, ok := p.Income["total"]; ok && len(incomeLines) == 0 {
		income, nIncome = total.Amount, 1
	}
	if total, ok := p.Expenditure["total"]; ok && len(expenditureLines) == 0 {
		expenditureLines = map[string]model.Money{"total": total}
	}
	if len(expenditureLines) > 0 && len(p.Income) > 0 {
		exp, pos := sumMap(expenditureLines)
		c.compare("prior", "expenditure", pos, exp, income, nIncome,
			fmt.Sprintf("last year's expenditure (basic + project) comes to %s, but last year's income comes to %s", c.fmtAmount(exp), c.fmtAmount(income)))
	}
	c.priorItems("income", incomeLines, model.IncomeItems)
	gen, hasGen := p.Income["general"]
	if len(p.General) > 0 && hasGen {
		g, pos := sumMap(p.General)
		c.compare("prior", "general", pos, g, gen.Amount, 2,
			fmt.Sprintf("last year's general public budget by kind (basic + project) comes to %s, but its income line says %s", c.fmtAmount(g), c.fmtAmount(gen.Amount)))
	}
	if len(p.Functions) > 0 && len(p.General) > 0 {
		g, pos := sumMap(p.General)
		f := amount.Zero(0)
		for _, m := range p.Functions {
			f = f.Add(m.Amount)
		}
		c.compare("prior", "functions", pos, f, g, len(p.Functions),
			fmt.Sprintf("last year's general public budget by function comes to %s, but by kind (basic + project) to %s", c.fmtAmount(f), c.fmtAmount(g)))
	}
	if tp := p.ThreePublic; len(tp) > 0 {
		if total, ok := tp["total"]; ok {
			items := map[string]model.Money{}
			for k, v := range tp {
				if k != "total" {
					items[k] = v
				}
			}
			sum, n, _ := sumTop(items, model.ThreePublicItems)
			c.compare("prior", "three_public", total.Pos, total.Amount, sum, n,
				fmt.Sprintf("last year's 三公 total is %s, but its items add up to %s", c.fmtAmount(total.Amount), c.fmtAmount(sum)))
		}
	}
}

// priorItems checks that each prior-year item given together with its
// sub-items equals their sum (一般公共预算拨款 = 一般财力 + 上级转移支付).
func (c *checker) priorItems(what string, m map[string]model.Money, items []model.Item) {
	for _, it := range items {
		parent, ok := m[it.Key]
		if !ok {
			continue
		}
		sum, n := amount.Zero(0), 0
		var keys []string
		for _, sub := range items {
			if v, ok := m[sub.Key]; ok && sub.Parent == it.Key {
				sum, n = sum.Add(v.Amount), n+1
				keys = append(keys, sub.Key)
			}
		}
		if n == 0 {
			continue
		}
		c.compare("prior", what+" "+it.Key, parent.Pos, parent.Amount, sum, n,
			fmt.Sprintf("last year's %s %s is %s, but %s add up to %s", what, it.Key, c.fmtAmount(parent.Amount), strings.Join(keys, " + "), c.fmtAmount(sum)))
	}
}

// without returns the figures of m except the one under key.
func without(m map[string]model.Money, key string) map[string]model.Money {
	out := make(map[string]model.Money, len(m))
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// sumTop adds the figures of a map keyed by items, leaving out any item
// whose parent is also in the map (it is already counted there).
func sumTop(m map[string]model.Money, items []model.Item) (amount.Amount, int, diag.Pos) {
	parent := map[string]string{}
	for _, it := range items {
		parent[it.Key] = it.Parent
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sum, n := amount.Zero(0), 0
	var pos diag.Pos
	for _, k := range keys {
		counted := false
		for p := parent[k]; p != "" && p != "total"; p = parent[p] {
			if _, ok := m[p]; ok {
				counted = true
			}
		}
		if !counted {
			sum, n = sum.Add(m[k].Amount), n+1
			if pos.Line == 0 {
				pos = m[k].Pos
			}
		}
	}
	return sum, n, pos
}

func sumMap(m map[string]model.Money) (amount.Amount, diag.Pos) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sum := amount.Zero(0)
	var pos diag.Pos
	for _, k := range keys {
		sum = sum.Add(m[k].Amount)
		if pos.Line == 0 || m[k].Pos.Line < pos.Line {
			pos = m[k].Pos
		}
	}
	return sum, pos
}
