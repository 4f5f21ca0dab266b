package spell

import "testing"

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"amount", "amount", 0}, {"amout", "amount", 1}, {"genral", "general", 1},
		{"", "abc", 3}, {"kitten", "sitting", 3}, {"综合科", "综合处", 1},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	words := []string{"total", "general", "fund", "soe", "unit"}
	for _, tc := range []struct {
		s     string
		limit int
		want  string
	}{
		{"genral", 3, "general"}, {"fnd", 2, "fund"}, {"xyz", 2, ""}, {"sue", 2, "soe"}, {"unis", 2, "unit"},
	} {
		if got := Closest(tc.s, words, tc.limit); got != tc.want {
			t.Errorf("Closest(%q, %d) = %q, want %q", tc.s, tc.limit, got, tc.want)
		}
	}
}
