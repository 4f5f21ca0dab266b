// Package cli holds the budgetpress commands, callable from tests: Run
// takes the arguments and output streams and returns the exit status.
package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// Exit statuses.
const (
	ExitOK    = 0 // success
	ExitError = 1 // the input has errors
	ExitUsage = 2 // the command line is wrong
)

const usage = `budgetpress publishes department budgets as a bilingual website.

Usage:
  budgetpress build [flags] [site-dir]   build the website into public/
  budgetpress check [site-dir]           check that the tables agree with each other
  budgetpress serve [flags] [site-dir]   preview the website; pages update when a file is saved

Flags of build:
  --out DIR          output folder (default: public/ in the site folder)
  --base-url URL     address of the website, like https://www.cj.gov.cn
  --base-path PATH   path the site is published under, like /zwgk/czyjs/
  --quiet            print only warnings, errors and the summary

Flags of serve:
  --port N           port to listen on (default 8384)
  --bind ADDR        address to listen on (default 127.0.0.1: this machine only)

site-dir defaults to the current directory.
`

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
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "budgetpress: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

// siteDir parses the flags of a command and returns its one optional
// argument, the site directory.
func siteDir(fs *flag.FlagSet, args []string, stderr io.Writer) (string, bool) {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return "", false
	}
	switch fs.NArg() {
	case 0:
		return ".", true
	case 1:
		return fs.Arg(0), true
	}
	fmt.Fprintf(stderr, "budgetpress %s: expected one site folder, got %s\n", fs.Name(), strings.Join(fs.Args(), " "))
	return "", false
}
