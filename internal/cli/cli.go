// Package cli holds the budgetpress commands, callable from tests: Run
// takes the arguments and output streams and returns the exit status.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Exit statuses.
const (
	ExitOK    = 0 // success
	ExitError = 1 // the input has errors
	ExitUsage = 2 // the command line is wrong
)

// The flags of each command, as the usage lists them.
const (
	buildFlags = `  --out DIR          output folder (default: public/ in the site folder)
  --base-url URL     address of the website, like https://www.cj.gov.cn
  --base-path PATH   path the site is published under, like /zwgk/czyjs/
  --verbose          list the texts without a translation, and the accepted findings
  --quiet            print only warnings, errors and the summary
  --gzip             also write a .gz copy of every page, stylesheet and
                     script, for web servers that send them (nginx gzip_static)
  --no-cache         build everything again, without the cache of the last
                     build (.budgetpress/cache/ in the site folder)
`
	checkFlags = `  --verbose          list the accepted findings too (by default they are counted)
`
	serveFlags = `  --port N           port to listen on (default 8384)
  --bind ADDR        address to listen on (default 127.0.0.1: this machine only)
  --open             open the preview in the web browser
`
	newFlags = `  --year YEAR        budget year of the department (new site: this year)
  --like OTHER       new department: start from another department-year,
                     <year>/<id> or <id> (its latest year), figures emptied
  --department ID    new site: id of its first department (default example-bureau)
`
	siteDirDefault = "site-dir defaults to the current directory.\n"
)

const usage = `budgetpress publishes department budgets as a bilingual website.

Usage:
  budgetpress build [flags] [site-dir]   build the website into public/
  budgetpress check [site-dir]           check that the tables agree with each other
  budgetpress check data/<year>/<department>.yaml ...
                                         check only these department files
  budgetpress serve [flags] [site-dir]   preview the website; pages update when a file is saved
  budgetpress new site DIR               start a new site in the folder DIR
  budgetpress new department ID --year YEAR [--like OTHER] [site-dir]
                                         add a department-year to a site
  budgetpress version                    print the version and the dictionary editions
  budgetpress archive --year YEAR [--to URL] [site-dir]
                                         store a snapshot of the year's publication
  budgetpress archive list|verify|restore|export …
                                         list, check, restore or export the snapshots
  budgetpress deploy [flags] [site-dir]  publish public/ to the live site's web root or bucket

Flags of build:
` + buildFlags + `
Flags of check:
` + checkFlags + `
Flags of serve:
` + serveFlags + `
Flags of new:
` + newFlags + `
Flags of deploy:
` + deployFlags + `
budgetpress help archive lists the flags of archive.
` + siteDirDefault

// commandUsage is what "budgetpress <command> --help" prints.
var commandUsage = map[string]string{
	"build": `Usage: budgetpress build [flags] [site-dir]

Checks the site, then builds the website into public/. Nothing is
published when the check finds errors.

Flags:
` + buildFlags + "\n" + siteDirDefault,
	"check": `Usage: budgetpress check [flags] [site-dir]
       budgetpress check [flags] data/<year>/<department>.yaml ...

Checks that the tables of every department file agree with each other,
and that the explanations under content/ agree with them. Given
department files, checks only those and their explanations, with the
settings of the site they are in. Prints one finding per line (one
that recurs, once, with how many more there are), then a summary.
Findings accepted in the file (accept:) are counted, not listed, unless
--verbose. Exit status 0 when there are no errors, 1 when there are.

Flags:
` + checkFlags + "\n" + siteDirDefault,
	"serve": `Usage: budgetpress serve [flags] [site-dir]

Previews the website at http://127.0.0.1:8384/: a saved file rebuilds
the pages that show it, and the open pages reload. Ctrl-C stops it.

Flags:
` + serveFlags + "\n" + siteDirDefault,
	"new": `Usage: budgetpress new site [--year YEAR] [--department ID] DIR
       budgetpress new department ID --year YEAR [--like OTHER] [site-dir]

new site writes a ready site into the folder DIR: site.yaml, one
department from the commented template, and its explanations in Chinese
and English. It checks clean and builds; replace the example's names and
figures with yours. The theme is built in: there is nothing to copy.

new department adds data/YEAR/ID.yaml and its explanations to a site,
from the template, or with --like from another department-year, like
last year's (--like 2024/changji-egov, or --like changji-egov for its
latest year): its codes, projects, indicators and texts are kept, its
figures emptied, and last year's figures become the prior-year ones.

Neither ever overwrites a file.

Flags:
` + newFlags,
	"version": `Usage: budgetpress version

Prints the version of budgetpress, the Go version it was built with, and
the editions of the classification dictionary (政府收支分类科目) it knows.
`,
}

// Run runs the command line args and returns the exit status.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		return runVersion(args[1:], stdout, stderr)
	case "archive":
		return runArchive(args[1:], stdout, stderr)
	case "deploy":
		return runDeploy(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) == 2 && commandUsage[args[1]] != "" {
			fmt.Fprint(stdout, commandUsage[args[1]])
		} else {
			fmt.Fprint(stdout, usage)
		}
		return ExitOK
	}
	fmt.Fprintf(stderr, "budgetpress: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

// siteDir parses the flags of a command and returns its one optional
// argument, the site folder. When ok is false the command ends there,
// with the exit status code: after printing its usage (--help), or why
// the command line is wrong.
func siteDir(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) (dir string, code int, ok bool) {
	if code, ok := parseFlags(flags, args, stdout, stderr); !ok {
		return "", code, false
	}
	cmd := flags.Name()
	switch flags.NArg() {
	case 0:
		dir = "."
	case 1:
		dir = flags.Arg(0)
	default:
		fmt.Fprintf(stderr, "budgetpress %s: expected one site folder, got %s\n", cmd, strings.Join(flags.Args(), " "))
		return "", ExitUsage, false
	}
	if !isSiteFolder(cmd, dir, stderr) {
		return "", ExitUsage, false
	}
	return dir, ExitOK, true
}

// parsing, when set (by tests), is given every command's flags before
// they are parsed.
var parsing func(*flag.FlagSet)

// parseFlags parses the flags of a command. When ok is false the command
// ends there, with the exit status code: after printing its usage
// (--help), or why a flag is wrong.
func parseFlags(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) (code int, ok bool) {
	cmd := flags.Name()
	if parsing != nil {
		parsing(flags)
	}
	flags.SetOutput(stderr)
	flags.Usage = func() {} // the usage is printed below, where it belongs
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, commandUsage[cmd])
		return ExitOK, false
	} else if err != nil {
		fmt.Fprintf(stderr, "\n%s", commandUsage[cmd])
		return ExitUsage, false
	}
	return ExitOK, true
}

// isSiteFolder reports whether dir is a folder, and when not, tells why
// on stderr.
func isSiteFolder(cmd, dir string, stderr io.Writer) bool {
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, "budgetpress %s: no such folder: %s\n", cmd, dir)
		return false
	case err == nil && !st.IsDir():
		hint := ""
		if filepath.Base(dir) == "site.yaml" {
			hint = fmt.Sprintf(" (give the folder that holds it: budgetpress %s %s)", cmd, filepath.Dir(dir))
		}
		fmt.Fprintf(stderr, "budgetpress %s: expected the site folder, got a file: %s%s\n", cmd, dir, hint)
		return false
	}
	return true
}
