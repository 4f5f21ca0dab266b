// Package spell finds the word an editor probably meant: the loader and
// the narrative references use it for their "did you mean" suggestions.
package spell

import "sort"

// Distance is the number of characters to insert, delete or replace to
// turn a into b (the Levenshtein distance), counted in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	row := make([]int, len(rb)+1)
	for j := range row {
		row[j] = j
	}
	for i := range ra {
		diag := row[0] // the distance from ra[:i] to rb[:j], from the row before
		row[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			diag, row[j+1] = row[j+1], min(row[j+1]+1, row[j]+1, diag+cost)
		}
	}
	return row[len(rb)]
}

// Closest returns the word of words nearest to s, if it is fewer than
// limit edits away, or "". Of two equally near words it returns the
// first in alphabetical order, so that messages do not vary.
func Closest(s string, words []string, limit int) string {
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	best, bestDist := "", limit
	for _, w := range sorted {
		if d := Distance(s, w); d < bestDist {
			best, bestDist = w, d
		}
	}
	return best
}
