// Package diag holds the one diagnostic type that the loader, the checker
// and the renderer produce, and that the command line and the dev server
// print: a position in a file, a severity and a message in plain words.
package diag

import (
	"fmt"
	"io"
	"sort"
)

// Severity says whether a diagnostic stops publication.
type Severity int

const (
	// Warning is printed but does not stop a build: rounding differences.
	Warning Severity = iota
	// Error stops the build and makes check exit with status 1.
	Error
)

// String returns "warning" or "error", as printed in a diagnostic line.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Pos is a position in a source file; Line and Col count from 1, and zero
// means unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns "file:line:col", leaving out the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one finding about the input.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Message  string
	// Rule names the checker rule that found it ("hierarchy", "allocation"),
	// so that a known inconsistency of a published document can be
	// accepted by name; empty for loading errors.
	Rule string
	// Subject names what the finding is about ("table 6 301", a project
	// id), printed with the rule so that an editor can accept it.
	Subject string
}

// String formats the diagnostic like a compiler: "file:line:col: error: message".
func (d Diagnostic) String() string {
	switch {
	case d.Rule != "" && d.Subject != "":
		return fmt.Sprintf("%s: %s: %s [%s: %s]", d.Pos, d.Severity, d.Message, d.Rule, d.Subject)
	case d.Rule != "":
		return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Rule)
	}
	return fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Message)
}

// Error makes a Diagnostic usable as an error value.
func (d Diagnostic) Error() string { return d.String() }

// List collects diagnostics.
type List []Diagnostic

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Count returns the number of errors and of warnings.
func (l List) Count() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	n, _ := l.Count()
	return n > 0
}

// Sort orders diagnostics by file, line and column, keeping the order of
// diagnostics at the same position, so output is deterministic.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Print writes one diagnostic per line, those alike once (see Grouped).
func (l List) Print(w io.Writer) {
	for _, d := range l.Grouped() {
		fmt.Fprintln(w, d)
	}
}
