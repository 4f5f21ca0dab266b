package load

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

const (
	tooLargeYAML = `error: this file is %s, more than budgetpress reads: YAML files may be up to 2 MB ` +
		`(a whole department budget is about 50 kB); check that this is the right file`
	tooLargeMarkdown = `error: this file is %s, more than budgetpress reads: Markdown files may be up to 1 MB ` +
		`(an explanation is about 15 kB); check that this is the right file`
)

// sized writes a file of size bytes that takes no room on disk where the
// file system allows: its content does not matter, as it must not be
// read.
func sized(t *testing.T, dir, name string, size int64) {
	t.Helper()
	writeFile(t, dir, name, nil)
	if err := os.Truncate(filepath.Join(dir, filepath.FromSlash(name)), size); err != nil {
		t.Fatal(err)
	}
}

// TestTooLarge checks that each kind of file is refused, naming its size
// and the limit, when it is larger than budgetpress reads, and read when
// it is just within the limit.
func TestTooLarge(t *testing.T) {
	const dept = "data/2024/changji-egov.yaml"
	tests := []struct {
		name string
		file string
		size int64
		want []string
	}{
		{"site.yaml", "site.yaml", 50 << 20, []string{"site.yaml: " + sprintf(tooLargeYAML, "50 MB")}},
		{"the classification", "data/classification.yaml", 2<<20 + 1, []string{"data/classification.yaml: " + sprintf(tooLargeYAML, "2.1 MB")}},
		{"a department file", "data/2024/big.yaml", 100 << 20, []string{"data/2024/big.yaml: " + sprintf(tooLargeYAML, "100 MB")}},
		{"just over", "data/2024/big.yaml", 2<<20 + 1, []string{"data/2024/big.yaml: " + sprintf(tooLargeYAML, "2.1 MB")}},
		{"an explanation", "content/zh/2024/changji-egov.md", 1<<20 + 1, []string{"content/zh/2024/changji-egov.md: " + sprintf(tooLargeMarkdown, "1.1 MB")}},
		{"another Markdown file", "content/zh/about.md", 7 << 20, []string{"content/zh/about.md: " + sprintf(tooLargeMarkdown, "7 MB")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "site.yaml", []byte("languages: [zh, en]\n"))
			writeFile(t, dir, dept, read(t, example))
			sized(t, dir, tc.file, tc.size)
			s, ds := ReadSite(dir)
			if got := lines(ds); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			// The rest of the site is read as usual.
			if tc.file != "site.yaml" && (len(s.Files) != 1 || s.Files[0].Path != dept) {
				t.Errorf("department files read: %v; want only %s", s.DataFiles, dept)
			}
		})
	}

	// Files at the limits are read: these are empty, which the loader
	// says once it has read them.
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", []byte("languages: [zh, en]\n"))
	writeFile(t, dir, "data/2024/comments.yaml", bytes.Repeat([]byte("# 说明\n"), 2<<20/len("# 说明\n")))
	writeFile(t, dir, "content/zh/2024/comments.md", bytes.Repeat([]byte(" "), 1<<20))
	s, ds := ReadSite(dir)
	want := []string{"data/2024/comments.yaml:1:1: error: this file is empty"}
	if got := lines(ds); !reflect.DeepEqual(got, want) {
		t.Errorf("files at the limits:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(s.Content) != 1 || len(s.Content[0].Text) != 1<<20 {
		t.Errorf("the explanation of 1 MB was not read: %d files", len(s.Content))
	}
}

func sprintf(format, size string) string { return strings.Replace(format, "%s", size, 1) }

// TestTooLargeMemory checks that a huge file is refused without being
// read into memory.
func TestTooLargeMemory(t *testing.T) {
	dir := t.TempDir()
	sized(t, dir, "data/2024/huge.yaml", 1<<30)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	src, found, ds := ReadFile(dir, "data/2024/huge.yaml")
	runtime.ReadMemStats(&after)
	if src != nil || !found || len(ds) != 1 {
		t.Fatalf("ReadFile of a 1 GB file = %d bytes, found %v, %v; want it refused", len(src), found, ds)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("refusing a 1 GB file took %d bytes of memory", n)
	}
}

// TestReadFile checks what ReadFile says of files it cannot read.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "data/2024/folder.yaml/x", []byte("x"))
	writeFile(t, dir, "data/2024/ok.yaml", []byte("unit: 万元\n"))
	tests := []struct {
		rel   string
		src   string
		found bool
		want  []string
	}{
		{"data/2024/ok.yaml", "unit: 万元\n", true, nil},
		{"data/2024/missing.yaml", "", false, nil},
		{"data/2024/folder.yaml", "", true, []string{"data/2024/folder.yaml: error: this is a folder, not a file: rename it so that its name does not end in .yaml"}},
	}
	for _, tc := range tests {
		src, found, ds := ReadFile(dir, tc.rel)
		if got := lines(ds); string(src) != tc.src || found != tc.found || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ReadFile(%s) = %q, %v, %v; want %q, %v, %v", tc.rel, src, found, got, tc.src, tc.found, tc.want)
		}
	}
}

// TestTooManyProblems checks that the loader keeps the first
// MaxDiagnostics findings of a department file, and says how many more
// there were.
func TestTooManyProblems(t *testing.T) {
	const row = "      - [210 11 02,  18.13,  18.13,  18.13]\n"
	src := string(read(t, example))
	if strings.Count(src, row) != 1 {
		t.Fatalf("the example has not one row %q", row)
	}
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", []byte("languages: [zh, en]\n"))
	writeFile(t, dir, "data/2024/changji-egov.yaml", []byte(strings.Replace(src, row, strings.Repeat(row, 1501), 1)))
	_, ds := ReadSite(dir)
	if len(ds) != MaxDiagnostics+1 {
		t.Fatalf("%d findings; want the first %d and one more", len(ds), MaxDiagnostics)
	}
	got := ds[len(ds)-1].String()
	want := "data/2024/changji-egov.yaml: error: too many problems in this file (1,500): only the first 1,000 are listed; fix those first, then check again"
	if got != want {
		t.Errorf("last finding:\n\t%s\nwant:\n\t%s", got, want)
	}
	for _, d := range ds[:MaxDiagnostics] {
		if !strings.HasSuffix(d.Message, "has two rows for 210 11 02; keep one") {
			t.Errorf("finding %s; want one about the repeated row", d)
			break
		}
	}
}
