// Command budgetpress publishes government department budgets as a
// bilingual static website. See README.md.
package main

import (
	"os"

	"budgetpress/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
