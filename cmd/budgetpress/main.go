// Command budgetpress publishes government department budgets as a
// bilingual static website. See README.md.
package main

import (
	"os"

	"budgetpress/internal/cli"
	"budgetpress/internal/console"
)

func main() {
	restore := console.UTF8()
	code := cli.Run(os.Args[1:], os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}
