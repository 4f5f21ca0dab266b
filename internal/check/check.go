package check

import (
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
)

// Site checks every department file of a site.
func Site(s *load.Site) diag.List {
	return nil
}
