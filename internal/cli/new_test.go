package cli_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/classify"
	"budgetpress/internal/cli"
)

// TestNewSite starts a site in a folder with a Chinese name: it checks
// with no finding at all and builds, and a second start overwrites
// nothing.
func TestNewSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "预算公开")
	code, out, errs := run("new", "site", dir, "--year", "2025")
	if code != cli.ExitOK || errs != "" {
		t.Fatalf("new site = %d, stderr %q", code, errs)
	}
	for _, f := range []string{"site.yaml", ".gitignore", "data/2025/example-bureau.yaml", "content/zh/2025/example-bureau.md", "content/en/2025/example-bureau.md"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if !strings.Contains(out, "wrote "+p+"\n") {
			t.Errorf("new site does not say it wrote %s:\n%s", p, out)
		}
	}
	if ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore")); err != nil || !strings.Contains(string(ignore), "\n/public/\n") || !strings.Contains(string(ignore), "\n.budgetpress/\n") {
		t.Errorf("the new site's .gitignore does not leave out the build's output and cache (%v):\n%s", err, ignore)
	}
	if _, err := os.Stat(filepath.Join(dir, "layouts")); err == nil {
		t.Errorf("new site copied the theme into layouts/; it is built in")
	}
	code, out, _ = run("check", dir)
	if want := "1 department file checked: 0 errors, 0 warnings\n"; code != cli.ExitOK || out != want {
		t.Errorf("check of the new site = %d:\n%s\nwant 0 and %q", code, out, want)
	}
	code, out, errs = run("build", dir)
	if code != cli.ExitOK || errs != "" || !strings.Contains(out, "(0 warnings)") {
		t.Errorf("build of the new site = %d, stderr %q:\n%s", code, errs, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "2025", "example-bureau", "index.html")); err != nil {
		t.Errorf("build wrote no page for the department: %v", err)
	}

	// Again: nothing is overwritten.
	edit(t, dir, "site.yaml", "  zh: 部门预算公开\n  en: Department Budgets", "  zh: 某县部门预算公开\n  en: Department Budgets")
	code, out, errs = run("new", "site", dir)
	want := "budgetpress new site: " + filepath.Join(dir, "site.yaml") +
		" exists already; budgetpress never overwrites a file: choose another name, or move the file away first; nothing was written\n"
	if code != cli.ExitError || out != "" || errs != want {
		t.Errorf("new site over a site = %d, stdout %q, stderr %q; want 1 and %q", code, out, errs, want)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "site.yaml")); !strings.Contains(string(src), "某县部门预算公开") {
		t.Errorf("new site overwrote site.yaml")
	}
}

// TestNewDepartment adds department-years to the example: from the
// template, and from last year's file.
func TestNewDepartment(t *testing.T) {
	dir := exampleSite(t)
	code, _, errs := run("new", "department", "tax-office", "--year", "2024", dir)
	if code != cli.ExitOK || errs != "" {
		t.Fatalf("new department = %d, stderr %q", code, errs)
	}
	code, out, errs := run("new", "department", "changji-egov", "--year", "2025", "--like", "changji-egov", dir)
	if code != cli.ExitOK || errs != "" {
		t.Fatalf("new department --like = %d, stderr %q", code, errs)
	}
	if !strings.Contains(out, "Made from "+filepath.FromSlash("data/2024/changji-egov.yaml")+":") {
		t.Errorf("new department --like does not say what it was made from:\n%s", out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "data", "2025", "changji-egov.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"published: 2025-02-23",                       // the dates move on a year
		"      - [total,          ~,      ~,      ~]", // table 2's figures are emptied, its codes kept
		"    amount: 0.00           # 预算安排规模",
		"    general: 604.13\n",   // last year's income is the prior-year figure
		"    201 03 50: 260.80\n", // as is table 5's 合计 of each 项
		"2025 年没有使用政府性基金预算拨款安排的支出",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("data/2025/changji-egov.yaml lacks %q", want)
		}
	}
	if strings.Contains(string(src), "accept:") {
		t.Errorf("data/2025/changji-egov.yaml keeps last year's acceptances of figures")
	}
	// Both load and agree with each other (the emptied tables add up to
	// zero); what is left are the warnings the published names give.
	code, out, _ = run("check", "--verbose", dir)
	if code != cli.ExitOK || strings.Contains(out, "data/2024/tax-office") || strings.Contains(out, "content/zh/2024/tax-office") {
		t.Errorf("check after new department = %d:\n%s", code, out)
	}
}

