package cli

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	verbose := fs.Bool("verbose", false, "list the accepted findings too")
	if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
		return code
	}
	var site *model.Site
	var diags diag.List
	if dir, ok := folderArgument(fs.Args()); ok {
		if !isSiteFolder("check", dir, stderr) {
			return ExitUsage
		}
		site, diags = load.ReadSite(dir)
		diags = append(diags, check.Site(site)...)
	} else {
		dir, files, ok := departmentFiles(fs.Args(), stderr)
		if !ok {
			return ExitUsage
		}
		site, diags = load.ReadSettings(dir)
		for _, f := range files {
			diags = append(diags, load.ReadDepartment(site, f)...)
		}
		diags = append(diags, checkSome(site)...)
	}
	diags.Sort()
	hidden := printFindings(stdout, diags, *verbose)
	fmt.Fprintf(stdout, "%s checked: %s\n", plural(len(site.Files), "department file"), summary(diags, hidden))
	if diags.HasErrors() {
		return ExitError
	}
	return ExitOK
}

// checkSome checks the department files site holds, some of the site's:
// as the whole check does, and, among the other files of their years,
// that no two name one department.
func checkSome(site *model.Site) diag.List {
	diags := slices.DeleteFunc(check.Site(site), func(d diag.Diagnostic) bool { return d.Rule == check.RuleSameName })
	all := slices.Concat(site.Files, load.Neighbours(site))
	slices.SortFunc(all, func(a, b *model.File) int { return strings.Compare(a.Path, b.Path) })
	return append(diags, check.NamesOf(site.Files, all)...)
}

// folderArgument returns the site folder when the arguments name one:
// there are none (the current folder), or one that is not a file.
func folderArgument(args []string) (string, bool) {
	switch {
	case len(args) == 0:
		return ".", true
	case len(args) > 1:
		return "", false
	}
	st, err := os.Stat(args[0])
	if err != nil {
		return args[0], !isFileName(args[0])
	}
	return args[0], st.IsDir()
}

// isFileName reports whether a path is named like a file of a site.
func isFileName(p string) bool {
	switch filepath.Ext(p) {
	case ".yaml", ".yml", ".md":
		return true
	}
	return false
}

// departmentFiles finds the site of the department files args, each
// data/<year>/<department>.yaml in its site folder, and returns that
// folder and their paths inside it. When one is not a department file,
// or they are in different sites, it tells why on stderr and ok is false.
func departmentFiles(args []string, stderr io.Writer) (dir string, files []string, ok bool) {
	fail := func(format string, a ...any) (string, []string, bool) {
		fmt.Fprintf(stderr, "budgetpress check: "+format+"\n", a...)
		return "", nil, false
	}
	var first, site string // the first file and its site, as absolute paths
	for _, arg := range args {
		st, err := os.Stat(arg)
		switch {
		case err != nil && os.IsNotExist(err):
			return fail("no such file: %s", arg)
		case err != nil:
			return fail("cannot read %s: %v", arg, unwrap(err))
		case st.IsDir():
			return fail("%s is a folder: give one site folder, or department files (data/<year>/<department>.yaml), not both", arg)
		}
		abs, err := filepath.Abs(arg)
		if err != nil {
			return fail("cannot read %s: %v", arg, err)
		}
		rel, root := inSite(abs, 3)
		if !load.DepartmentFile(rel) {
			return fail("%s", notDepartment(arg, abs))
		}
		switch {
		case site == "":
			first, site, dir = arg, root, filepath.Join(arg, "..", "..", "..")
		case root != site:
			return fail("%s and %s are in different site folders (%s and %s); check one site at a time",
				first, arg, dir, filepath.Join(arg, "..", "..", ".."))
		}
		files = append(files, rel)
	}
	return dir, files, true
}

// inSite splits an absolute path into its last n parts, as a slash path,
// and the folder that holds them.
func inSite(abs string, n int) (rel, root string) {
	root = abs
	for range n {
		root = filepath.Dir(root)
	}
	r, err := filepath.Rel(root, abs)
	if err != nil {
		return "", root
	}
	return filepath.ToSlash(r), root
}

// notDepartment explains why the file arg (at abs) is not a department
// file, and what to give instead.
func notDepartment(arg, abs string) string {
	if filepath.Base(abs) == "site.yaml" {
		return fmt.Sprintf("%s holds the settings of the site, not a department's budget; to check the whole site, give the folder that holds it: budgetpress check %s",
			arg, filepath.Dir(arg))
	}
	if rel, _ := inSite(abs, 4); strings.HasPrefix(rel, "content/") && strings.HasSuffix(rel, ".md") {
		parts := strings.Split(rel, "/")
		data := filepath.Join(arg, "..", "..", "..", "..", "data", parts[2], strings.TrimSuffix(parts[3], ".md")+".yaml")
		return fmt.Sprintf("%s is an explanation, not a department file; check its department file, which checks its explanations too: budgetpress check %s",
			arg, data)
	}
	msg := fmt.Sprintf("%s is not a department file: those are data/<year>/<department>.yaml in the site folder, like data/2024/changji-egov.yaml", arg)
	if filepath.Ext(arg) == ".yml" {
		msg += "; rename it to end in .yaml"
	}
	return msg
}

// unwrap returns the reason of a file system error without the path,
// which the message gives already.
func unwrap(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// plural writes a count and a noun: "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
