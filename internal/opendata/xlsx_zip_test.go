package opendata

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestWorkbookIsTheSameEveryTime writes a workbook of several streamed
// sheets again and again: excelize hands their parts over in the order
// of a map, and the file must still be the same bytes, its parts in the
// order of their names, each deflated.
func TestWorkbookIsTheSameEveryTime(t *testing.T) {
	sheets := []sheet{}
	for _, n := range []string{"表1", "表2", "表3", "表4", "表5", "表6"} {
		sheets = append(sheets, sheet{Name: n, Lines: []string{"收支总表"}, Heads: []string{"科目", "金额"},
			Rows: [][]cell{{{Text: "201 01 01", Code: true}, {Text: "行政运行"}}}})
	}
	first, err := writeBook(sheets, Props{Date: "2024-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := writeBook(sheets, Props{Date: "2024-01-01"})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("the same sheets gave different bytes")
		}
	}
	r, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
		if f.Method != zip.Deflate || !f.Modified.IsZero() && f.Modified.Year() > 1980 {
			t.Errorf("part %s: method %d, modified %v; want deflated, no time", f.Name, f.Method, f.Modified)
		}
	}
	if !slices.IsSorted(names) || !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, "xl/worksheets/sheet6") }) {
		t.Errorf("parts %q; want all six sheets, in the order of their names", names)
	}
}
