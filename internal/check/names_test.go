package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/testsite"
)

// TestNames checks the rule that no two department files of a year and
// kind name the same department.
func TestNames(t *testing.T) {
	file := func(path string, year int, kind, zh, en string) *model.File {
		return &model.File{Path: path, Year: year, Type: kind, Department: model.Department{Name: model.Text{
			ByLang: map[string]string{"zh": zh, "en": en}, Pos: diag.Pos{File: path, Line: 15, Col: 3}}}}
	}
	tests := []struct {
		name  string
		files []*model.File
		want  []string
	}{
		{"a copy not renamed", []*model.File{
			file("data/2024/a.yaml", 2024, "budget", "甲局", "Bureau A"),
			file("data/2024/b.yaml", 2024, "budget", "甲局", "Bureau A"),
		}, []string{"data/2024/b.yaml:15:3: error: this department file names the same department as data/2024/a.yaml (甲局): each department file is one department's publication; if this one is a copy, write its own department's name and figures [same-name: 甲局]"}},
		{"the same English name only", []*model.File{
			file("data/2024/a.yaml", 2024, "budget", "甲局", "Bureau"),
			file("data/2024/b.yaml", 2024, "budget", "乙局", "Bureau"),
		}, []string{"data/2024/b.yaml:15:3: warning: the English name is that of data/2024/a.yaml (Bureau), though the Chinese names differ: translate this department's own name [same-name: Bureau]"}},
		{"other years", []*model.File{
			file("data/2023/a.yaml", 2023, "budget", "甲局", "Bureau A"),
			file("data/2024/a.yaml", 2024, "budget", "甲局", "Bureau A"),
		}, nil},
		{"the budget and the final accounts of a year", []*model.File{
			file("data/2024/a.yaml", 2024, "budget", "甲局", "Bureau A"),
			file("data/2024/a-final.yaml", 2024, "final", "甲局", "Bureau A"),
		}, nil},
		{"no English names", []*model.File{
			file("data/2024/a.yaml", 2024, "budget", "甲局", ""),
			file("data/2024/b.yaml", 2024, "budget", "乙局", ""),
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range check.Names(tc.files) {
				got = append(got, d.String())
			}
			sameLines(t, "findings", got, tc.want)
		})
	}
}

// TestNamesOf checks the rule for some department files among the
// others of their year: what concerns them is found, whichever of the
// two is given, and nothing else.
func TestNamesOf(t *testing.T) {
	file := func(path, zh string) *model.File {
		return &model.File{Path: path, Year: 2024, Type: "budget", Department: model.Department{Name: model.Text{
			ByLang: map[string]string{"zh": zh}, Pos: diag.Pos{File: path, Line: 15, Col: 3}}}}
	}
	a, b, c, d := file("data/2024/a.yaml", "甲局"), file("data/2024/b.yaml", "甲局"), file("data/2024/c.yaml", "丙局"), file("data/2024/d.yaml", "丙局")
	all := []*model.File{a, b, c, d}
	aAndB := "data/2024/b.yaml:15:3: error: this department file names the same department as data/2024/a.yaml (甲局): each department file is one department's publication; if this one is a copy, write its own department's name and figures [same-name: 甲局]"
	tests := []struct {
		name  string
		files []*model.File
		want  []string
	}{
		{"the copy", []*model.File{b}, []string{aAndB}},
		{"the file copied", []*model.File{a}, []string{aAndB}},
		{"a file of no clash", []*model.File{file("data/2024/e.yaml", "戊局")}, nil},
		{"both", []*model.File{a, b}, []string{aAndB}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range check.NamesOf(tc.files, all) {
				got = append(got, d.String())
			}
			sameLines(t, "findings", got, tc.want)
		})
	}
}

// TestCopiedDepartmentFile: a department file copied and not renamed is
// an error of check, at the copy's name, which names the original.
func TestCopiedDepartmentFile(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(dataFile)))
	if err != nil {
		t.Fatal(err)
	}
	testsite.Write(t, filepath.Join(dir, "data", "2024", "copy.yaml"), src)
	s, diags := load.ReadSite(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var got []string
	for _, d := range check.Site(s) {
		if d.Rule == check.RuleSameName {
			got = append(got, d.String())
		}
	}
	sameLines(t, "findings", got, []string{
		"data/2024/copy.yaml:16:5: error: this department file names the same department as data/2024/changji-egov.yaml (昌吉回族自治州人民政府电子政务办公室): each department file is one department's publication; if this one is a copy, write its own department's name and figures [same-name: 昌吉回族自治州人民政府电子政务办公室]",
	})
}
