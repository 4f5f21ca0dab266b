package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"budgetpress/internal/classify"
)

// Version is the release of budgetpress, set when a release is built:
// go build -ldflags "-X budgetpress/internal/cli.Version=1.2.0".
var Version = ""

// version returns the release, or what the build knows of the source:
// the module version of an installed build, else "dev".
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "budgetpress version: takes no arguments, got %v\n", args)
		return ExitUsage
	}
	fmt.Fprintf(stdout, "budgetpress %s (%s, %s/%s)\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(stdout, "classification dictionary (政府收支分类科目), by budget year:")
	for _, e := range classify.Editions() {
		fmt.Fprintf(stdout, "  %d  %s:", e.Year, e.Basis.ZH)
		var parts []string
		for _, sc := range schemeOrder(e.Counts) {
			c := e.Counts[sc]
			p := fmt.Sprintf("%s %d 类 %d 款", sc, c.Classes, c.Categories)
			if c.Items > 0 {
				p += fmt.Sprintf(" %d 项", c.Items)
			}
			parts = append(parts, p)
		}
		fmt.Fprint(stdout, " "+strings.Join(parts, "; "))
		fmt.Fprintln(stdout)
	}
	return ExitOK
}

// schemeOrder lists the schemes of counts: functional, economic and
// government economic first, any other after them by name.
func schemeOrder(counts map[classify.Scheme]classify.Counts) []classify.Scheme {
	first := []classify.Scheme{classify.Function, classify.Economic, classify.GovEconomic}
	var out, rest []classify.Scheme
	for _, s := range first {
		if _, ok := counts[s]; ok {
			out = append(out, s)
		}
	}
	for s := range counts {
		if !slices.Contains(first, s) {
			rest = append(rest, s)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}
