package opendata

import (
	"archive/zip"
	"bytes"
	"io"
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

// TestSharedPartsDeflatedOnce: the parts most workbooks share, deflated
// once and taken again, make every workbook read back whole (each part
// checked against its CRC) and the same bytes as the first time.
func TestSharedPartsDeflatedOnce(t *testing.T) {
	book := func(n int) []byte {
		var sheets []sheet
		for i := range n {
			sheets = append(sheets, sheet{Name: "表" + string(rune('1'+i)), Heads: []string{"科目", "金额"},
				Rows: [][]cell{{{Text: "201", Code: true}, {Text: "一般公共服务支出"}}}})
		}
		data, err := writeBook(sheets, Props{Date: "2024-01-01", Title: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	first := book(3)
	other := book(5)
	for name, data := range map[string][]byte{"3 sheets": first, "5 sheets": other, "3 sheets again": book(3)} {
		r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		shared := 0
		for _, f := range r.File {
			rc, err := f.Open()
			if err == nil {
				_, err = io.ReadAll(rc)
				rc.Close()
			}
			if err != nil {
				t.Errorf("%s: %s: %v", name, f.Name, err)
			}
			if sharedParts[f.Name] {
				shared++
			}
		}
		if shared != len(sharedParts) {
			t.Errorf("%s: %d shared parts, want %d", name, shared, len(sharedParts))
		}
	}
	if !bytes.Equal(book(3), first) {
		t.Error("a workbook made again with shared parts taken from before differs")
	}
}
