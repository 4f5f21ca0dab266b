package narrative

import (
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// priorHelp says which figures have a prior year's budget.
const priorHelp = "prior-year figures exist for income.<item>, expenditure.*, general.total|basic|project, general.<code>, three_public.<item> and operating_costs, as given under prior: in the data file"

// priorOf returns the prior year's budget for a cell, when the data file
// gives one: File.Prior is keyed like the rows it belongs to.
func (r *Renderer) priorOf(kind, part, row, col string) (amount.Amount, bool) {
	p := r.f.Prior
	switch {
	case kind == model.KindSummary && part == "income":
		return priorItem(p.Income, model.IncomeItems, row)
	case kind == model.KindExpenditure && row == "total":
		return priorKinds(p.Expenditure, col)
	case kind == model.KindGeneral && row == "total":
		return priorKinds(p.General, col)
	case kind == model.KindGeneral && col == "total":
		return priorCode(p.Functions, classify.Code(row))
	case kind == model.KindThreePublic && col == "total":
		return priorItem(p.ThreePublic, model.ThreePublicItems, row)
	}
	return amount.Amount{}, false
}

// priorKinds reads basic or project, or their sum for total.
func priorKinds(m map[string]model.Money, col string) (amount.Amount, bool) {
	if col != "total" {
		v, ok := m[col]
		return v.Amount, ok
	}
	return sumPresent(m, "basic", "project")
}

// priorItem reads an item, or adds up its sub-items when it has no
// figure of its own.
func priorItem(m map[string]model.Money, items []model.Item, key string) (amount.Amount, bool) {
	if v, ok := m[key]; ok {
		return v.Amount, true
	}
	sum, found := amount.Zero(0), false
	for _, it := range items {
		if it.Parent != key {
			continue
		}
		if v, ok := priorItem(m, items, it.Key); ok {
			sum, found = sum.Add(v), true
		}
	}
	return sum, found
}

// priorCode reads a functional code, or adds up the codes under it that
// are not already counted in a code between them.
func priorCode(m map[classify.Code]model.Money, c classify.Code) (amount.Amount, bool) {
	if v, ok := m[c]; ok {
		return v.Amount, true
	}
	codes := make([]classify.Code, 0, len(m))
	for d := range m {
		codes = append(codes, d)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	sum, found := amount.Zero(0), false
	for _, d := range codes {
		if len(d) <= len(c) || !strings.HasPrefix(string(d), string(c)) {
			continue
		}
		counted := false
		for a := d.Parent(); len(a) > len(c); a = a.Parent() {
			if _, ok := m[a]; ok {
				counted = true
			}
		}
		if !counted {
			sum, found = sum.Add(m[d].Amount), true
		}
	}
	return sum, found
}

func sumPresent(m map[string]model.Money, keys ...string) (amount.Amount, bool) {
	sum, found := amount.Zero(0), false
	for _, k := range keys {
		if v, ok := m[k]; ok {
			sum, found = sum.Add(v.Amount), true
		}
	}
	return sum, found
}
