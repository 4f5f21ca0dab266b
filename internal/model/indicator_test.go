package model

import "testing"

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in, shown, err string
	}{
		{">=90%", "≥ 90%", ""},
		{"＜=10%", "≤ 10%", ""},
		{"≤2 小时", "≤ 2 小时", ""},
		{"=1 套", "= 1 套", ""},
		{"1500 台", "1500 台", ""},
		{"有效保障", "有效保障", ""},
		{"≥", "", `"≥" has a comparison but no number after it, like ≥90%`},
		{"", "", "the target value is empty"},
	} {
		got, err := ParseTarget(tc.in)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("ParseTarget(%q) error = %v, want %q", tc.in, err, tc.err)
			}
		case err != nil:
			t.Errorf("ParseTarget(%q): %v", tc.in, err)
		case got.String() != tc.shown:
			t.Errorf("ParseTarget(%q).String() = %q, want %q", tc.in, got.String(), tc.shown)
		}
	}
}
