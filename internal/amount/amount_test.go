package amount

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		in     string
		want   string // String() of the result
		places int
	}{
		{"604.13", "604.13", 2},
		{"1,403.71", "1403.71", 2},
		{"5,938.51", "5938.51", 2},
		{"1,234,567.00", "1234567.00", 2},
		{"0", "0", 0},
		{"0.00", "0.00", 2},
		{"-0.5", "-0.5", 1},
		{"40", "40", 0},
		{" 604.13 ", "604.13", 2},
		{"６０４．１３", "604.13", 2},
		{"１，４０３．７１", "1403.71", 2},
		{"－0.5", "-0.5", 1},
		{"12.123456", "12.123456", 6},
		{"999999999999999", "999999999999999", 0},
	}
	for _, tc := range tests {
		a, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if a.String() != tc.want || a.Places() != tc.places {
			t.Errorf("Parse(%q) = %s with %d places; want %s with %d", tc.in, a, a.Places(), tc.want, tc.places)
		}
	}
}

func TestParseRejects(t *testing.T) {
	const onlyDigits = "it may contain only digits, a decimal point and thousands separators"
	tests := []struct{ in, want string }{
		{"", "an amount is empty"},
		{"   ", "an amount is empty"},
		{"1.", `"1." is not an amount: digits must follow the decimal point`},
		{".5", `".5" is not an amount: write a digit before the decimal point, like 0.5`},
		{"1,40.3", `"1,40.3" is not an amount: thousands separators must group digits by three, like 1,403.71`},
		{"1403,71", `"1403,71" is not an amount: thousands separators must group digits by three, like 1,403.71`},
		{",403.71", `",403.71" is not an amount: thousands separators must group digits by three, like 1,403.71`},
		{"1e5", `"1e5" is not an amount: ` + onlyDigits},
		{"abc", `"abc" is not an amount: ` + onlyDigits},
		{"NaN", `"NaN" is not an amount: ` + onlyDigits},
		{"1 000", `"1 000" is not an amount: ` + onlyDigits},
		{"+5", `"+5" is not an amount: ` + onlyDigits},
		{"¥604.13", `"¥604.13" is not an amount: ` + onlyDigits},
		{"604.13万元", `"604.13万元" is not an amount: only digits may follow the decimal point`},
		{"1.2.3", `"1.2.3" is not an amount: only digits may follow the decimal point`},
		{"12.1234567", `"12.1234567" has 7 decimal places; amounts have at most 6`},
		{"1000000000000000", `"1000000000000000" is too large to be a budget amount`},
	}
	for _, tc := range tests {
		a, err := Parse(tc.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s; want error %s", tc.in, a, tc.want)
			continue
		}
		if err.Error() != tc.want {
			t.Errorf("Parse(%q) error:\n got %s\nwant %s", tc.in, err, tc.want)
		}
	}
}

func TestStringKeepsPublishedPlaces(t *testing.T) {
	for _, s := range []string{"500.80", "0.10", "604.13", "40", "0.00", "-0.50", "12.100000"} {
		if got := MustParse(s).String(); got != s {
			t.Errorf("Parse(%q).String() = %q", s, got)
		}
	}
	if got := MustParse("0.5").WithPlaces(2).String(); got != "0.50" {
		t.Errorf("0.5 with 2 places = %s; want 0.50", got)
	}
	if got := MustParse("2.345").WithPlaces(2).String(); got != "2.35" {
		t.Errorf("2.345 with 2 places = %s; want 2.35 (四舍五入)", got)
	}
	if got := Zero(2).String(); got != "0.00" {
		t.Errorf("Zero(2) = %s; want 0.00", got)
	}
}

