package serve

import (
	"budgetpress/internal/testsite"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"budgetpress/internal/livereload"
)

// largeSite writes a site of n departments for each of the years.
func largeSite(tb testing.TB, n int, years []int) string {
	return testsite.Large(tb, filepath.Join("..", ".."), n, years)
}

// BenchmarkEditToReload measures, on a site of 100 departments × 3
// years, the time from an editor's save to the message that tells the
// pages to reload: the watcher's debounce (watch.DefaultDebounce), the
// reload of the file, the check and the rendering of the pages that
// depend on it.
//
//	go test -run '^$' -bench EditToReload ./internal/serve
func BenchmarkEditToReload(b *testing.B) {
	dir := largeSite(b, 100, []int{2022, 2023, 2024})
	start := time.Now()
	s, err := New(Options{Dir: dir, BaseURL: "http://127.0.0.1:8384"})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if s.builder.Dir() == "" {
		b.Fatal("the large site does not build")
	}
	b.Logf("first build of the large site: %s", time.Since(start).Round(time.Millisecond))
	defer s.watchInBackground(context.Background())()
	events, stop := s.Hub().Subscribe()
	defer stop()
	<-events     // hello
	runtime.GC() // of the first build, so that it does not fall in the first edit

	for _, tc := range []struct {
		name, file, a, b string
	}{
		{"yaml", "data/2023/dept-050.yaml", "authorized: 30", "authorized: 31"},
		{"markdown", "content/zh/2023/dept-050.md", "收入预算包括：一般公共预算。", "收入预算包括：一般公共预算（核对）。"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			name := filepath.Join(dir, filepath.FromSlash(tc.file))
			src, err := os.ReadFile(name)
			if err != nil {
				b.Fatal(err)
			}
			if !strings.Contains(string(src), tc.a) {
				b.Fatalf("%s lacks %q", tc.file, tc.a)
			}
			versions := [2][]byte{[]byte(strings.Replace(string(src), tc.a, tc.b, 1)), src}
			i := 0
			for b.Loop() {
				if err := os.WriteFile(name, versions[i%2], 0o644); err != nil {
					b.Fatal(err)
				}
				i++
				waitReload(b, events)
			}
		})
	}
}

func waitReload(b *testing.B, events <-chan livereload.Event) {
	for {
		select {
		case ev := <-events:
			switch ev.Name {
			case "reload":
				return
			case "errors":
				b.Fatalf("the edit broke the build: %s", ev.Data)
			}
		case <-time.After(wait):
			b.Fatalf("no reload within %s", wait)
		}
	}
}
