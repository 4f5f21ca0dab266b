package search

import (
	"strings"
	"testing"
)

// BenchmarkTermsOf cuts a department page's worth of text into terms:
// a few hundred documents of Chinese and English text.
//
//	go test -run '^$' -bench TermsOf -benchmem ./internal/search
func BenchmarkTermsOf(b *testing.B) {
	text := strings.Repeat("2024年部门预算收支总体情况表，一般公共预算财政拨款支出“三公”经费 General public services: Government Offices and Agencies 201 03 01. ", 8)
	p := Page{Year: 2024, Dept: "changji-egov", Name: "昌吉州电子政务中心", About: text}
	for i := range 200 {
		p.Docs = append(p.Docs, Doc{Kind: Section, Anchor: "s" + string(rune('a'+i%26)), Title: "一、部门职责 Functions", Names: []string{"行政运行", "一般行政管理事务"}, Text: text})
	}
	b.ReportAllocs()
	for b.Loop() {
		termsOf(p)
	}
}
