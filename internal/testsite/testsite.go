// Package testsite makes sites for tests and benchmarks: a copy of the
// example site of the repository, and large sites of many departments
// and years made of copies of the example department.
package testsite

import (
	"budgetpress/internal/gensite"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Example is the department file of the example site.
const Example = "data/2024/changji-egov.yaml"

// Copy copies the site at root (site.yaml, data/, templates/, content/,
// layouts/: the example's or a generated one) into a temporary folder
// and returns it. Files are writable.
func Copy(tb testing.TB, root string) string {
	tb.Helper()
	dir := tb.TempDir()
	for _, top := range []string{"site.yaml", "data", "templates", "content", "layouts"} {
		src := filepath.Join(root, top)
		st, err := os.Stat(src)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			data, err := os.ReadFile(src)
			if err != nil {
				tb.Fatal(err)
			}
			Write(tb, filepath.Join(dir, top), data)
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, top), os.DirFS(src)); err != nil {
			tb.Fatal(err)
		}
	}
	// CopyFS keeps the modes of the files: make them writable.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil {
			mode := os.FileMode(0o644)
			if d.IsDir() {
				mode = 0o755
			}
			os.Chmod(p, mode)
		}
		return nil
	})
	return dir
}

// Large writes a site of n departments for each of the years, each a
// copy of the example department (data and explanations) under another
// id, with its dates moved to its year so that the checker passes.
func Large(tb testing.TB, root string, n int, years []int) string {
	tb.Helper()
	dir := Copy(tb, root)
	src, err := os.ReadFile(filepath.Join(dir, Example))
	if err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(filepath.Join(dir, "data", "2024"))
	content := map[string][]byte{}
	for _, lang := range []string{"zh", "en"} {
		if md, err := os.ReadFile(filepath.Join(dir, "content", lang, "2024", "changji-egov.md")); err == nil {
			content[lang] = md
		}
	}
	os.RemoveAll(filepath.Join(dir, "content"))
	for _, y := range years {
		ys, prev := strconv.Itoa(y), strconv.Itoa(y-1)
		data := strings.NewReplacer(
			"published: 2024-02-23", "published: "+ys+"-02-23",
			"from: 2024-01-01", "from: "+ys+"-01-01",
			"to: 2024-12-31", "to: "+ys+"-12-31",
			"as_of: 2023-12-31", "as_of: "+prev+"-12-31",
			" 2024 年没有", " "+ys+" 年没有",
		).Replace(string(src))
		for i := 1; i <= n; i++ {
			id := fmt.Sprintf("dept-%03d", i)
			Write(tb, filepath.Join(dir, "data", ys, id+".yaml"), []byte(data))
			for lang, md := range content {
				Write(tb, filepath.Join(dir, "content", lang, ys, id+".md"), md)
			}
		}
	}
	return dir
}

// Generated writes a site of n departments for each of years years
// ending with 2025, with the corpus structures and varied figures of
// gensite (seed 1), and returns its folder. Its first department is the
// example one, changji-egov, in every year.
func Generated(tb testing.TB, root string, n, years int) string {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "site")
	if _, err := gensite.Generate(gensite.Options{Root: root, Dir: dir, Departments: n, Years: years, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// Write writes a file, creating its folder.
func Write(tb testing.TB, name string, data []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Replace replaces old, which must occur exactly once, by new in a file
// of the site at dir, saving the file as editors do: a temporary file
// renamed into place.
func Replace(tb testing.TB, dir, file, old, new string) {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		tb.Fatalf("%s: %q occurs %d times, want once", file, old, n)
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
	if err := os.WriteFile(tmp, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		tb.Fatal(err)
	}
}
