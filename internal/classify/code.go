package classify

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// Code is a classification code in canonical form: 3, 5 or 7 ASCII digits,
// such as "201", "20103" or "2010350".
type Code string

// codeForm matches a normalised code: a 类 of three digits, then an optional
// 款 and 项 of two digits each, each optionally set off by spaces or a hyphen.
var codeForm = regexp.MustCompile(`^([0-9]{3})(?:(?: +|-)?([0-9]{2})(?:(?: +|-)?([0-9]{2}))?)?$`)

// ParseCode reads a code as an editor may write it: "201 03 50", "2010350"
// or "201-03-50", with full-width digits, spaces and hyphens allowed.
func ParseCode(s string) (Code, error) {
	norm := strings.TrimSpace(strings.Map(halfWidth, s))
	m := codeForm.FindStringSubmatch(norm)
	if m == nil {
		return "", fmt.Errorf("%q is not a classification code: codes have 3 digits (类), 5 (款) or 7 (项), optionally written in groups like \"201 03 50\"", s)
	}
	return Code(m[1] + m[2] + m[3]), nil
}

// halfWidth maps full-width digits and hyphens to ASCII and every kind of
// space to an ASCII space.
func halfWidth(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r == '－':
		return '-'
	case unicode.IsSpace(r):
		return ' '
	}
	return r
}

// Level returns 1 for a 类, 2 for a 款, 3 for a 项 and 0 for anything that
// is not a canonical code.
func (c Code) Level() int {
	switch len(c) {
	case 3:
		return 1
	case 5:
		return 2
	case 7:
		return 3
	}
	return 0
}

// Parent returns the code one level up: the 款 of a 项, the 类 of a 款, and
// "" for a 类.
func (c Code) Parent() Code {
	switch c.Level() {
	case 2:
		return c[:3]
	case 3:
		return c[:5]
	}
	return ""
}

// String returns the display form, with the levels set apart: "201 03 50".
func (c Code) String() string {
	switch c.Level() {
	case 2:
		return string(c[:3] + " " + c[3:])
	case 3:
		return string(c[:3] + " " + c[3:5] + " " + c[5:])
	}
	return string(c)
}
