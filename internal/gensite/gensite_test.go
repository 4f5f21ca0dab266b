package gensite

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
)

const root = "../.."

func generate(t *testing.T, n, years int, seed uint64) (string, Summary) {
	t.Helper()
	dir := t.TempDir()
	sum, err := Generate(Options{Root: root, Dir: dir, Departments: n, Years: years, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return dir, sum
}

// Every generated department-year passes the checker with no error:
// three recent years, and ten years reaching back before the 2019
// classification (which needs data/classification.yaml).
func TestGeneratedSiteChecksClean(t *testing.T) {
	for _, tc := range []struct{ n, years int }{{12, 3}, {12, 10}} {
		t.Run(fmt.Sprintf("%dx%d", tc.n, tc.years), func(t *testing.T) {
			dir, sum := generate(t, tc.n, tc.years, 1)
			site, diags := load.ReadSite(dir)
			diags = append(diags, check.Site(site)...)
			var errs []string
			for _, d := range diags {
				if d.Severity == diag.Error {
					errs = append(errs, d.String())
				}
			}
			if len(errs) > 0 {
				t.Fatalf("%d errors, first ones:\n%s", len(errs), strings.Join(errs[:min(10, len(errs))], "\n"))
			}
			if want := tc.n * tc.years; len(site.Files) != want || sum.Files != want {
				t.Errorf("%d files loaded, %d written; want %d", len(site.Files), sum.Files, want)
			}
			// Explanations in both languages for every department-year.
			for _, f := range site.DataFiles {
				rel := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(f), "data/"), ".yaml")
				for _, lang := range []string{"zh", "en"} {
					if _, err := os.Stat(filepath.Join(dir, "content", lang, rel+".md")); err != nil {
						t.Errorf("%s has no %s explanation: %v", f, lang, err)
					}
				}
			}
		})
	}
}

// Each generated file is its base with every amount × Mul × P/Q, exactly,
// and the departments differ from each other and from year to year.
func TestFiguresAreScaledExactly(t *testing.T) {
	dir, sum := generate(t, 14, 3, 3)
	bySource := map[string]*source{}
	for _, b := range append(bases, example) {
		s, err := readSource(root, b)
		if err != nil {
			t.Fatal(err)
		}
		bySource[b.id] = s
	}
	figures := map[string]string{}
	for _, d := range sum.Departments {
		src := bySource[d.Base]
		for i, y := range sum.Years {
			name := filepath.Join(dir, "data", strconv.Itoa(y), d.ID+".yaml")
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readScalable(name, data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.spots) != len(src.amounts.spots) {
				t.Fatalf("%s has %d amounts, its base %s %d", name, len(got.spots), d.Base, len(src.amounts.spots))
			}
			for j, sp := range got.spots {
				want := new(big.Int).Mul(src.amounts.spots[j].n, big.NewInt(d.Mul*d.P[i]))
				want.Quo(want, big.NewInt(d.Q))
				if sp.n.Cmp(want) != 0 {
					t.Fatalf("%s:%d: %s, want %s × %d × %d/%d = %s", name, sp.node.Line, sp.node.Value, src.amounts.spots[j].node.Value, d.Mul, d.P[i], d.Q, formatAmount(want, got.places, true))
				}
			}
			// Two files of one base with one factor have the same figures.
			key := d.Base + " × " + big.NewRat(d.Mul*d.P[i], d.Q).String()
			if other, ok := figures[key]; ok && d.Base != example.id {
				t.Errorf("%s %d has the same figures as %s (%s)", d.ID, y, other, key)
			}
			figures[key] = fmt.Sprint(d.ID, " ", y)
		}
	}
}

// The same seed writes the same site, byte for byte; another seed
// another one.
func TestSeed(t *testing.T) {
	a, _ := generate(t, 8, 2, 5)
	b, _ := generate(t, 8, 2, 5)
	c, _ := generate(t, 8, 2, 6)
	if diff := compareTrees(t, a, b); diff != "" {
		t.Errorf("seed 5 twice: %s", diff)
	}
	if compareTrees(t, a, c) == "" {
		t.Error("seeds 5 and 6 wrote the same site")
	}
}

