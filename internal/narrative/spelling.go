package narrative

import (
	"fmt"
	"sort"
	"strings"
)

// suggest returns prefix+word+suffix for the word of words that s is a
// misspelling of, or "" when none is close: one edit away for a word of
// up to four characters, two for a longer one. Codes (digits) get no
// suggestion: a code one digit away is another code, not a typo. Of two
// equally close words it takes the first in alphabetical order, so that
// the message does not vary.
func suggest(s string, words []string, prefix, suffix string) string {
	if strings.Trim(s, "0123456789") == "" {
		return ""
	}
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	best, bestDist := "", 2
	if len([]rune(s)) > 4 {
		bestDist = 3
	}
	for _, w := range sorted {
		if d := editDistance(s, w); d < bestDist {
			best, bestDist = w, d
		}
	}
	if best == "" {
		return ""
	}
	return prefix + best + suffix
}

// unknown words the error about a name that is not one of a list: msg,
// then the suggestion when there is one, then list, which names what
// may be written: `unknown income item "genral" in income.genral; did
// you mean "income.general"? The items are …`.
func unknown(msg, suggestion, list string) error {
	if suggestion == "" {
		return fmt.Errorf("%s: %s", msg, list)
	}
	return fmt.Errorf("%s; did you mean %q? %s", msg, suggestion, capitalize(list))
}

// editDistance is the number of characters to insert, delete or replace
// to turn a into b (the Levenshtein distance).
func editDistance(a, b string) int {
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
