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
	dir, ok := siteDir(fs, args, stderr)
	if !ok {
		return ExitUsage
	}
	site, diags := load.ReadSite(dir)
	diags = append(diags, check.Site(site)...)
	diags.Sort()
	diags.Print(stdout)
	errs, warns := diags.Count()
	fmt.Fprintf(stdout, "%d department files checked: %d errors, %d warnings\n", len(site.Files), errs, warns)
	if errs > 0 {
		return ExitError
	}
	return ExitOK
}