func compareTrees(t *testing.T, a, b string) string {
	t.Helper()
	files := func(dir string) map[string][]byte {
		out := map[string][]byte{}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(p)
				rel, _ := filepath.Rel(dir, p)
				out[rel] = data
			}
			return nil
		})
		return out
	}
	fa, fb := files(a), files(b)
	if len(fa) != len(fb) {
		return fmt.Sprintf("%d files and %d files", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			return name + " differs"
		}
	}
	return ""
}

func TestGenerateRefuses(t *testing.T) {
	full := t.TempDir()
	os.WriteFile(filepath.Join(full, "site.yaml"), []byte("title: x\n"), 0o644)
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"no departments", Options{Root: root, Dir: t.TempDir(), Departments: 0, Years: 3},
			"a site needs at least 1 department and 1 year, not 0 and 3"},
		{"no years", Options{Root: root, Dir: t.TempDir(), Departments: 3, Years: 0},
			"a site needs at least 1 department and 1 year, not 3 and 0"},
		{"a site already", Options{Root: root, Dir: full, Departments: 3, Years: 1},
			full + " already holds a site (site.yaml); give an empty or new folder"},
		{"too many", Options{Root: root, Dir: t.TempDir(), Departments: 600, Years: 1},
			"at most 553 departments: there are not more fictional counties"},
		{"no corpus", Options{Root: t.TempDir(), Dir: t.TempDir(), Departments: 3, Years: 1},
			"open testdata/corpus/shiye-yuan/data/2024/beiting-survey.yaml: no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(tc.opts)
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.ReplaceAll(err.Error(), tc.opts.Root+string(filepath.Separator), "")
			if got != tc.want {
				t.Errorf("error\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestShiftYears(t *testing.T) {
	for _, tc := range []struct {
		in     string
		offset int
		want   string
	}{
		{"published: 2024-02-26", -1, "published: 2023-02-26"},
		{"as_of: 2023-12-31", 2, "as_of: 2025-12-31"},
		{"2023 年乡道危桥改造工程（结转）", -8, "2015 年乡道危桥改造工程（结转）"},
		{"本部门2024年没有", 1, "本部门2025年没有"},
		{`amount: "2,024.00"`, 1, `amount: "2,024.00"`},
		{"- [302 27, 2024.50]", 1, "- [302 27, 2024.50]"},
		{"12024.00 and 20240", 1, "12024.00 and 20240"},
		{"财预〔2016〕143 号", 1, "财预〔2016〕143 号"},
		{"2024", 0, "2024"},
	} {
		if got := shiftYears(tc.in, 2024, tc.offset); got != tc.want {
			t.Errorf("shiftYears(%q, 2024, %d) = %q, want %q", tc.in, tc.offset, got, tc.want)
		}
	}
}

func TestAmounts(t *testing.T) {
	for _, tc := range []struct {
		in      string
		places  int
		grouped bool
		want    string
	}{
		{"1,403.71", 2, true, "1,403.71"},
		{"35", 2, false, "35.00"},
		{"0.5", 2, false, "0.50"},
		{"-12.3", 2, true, "-12.30"},
		{"1234567", 0, true, "1,234,567"},
		{"0.01", 2, false, "0.01"},
	} {
		n, err := parseAmount(tc.in, tc.places)
		if err != nil {
			t.Errorf("parseAmount(%q): %v", tc.in, err)
			continue
		}
		if got := formatAmount(n, tc.places, tc.grouped); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.in, got, tc.want)
		}
	}
	if _, err := parseAmount("1.234", 2); err == nil || err.Error() != `"1.234" is not an amount with at most 2 decimal places` {
		t.Errorf("parseAmount(1.234): %v", err)
	}
}

// A factor whose denominator does not divide the amounts is refused, not
// rounded.
func TestScaleNotExact(t *testing.T) {
	s, err := readScalable("x.yaml", []byte("unit: 万元\nprojects:\n  - {id: a, amount: 0.03}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.scaled(1, 1, 2)
	if want := "line 3: 0.03 × 1×1/2 is not exact"; err == nil || err.Error() != want {
		t.Errorf("%v, want %s", err, want)
	}
	out, err := s.scaled(1, 4, 3)
	if err != nil || string(out) != "unit: 万元\nprojects:\n  - {id: a, amount: 0.04}\n" {
		t.Errorf("%q %v", out, err)
	}
}
