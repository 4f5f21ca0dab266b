package model

import (
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
)

// PriorOfCode returns the prior year's budget for a functional code from
// figures keyed by code: the code's own figure, or else the sum of the
// codes under it, each counted once (a 项 is not added again when its 款
// has a figure). found is false when nothing under the code has one.
func PriorOfCode(m map[classify.Code]Money, c classify.Code) (sum amount.Amount, found bool) {
	if v, ok := m[c]; ok {
		return v.Amount, true
	}
	codes := make([]classify.Code, 0, len(m))
	for d := range m {
		codes = append(codes, d)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	sum = amount.Zero(0)
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

// PriorOfItem returns the prior year's budget for an item (of table 1's
// income, or of the 三公 table): its own figure, or else the sum of its
// sub-items.
func PriorOfItem(m map[string]Money, items []Item, key string) (sum amount.Amount, found bool) {
	if v, ok := m[key]; ok {
		return v.Amount, true
	}
	sum = amount.Zero(0)
	for _, it := range items {
		if it.Parent != key {
			continue
		}
		if v, ok := PriorOfItem(m, items, it.Key); ok {
			sum, found = sum.Add(v), true
		}
	}
	return sum, found
}
