package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"budgetpress/internal/cli"
)

const dataFile = "data/2024/changji-egov.yaml"

// exampleSite copies the example site (site.yaml, data/ and content/)
// into a temporary folder and returns it.
func exampleSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), src, 0o666); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"data", "content"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit replaces old, which must occur once, by new in a file of the site.
func edit(t *testing.T, dir, file, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(file))
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(src), old); n != 1 {
		t.Fatalf("%q occurs %d times in %s; want exactly once", old, n, file)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(src), old, new, 1)), 0o666); err != nil {
		t.Fatal(err)
	}
}

// run runs the command line in-process and returns its exit status and
// what it printed.
func run(args ...string) (code int, stdout, stderr string) {
	var out, errs bytes.Buffer
	code = cli.Run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// acceptedNote ends the summary of a check of the example, whose two
// accepted findings are counted, not listed.
const acceptedNote = " (2 accepted as published: --verbose lists them)"

// TestCheckExample checks the example: the findings accepted in the
// file are counted, not listed, unless --verbose.
func TestCheckExample(t *testing.T) {
	dir := exampleSite(t)
	tests := []struct {
		args     []string
		findings int
		summary  string
	}{
		{[]string{"check", dir}, 7, "1 department file checked: 0 errors, 9 warnings" + acceptedNote},
		{[]string{"check", "--verbose", dir}, 9, "1 department file checked: 0 errors, 9 warnings"},
	}
	for _, tc := range tests {
		code, out, errs := run(tc.args...)
		if code != cli.ExitOK || errs != "" {
			t.Fatalf("%v = %d, stderr %q; want 0 and nothing", tc.args, code, errs)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if got := lines[len(lines)-1]; got != tc.summary {
			t.Errorf("%v: last line = %q; want %q", tc.args, got, tc.summary)
		}
		// One line per finding, named by the path inside the site folder.
		if len(lines) != tc.findings+1 {
			t.Errorf("%v printed %d lines; want %d findings and the summary:\n%s", tc.args, len(lines), tc.findings, out)
		}
		var accepted int
		for _, l := range lines[:len(lines)-1] {
			if !strings.HasPrefix(l, dataFile+":") || !strings.Contains(l, ": warning: ") {
				t.Errorf("finding %q does not start with %s:line:col: warning:", l, dataFile)
			}
			if strings.Contains(l, " (accepted: ") {
				accepted++
			}
		}
		if want := tc.findings - 7; accepted != want {
			t.Errorf("%v listed %d accepted findings; want %d", tc.args, accepted, want)
		}
	}
}

func TestCheckCurrentFolder(t *testing.T) {
	t.Chdir(exampleSite(t))
	code, out, _ := run("check")
	if code != cli.ExitOK || !strings.HasSuffix(out, "\n1 department file checked: 0 errors, 9 warnings"+acceptedNote+"\n") {
		t.Errorf("check in the site folder = %d:\n%s", code, out)
	}
}

func TestCheckErrors(t *testing.T) {
	tests := []struct {
		name, old, new string
		line           string // a line the output must have
		summary        string
	}{
		{
			name: "the figures disagree",
			old:  "actual: 23", new: "actual: 24",
			line:    dataFile + ":33:5: error: 实有人数 is 24, but 在职 22 + 退休 1 + 离休 0 = 23 [staffing: actual]",
			summary: "1 department file checked: 1 error, 9 warnings" + acceptedNote,
		},
		{
			name: "the file does not load",
			old:  "unit: 万元", new: "unit: 千元",
			line:    dataFile + `:10:7: error: unit is "千元"; amounts are published in 万元 or 元`,
			summary: "1 department file checked: 1 error, 1 warning",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := exampleSite(t)
			edit(t, dir, dataFile, tc.old, tc.new)
			code, out, errs := run("check", dir)
			if code != cli.ExitError {
				t.Errorf("exit status %d; want %d", code, cli.ExitError)
			}
			if errs != "" {
				t.Errorf("stderr %q; want nothing", errs)
			}
			if !strings.Contains(out, "\n"+tc.line+"\n") && !strings.HasPrefix(out, tc.line+"\n") {
				t.Errorf("output lacks\n\t%s\ngot:\n%s", tc.line, out)
			}
			if !strings.HasSuffix(out, "\n"+tc.summary+"\n") {
				t.Errorf("output does not end with %q:\n%s", tc.summary, out)
			}
		})
	}
}

func TestCheckNoSite(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := run("check", dir)
	want := "site.yaml: error: no site.yaml in " + dir + ": is this a budgetpress site folder?\n" +
		"0 department files checked: 1 error, 0 warnings\n"
	if code != cli.ExitError || out != want || errs != "" {
		t.Errorf("check in an empty folder = %d, stdout:\n%s\nstderr:\n%s\nwant 1, stdout:\n%s", code, out, errs, want)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a prefix; the usage when "usage"
		stderr string // a prefix; the usage when "usage"
	}{
		{"no arguments", nil, cli.ExitUsage, "", "usage"},
		{"help", []string{"help"}, cli.ExitOK, "usage", ""},
		{"-h", []string{"-h"}, cli.ExitOK, "usage", ""},
		{"--help", []string{"--help"}, cli.ExitOK, "usage", ""},
		{"unknown command", []string{"publish"}, cli.ExitUsage, "", "budgetpress: unknown command \"publish\"\n\nbudgetpress publishes"},
		{"two folders", []string{"build", "a", "b"}, cli.ExitUsage, "", "budgetpress build: expected one site folder, got a b\n"},
		{"unknown flag", []string{"check", "-strict"}, cli.ExitUsage, "", "flag provided but not defined: -strict\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := run(tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d; want %d", code, tc.code)
			}
			expect(t, "stdout", out, tc.stdout)
			expect(t, "stderr", errs, tc.stderr)
		})
	}
}

