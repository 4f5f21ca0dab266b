package narrative

import (
	"fmt"
	"strings"

	"budgetpress/internal/spell"
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
	limit := 2
	if len([]rune(s)) > 4 {
		limit = 3
	}
	best := spell.Closest(s, words, limit)
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
