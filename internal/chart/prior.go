package chart

import (
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// priorCode returns the prior year's budget for a functional code: its
// own figure, or the sum of the codes under it, each counted once (a 项
// is not added again when its 款 has a figure).
func priorCode(m map[classify.Code]model.Money, c classify.Code) (amount.Amount, bool) {
	if v, ok := m[c]; ok {
		return v.Amount, true
	}
	sum, found := amount.Zero(2), false
	for _, d := range sortedCodes(m) {
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

// priorItem returns the prior year's budget for an item: its own figure,
// or the sum of its sub-items.
func priorItem(m map[string]model.Money, items []model.Item, key string) (amount.Amount, bool) {
	if v, ok := m[key]; ok {
		return v.Amount, true
	}
	sum, found := amount.Zero(2), false
	for _, it := range items {
		if it.Parent == key {
			if v, ok := priorItem(m, items, it.Key); ok {
				sum, found = sum.Add(v), true
			}
		}
	}
	return sum, found
}

// sortedCodes returns the keys of a map of codes in code order, so that
// nothing depends on the order of map iteration.
func sortedCodes[V any](m map[classify.Code]V) []classify.Code {
	out := make([]classify.Code, 0, len(m))
	for c := range m {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