// expect checks that got is empty (want ""), the usage (want "usage"),
// or starts with want.
func expect(t *testing.T, what, got, want string) {
	t.Helper()
	switch {
	case want == "" && got != "":
		t.Errorf("%s = %q; want nothing", what, got)
	case want == "usage" && !(strings.HasPrefix(got, "budgetpress publishes") && strings.Contains(got, "\n  budgetpress check [site-dir]")):
		t.Errorf("%s is not the usage:\n%s", what, got)
	case want != "" && want != "usage" && !strings.HasPrefix(got, want):
		t.Errorf("%s = %q; want it to start with %q", what, got, want)
	}
}

// TestCommandHelp asks each command for its usage: it is printed with
// the command's flags, and is not an error.
func TestCommandHelp(t *testing.T) {
	tests := []struct {
		cmd   string
		first string   // the first line
		flags []string // lines it must have
	}{
		{"check", "Usage: budgetpress check [flags] [site-dir]\n       budgetpress check [flags] data/<year>/<department>.yaml ...", []string{
			"  --verbose          list the accepted findings too (by default they are counted)"}},
		{"build", "Usage: budgetpress build [flags] [site-dir]", []string{
			"  --out DIR          output folder (default: public/ in the site folder)",
			"  --base-url URL     address of the website, like https://www.cj.gov.cn",
			"  --base-path PATH   path the site is published under, like /zwgk/czyjs/",
			"  --verbose          list the texts without a translation, and the accepted findings",
			"  --quiet            print only warnings, errors and the summary"}},
		{"serve", "Usage: budgetpress serve [flags] [site-dir]", []string{
			"  --port N           port to listen on (default 8384)",
			"  --bind ADDR        address to listen on (default 127.0.0.1: this machine only)",
			"  --open             open the preview in the web browser"}},
	}
	for _, tc := range tests {
		for _, args := range [][]string{{tc.cmd, "--help"}, {tc.cmd, "-h"}, {tc.cmd, "-help"}, {"help", tc.cmd}} {
			code, out, errs := run(args...)
			if code != cli.ExitOK || errs != "" {
				t.Errorf("%s = %d, stderr %q; want 0 and nothing", strings.Join(args, " "), code, errs)
			}
			if !strings.HasPrefix(out, tc.first+"\n\n") || !strings.HasSuffix(out, "\nsite-dir defaults to the current directory.\n") {
				t.Errorf("%s printed:\n%s\nwant the usage of %s", strings.Join(args, " "), out, tc.cmd)
			}
			for _, f := range tc.flags {
				if !strings.Contains(out, "\n"+f+"\n") {
					t.Errorf("%s does not list the flag\n%s\nin:\n%s", strings.Join(args, " "), f, out)
				}
			}
		}
	}
	// A wrong flag prints the usage of the command after the error.
	code, out, errs := run("build", "--outdir", "x")
	if code != cli.ExitUsage || out != "" || !strings.HasPrefix(errs, "flag provided but not defined: -outdir\n\nUsage: budgetpress build [flags] [site-dir]\n") {
		t.Errorf("build --outdir x = %d, stdout %q, stderr:\n%s", code, out, errs)
	}
}

