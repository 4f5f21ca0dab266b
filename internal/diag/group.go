package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// shownLines is how many lines of the others like it a grouped
// diagnostic lists: enough to see whether they run on (13, 14, 15) or
// are spread out, few enough to keep the finding on one line.
const shownLines = 5

// alike is what diagnostics that say the same thing have in common:
// all but their position in the file. The subject is part of it, as an
// acceptance names it.
type alike struct {
	file          string
	severity      Severity
	rule, subject string
	message       string
}

// group is a diagnostic with the others like it.
type group struct {
	first Diagnostic
	more  int   // how many others like it there are
	lines []int // the lines of the first of them, each once, up to shownLines+1
}

// Grouped returns the diagnostics with those alike (same file,
// severity, rule, subject and message, at other places) folded into the
// first of them, in the order of the first ones. The message of a
// folded one says how many others there are and where the first few
// are:
//
//	data/2024/x.yaml:12:5: error: … (and 2 more like this, at lines 14 and 15)
//	data/2024/x.yaml:12:5: error: … (and 999 more like this, at lines 13, 14, 15, 16, 17 …)
//
// so that a mistake made a thousand times is one line to read, while
// the summary still counts every one of them.
func (l List) Grouped() List {
	index := map[alike]int{}
	var groups []group
	for _, d := range l {
		k := alike{d.Pos.File, d.Severity, d.Rule, d.Subject, d.Message}
		i, ok := index[k]
		if !ok {
			index[k] = len(groups)
			groups = append(groups, group{first: d})
			continue
		}
		g := &groups[i]
		g.more++
		if d.Pos.Line > 0 && len(g.lines) <= shownLines && !contains(g.lines, d.Pos.Line) {
			g.lines = append(g.lines, d.Pos.Line)
		}
	}
	if len(groups) == len(l) {
		return l
	}
	out := make(List, len(groups))
	for i, g := range groups {
		out[i] = g.first
		if g.more > 0 {
			out[i].Message += g.others()
		}
	}
	return out
}

// others says how many others like it there are, and where:
// " (and 2 more like this, at lines 14 and 15)".
func (g group) others() string {
	s := fmt.Sprintf(" (and %s more like this", thousands(g.more))
	lines := g.lines
	if len(lines) == 0 {
		return s + ")"
	}
	if len(lines) == 1 {
		return s + fmt.Sprintf(", at line %d)", lines[0])
	}
	shown := make([]string, 0, shownLines)
	for _, n := range lines[:min(len(lines), shownLines)] {
		shown = append(shown, strconv.Itoa(n))
	}
	if len(lines) > shownLines {
		// More lines than shown: the list runs on.
		return s + ", at lines " + strings.Join(shown, ", ") + " …)"
	}
	last := len(shown) - 1
	return s + ", at lines " + strings.Join(shown[:last], ", ") + " and " + shown[last] + ")"
}

// Capped returns l with at most limit diagnostics about each file, the
// first ones, and for each file that had more, one more that says so.
// It is an error when an error was left out. A loader keeps a huge
// broken file's findings from taking more memory than the file.
func (l List) Capped(limit int) List {
	count := map[string]int{}
	over := false
	for _, d := range l {
		count[d.Pos.File]++
		over = over || count[d.Pos.File] > limit
	}
	if !over {
		return l
	}
	var out List
	kept := map[string]int{}
	var files []string             // those with diagnostics left out, in order
	leftError := map[string]bool{} // whether an error was left out
	for _, d := range l {
		f := d.Pos.File
		if kept[f] < limit {
			kept[f]++
			out = append(out, d)
			continue
		}
		if kept[f] == limit {
			kept[f]++
			files = append(files, f)
		}
		leftError[f] = leftError[f] || d.Severity == Error
	}
	for _, f := range files {
		sev := Warning
		if leftError[f] {
			sev = Error
		}
		out = append(out, TooMany(f, count[f], limit, sev))
	}
	return out
}

// TooMany says that file has total problems, of which only the first
// kept are listed; sev is Error when one left out is an error. Capped
// adds it; a reader that stops collecting findings can add it itself.
func TooMany(file string, total, kept int, sev Severity) Diagnostic {
	return Diagnostic{Pos: Pos{File: file}, Severity: sev, Message: fmt.Sprintf(
		"too many problems in this file (%s): only the first %s are listed; fix those first, then check again",
		thousands(total), thousands(kept))}
}

// Summary counts the errors and the warnings in words, and says how
// many lines Print writes for them when that is fewer:
// "1,000 errors (2 distinct), 9 warnings".
func (l List) Summary() string {
	errs, warns := l.Count()
	derrs, dwarns := l.Grouped().Count()
	return counted(errs, derrs, "error") + ", " + counted(warns, dwarns, "warning")
}

// counted writes n findings, distinct of them different: "1 error",
// "3 errors", "1,000 errors (1 distinct)".
func counted(n, distinct int, noun string) string {
	s := thousands(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	if distinct < n {
		s += fmt.Sprintf(" (%s distinct)", thousands(distinct))
	}
	return s
}

// thousands writes n ≥ 0 with commas between the thousands: "1,000,000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func contains(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}
