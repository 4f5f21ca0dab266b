// Package amount holds exact money amounts as published in budget tables:
// fixed-point decimals that remember how many decimal places the document
// printed, so 500.80 stays 500.80 and never passes through float64.
package amount

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// MaxPlaces is the largest number of decimal places accepted in an amount.
// Budget documents print 2 (万元 or 元); 6 leaves room for other units.
const MaxPlaces = 6

// Amount is an exact decimal amount together with the number of decimal
// places it is published with. The zero value is 0 with no decimals.
type Amount struct {
	d      decimal.Decimal
	places int32
}

// Zero returns 0 published with the given number of decimal places.
func Zero(places int) Amount { return Amount{places: int32(places)} }

// Parse reads an amount as an editor types it: "604.13", "1,403.71",
// "-0.5", "0". Thousands separators must group digits by three. Exponents,
// spaces inside the number, currency signs and other text are rejected.
func Parse(s string) (Amount, error) {
	orig := s
	s = normalizeWidth(strings.TrimSpace(s))
	if s == "" {
		return Amount{}, fmt.Errorf("an amount is empty")
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if hasPoint && frac == "" {
		return Amount{}, fmt.Errorf("%q is not an amount: digits must follow the decimal point", orig)
	}
	if intPart == "" {
		return Amount{}, fmt.Errorf("%q is not an amount: write a digit before the decimal point, like 0.5", orig)
	}
	digits, err := ungroup(intPart)
	if err != nil {
		return Amount{}, fmt.Errorf("%q is not an amount: %v", orig, err)
	}
	for _, r := range frac {
		if r < '0' || r > '9' {
			return Amount{}, fmt.Errorf("%q is not an amount: only digits may follow the decimal point", orig)
		}
	}
	if len(frac) > MaxPlaces {
		return Amount{}, fmt.Errorf("%q has %d decimal places; amounts have at most %d", orig, len(frac), MaxPlaces)
	}
	if len(digits) > 15 {
		return Amount{}, fmt.Errorf("%q is too large to be a budget amount", orig)
	}
	text := digits
	if frac != "" {
		text += "." + frac
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return Amount{}, fmt.Errorf("%q is not an amount", orig)
	}
	if neg {
		d = d.Neg()
	}
	return Amount{d: d, places: int32(len(frac))}, nil
}

// ungroup checks the digits before the decimal point, with optional
// thousands separators, and returns them without separators.
func ungroup(s string) (string, error) {
	if !strings.Contains(s, ",") {
		for _, r := range s {
			if r < '0' || r > '9' {
				return "", fmt.Errorf("it may contain only digits, a decimal point and thousands separators")
			}
		}
		return s, nil
	}
	groups := strings.Split(s, ",")
	for i, g := range groups {
		if (i == 0 && (len(g) < 1 || len(g) > 3)) || (i > 0 && len(g) != 3) {
			return "", fmt.Errorf("thousands separators must group digits by three, like 1,403.71")
		}
		for _, r := range g {
			if r < '0' || r > '9' {
				return "", fmt.Errorf("it may contain only digits, a decimal point and thousands separators")
			}
		}
	}
	return strings.Join(groups, ""), nil
}

// normalizeWidth turns full-width digits, point, comma and minus, which
// Chinese input methods produce, into their ASCII forms.
func normalizeWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '－' || r == '−':
			return '-'
		}
		return r
	}, s)
}

// MustParse is Parse for literals in tests and tables of constants; it
// panics on a malformed literal, so never use it on input.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// Places returns the number of decimal places the amount is published with.
func (a Amount) Places() int { return int(a.places) }

// WithPlaces returns the same value published with n decimal places. It
// rounds half away from zero (四舍五入) when n is smaller than the value's
// precision.
func (a Amount) WithPlaces(n int) Amount {
	return Amount{d: a.d.Round(int32(n)), places: int32(n)}
}

// Add returns a+b, published with the larger number of places.
func (a Amount) Add(b Amount) Amount {
	return Amount{d: a.d.Add(b.d), places: max(a.places, b.places)}
}

