// Command gen-site writes a benchmark site: gen-site [-seed N] [-last-year Y] DIR DEPARTMENTS YEARS.
// Run it from the repository (scripts/gen-site does), whose corpus it reads.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"budgetpress/internal/gensite"
)

func main() {
	fs := flag.NewFlagSet("gen-site", flag.ContinueOnError)
	seed := fs.Uint64("seed", 1, "the same seed writes the same site")
	last := fs.Int("last-year", 2025, "the last year of the site")
	root := fs.String("root", ".", "the repository, whose testdata/corpus/ and example department are copied")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: gen-site [-seed N] [-last-year Y] [-root REPO] DIR DEPARTMENTS YEARS")
		fs.PrintDefaults()
	}
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if fs.NArg() != 3 {
		fs.Usage()
		os.Exit(2)
	}
	n, err1 := strconv.Atoi(fs.Arg(1))
	years, err2 := strconv.Atoi(fs.Arg(2))
	if err1 != nil || err2 != nil {
		fmt.Fprintf(os.Stderr, "gen-site: DEPARTMENTS and YEARS are whole numbers, not %q and %q\n", fs.Arg(1), fs.Arg(2))
		os.Exit(2)
	}
	sum, err := gensite.Generate(gensite.Options{Root: *root, Dir: fs.Arg(0), Departments: n, Years: years, LastYear: *last, Seed: *seed})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-site:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d departments × %d years (%d–%d), %d department files\n", fs.Arg(0), len(sum.Departments), len(sum.Years), sum.Years[0], sum.Years[len(sum.Years)-1], sum.Files)
}
