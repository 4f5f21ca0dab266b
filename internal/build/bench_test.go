package build

import (
	"path/filepath"
	"testing"

	"budgetpress/internal/testsite"
)

// BenchmarkBuildLarge builds a prefecture-sized site: 100 departments ×
// 3 years in two languages (600 department pages), from scratch, into a
// fresh output folder each time.
//
//	go test -run '^$' -bench BuildLarge -benchmem ./internal/build
func BenchmarkBuildLarge(b *testing.B) {
	dir := testsite.Large(b, filepath.Join("..", ".."), 100, []int{2022, 2023, 2024})
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := Run(Options{Dir: dir, Out: filepath.Join(out, "public")})
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}