// Sub returns a-b, published with the larger number of places.
func (a Amount) Sub(b Amount) Amount {
	return Amount{d: a.d.Sub(b.d), places: max(a.places, b.places)}
}

// Neg returns -a.
func (a Amount) Neg() Amount { return Amount{d: a.d.Neg(), places: a.places} }

// Abs returns |a|.
func (a Amount) Abs() Amount { return Amount{d: a.d.Abs(), places: a.places} }

// Cmp compares values, ignoring places: -1 if a<b, 0 if equal, +1 if a>b.
func (a Amount) Cmp(b Amount) int { return a.d.Cmp(b.d) }

// Equal reports whether a and b have the same value.
func (a Amount) Equal(b Amount) bool { return a.d.Equal(b.d) }

// Sign returns -1, 0 or +1.
func (a Amount) Sign() int { return a.d.Sign() }

// IsZero reports whether the value is 0.
func (a Amount) IsZero() bool { return a.d.IsZero() }

// Shift returns a×10^exp exactly, keeping the published precision: the
// conversion between 元 and 万元 (exp = ±4) never rounds.
func (a Amount) Shift(exp int) Amount {
	places := a.places - int32(exp)
	if places < 0 {
		places = 0
	}
	return Amount{d: a.d.Shift(int32(exp)), places: places}
}

// Sum adds amounts.
func Sum(as ...Amount) Amount {
	var s Amount
	for _, a := range as {
		s = s.Add(a)
	}
	return s
}

// String returns the amount with its published decimal places and no
// grouping: "500.80".
//
// An amount of at most 18 digits at its places, every amount of a
// budget table, is written from its coefficient without the big
// integers StringFixed rounds with: the open data write every amount
// several times.
func (a Amount) String() string {
	shift := a.d.Exponent() + a.places
	digits := a.d.NumDigits()
	if shift < 0 || a.places > 18 || digits+int(shift) > 18 {
		return a.d.StringFixed(a.places)
	}
	v := a.d.CoefficientInt64() * pow10[shift]
	var buf [24]byte
	b := buf[:0]
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	unit := pow10[a.places]
	b = strconv.AppendInt(b, v/unit, 10)
	if a.places > 0 {
		var fb [20]byte
		frac := strconv.AppendInt(fb[:0], v%unit, 10)
		b = append(b, '.')
		for range int(a.places) - len(frac) {
			b = append(b, '0')
		}
		b = append(b, frac...)
	}
	return string(b)
}

// pow10 are the powers of ten an int64 holds.
var pow10 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Grouped returns the amount with its published places and thousands
// separators: "1,403.71", as budget documents print it.
func (a Amount) Grouped() string {
	s := a.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasPoint {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Percent returns part/whole×100 rounded half up to the given places, as
// budget explanations state shares and growth rates ("占 82.90%"). ok is
// false when whole is zero.
func Percent(part, whole Amount, places int) (p Amount, ok bool) {
	if whole.IsZero() {
		return Amount{}, false
	}
	q := part.d.Mul(decimal.New(100, 0)).DivRound(whole.d, int32(places))
	return Amount{d: q, places: int32(places)}, true
}

// MarshalText returns String(), so amounts appear exactly in JSON output.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// MarshalBinary encodes the amount exactly, with its places, for a
// build cache.
func (a Amount) MarshalBinary() ([]byte, error) {
	if a.places < 0 || a.places > 18 {
		return nil, fmt.Errorf("an amount of %d places cannot be encoded", a.places)
	}
	d, err := a.d.MarshalBinary()
	if err != nil {
		return nil, err
	}
	return append([]byte{byte(a.places)}, d...), nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (a *Amount) UnmarshalBinary(b []byte) error {
	if len(b) < 1 || int(b[0]) > 18 {
		return fmt.Errorf("not an encoded amount")
	}
	var d decimal.Decimal
	if err := d.UnmarshalBinary(b[1:]); err != nil {
		return err
	}
	*a = Amount{d: d, places: int32(b[0])}
	return nil
}
