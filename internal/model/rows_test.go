package model

import (
	"testing"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
)

// TestAt reads a table of projects at codes it lists, codes it does not
// list, and as a whole: a row counts once, under the nearest row above
// it that the table lists.
func TestAt(t *testing.T) {
	row := func(key string, code classify.Code, project, v string) Row {
		return Row{Key: key, Code: code, Project: project, Cells: []Cell{{Value: amount.MustParse(v)}}}
	}
	part := Part{Key: "rows", Columns: []Column{{Key: "total"}}}
	tb := &Table{Kind: &Kind{Parts: []Part{part}}, Parts: map[string][]Row{"rows": {
		row("201", "201", "", "300.00"),
		row("20103", "20103", "", "200.00"),
		row("a", "2010350", "a", "150.00"),
		row("b", "2010399", "b", "50.00"),
		row("2080505", "2080505", "", "40.00"),
		row("c", "2080505", "c", "5.00"),
	}}}
	for _, tc := range []struct {
		code  classify.Code
		want  string
		found bool
	}{
		{"201", "300.00", true},     // its own row
		{"20103", "200.00", true},   // its own row, not its projects again
		{"2010350", "150.00", true}, // not listed: the project under it
		{"20801", "0", false},       // nothing under it
		{"208", "40.00", true},      // not listed: the 项 row, and not the project the 项 holds
		{"20805", "40.00", true},    // the same
		{"2080505", "40.00", true},  // its own row
		{"", "340.00", true},        // no total row: the top rows
		{"205", "0", false},         // nothing at all
	} {
		got, found := tb.At("rows", tc.code, "total")
		if !got.Equal(amount.MustParse(tc.want)) || found != tc.found {
			t.Errorf("At(%q) = %s, %v; want %s, %v", tc.code, got, found, tc.want, tc.found)
		}
	}
	var missing *Table
	if v, found := missing.At("rows", "201", "total"); found || !v.IsZero() {
		t.Errorf("a missing table reads %s, %v", v, found)
	}
	if v, found := tb.At("rows", "201", "nope"); !found || !v.IsZero() {
		t.Errorf("a missing column reads %s, %v; want 0 where the row is", v, found)
	}
}
