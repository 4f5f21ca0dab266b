package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/parallel"
)

// Site checks every department file of a site and the Markdown content.
func Site(s *model.Site) diag.List { return SiteWith(s, nil) }

// SiteWith checks a site as Site does, rendering the explanations with
// the renderers of set and keeping what they render (narrative's Keep),
// so that a build that renders its pages with the same set does not
// render them again. A nil set is Site.
func SiteWith(s *model.Site, set *narrative.Set) diag.List {
	var out diag.List
	if s.Config == nil {
		return nil
	}
	// Files are checked on every core; findings keep the files' order.
	found := make([]diag.List, len(s.Files))
	parallel.Each(len(s.Files), func(i int) { found[i] = File(s.Files[i], s.Config, s.Dict) })
	for _, d := range found {
		out = append(out, d...)
	}
	out = append(out, Names(s.Files)...)
	out = append(out, content(s, set)...)
	return out
}

// Explanations checks the explanations of s as Site does, against the
// department files of s, without checking those files themselves: the
// dev server checks a department file it read again once, and then its
// explanations with it.
func Explanations(s *model.Site, set *narrative.Set) diag.List {
	if s.Config == nil {
		return nil
	}
	return content(s, set)
}

// File checks one department-year.
func File(f *model.File, cfg *model.Settings, dict *classify.Dictionary) diag.List {
	if dict == nil {
		dict = classify.Default()
	}
	if f.Incomplete {
		// Figures that did not load would only make sums look wrong:
		// the editor fixes the loading errors first.
		var out diag.List
		out.Warnf(diag.Pos{File: f.Path, Line: 1, Col: 1}, "this file has loading errors, so its tables are not checked against each other until those are fixed")
		return out
	}
	c := &checker{f: f, cfg: cfg, dict: dict, used: map[int]bool{}, places: usualPlaces(f)}
	c.template()
	c.names()
	c.tables()
	c.crossTables()
	c.projects()
	c.performance()
	c.threePublic()
	c.department()
	c.other()
	c.prior()
	c.strings()
	c.english()
	c.dates()
	c.decimals()
	c.unusedAcceptances()
	return c.diags
}

type checker struct {
	f     *model.File
	cfg   *model.Settings
	dict  *classify.Dictionary
	diags diag.List
	used  map[int]bool // acceptances that matched a finding
	// places is the number of decimal places the tables are written
	// with, -1 when they have no amounts.
	places int
}

// report records a finding of rule about subject. A finding that the file
// accepts (accept: in the data) becomes a warning carrying the reason.
func (c *checker) report(sev diag.Severity, rule, subject string, pos diag.Pos, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	subject = spacedCodes(subject)
	for i, a := range c.f.Accepted {
		// A placeholder is never published, whatever the file says.
		if a.Rule != rule || !sameSubject(a.Subject, subject) || rule == "placeholder" {
			continue
		}
		c.used[i] = true
		if sev != diag.Error {
			continue
		}
		// An acceptance holds for the figures it names: when they change,
		// the editor looks again.
		if got := figuresOf(msg); !sameFigures(a.Figures, got) {
			msg += fmt.Sprintf(" (the acceptance at line %d is for the figures [%s], but the finding now has [%s]: if the published document really prints these, write figures: [%s] there)",
				a.Pos.Line, strings.Join(a.Figures, ", "), strings.Join(got, ", "), strings.Join(got, ", "))
			continue
		}
		sev = diag.Warning
		msg += " (accepted: " + a.Reason + ")"
	}
	c.diags = append(c.diags, diag.Diagnostic{Pos: pos, Severity: sev, Message: msg, Rule: rule, Subject: subject})
}

// figure is an amount as findings print it: with a decimal point or
// thousands separators, followed by its unit, or a whole number where
// only an amount stands (after "difference" or "=", before "stated" or
// "added up"), so that table numbers and codes are not taken for one.
var figure = regexp.MustCompile(`-?[0-9][0-9,]*\.[0-9]+|-?[0-9]{1,3}(?:,[0-9]{3})+|-?[0-9]+ (?:万元|元)|(?:difference |= )-?[0-9][0-9,]*(?:\.[0-9]+)?|-?[0-9]+ (?:stated|added up)`)