func TestGrouped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"5938.51", "5,938.51"},
		{"-1403.71", "-1,403.71"},
		{"604.13", "604.13"},
		{"0.10", "0.10"},
		{"1000", "1,000"},
		{"100", "100"},
		{"1234567.8", "1,234,567.8"},
		{"-999.00", "-999.00"},
		{"-1000", "-1,000"},
	}
	for _, tc := range tests {
		if got := MustParse(tc.in).Grouped(); got != tc.want {
			t.Errorf("Parse(%q).Grouped() = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestAddSubKeepLargerPlaces(t *testing.T) {
	tests := []struct {
		a, b     string
		sum, dif string
	}{
		{"604.13", "1,403.71", "2007.84", "-799.58"},
		{"140.00", "40", "180.00", "100.00"},
		{"40", "0.5", "40.5", "39.5"},
		{"0.10", "0.1", "0.20", "0.00"},
		{"364.13", "224.69", "588.82", "139.44"},
	}
	for _, tc := range tests {
		a, b := MustParse(tc.a), MustParse(tc.b)
		if got := a.Add(b).String(); got != tc.sum {
			t.Errorf("%s + %s = %s; want %s", tc.a, tc.b, got, tc.sum)
		}
		if got := a.Sub(b).String(); got != tc.dif {
			t.Errorf("%s - %s = %s; want %s", tc.a, tc.b, got, tc.dif)
		}
	}
	// The allocation of cloud-ops adds up to the project amount exactly.
	var parts []Amount
	for _, s := range []string{"40", "45", "15", "5", "10", "25"} {
		parts = append(parts, MustParse(s))
	}
	if got := Sum(parts...); !got.Equal(MustParse("140.00")) || got.String() != "140" {
		t.Errorf("Sum of the cloud-ops allocation = %s; want 140", got)
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		part, whole, want string
		why               string
	}{
		{"1,403.71", "2,007.84", "69.91", "一般公共预算拨款 下降 69.91%"},
		{"224.69", "139.44", "161.14", "基本支出 增长 161.14%"},
		{"18.76", "10.66", "175.98", "住房公积金 增长 175.98%"},
		{"500.80", "604.13", "82.90", "一般公共服务支出 占 82.90%, trailing zero kept"},
		{"54.50", "604.13", "9.02", "社会保障和就业支出 占 9.02%"},
		{"604.13", "604.13", "100.00", "the whole"},
		{"0", "604.13", "0.00", "nothing"},
		{"-1,403.71", "2,007.84", "-69.91", "a decrease"},
		{"4.02", "400", "1.01", "exactly 1.005: half rounds up"},
		{"-4.02", "400", "-1.01", "exactly -1.005: half rounds away from zero"},
		{"8,289.49", "10,000", "82.89", "exactly 82.8949: no double rounding via 82.895"},
	}
	for _, tc := range tests {
		got, ok := Percent(MustParse(tc.part), MustParse(tc.whole), 2)
		if !ok || got.String() != tc.want {
			t.Errorf("Percent(%s, %s) = %s, %v; want %s (%s)", tc.part, tc.whole, got, ok, tc.want, tc.why)
		}
	}
	// The last cases are only worth having if float64 would get them wrong.
	// Variables, because Go evaluates constant expressions exactly.
	part, whole, big := 4.02, 400.0, 8289.49
	if f := math.Round(part/whole*100*100) / 100; f != 1.00 {
		t.Errorf("float64 gives %v for 4.02/400; the case no longer shows a float rounding error", f)
	}
	if f := math.Round(math.Round(big/10000*100*1000)/10) / 100; f != 82.90 {
		t.Errorf("rounding twice gives %v for 8289.49/10000; the case no longer shows double rounding", f)
	}
}

func TestPercentOfZero(t *testing.T) {
	for _, whole := range []string{"0", "0.00", "-0.00"} {
		if p, ok := Percent(MustParse("1.00"), MustParse(whole), 2); ok {
			t.Errorf("Percent(1.00, %s) = %s, true; want ok=false", whole, p)
		}
	}
}

func TestShift(t *testing.T) {
	tests := []struct {
		in   string
		exp  int
		want string
	}{
		{"604.13", 4, "6041300"},    // 万元 → 元
		{"6041300", -4, "604.1300"}, // 元 → 万元
		{"0.01", 4, "100"},
		{"1,403.71", -4, "0.140371"},
		{"-0.5", 4, "-5000"},
		{"604.13", 0, "604.13"},
	}
	for _, tc := range tests {
		if got := MustParse(tc.in).Shift(tc.exp).String(); got != tc.want {
			t.Errorf("Parse(%q).Shift(%d) = %s; want %s", tc.in, tc.exp, got, tc.want)
		}
	}
	a := MustParse("1,403.71")
	if back := a.Shift(4).Shift(-4); !back.Equal(a) {
		t.Errorf("1403.71 shifted there and back = %s", back)
	}
}

func TestCompare(t *testing.T) {
	a, b := MustParse("500.80"), MustParse("500.8")
	if !a.Equal(b) || a.Cmp(b) != 0 {
		t.Errorf("500.80 and 500.8 differ")
	}
	if MustParse("-0.01").Sign() != -1 || !MustParse("0.00").IsZero() || MustParse("0.01").Cmp(a) != -1 {
		t.Errorf("Sign, IsZero or Cmp is wrong")
	}
	if got := MustParse("-1.50").Abs().String(); got != "1.50" {
		t.Errorf("Abs(-1.50) = %s", got)
	}
	if got := MustParse("1.50").Neg().String(); got != "-1.50" {
		t.Errorf("Neg(1.50) = %s", got)
	}
	if b, _ := MustParse("500.80").MarshalText(); string(b) != "500.80" {
		t.Errorf("MarshalText = %s; want 500.80", b)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"604.13", "1,403.71", "0", "-0.5", "６０４．１３", "", "1.", ".5", "1,40.3",
		"1e5", "abc", "12.1234567", "NaN", "1 000", "-", "--1", "-0", "-0.00", "999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse(s)
		if err != nil {
			return
		}
		if a.Places() < 0 || a.Places() > MaxPlaces {
			t.Fatalf("Parse(%q) has %d places", s, a.Places())
		}
		b, err := Parse(a.String())
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse back: %v", s, a, err)
		}
		if !b.Equal(a) || b.Places() != a.Places() || b.String() != a.String() {
			t.Fatalf("Parse(%q) = %s, which parses back as %s", s, a, b)
		}
		if g, err := Parse(a.Grouped()); err != nil || !g.Equal(a) {
			t.Fatalf("Parse(%q).Grouped() = %s, which parses back as %s, %v", s, a.Grouped(), g, err)
		}
	})
}

