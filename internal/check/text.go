package check

import (
	"fmt"
	"strings"

	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// Placeholders are the marks editors leave for figures or text still to
// come; none may be published.
var Placeholders = []string{"XX", "××", "待填写", "待补充", "TODO"}

// strings looks for placeholders in every text of the file.
func (c *checker) strings() {
	for _, s := range c.f.Strings {
		for _, p := range Placeholders {
			if strings.Contains(s.S, p) {
				c.errorf("placeholder", "", s.Pos, "%q is a placeholder left in the text %q; write the real text", p, clip(s.S))
			}
		}
	}
}

// placeholders looks for placeholders in a Markdown file.
func placeholders(file, text string) diag.List {
	var out diag.List
	for i, line := range strings.Split(text, "\n") {
		for _, p := range Placeholders {
			if j := strings.Index(line, p); j >= 0 {
				col := len([]rune(line[:j])) + 1
				out = append(out, diag.Diagnostic{Pos: diag.Pos{File: file, Line: i + 1, Col: col}, Severity: diag.Error,
					Rule: "placeholder", Message: fmt.Sprintf("%q is a placeholder left in the text; write the real text", p)})
			}
		}
	}
	return out
}

// english looks in the English texts of the file for wordings the
// site's terminology avoids (data/terms.yaml).
func (c *checker) english() {
	for _, s := range c.f.Strings {
		if s.Lang != "en" {
			continue
		}
		for _, v := range classify.Variants(s.S) {
			c.warnf("terms", v.Found, s.Pos, "%s", variantMessage(v))
		}
	}
}

// englishMarkdown looks in an English explanation for wordings the
// site's terminology avoids, each reported where it is.
func englishMarkdown(file, text string) diag.List {
	var out diag.List
	line, start := 1, 0 // the line at start, and the offset it begins at
	for _, v := range classify.Variants(text) {
		for i := start; i < v.At; i++ {
			if text[i] == '\n' {
				line++
				start = i + 1
			}
		}
		col := len([]rune(text[start:v.At])) + 1
		out = append(out, diag.Diagnostic{Pos: diag.Pos{File: file, Line: line, Col: col}, Severity: diag.Warning,
			Rule: "terms", Subject: v.Found, Message: variantMessage(v)})
	}
	return out
}

// variantMessage says what the site writes instead of an avoided
// wording, and why when the terminology says.
func variantMessage(v classify.Variant) string {
	if v.ZH == "" {
		return fmt.Sprintf("%q is American spelling; the English pages are in British English: write %q", v.Found, v.Want)
	}
	msg := fmt.Sprintf("%q is not the site's English for %s: write %q, as the tables and the other pages do", v.Found, v.ZH, v.Want)
	if v.Note != "" {
		msg += " (" + strings.TrimSuffix(v.Note, ".") + ")"
	}
	return msg
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// dates checks that the dates of the file belong to its year: a budget
// is published in its year or shortly before, final accounts the year
// after; projects run within the year; assets are counted at the end of
// the year before.
func (c *checker) dates() {
	y := c.f.Year
	if d := c.f.Published; !d.IsZero() {
		lo, hi := y-1, y
		what := "the budget of"
		if c.f.Type == "final" {
			lo, hi, what = y+1, y+1, "the final accounts of"
		}
		if d.Y < lo || d.Y > hi {
			c.errorf("year", "published", d.Pos, "published on %s, which does not fit %s %d; check the date or the year folder", d, what, y)
		}
	}
	for _, p := range c.f.Projects {
		for _, d := range []struct {
			date model.Date
			verb string
		}{{p.From, "starts"}, {p.To, "ends"}} {
			if !d.date.IsZero() && d.date.Y != y && c.f.Type == "budget" {
				c.errorf("year", p.ID, d.date.Pos, "project %s %s on %s, outside %d, the year of this budget", p.ID, d.verb, d.date, y)
			}
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.String() < p.From.String() {
			c.errorf("year", p.ID, p.To.Pos, "project %s ends (%s) before it starts (%s)", p.ID, p.To, p.From)
		}
	}
	if a := c.f.Assets; a != nil && !a.AsOf.IsZero() && c.f.Type == "budget" && a.AsOf.Y != y-1 {
		c.errorf("year", "assets", a.AsOf.Pos, "a %d budget reports assets at the end of %d, not on %s", y, y-1, a.AsOf)
	}
}

// decimals checks that the tables print amounts with one number of
// decimal places, as the unit implies.
func (c *checker) decimals() {
	usual := c.places
	for _, t := range c.f.Tables {
		for _, part := range t.Kind.Parts {
			for _, r := range t.Parts[part.Key] {
				for _, cl := range r.Cells {
					if cl.Empty || cl.Value.Places() == usual {
						continue
					}
					written := fmt.Sprintf("%s is written with %s, but the other amounts in %s have %s", cl.Value.String(),
						places(cl.Value.Places()), c.f.Unit, places(usual))
					if short := cl.Value.WithPlaces(usual); short.Equal(cl.Value) {
						c.warnf("decimals", "", cl.Pos, "%s; write it as %s", written, short.String())
					} else {
						c.warnf("decimals", "", cl.Pos, "%s; check the figure against the published table", written)
					}
				}
			}
		}
	}
}

// usualPlaces returns the number of decimal places most amounts of the
// tables are written with (the larger on a tie), or -1 when the tables
// have no amounts.
func usualPlaces(f *model.File) int {
	count := map[int]int{}
	for _, t := range f.Tables {
		for _, rows := range t.Parts {
			for _, r := range rows {
				for _, cl := range r.Cells {
					if !cl.Empty {
						count[cl.Value.Places()]++
					}
				}
			}
		}
	}
	usual, best := -1, 0
	for p, n := range count {
		if n > best || n == best && p > usual {
			usual, best = p, n
		}
	}
	return usual
}

// places says "1 decimal place", "2 decimal places" or "no decimal places".
func places(n int) string {
	switch n {
	case 0:
		return "no decimal places"
	case 1:
		return "1 decimal place"
	}
	return fmt.Sprintf("%d decimal places", n)
}
