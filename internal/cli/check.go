package cli

import (
	"flag"
	"fmt"
	"io"

	"budgetpress/internal/check"
	"budgetpress/internal/load"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	dir, code, ok := siteDir(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	site, diags := load.ReadSite(dir)
	diags = append(diags, check.Site(site)...)
	diags.Sort()
	diags.Print(stdout)
	errs, warns := diags.Count()
	fmt.Fprintf(stdout, "%s checked: %s, %s\n", plural(len(site.Files), "department file"), plural(errs, "error"), plural(warns, "warning"))
	if errs > 0 {
		return ExitError
	}
	return ExitOK
}

// plural writes a count and a noun: "1 error", "2 errors".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
