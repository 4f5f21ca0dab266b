package opendata

import (
	"bytes"
	"testing"

	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
	"budgetpress/internal/render"
)

// figureDepts are departments of a year as the bulk files take them:
// codes, projects, empty cells, two sides, amounts shown in thousand
// yuan, and text a spreadsheet would run.
func figureDepts() []Dept {
	cells := func(vs ...string) []model.Cell {
		var out []model.Cell
		for _, v := range vs {
			if v == "" {
				out = append(out, model.Cell{Empty: true})
			} else {
				out = append(out, model.Cell{Value: amount.MustParse(v)})
			}
		}
		return out
	}
	table := func(name string, parts ...render.PartView) render.DataTable {
		return render.DataTable{No: name, Name: "表" + name, Heading: "表" + name + " 收支总表", Parts: parts}
	}
	return []Dept{
		{ID: "egov", Name: "电子政务中心", Money: i18n.Money{Lang: "zh", Unit: i18n.Wan}, Tables: []render.DataTable{
			table("1", render.PartView{Caption: "收入", Columns: []string{"预算数"}, Rows: []render.RowView{
				{Text: "一般公共预算拨款收入", Values: cells("604.13")}, {Text: "=HYPERLINK(\"x\")", Values: cells("0.00")}}},
				render.PartView{Caption: "支出", Columns: []string{"预算数"}, Rows: []render.RowView{{Code: "201", Text: "一般公共服务支出", Values: cells("604.13")}}}),
			table("7", render.PartView{Columns: []string{"合计", "基本支出", "项目支出"}, Rows: []render.RowView{
				{Code: "2010350", Text: "事业运行", ProjectText: "网站运维", Values: cells("120.5", "", "120.5")}}}),
		}},
		{ID: "police", Name: "Public Security Bureau", Money: i18n.Money{Lang: "en", Unit: i18n.Wan}, Tables: []render.DataTable{
			table("3", render.PartView{Columns: []string{"Total"}, Rows: []render.RowView{{Code: "20402", Text: "Police", Values: cells("1,403.71")}}}),
		}},
		{ID: "empty", Name: "无表部门", Money: i18n.Money{Lang: "zh", Unit: i18n.Yuan}},
	}
}

// figureHeads are the heads of the bulk files.
var figureHeads = []string{"部门", "编码", "表", "标题", "收支", "科目编码", "科目名称", "项目", "栏目", "金额", "单位"}

// TestFiguresFromTheCache: the bulk files made of the figures of each
// department, encoded for the build cache and decoded, are the bytes of
// those made of the year at once.
func TestFiguresFromTheCache(t *testing.T) {
	depts := figureDepts()
	whole := YearFigures(depts)
	var parts []Figures
	for _, d := range depts {
		b, err := DeptFigures(d).MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var f Figures
		if err := f.UnmarshalBinary(b); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		parts = append(parts, f)
	}
	joined := Join(parts...)
	if whole.Len() != 6 || joined.Len() != whole.Len() {
		t.Fatalf("%d figures joined, %d in the year, want 6", joined.Len(), whole.Len())
	}
	if a, b := BulkCSV(figureHeads, whole), BulkCSV(figureHeads, joined); !bytes.Equal(a, b) {
		t.Errorf("the CSV of the cached figures differs:\n%s\nwant\n%s", b, a)
	}
	p := Props{Title: "2024", Date: "2024-02-01", Lang: "zh-CN"}
	a, err := BulkXLSX("2024", "2024 全部部门", figureHeads, whole, p)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := BulkXLSX("2024", "2024 全部部门", figureHeads, joined, p); !bytes.Equal(a, b) {
		t.Error("the workbook of the cached figures differs")
	}
}

// TestFiguresDamaged: a damaged cache entry is an error, never a panic
// nor figures that are not those written.
func TestFiguresDamaged(t *testing.T) {
	b, err := YearFigures(figureDepts()).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range [][]byte{nil, b[:len(b)-1], append(bytes.Clone(b), 0), {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}, {1, 200, 'a'}} {
		var f Figures
		if err := f.UnmarshalBinary(bad); err == nil {
			t.Errorf("% x decoded as %d figures", bad, f.Len())
		}
	}
}

// FuzzFiguresUnmarshal: no input makes decoding panic, and what decodes
// encodes to itself.
func FuzzFiguresUnmarshal(f *testing.F) {
	b, _ := YearFigures(figureDepts()).MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, data []byte) {
		var fs Figures
		if fs.UnmarshalBinary(data) != nil {
			return
		}
		again, err := fs.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Figures
		if err := back.UnmarshalBinary(again); err != nil || !bytes.Equal(BulkCSV(figureHeads, back), BulkCSV(figureHeads, fs)) {
			t.Fatalf("figures decoded from % x do not survive encoding: %v", data, err)
		}
	})
}