// TestStringAsStringFixed: String writes every amount as decimal's
// StringFixed does at the published places, on the fast path (at most
// 18 digits) and off it (rounding, more digits).
func TestStringAsStringFixed(t *testing.T) {
	cases := []string{"0", "0.00", "-0.5", "500.80", "-1234.50", "1,403.71", "0.07", "-0.07", "123456789012345.67", "9999999999999999.99", "99999999999999999.99", "12", "-12"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		whole, frac := r.Int64N(1e12)-5e11, r.IntN(1000000)
		cases = append(cases, fmt.Sprintf("%d.%0*d", whole, r.IntN(7), frac%1000000))
	}
	for _, c := range cases {
		a, err := Parse(c)
		if err != nil {
			continue // a case the generator made that an editor could not type
		}
		for _, b := range []Amount{a, a.WithPlaces(0), a.WithPlaces(2), a.WithPlaces(6), a.Add(MustParse("0.005")), Amount{d: a.d.Shift(-3), places: 2}} {
			if got, want := b.String(), b.d.StringFixed(b.places); got != want {
				t.Errorf("%s at %d places: String() = %q, StringFixed = %q", b.d, b.places, got, want)
			}
		}
	}
}

func BenchmarkString(b *testing.B) {
	a := MustParse("1234567.80")
	for b.Loop() {
		_ = a.String()
	}
}

// TestBinaryRoundTrip: an amount read back from the build cache is the
// amount written, value and places, however it was made.
func TestBinaryRoundTrip(t *testing.T) {
	for _, a := range []Amount{
		{}, MustParse("0.00"), MustParse("500.80"), MustParse("-1,403.71"),
		MustParse("604.13").Shift(1), MustParse("604.13").Shift(4), MustParse("604.1355").WithPlaces(2),
		MustParse("999999999999999").Shift(6), Zero(6),
	} {
		b, err := a.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var got Amount
		if err := got.UnmarshalBinary(b); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
		if !got.Equal(a) || got.Places() != a.Places() || got.String() != a.String() {
			t.Errorf("%s (%d places) came back as %s (%d places)", a, a.Places(), got, got.Places())
		}
	}
	for _, bad := range [][]byte{nil, {19}, {2}, {2, 1, 2}} {
		var a Amount
		if err := a.UnmarshalBinary(bad); err == nil {
			t.Errorf("%v decoded as %s", bad, a)
		}
	}
	if _, err := Zero(2).WithPlaces(40).MarshalBinary(); err == nil {
		t.Error("an amount of 40 places encoded")
	}
}
