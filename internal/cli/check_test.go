package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"budgetpress/internal/cli"
)

const (
	otherFile = "data/2024/other-dept.yaml"
	// staffError is the finding of the other department, whose staff do
	// not add up.
	staffError = otherFile + ":33:5: error: 实有人数 is 24, but 在职 22 + 退休 1 + 离休 0 = 23 [staffing: actual]"
)

// twoDepartments returns the example site with a second department,
// other-dept, whose staff do not add up and that has no explanations.
func twoDepartments(t *testing.T) string {
	t.Helper()
	dir := exampleSite(t)
	src, err := os.ReadFile(filepath.Join(dir, dataFile))
	if err != nil {
		t.Fatal(err)
	}
	// Another department's: of its own name.
	src = bytes.Replace(src, []byte("    zh: 昌吉回族自治州人民政府电子政务办公室\n"), []byte("    zh: 昌吉回族自治州人民政府信息中心\n"), 1)
	src = bytes.Replace(src, []byte("    en: E-Government Office of the People's"), []byte("    en: Information Centre of the People's"), 1)
	if err := os.WriteFile(filepath.Join(dir, otherFile), src, 0o666); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, otherFile, "actual: 23", "actual: 24")
	return dir
}

// about returns the lines of out that are about the department files
// (data/2024/<id>.yaml and their explanations) of ids, in order.
func about(out string, ids ...string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		file, _, _ := strings.Cut(l, ":")
		for _, id := range ids {
			if strings.HasSuffix(file, "/2024/"+id+".yaml") || strings.HasSuffix(file, "/2024/"+id+".md") {
				lines = append(lines, l)
			}
		}
	}
	return lines
}

// TestCheckFiles checks department files on their own: each gets the
// findings that a check of the whole site has about it and its
// explanations, named by their paths in the site, and nothing else.
func TestCheckFiles(t *testing.T) {
	dir := twoDepartments(t)
	// With --verbose, so that every finding is listed (the accepted ones
	// are counted only otherwise: see TestCheckExample).
	_, whole, _ := run("check", "--verbose", dir)
	// What the whole site's check says about each department.
	example, other := about(whole, "changji-egov"), about(whole, "other-dept")
	// The other department has the example's 9 warnings, its error, and
	// no explanation in either language.
	if len(example) != 9 || len(other) != 12 || !slices.Contains(other, staffError) {
		t.Fatalf("the check of the whole site says %d things about the example and %d about the other department:\n%s", len(example), len(other), whole)
	}
	elsewhere := t.TempDir()
	tests := []struct {
		name  string
		cwd   string // in the site folder, or absolute
		args  []string
		code  int
		lines []string // the findings, in order
		last  string   // the summary
	}{
		{"one", "", []string{dataFile}, cli.ExitOK, example,
			"1 department file checked: 0 errors, 9 warnings"},
		{"one with errors", "", []string{otherFile}, cli.ExitError, other,
			"1 department file checked: 1 error, 11 warnings"},
		{"from another folder", elsewhere, []string{filepath.Join(dir, otherFile)}, cli.ExitError, other,
			"1 department file checked: 1 error, 11 warnings"},
		{"from the year folder", "data/2024", []string{"other-dept.yaml"}, cli.ExitError, other,
			"1 department file checked: 1 error, 11 warnings"},
		{"two", "", []string{otherFile, dataFile}, cli.ExitError, about(whole, "changji-egov", "other-dept"),
			"2 department files checked: 1 error, 20 warnings"},
		{"the same twice", "", []string{dataFile, "./" + dataFile}, cli.ExitOK, example,
			"1 department file checked: 0 errors, 9 warnings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if filepath.IsAbs(tc.cwd) {
				t.Chdir(tc.cwd)
			} else {
				t.Chdir(filepath.Join(dir, tc.cwd))
			}
			code, out, errs := run(append([]string{"check", "--verbose"}, tc.args...)...)
			want := strings.Join(append(append([]string(nil), tc.lines...), tc.last), "\n") + "\n"
			if code != tc.code || out != want || errs != "" {
				t.Errorf("check %s = %d, stderr %q, stdout:\n%s\nwant %d, stdout:\n%s", strings.Join(tc.args, " "), code, errs, out, tc.code, want)
			}
		})
	}
}

