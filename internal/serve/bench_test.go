package serve

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"budgetpress/internal/livereload"
	"budgetpress/internal/testsite"
)

// benchSite returns the site the serve benchmark edits: a copy of the
// site at $BUDGETPRESS_BENCH_SITE (scripts/bench gives its 100 × 10
// site), or else a generated site of 100 departments × 3 years; and the
// year whose example department (changji-egov) it edits.
func benchSite(tb testing.TB) (dir, year string) {
	root := filepath.Join("..", "..")
	if src := os.Getenv("BUDGETPRESS_BENCH_SITE"); src != "" {
		dir = testsite.Copy(tb, src)
	} else {
		dir = testsite.Generated(tb, root, 100, 3)
	}
	years, _ := filepath.Glob(filepath.Join(dir, "data", "*", "changji-egov.yaml"))
	if len(years) < 2 {
		tb.Fatalf("%s has the example department in %d years; want 2 or more", dir, len(years))
	}
	return dir, filepath.Base(filepath.Dir(years[len(years)-2]))
}

// BenchmarkEditToReload measures, on a site of 100 departments × 3
// years (or the site at $BUDGETPRESS_BENCH_SITE), the time from an
// editor's save to the first message that tells pages to reload
// (ms-to-first-reload): the watcher's debounce (watch.DefaultDebounce),
// the reload of the file, the check and the rendering of the
// department-year's pages; and, for a data edit, to the second, once the
// pages that gather department-years are in place (ms-to-second-reload).
// ns/op is a whole save, the second step included.
//
//	go test -run '^$' -bench EditToReload ./internal/serve
func BenchmarkEditToReload(b *testing.B) {
	dir, year := benchSite(b)
	start := time.Now()
	out := &syncBuffer{}
	s, err := New(Options{Dir: dir, BaseURL: "http://127.0.0.1:8384", Stdout: out})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if s.builder.Dir() == "" {
		b.Fatal("the large site does not build")
	}
	b.Logf("first build of the large site: %s", time.Since(start).Round(time.Millisecond))
	defer s.watchInBackground(context.Background())()
	events, stop := s.Hub().Subscribe("")
	defer stop()
	<-events     // hello
	runtime.GC() // of the first build, so that it does not fall in the first edit

	for _, tc := range []struct {
		name, file, a, b string
	}{
		{"yaml", "data/" + year + "/changji-egov.yaml", "authorized: 30", "authorized: 31"},
		{"markdown", "content/zh/" + year + "/changji-egov.md", "收入预算包括：一般公共预算。", "收入预算包括：一般公共预算（核对）。"},
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
			var first, second time.Duration
			base := strings.Count(out.String(), "that list department-years")
			for b.Loop() {
				drain(events) // the second reload of the save before
				saved := time.Now()
				if err := os.WriteFile(name, versions[i%2], 0o644); err != nil {
					b.Fatal(err)
				}
				i++
				waitReload(b, events)
				first += time.Since(saved)
				// The pages that gather department-years, after a data
				// edit: their reload comes once they are in place
				// (told in the terminal: a browser on none of them hears
				// nothing).
				if tc.name == "yaml" {
					for strings.Count(out.String(), "that list department-years") < base+i {
						if time.Since(saved) > wait {
							b.Fatalf("the pages that gather department-years did not follow within %s", wait)
						}
						time.Sleep(time.Millisecond)
					}
					second += time.Since(saved)
					time.Sleep(20 * time.Millisecond) // for its reload message, drained
				}
			}
			b.ReportMetric(float64(first.Microseconds())/1000/float64(i), "ms-to-first-reload")
			if second > 0 {
				b.ReportMetric(float64(second.Milliseconds())/float64(i), "ms-to-second-reload")
			}
		})
	}
}

// drain takes the events already sent.
func drain(events <-chan livereload.Event) {
	for {
		select {
		case <-events:
		default:
			return
		}
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
