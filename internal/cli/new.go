package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"budgetpress/internal/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "budgetpress new: say what to start: site or department\n\n%s", commandUsage["new"])
		return ExitUsage
	}
	switch args[0] {
	case "site":
		return runNewSite(args[1:], stdout, stderr)
	case "department":
		return runNewDepartment(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, commandUsage["new"])
		return ExitOK
	}
	fmt.Fprintf(stderr, "budgetpress new: cannot start %q: say site or department\n\n%s", args[0], commandUsage["new"])
	return ExitUsage
}

func runNewSite(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	year := fs.Int("year", scaffold.DefaultYear(time.Now().Year()), "budget year of the first department")
	id := fs.String("department", scaffold.DefaultID, "id of the first department (its page address)")
	pos, code, ok := parseInterspersed(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintf(stderr, "budgetpress new site: give the name of the new site folder, like: budgetpress new site 预算公开\n")
		return ExitUsage
	}
	dir := pos[0]
	written, err := scaffold.Site(dir, *id, *year)
	if !report("new site", dir, written, err, stdout, stderr) {
		return ExitError
	}
	fmt.Fprintf(stdout, "\nThe department is an example that checks clean: replace its names and figures with yours.\nNext: budgetpress check %s, then budgetpress serve --open %s\n", quoteArg(dir), quoteArg(dir))
	return ExitOK
}

func runNewDepartment(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	year := fs.Int("year", 0, "budget year of the department-year")
	like := fs.String("like", "", "the department-year to start from: <year>/<id>, or <id> for its latest year")
	pos, code, ok := parseInterspersed(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) < 1 || len(pos) > 2 {
		fmt.Fprintf(stderr, "budgetpress new department: give the id of the department, and the site folder unless it is the current one, like: budgetpress new department changji-egov --year 2025 --like 2024/changji-egov\n")
		return ExitUsage
	}
	if *year == 0 {
		fmt.Fprintf(stderr, "budgetpress new department: say which budget year with --year, like --year %d\n", scaffold.DefaultYear(time.Now().Year()))
		return ExitUsage
	}
	id, dir := pos[0], "."
	if len(pos) == 2 {
		dir = pos[1]
	}
	if !isSiteFolder("new department", dir, stderr) {
		return ExitUsage
	}
	var written []string
	var err error
	if *like != "" {
		var from scaffold.Like
		if from, err = scaffold.ParseLike(dir, *like); err == nil {
			written, err = scaffold.DepartmentLike(dir, id, *year, from)
		}
		if err == nil {
			defer fmt.Fprintf(stdout, "\nMade from %s: its codes, projects, indicators and texts are kept and its figures emptied (~ or 0). Type this year's figures, and read the texts again: they are those of %d.\n",
				filepath.FromSlash(scaffold.DataPath(from.Year, from.ID)), from.Year)
		}
	} else {
		written, err = scaffold.Department(dir, id, *year)
		if err == nil {
			defer fmt.Fprintf(stdout, "\nThe department is an example that checks clean: replace its names and figures with yours.\n")
		}
	}
	if !report("new department", dir, written, err, stdout, stderr) {
		return ExitError
	}
	return ExitOK
}

// report prints the files written, or why they could not be; ok is
// false on an error.
func report(cmd, dir string, written []string, err error, stdout, stderr io.Writer) bool {
	for _, w := range written {
		fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, filepath.FromSlash(w)))
	}
	if err != nil {
		var exists *scaffold.ExistsError
		if errors.As(err, &exists) && len(written) == 0 {
			fmt.Fprintf(stderr, "budgetpress %s: %v; nothing was written\n", cmd, err)
		} else {
			fmt.Fprintf(stderr, "budgetpress %s: %v\n", cmd, err)
		}
		return false
	}
	return true
}

// quoteArg puts a path in quotes when a shell would split it.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}

// parseInterspersed parses flags that may come before, between or after
// the other arguments (budgetpress new department x --year 2025 site),
// and returns those. When ok is false the command ends there, with the
// exit status code.
func parseInterspersed(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (pos []string, code int, ok bool) {
	for {
		if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
			return nil, code, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, ExitOK, true
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), ExitOK, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