func TestNewErrors(t *testing.T) {
	dir := exampleSite(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"no year", []string{"new", "department", "x", dir}, cli.ExitUsage,
			"budgetpress new department: say which budget year with --year, like --year "},
		{"bad id", []string{"new", "department", "Tax_Office", "--year", "2025", dir}, cli.ExitError,
			"budgetpress new department: \"Tax_Office\" cannot be a department id: use lower-case letters, digits and hyphens, like changji-egov (it becomes the page address)\n"},
		{"unknown year", []string{"new", "department", "x", "--year", "2019", dir}, cli.ExitError,
			"budgetpress new department: 2019 is not a budget year budgetpress knows the classification of: use 2023 to 2026\n"},
		{"unknown like", []string{"new", "department", "x", "--year", "2025", "--like", "2023/changji-egov", dir}, cli.ExitError,
			"budgetpress new department: --like 2023/changji-egov: the site has no " + filepath.FromSlash("data/2023/changji-egov.yaml") + "\n"},
		{"like nobody", []string{"new", "department", "x", "--year", "2025", "--like", "nobody", dir}, cli.ExitError,
			"budgetpress new department: --like nobody: the site has no department nobody (no data/<year>/nobody.yaml)\n"},
		{"exists", []string{"new", "department", "changji-egov", "--year", "2024", dir}, cli.ExitError,
			"budgetpress new department: " + filepath.Join(dir, "data", "2024", "changji-egov.yaml") + " exists already; budgetpress never overwrites a file: choose another name, or move the file away first; nothing was written\n"},
		{"not a site", []string{"new", "department", "x", "--year", "2025", t.TempDir()}, cli.ExitError,
			"budgetpress new department: no site.yaml in "},
		{"what", []string{"new", "page"}, cli.ExitUsage, "budgetpress new: cannot start \"page\": say site or department\n"},
		{"no folder", []string{"new", "site"}, cli.ExitUsage, "budgetpress new site: give the name of the new site folder, like: budgetpress new site 预算公开\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(tc.args...)
			if code != tc.code || !strings.HasPrefix(errs, tc.stderr) {
				t.Errorf("%v = %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.stderr)
			}
		})
	}
}

// TestVersion prints the version, the Go version and every edition of
// the dictionary with its counts.
func TestVersion(t *testing.T) {
	code, out, errs := run("version")
	if code != cli.ExitOK || errs != "" || !strings.HasPrefix(out, "budgetpress dev (go") {
		t.Fatalf("version = %d, stderr %q:\n%s", code, errs, out)
	}
	for _, e := range classify.Editions() {
		c := e.Counts[classify.Function]
		want := "  " + itoa(e.Year) + "  " + e.Basis.ZH + ": function " + itoa(c.Classes) + " 类 " + itoa(c.Categories) + " 款 " + itoa(c.Items) + " 项; economic "
		if !strings.Contains(out, want) {
			t.Errorf("version lacks %q:\n%s", want, out)
		}
	}
	cli.Version = "1.2.0"
	defer func() { cli.Version = "" }()
	if _, out, _ := run("version"); !strings.HasPrefix(out, "budgetpress 1.2.0 (go") {
		t.Errorf("version of a release:\n%s", out)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestCheckChinesePaths checks a department file of a site in a folder
// with a Chinese name and a space, given with the system's separators
// (backslashes and a drive letter on Windows), relative and absolute.
func TestCheckChinesePaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "预算 公开")
	if err := os.CopyFS(dir, os.DirFS(exampleSite(t))); err != nil {
		t.Fatal(err)
	}
	native := filepath.FromSlash(dataFile)
	want := "1 department file checked: 0 errors, 9 warnings" + acceptedNote + "\n"
	for _, tc := range []struct{ cwd, arg string }{
		{dir, native},
		{filepath.Join(dir, "data"), filepath.Join("2024", "changji-egov.yaml")},
		{t.TempDir(), filepath.Join(dir, native)},
	} {
		t.Chdir(tc.cwd)
		code, out, errs := run("check", tc.arg)
		if code != cli.ExitOK || errs != "" || !strings.HasSuffix(out, "\n"+want) || !strings.HasPrefix(out, dataFile+":") {
			t.Errorf("check %s in %s = %d, stderr %q:\n%s", tc.arg, tc.cwd, code, errs, out)
		}
	}
}
