package opendata

import "testing"

// TestExactNumber: an amount goes into a workbook as a number only when
// the number Excel reads back is the amount itself.
func TestExactNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"604.13", 604.13, true},
		{"604.10", 604.1, true},
		{"0", 0, true},
		{"-0.00", 0, true},
		{"-1464.04", -1464.04, true},
		{"123456789012.34", 123456789012.34, true},
		{"1234567890123456.78", 0, false}, // more digits than a double keeps
		{"0.1234567890123456789", 0, false},
		{"12a", 0, false},
	} {
		got, ok := exactNumber(tc.in)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("exactNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
