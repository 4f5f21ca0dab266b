package narrative

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected .html and .diag files in testdata/")

// goldenCase is a Markdown file in testdata/, named <name>.<lang>.md, with
// the expected HTML in <name>.<lang>.html and the expected diagnostics of
// Markdown and then of Lint, one a line, in <name>.<lang>.diag (absent
// when there are none).
type goldenCase struct {
	name, lang, md string
}

func goldenCases(t testing.TB) []goldenCase {
	files, err := filepath.Glob("testdata/*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.md: %v", err)
	}
	var cases []goldenCase
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".md")
		lang := filepath.Ext(base)
		if lang == "" {
			t.Fatalf("%s: name the file <name>.<lang>.md", f)
		}
		cases = append(cases, goldenCase{name: base, lang: lang[1:], md: f})
	}
	return cases
}

// TestGolden renders each Markdown file in testdata/ and compares the
// HTML and the diagnostics with the expected files; go test -update
// rewrites them.
func TestGolden(t *testing.T) {
	r := New(example(t), nil)
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			src, err := os.ReadFile(c.md)
			if err != nil {
				t.Fatal(err)
			}
			html, diags := r.Markdown(c.md, src, c.lang)
			var d bytes.Buffer
			diags.Print(&d)
			Lint(c.md, src).Print(&d)
			compare(t, "testdata/"+c.name+".html", []byte(html))
			compare(t, "testdata/"+c.name+".diag", d.Bytes())
		})
	}
}

func compare(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if len(got) == 0 {
			_ = os.Remove(path)
			return
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

// TestConcurrent renders the same pages from many goroutines at once and
// expects what a single one renders.
func TestConcurrent(t *testing.T) {
	r := New(example(t), nil)
	cases := goldenCases(t)
	want := make([]string, len(cases))
	srcs := make([][]byte, len(cases))
	for i, c := range cases {
		src, err := os.ReadFile(c.md)
		if err != nil {
			t.Fatal(err)
		}
		srcs[i] = src
		html, diags := r.Markdown(c.md, src, c.lang)
		want[i] = string(html) + fmt.Sprint(diags)
	}
	var wg sync.WaitGroup
	for range 8 {
		for i, c := range cases {
			wg.Go(func() {
				html, diags := r.Markdown(c.md, srcs[i], c.lang)
				if got := string(html) + fmt.Sprint(diags); got != want[i] {
					t.Errorf("%s rendered differently when concurrent", c.md)
				}
			})
		}
	}
	wg.Wait()
}
