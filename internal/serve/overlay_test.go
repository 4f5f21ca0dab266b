package serve

import (
	"strings"
	"testing"

	"budgetpress/internal/diag"
)

// TestOverlayGroups checks that the pages show a finding made many
// times once, as the console does, with how many more there are.
func TestOverlayGroups(t *testing.T) {
	const file = "data/2024/changji-egov.yaml"
	twoRows := func(line int) diag.Diagnostic {
		return diag.Diagnostic{Pos: diag.Pos{File: file, Line: line, Col: 10}, Severity: diag.Error, Message: "table 2 has two rows for 210 11 02; keep one"}
	}
	diags := diag.List{
		{Pos: diag.Pos{File: file, Line: 1, Col: 1}, Severity: diag.Warning, Message: "this file has loading errors"},
		twoRows(147), twoRows(148), twoRows(149),
		{Pos: diag.Pos{File: "data/2024/other.yaml", Line: 3, Col: 1}, Severity: diag.Warning, Message: "a warning about a file without errors"},
	}
	var got []string
	for _, d := range overlay(diags) {
		got = append(got, d.String())
	}
	want := []string{
		file + ":147:10: error: table 2 has two rows for 210 11 02; keep one (and 2 more like this, at lines 148 and 149)",
		file + ":1:1: warning: this file has loading errors",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the overlay shows:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
