package check

import (
	"fmt"
	"strings"

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
				c.errorf("placeholder", s.Pos.String(), s.Pos, "%q is a placeholder left in the text %q; write the real text", p, clip(s.S))
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
		for _, d := range []model.Date{p.From, p.To} {
			if !d.IsZero() && d.Y != y && c.f.Type == "budget" {
				c.errorf("year", p.ID, d.Pos, "project %s runs on %s, outside %d", p.ID, d, y)
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
	count := map[int]int{}
	for _, t := range c.f.Tables {
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
	usual, best := 0, -1
	for p, n := range count {
		if n > best || n == best && p > usual {
			usual, best = p, n
		}
	}
	for _, t := range c.f.Tables {
		for _, part := range t.Kind.Parts {
			for _, r := range t.Parts[part.Key] {
				for _, cl := range r.Cells {
					if !cl.Empty && cl.Value.Places() != usual {
						c.warnf("decimals", cl.Pos.String(), cl.Pos, "%s is written with %d decimal places, but the tables print %s with %d; write it as %s",
							cl.Value.String(), cl.Value.Places(), c.f.Unit, usual, cl.Value.WithPlaces(max(usual, cl.Value.Places())).String())
					}
				}
			}
		}
	}
}
