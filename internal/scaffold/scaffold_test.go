package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/diag"
	"budgetpress/internal/load"
)

// corpus lists the sites of the test corpus and the example.
func corpus(t *testing.T) []string {
	t.Helper()
	sites, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*"))
	if err != nil || len(sites) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	return append(sites, filepath.Join("..", ".."))
}

// TestEmptiedLoads empties every department file of the corpus and of
// the example: each still loads without an error, as next year's file
// of its site.
func TestEmptiedLoads(t *testing.T) {
	for _, site := range corpus(t) {
		s, diags := load.ReadSettings(site)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", site, diags)
		}
		files, _ := filepath.Glob(filepath.Join(site, "data", "*", "*.yaml"))
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			year := yearOf(t, f)
			out, err := Emptied(string(src), year, year+1, builtinTemplate(site, src))
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			rel := DataPath(year+1, strings.TrimSuffix(filepath.Base(f), ".yaml"))
			if _, diags := load.File(rel, []byte(out), load.OptionsOf(s)); diags.HasErrors() {
				t.Errorf("%s emptied does not load:\n%s", f, errorsOf(diags))
			}
			if strings.Contains(out, "accept:") && !strings.Contains(string(src), "accept:") {
				t.Errorf("%s emptied has an accept: section the file had not", f)
			}
		}
	}
}

func yearOf(t *testing.T, f string) int {
	var y int
	for _, r := range filepath.Base(filepath.Dir(f)) {
		y = y*10 + int(r-'0')
	}
	return y
}

func errorsOf(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		if d.Severity == diag.Error {
			b.WriteString(d.String() + "\n")
		}
	}
	return b.String()
}

// TestParseLike reads --like as <year>/<id>, <id> or a path, with either
// separator.
func TestParseLike(t *testing.T) {
	dir := t.TempDir()
	for _, y := range []string{"2023", "2024"} {
		if err := os.MkdirAll(filepath.Join(dir, "data", y), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "data", y, "tax.yaml"), nil, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"tax", "2024/tax", `2024\tax`, "data/2024/tax.yaml", `data\2024\tax.yaml`, `D:\预算公开\data\2024\tax.yaml`} {
		got, err := ParseLike(dir, s)
		if err != nil || got != (Like{2024, "tax"}) {
			t.Errorf("ParseLike(%q) = %v, %v; want 2024/tax", s, got, err)
		}
	}
	if got, err := ParseLike(dir, `2023\tax`); err != nil || got != (Like{2023, "tax"}) {
		t.Errorf(`ParseLike(2023\tax) = %v, %v`, got, err)
	}
	for s, want := range map[string]string{
		"2022/tax": "--like 2022/tax: the site has no " + filepath.Join("data", "2022", "tax.yaml"),
		"a/b/c":    "--like a/b/c: give the department to start from as <year>/<id>, like 2024/changji-egov, or as <id> for its latest year",
		"Tax":      `--like Tax: "Tax" cannot be a department id: use lower-case letters, digits and hyphens, like changji-egov (it becomes the page address)`,
		"compare":  `--like compare: "compare" cannot be a department id: it is the address of the year's comparison of all departments; choose another, like compare-office`,
	} {
		if _, err := ParseLike(dir, s); err == nil || err.Error() != want {
			t.Errorf("ParseLike(%q) = %v; want %q", s, err, want)
		}
	}
}

// TestEmptiedBadFile refuses what is not a department file.
func TestEmptiedBadFile(t *testing.T) {
	for src, want := range map[string]string{
		"- a\n- b\n": "the file is not a department file (it has no sections like unit: and tables:)",
		"a: [\n":     "the file does not load (yaml: line 1: did not find expected node content): run budgetpress check on it and fix it first",
	} {
		if _, err := Emptied(src, 2024, 2025, true); err == nil || err.Error() != want {
			t.Errorf("Emptied(%q) = %v; want %q", src, err, want)
		}
	}
}