// TestCheckFileAmongOthers checks that the check of one department file
// finds another file of its year naming the same department (a copy not
// yet renamed), whichever of the two is checked, as the whole check
// does.
func TestCheckFileAmongOthers(t *testing.T) {
	dir := exampleSite(t)
	src, err := os.ReadFile(filepath.Join(dir, dataFile))
	if err != nil {
		t.Fatal(err)
	}
	const copyFile = "data/2024/copy.yaml"
	if err := os.WriteFile(filepath.Join(dir, copyFile), src, 0o666); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	const clash = "data/2024/copy.yaml:16:5: error: this department file names the same department as data/2024/changji-egov.yaml (昌吉回族自治州人民政府电子政务办公室)"
	_, whole, _ := run("check", ".")
	if !strings.Contains(whole, clash) {
		t.Fatalf("the check of the whole site does not find the copy:\n%s", whole)
	}
	for _, file := range []string{copyFile, dataFile} {
		code, out, _ := run("check", file)
		if code != cli.ExitError || strings.Count(out, clash) != 1 {
			t.Errorf("check %s = %d, want %d and the copy's finding once:\n%s", file, code, cli.ExitError, out)
		}
	}
	// Renamed, the copy is another department.
	edit(t, dir, copyFile, "    zh: 昌吉回族自治州人民政府电子政务办公室\n", "    zh: 昌吉回族自治州人民政府信息中心\n")
	edit(t, dir, copyFile, "    en: E-Government Office of the People's", "    en: Information Centre of the People's")
	if code, out, _ := run("check", dataFile); code != cli.ExitOK || strings.Contains(out, "same-name") {
		t.Errorf("check %s, the copy renamed = %d, want %d and no same-name finding:\n%s", dataFile, code, cli.ExitOK, out)
	}
	// What is wrong in the other files is theirs to tell.
	if err := os.WriteFile(filepath.Join(dir, "data/2024/broken.yaml"), []byte("department: [\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run("check", dataFile); code != cli.ExitOK || strings.Contains(out, "broken") {
		t.Errorf("check %s beside a broken file = %d, want %d and nothing of it:\n%s", dataFile, code, cli.ExitOK, out)
	}
	if code, out, _ := run("check", "data/2024/broken.yaml"); code != cli.ExitError || !strings.Contains(out, "data/2024/broken.yaml:") {
		t.Errorf("check of the broken file = %d, want %d and its error:\n%s", code, cli.ExitError, out)
	}
}

// TestCheckFileSite checks that a department file is checked with the
// settings and the explanations of its site.
func TestCheckFileSite(t *testing.T) {
	const cannot = `site.yaml:5:17: error: budgetpress cannot publish in "ug": it publishes only zh (Chinese) and en (English); remove "ug" ` +
		`(another language needs its own way of writing amounts and units, and its interface texts, added to budgetpress first)`
	tests := []struct {
		name, file, old, new string
		code                 int
		line                 string // a line the output must have
		last                 string
	}{
		{"the site's languages", "site.yaml", "languages: [zh, en]", "languages: [zh, ug]", cli.ExitError,
			cannot, "0 department files checked: 1 error, 0 warnings"},
		{"an explanation", "content/zh/2024/changji-egov.md", "收支总预算 {{amount income.total}}", "收支总预算 {{amount income.totl}}", cli.ExitError,
			"content/zh/2024/changji-egov.md:3:", "1 department file checked: 1 error, 9 warnings" + acceptedNote},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := exampleSite(t)
			edit(t, dir, tc.file, tc.old, tc.new)
			t.Chdir(dir)
			code, out, errs := run("check", dataFile)
			if code != tc.code || errs != "" {
				t.Errorf("exit status %d, stderr %q; want %d and nothing", code, errs, tc.code)
			}
			if !strings.Contains("\n"+out, "\n"+tc.line) {
				t.Errorf("output lacks a line starting\n\t%s\ngot:\n%s", tc.line, out)
			}
			if !strings.HasSuffix(out, "\n"+tc.last+"\n") {
				t.Errorf("output does not end with %q:\n%s", tc.last, out)
			}
			// The whole site's check says the same.
			if _, whole, _ := run("check", "."); whole != out && tc.file != "site.yaml" {
				t.Errorf("check of the whole site:\n%s\nthat of its one department:\n%s", whole, out)
			}
		})
	}
}

