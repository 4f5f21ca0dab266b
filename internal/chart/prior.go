package chart

import (
	"sort"

	"budgetpress/internal/classify"
)

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
