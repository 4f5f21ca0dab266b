package cli

import (
	"fmt"
	"io"
	"strings"

	"budgetpress/internal/diag"
)

// accepted reports whether d is a finding an editor accepted in the
// file (accept:), with its reason: check then says so in its message.
func accepted(d diag.Diagnostic) bool {
	return d.Severity == diag.Warning && strings.Contains(d.Message, " (accepted: ")
}

// printFindings prints the findings, the accepted ones only when
// verbose, and returns how many accepted ones it left out.
func printFindings(w io.Writer, diags diag.List, verbose bool) (hidden int) {
	shown := diags
	if !verbose {
		shown = nil
		for _, d := range diags {
			if accepted(d) {
				hidden++
			} else {
				shown = append(shown, d)
			}
		}
	}
	shown.Print(w)
	return hidden
}

// summary counts the findings in words, with the accepted ones left
// out of the listing: "0 errors, 9 warnings (2 accepted: --verbose
// lists them)".
func summary(diags diag.List, hidden int) string {
	s := diags.Summary()
	if hidden > 0 {
		s += fmt.Sprintf(" (%d accepted as published: --verbose lists them)", hidden)
	}
	return s
}