// TestCheckNotDepartment gives check files that are not department
// files: it says why, and what to give instead.
func TestCheckNotDepartment(t *testing.T) {
	dir := exampleSite(t)
	other := exampleSite(t)
	for _, f := range []string{"notes.yaml", "data/2024/x.yml"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("a: 1\n"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	otherData := filepath.Join(other, dataFile)
	const is = "budgetpress check: "
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"data/2024/nope.yaml"}, is + "no such file: data/2024/nope.yaml"},
		{[]string{dataFile, "data/2024/nope.yaml"}, is + "no such file: data/2024/nope.yaml"},
		{[]string{"site.yaml"}, is + "site.yaml holds the settings of the site, not a department's budget; to check the whole site, give the folder that holds it: budgetpress check ."},
		{[]string{"content/zh/2024/changji-egov.md"}, is + "content/zh/2024/changji-egov.md is an explanation, not a department file; check its department file, which checks its explanations too: budgetpress check data/2024/changji-egov.yaml"},
		{[]string{"notes.yaml"}, is + "notes.yaml is not a department file: those are data/<year>/<department>.yaml in the site folder, like data/2024/changji-egov.yaml"},
		{[]string{"data/2024/x.yml"}, is + "data/2024/x.yml is not a department file: those are data/<year>/<department>.yaml in the site folder, like data/2024/changji-egov.yaml; rename it to end in .yaml"},
		{[]string{dataFile, "data"}, is + "data is a folder: give one site folder, or department files (data/<year>/<department>.yaml), not both"},
		{[]string{".", dataFile}, is + ". is a folder: give one site folder, or department files (data/<year>/<department>.yaml), not both"},
		{[]string{dataFile, otherData}, is + dataFile + " and " + otherData + " are in different site folders (. and " + other + "); check one site at a time"},
	}
	t.Chdir(dir)
	for _, tc := range tests {
		code, out, errs := run(append([]string{"check"}, tc.args...)...)
		if code != cli.ExitUsage || out != "" || errs != tc.want+"\n" {
			t.Errorf("check %s = %d, stdout %q, stderr:\n%s\nwant %d, stderr:\n%s", strings.Join(tc.args, " "), code, out, errs, cli.ExitUsage, tc.want)
		}
	}

	// A department file outside a site: the site folder it would be in
	// has no site.yaml.
	lone := filepath.Join(t.TempDir(), "data", "2024", "x.yaml")
	if err := os.MkdirAll(filepath.Dir(lone), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lone, []byte("unit: 万元\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run("check", lone)
	want := "site.yaml: error: no site.yaml in " + filepath.Dir(filepath.Dir(filepath.Dir(lone))) + ": is this a budgetpress site folder?\n" +
		"0 department files checked: 1 error, 0 warnings\n"
	if code != cli.ExitError || out != want || errs != "" {
		t.Errorf("check of a file outside a site = %d, stderr %q, stdout:\n%s\nwant 1, stdout:\n%s", code, errs, out, want)
	}
}

// TestCheckRepeated checks that a finding made many times is printed
// once, with how many more there are and where, while the summary
// counts each; and that a file with very many is cut short.
func TestCheckRepeated(t *testing.T) {
	const (
		row        = "      - [210 11 02,  18.13,  18.13,  18.13]\n" // line 146 of table 2
		notChecked = dataFile + ":1:1: warning: this file has loading errors, so its tables are not checked against each other until those are fixed\n"
		twoRows    = dataFile + ":147:10: error: table 2 has two rows for 210 11 02; keep one"
	)
	tests := []struct {
		name     string
		copies   int
		findings string // as printed
		counts   string // as the summary gives them
	}{
		{"twice", 2, notChecked + twoRows + "\n",
			"1 error, 1 warning"},
		{"three times", 3, notChecked + twoRows + " (and 1 more like this, at line 148)\n",
			"2 errors (1 distinct), 1 warning"},
		{"seven times", 7, notChecked + twoRows + " (and 5 more like this, at lines 148, 149, 150, 151 and 152)\n",
			"6 errors (1 distinct), 1 warning"},
		{"too many times", 1501,
			dataFile + ": error: too many problems in this file (1,500): only the first 1,000 are listed; fix those first, then check again\n" +
				notChecked + twoRows + " (and 999 more like this, at lines 148, 149, 150, 151, 152 …)\n",
			"1,001 errors (2 distinct), 1 warning"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := exampleSite(t)
			edit(t, dir, dataFile, row, strings.Repeat(row, tc.copies))
			t.Chdir(dir)
			want := tc.findings + "1 department file checked: " + tc.counts + "\n"
			for _, args := range [][]string{{"check"}, {"check", dataFile}} {
				code, out, errs := run(args...)
				if code != cli.ExitError || out != want || errs != "" {
					t.Errorf("%s = %d, stderr %q, stdout:\n%s\nwant 1, stdout:\n%s", strings.Join(args, " "), code, errs, out, want)
				}
			}
			// build prints the same findings, and counts them the same.
			want = tc.findings + "build failed: " + tc.counts + "; nothing was published\n"
			if code, out, _ := run("build", "--out", t.TempDir()); code != cli.ExitError || out != want {
				t.Errorf("build = %d:\n%s\nwant 1:\n%s", code, out, want)
			}
		})
	}
}

// TestCheckTooLarge checks that a department file far larger than any
// budget is refused before it is read.
func TestCheckTooLarge(t *testing.T) {
	dir := exampleSite(t)
	if err := os.Truncate(filepath.Join(dir, dataFile), 50<<20); err != nil {
		t.Fatal(err)
	}
	want := dataFile + ": error: this file is 50 MB, more than budgetpress reads: YAML files may be up to 2 MB (a whole department budget is about 50 kB); check that this is the right file\n" +
		"0 department files checked: 1 error, 0 warnings\n"
	t.Chdir(dir)
	for _, args := range [][]string{{"check"}, {"check", dataFile}} {
		code, out, errs := run(args...)
		if code != cli.ExitError || out != want || errs != "" {
			t.Errorf("%s = %d, stderr %q, stdout:\n%s\nwant 1, stdout:\n%s", strings.Join(args, " "), code, errs, out, want)
		}
	}
}
