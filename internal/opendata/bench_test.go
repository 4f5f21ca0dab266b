package opendata

import (
	"fmt"
	"testing"

	"budgetpress/internal/amount"
)

// benchRows are n rows shaped like a bulk file's: texts, a code, an
// amount with two decimals.
func benchRows(n int) [][]cell {
	rows := make([][]cell, n)
	for i := range rows {
		rows[i] = []cell{{Text: "县国资委"}, {Text: "anhu-sasac"}, {Text: "表3"}, {Text: "一般公共预算支出表"}, {Text: "支出"},
			{Text: fmt.Sprintf("201 %02d %02d", i%30, i%7), Code: true}, {Text: "行政运行"}, {Text: ""}, {Text: "合计"},
			{Num: amount.MustParse(fmt.Sprintf("%d.%02d", i*37%100000, i%100)), IsNum: true}, {Text: "万元"}}
	}
	return rows
}

// BenchmarkBulkBook writes a year's bulk workbook of a prefecture
// (about 50,000 figures).
//
//	go test -run '^$' -bench Book -benchmem ./internal/opendata
func BenchmarkBulkBook(b *testing.B) {
	rows := benchRows(50000)
	heads := []string{"部门", "部门代码", "表", "表名", "收支", "科目编码", "名称", "项目", "栏目", "金额", "单位"}
	b.ReportAllocs()
	for b.Loop() {
		data, err := writeBook([]sheet{{Name: "2024", Lines: []string{"2024 年全部部门"}, Heads: heads, Rows: rows}}, Props{Date: "2024-01-01"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(data)), "bytes")
	}
}

// BenchmarkDeptBook writes a department-year's workbook: eleven small
// sheets.
func BenchmarkDeptBook(b *testing.B) {
	heads := []string{"科目编码", "名称", "合计", "基本支出", "项目支出"}
	var sheets []sheet
	for i := range 11 {
		var rows [][]cell
		for _, r := range benchRows(25) {
			rows = append(rows, []cell{r[5], r[6], r[9], r[9], r[9]})
		}
		sheets = append(sheets, sheet{Name: fmt.Sprintf("表%d", i+1), Lines: []string{"收支总表", "县国资委", "单位：万元"}, Heads: heads, Rows: rows})
	}
	b.ReportAllocs()
	for b.Loop() {
		data, err := writeBook(sheets, Props{Date: "2024-01-01"})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(data)), "bytes")
	}
}
