package render

import "testing"

// TestFigureWidth classes a table by its longest figure, which decides
// how much of a phone's width its frozen label column may take: a large
// budget kept in 元 (104,638,216.70) leaves the label a quarter.
func TestFigureWidth(t *testing.T) {
	for _, tc := range []struct {
		longest, want string
	}{
		{"604.13", "figs-s"},
		{"1,464.04", "figs-s"},
		{"12,345.678", "figs-m"},
		{"4,362,944.00", "figs-l"},
		{"104,638,216.70", "figs-xl"},
		{"1,104,638,216.70", "figs-xl"},
	} {
		p := &PartView{Rows: []RowView{{Cells: []string{"—", "1.00"}}, {Cells: []string{tc.longest}}}}
		if got := figureWidth(p); got != tc.want {
			t.Errorf("longest figure %s: %s; want %s", tc.longest, got, tc.want)
		}
	}
}
