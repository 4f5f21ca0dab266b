package diag

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

const (
	file = "data/2024/x.yaml"
	bad  = `amount "1,2" is not a number; write it like 1.20`
)

// at is an error of the same kind at line:col of file.
func at(line, col int) Diagnostic {
	return Diagnostic{Pos: Pos{File: file, Line: line, Col: col}, Severity: Error, Message: bad}
}

// run returns n errors alike, at column 5 of the lines from on.
func run(from, n int) List {
	var l List
	for i := range n {
		l = append(l, at(from+i, 5))
	}
	return l
}

func TestGrouped(t *testing.T) {
	other := at(20, 3)
	other.Message = `amount "x" is not a number; write it like 1.20`
	warning := at(21, 5)
	warning.Severity = Warning
	ruled := func(line int, subject string) Diagnostic {
		return Diagnostic{Pos: Pos{File: file, Line: line, Col: 9}, Severity: Error, Rule: "hierarchy", Subject: subject, Message: "the total is not the sum of its items"}
	}
	tests := []struct {
		name string
		in   List
		want string
	}{
		{"each once", List{at(12, 5), other, warning},
			file + ":12:5: error: " + bad + "\n" +
				file + ":20:3: error: amount \"x\" is not a number; write it like 1.20\n" +
				file + ":21:5: warning: " + bad + "\n"},
		{"two", run(12, 2),
			file + ":12:5: error: " + bad + " (and 1 more like this, at line 13)\n"},
		{"three", run(12, 3),
			file + ":12:5: error: " + bad + " (and 2 more like this, at lines 13 and 14)\n"},
		{"six", run(12, 6),
			file + ":12:5: error: " + bad + " (and 5 more like this, at lines 13, 14, 15, 16 and 17)\n"},
		{"seven", run(12, 7),
			file + ":12:5: error: " + bad + " (and 6 more like this, at lines 13, 14, 15, 16, 17 …)\n"},
		{"a million", run(1, 1_000_000),
			file + ":1:5: error: " + bad + " (and 999,999 more like this, at lines 2, 3, 4, 5, 6 …)\n"},
		{"on one line", List{at(12, 5), at(12, 9), at(12, 14)},
			file + ":12:5: error: " + bad + " (and 2 more like this, at line 12)\n"},
		{"each line once", List{at(12, 5), at(13, 5), at(13, 9), at(14, 5)},
			file + ":12:5: error: " + bad + " (and 3 more like this, at lines 13 and 14)\n"},
		{"in the order of the first ones", List{at(12, 5), other, at(30, 5), warning, at(31, 5)},
			file + ":12:5: error: " + bad + " (and 2 more like this, at lines 30 and 31)\n" +
				file + ":20:3: error: amount \"x\" is not a number; write it like 1.20\n" +
				file + ":21:5: warning: " + bad + "\n"},
		{"in other files", List{at(12, 5), {Pos: Pos{File: "data/2024/y.yaml", Line: 12, Col: 5}, Severity: Error, Message: bad}},
			file + ":12:5: error: " + bad + "\n" +
				"data/2024/y.yaml:12:5: error: " + bad + "\n"},
		{"about the file", List{{Pos: Pos{File: file}, Message: "no explanation"}, {Pos: Pos{File: file}, Message: "no explanation"}},
			file + ": warning: no explanation (and 1 more like this)\n"},
		{"the rule is kept last", List{ruled(40, "table 6 301"), ruled(52, "table 6 301")},
			file + ":40:9: error: the total is not the sum of its items (and 1 more like this, at line 52) [hierarchy: table 6 301]\n"},
		{"about other things", List{ruled(40, "table 6 301"), ruled(52, "table 6 302")},
			file + ":40:9: error: the total is not the sum of its items [hierarchy: table 6 301]\n" +
				file + ":52:9: error: the total is not the sum of its items [hierarchy: table 6 302]\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			tc.in.Print(&b)
			if got := b.String(); got != tc.want {
				t.Errorf("printed:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	warning := at(21, 5)
	warning.Severity = Warning
	tests := []struct {
		in   List
		want string
	}{
		{nil, "0 errors, 0 warnings"},
		{List{at(1, 5), warning}, "1 error, 1 warning"},
		{List{at(1, 5), {Pos: Pos{File: file, Line: 2}, Severity: Error, Message: "another"}}, "2 errors, 0 warnings"},
		{run(1, 3), "3 errors (1 distinct), 0 warnings"},
		{append(run(1, 1000), warning, warning), "1,000 errors (1 distinct), 2 warnings (1 distinct)"},
	}
	for _, tc := range tests {
		if got := tc.in.Summary(); got != tc.want {
			t.Errorf("summary of %d findings = %q; want %q", len(tc.in), got, tc.want)
		}
	}
}

func TestCapped(t *testing.T) {
	warnings := func(n int) List {
		l := run(1, n)
		for i := range l {
			l[i].Severity = Warning
		}
		return l
	}
	tooMany := func(sev Severity, n string) string {
		return fmt.Sprintf("%s: %s: too many problems in this file (%s): only the first 3 are listed; fix those first, then check again", file, sev, n)
	}
	tests := []struct {
		name string
		in   List
		want []string
	}{
		{"under", run(1, 3), []string{file + ":1:5", file + ":2:5", file + ":3:5"}},
		{"over", run(1, 1200), []string{file + ":1:5", file + ":2:5", file + ":3:5", tooMany(Error, "1,200")}},
		{"warnings left out", append(run(1, 3), warnings(2)...), []string{file + ":1:5", file + ":2:5", file + ":3:5", tooMany(Warning, "5")}},
		{"an error left out", append(warnings(3), at(9, 5)), []string{file + ":1:5", file + ":2:5", file + ":3:5", tooMany(Error, "4")}},
		{"each file", append(run(1, 2), Diagnostic{Pos: Pos{File: "site.yaml", Line: 1}, Message: "x"}, at(7, 5)),
			[]string{file + ":1:5", file + ":2:5", "site.yaml:1", file + ":7:5"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, d := range tc.in.Capped(3) {
				if d.Message == bad || d.Message == "x" {
					got = append(got, d.Pos.String()) // a finding kept
				} else {
					got = append(got, d.String())
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}