// TestSiteFolderArgument gives each command something that is not a
// site folder. (check takes department files too: see TestCheckFiles.)
func TestSiteFolderArgument(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nonexistent")
	t.Chdir(exampleSite(t))
	for _, cmd := range []string{"check", "build", "serve"} {
		for _, tc := range []struct{ arg, want string }{
			{missing, "budgetpress " + cmd + ": no such folder: " + missing + "\n"},
			{"site.yaml", "budgetpress " + cmd + ": expected the site folder, got a file: site.yaml (give the folder that holds it: budgetpress " + cmd + " .)\n"},
			{dataFile, "budgetpress " + cmd + ": expected the site folder, got a file: " + dataFile + "\n"},
		} {
			if cmd == "check" && tc.arg != missing {
				continue
			}
			code, out, errs := run(cmd, tc.arg)
			if code != cli.ExitUsage || out != "" || errs != tc.want {
				t.Errorf("%s %s = %d, stdout %q, stderr %q; want %d and %q", cmd, tc.arg, code, out, errs, cli.ExitUsage, tc.want)
			}
		}
	}
}

// TestColdBuildSaysWhy: a build that cannot use the cache of the last
// one, and so takes far longer, says why, unless asked to be quiet; the
// first build into a folder says nothing of it.
func TestColdBuildSaysWhy(t *testing.T) {
	dir := exampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	const why = "everything was built again: the program, the options or a site-wide file changed\n"
	build := func(args ...string) string {
		t.Helper()
		code, stdout, stderr := run(append(append([]string{"build", "--out", out}, args...), dir)...)
		if code != cli.ExitOK || stderr != "" {
			t.Fatalf("build %v: exit %d\n%s%s", args, code, stdout, stderr)
		}
		return stdout
	}
	if got := build(); strings.Contains(got, "built again") {
		t.Errorf("the first build printed\n%s\nwant nothing of building again", got)
	}
	edit(t, dir, "site.yaml", "  zh: 昌吉回族自治州部门预算公开", "  zh: 昌吉回族自治州部门预算公开平台")
	if got := build(); !strings.HasPrefix(got, why) {
		t.Errorf("the build after site.yaml changed printed\n%s\nwant it to begin with %q", got, why)
	}
	edit(t, dir, "site.yaml", "  zh: 昌吉回族自治州部门预算公开平台", "  zh: 昌吉回族自治州部门预算公开")
	if got := build("--quiet"); strings.Contains(got, "built again") {
		t.Errorf("a quiet build printed\n%s\nwant nothing of building again", got)
	}
}

// TestBuildCache builds the example three times into the same folder:
// cold, then warm from the cache with the same report, then cold again
// with --no-cache.
func TestBuildCache(t *testing.T) {
	dir := exampleSite(t)
	out := filepath.Join(t.TempDir(), "public")
	report := func(s string) string {
		// The summary's last words say how long the build took.
		return regexp.MustCompile(` in [0-9.]+m?s `).ReplaceAllString(s, " in … ")
	}
	var reports []string
	for _, c := range []struct {
		args []string
		note string
	}{
		{[]string{"--verbose"}, "build cache: cold: no cache yet\n"},
		{[]string{"--verbose"}, "build cache: warm\n"},
		{[]string{"--verbose", "--no-cache"}, ""},
	} {
		code, stdout, stderr := run(append(append([]string{"build", "--out", out}, c.args...), dir)...)
		if code != cli.ExitOK || stderr != "" {
			t.Fatalf("build %v: exit %d\n%s%s", c.args, code, stdout, stderr)
		}
		if c.note != "" && !strings.HasPrefix(stdout, c.note) || c.note == "" && strings.Contains(stdout, "build cache:") {
			t.Errorf("build %v printed\n%s\nwant it to begin with %q", c.args, stdout, c.note)
		}
		reports = append(reports, report(strings.TrimPrefix(stdout, c.note)))
	}
	if reports[1] != reports[0] || reports[2] != reports[0] {
		t.Errorf("the builds reported differently:\ncold:\n%s\nwarm:\n%s\n--no-cache:\n%s", reports[0], reports[1], reports[2])
	}
	if _, err := os.Stat(filepath.Join(dir, ".budgetpress", "cache")); err != nil {
		t.Errorf("no cache in the site folder: %v", err)
	}
}