// figuresOf returns the amounts a finding's message names, in order,
// each once, without their units.
func figuresOf(msg string) []string {
	var out []string
	for _, m := range figure.FindAllString(msg, -1) {
		m = strings.TrimPrefix(strings.TrimPrefix(m, "difference "), "= ")
		for _, after := range []string{" 万元", " 元", " stated", " added up"} {
			m = strings.TrimSuffix(m, after)
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// sameFigures compares the figures an acceptance names with those of a
// finding, as sets of amounts: 1,403.71 and 1403.71 are the same.
func sameFigures(accepted, found []string) bool {
	set := func(list []string) string {
		seen := map[string]bool{}
		var out []string
		for _, s := range list {
			s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
		slices.Sort(out)
		return strings.Join(out, " ")
	}
	return set(accepted) == set(found)
}

var codeWord = regexp.MustCompile(`\b\d{5}(?:\d{2})?\b`)

// spacedCodes writes the classification codes of a subject the way the
// tables print them: "table 6 30201" becomes "table 6 302 01".
func spacedCodes(subject string) string {
	return codeWord.ReplaceAllStringFunc(subject, func(w string) string {
		return classify.Code(w).String()
	})
}

// sameSubject compares subjects ignoring spaces, so that an editor may
// write codes with or without them.
func sameSubject(a, b string) bool {
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return strip(a) == strip(b)
}

func (c *checker) errorf(rule, subject string, pos diag.Pos, format string, args ...any) {
	c.report(diag.Error, rule, subject, pos, format, args...)
}

func (c *checker) warnf(rule, subject string, pos diag.Pos, format string, args ...any) {
	c.report(diag.Warning, rule, subject, pos, format, args...)
}

func (c *checker) unusedAcceptances() {
	for i, a := range c.f.Accepted {
		if !c.used[i] {
			c.warnf("accept", "", a.Pos, "nothing was found for rule %q about %q, so this acceptance is not needed; remove it", a.Rule, a.Subject)
		}
	}
}

// tolerance is the largest difference taken for rounding when a figure is
// compared with the sum of n published figures.
func (c *checker) tolerance(n, places int) amount.Amount {
	if c.cfg != nil && c.cfg.Tolerance != nil {
		return *c.cfg.Tolerance
	}
	if n <= 1 {
		// One figure printed in two places is the same number: rounding
		// cannot make the two differ.
		return amount.Zero(places)
	}
	// The document rounds to its own last place: a figure typed with more
	// decimals (0.100 for 0.10) must not shrink the room left for the
	// rounding of all the others. The decimals rule reports that figure.
	if c.places >= 0 && places > c.places {
		places = c.places
	}
	// Each of the n figures and the stated total is off by at most half a
	// unit of the last place: (n+1) × 0.5 × 10^-places.
	half := amount.MustParse("5").Shift(-(places + 1))
	t := amount.Zero(places + 1)
	for i := 0; i <= n; i++ {
		t = t.Add(half)
	}
	return t.WithPlaces(places + 1)
}

// compare checks that stated equals expected, the sum of n figures; it
// reports nothing, a warning within rounding, or an error. It returns
// whether they differ.
func (c *checker) compare(rule, subject string, pos diag.Pos, stated, expected amount.Amount, n int, what string) bool {
	if stated.Equal(expected) {
		return false
	}
	diff := stated.Sub(expected).Abs()
	places := max(stated.Places(), expected.Places())
	sev := diag.Error
	if diff.Cmp(c.tolerance(n, places)) <= 0 {
		sev = diag.Warning
	}
	c.report(sev, rule, subject, pos, "%s (difference %s%s)", what, diff.WithPlaces(places).Grouped(), roundingNote(sev))
	return true
}

func roundingNote(sev diag.Severity) string {
	if sev == diag.Warning {
		return ", within rounding"
	}
	return ""
}

// fmtAmount prints an amount as the document would, with the file's unit.
func (c *checker) fmtAmount(a amount.Amount) string {
	return a.Grouped() + " " + c.f.Unit
}

// rowName names a table row for a message: "201 03 政府办公厅（室）及相关机构事务".
func (c *checker) rowName(part *model.Part, r *model.Row) string {
	switch {
	case r.Key == "total":
		return "the total row"
	case r.Key == "unit" && part.Rows == model.ProjectRows:
		return "the department's subtotal row"
	case r.Project != "":
		if p := c.f.Project(r.Project); p != nil {
			return fmt.Sprintf("project %s (%s)", r.Project, p.Name.ZH())
		}
		return "project " + r.Project
	case part.Rows == model.Items:
		it, _ := part.Item(r.Key)
		return fmt.Sprintf("%s (%s)", r.Key, model.Label(it.Title.ZH()))
	}
	scheme := classify.Function
	if part.Rows == model.EconomicCodes {
		scheme = classify.Economic
	}
	name, _ := c.f.CodeName(c.dict, scheme, r.Code)
	return r.Code.String() + " " + name.ZH
}

// tableName names a table for a message: "table 6 (一般公共预算基本支出情况表)".
func tableName(t *model.Table) string {
	return fmt.Sprintf("table %s (%s)", t.No, t.Name("zh"))
}
