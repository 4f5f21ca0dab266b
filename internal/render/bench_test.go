package render

import (
	"bytes"
	"testing"
)

// BenchmarkDepartmentPage renders the example department page in
// Chinese and in English, explanations and charts included.
//
//	go test -run '^$' -bench DepartmentPage -benchmem ./internal/render
func BenchmarkDepartmentPage(b *testing.B) {
	s := goldenSite(b)
	var pages []Page
	for _, p := range s.Pages() {
		if p.Kind == "department" {
			pages = append(pages, p)
		}
	}
	var buf bytes.Buffer
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			buf.Reset()
			if res := s.Render(&buf, p); res.Diags.HasErrors() {
				b.Fatal(res.Diags)
			}
		}
	}
}
