package render

import (
	"fmt"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// tableArgs is what the "table" template gets.
type tableArgs struct {
	V *view
	F *model.File
	T TableView
}

// TableArgs bundles the arguments of the "table" template.
func (v *view) TableArgs(f *model.File, t TableView) tableArgs { return tableArgs{V: v, F: f, T: t} }

// HasFallback reports whether the page shows texts in Chinese for want
// of a translation; set by Render's second pass.
func (v *view) HasFallback(*model.File) bool { return v.fallback }

// EconomicName is the name of an economic classification code.
func (v *view) EconomicName(f *model.File, c classify.Code) template.HTML {
	return v.codeName(f, classify.Economic, c)
}

// Period states when a project's funds are spent (资金执行时间), from
// the dates the file gives; "" when it gives neither.
func (v *view) Period(p *model.Project) string {
	switch {
	case !p.From.IsZero() && !p.To.IsZero():
		return v.Date(p.From) + " – " + v.Date(p.To)
	case !p.From.IsZero():
		return v.Tf("project.period.from", v.Date(p.From))
	case !p.To.IsZero():
		return v.Tf("project.period.to", v.Date(p.To))
	}
	return ""
}

// Date prints a date in the page's language.
func (v *view) Date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	if v.Lang == "zh" {
		return strconv.Itoa(d.Y) + " 年 " + strconv.Itoa(d.M) + " 月 " + strconv.Itoa(d.D) + " 日"
	}
	return strconv.Itoa(d.D) + " " + time.Month(d.M).String() + " " + strconv.Itoa(d.Y)
}

// IndicatorRow is one performance indicator laid out for a page. As in
// the document, a 一级指标 or 二级指标 that repeats on the rows below it
// is one cell spanning them: Level1Span and Level2Span count the rows a
// cell spans, 0 on the rows it covers.
type IndicatorRow struct {
	Level1, Level2         string
	Level1Span, Level2Span int
	Name                   template.HTML
	Target                 template.HTML
	Basis, Prior           template.HTML
	Weight                 int
	Scoring                template.HTML
	Evidence               template.HTML
}

// indicatorArgs is what the "indicators" template gets.
type indicatorArgs struct {
	V       *view
	ID      string
	Caption template.HTML
	Rows    []IndicatorRow
	Total   int
	Cols    indicatorCols
}

// indicatorCols says which of the optional columns of a performance-target
// table it has: a column that no indicator fills (the department's
// overall table has no prior-year results, scoring rules or evidence) is
// left out.
type indicatorCols struct {
	Basis, Prior, Scoring, Evidence bool
}

// BeforeWeight counts the columns before 分值权重, which the total row's
// heading spans.
func (c indicatorCols) BeforeWeight() int { return 4 + count(c.Basis, c.Prior) }

// AfterWeight counts the columns after 分值权重.
func (c indicatorCols) AfterWeight() int { return count(c.Scoring, c.Evidence) }

func count(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// IndicatorArgs lays out a performance-target table's indicators. The
// caption names the table, so that a screen reader's list of tables
// tells the tables of the projects apart.
// caption is an interface string or a text of the data.
func (v *view) IndicatorArgs(id string, caption any, inds []model.Indicator) indicatorArgs {
	a := indicatorArgs{V: v, ID: id}
	switch c := caption.(type) {
	case template.HTML:
		a.Caption = c
	case string:
		a.Caption = template.HTML(template.HTMLEscapeString(c))
	}
	l1, l2 := -1, -1 // the rows whose cells span down to the current one
	for i, in := range inds {
		row := IndicatorRow{
			Level1: v.level(in.Level1), Level2: v.level(in.Level2),
			Name: v.Tx(in.Name), Target: v.target(in.Target),
			Basis: v.Tx(in.Basis), Prior: v.Tx(in.Prior), Weight: in.Weight,
			Scoring: v.Tx(in.Scoring), Evidence: v.Tx(in.Evidence),
		}
		a.Rows = append(a.Rows, row)
		sameL1 := i > 0 && inds[i-1].Level1 == in.Level1
		if sameL1 {
			a.Rows[l1].Level1Span++
		} else {
			l1, a.Rows[i].Level1Span = i, 1
		}
		if sameL1 && inds[i-1].Level2 == in.Level2 {
			a.Rows[l2].Level2Span++
		} else {
			l2, a.Rows[i].Level2Span = i, 1
		}
		a.Total += in.Weight
		a.Cols.Basis = a.Cols.Basis || !in.Basis.IsZero()
		a.Cols.Prior = a.Cols.Prior || !in.Prior.IsZero()
		a.Cols.Scoring = a.Cols.Scoring || !in.Scoring.IsZero()
		a.Cols.Evidence = a.Cols.Evidence || !in.Evidence.IsZero()
	}
	return a
}

// IndicatorCaption is the caption of a performance-target table's
// indicators, naming what they measure: "<name>绩效指标".
func (v *view) IndicatorCaption(name template.HTML) template.HTML {
	return template.HTML(fmt.Sprintf(template.HTMLEscapeString(v.T("perf.indicators.of")), name))
}

func (v *view) level(name string) string {
	if v.Lang == "zh" {
		return name
	}
	if en, ok := model.IndicatorLevels[name]; ok {
		return en
	}
	return name
}

// targetUnits are the English names of the units of indicator targets.
var targetUnits = map[string]string{
	"个": "", "台": "units", "次": "times", "小时": "hours", "天": "days", "套": "sets",
	"%": "%", "辆": "vehicles", "人": "people", "项": "items", "年": "years", "月": "months",
}

// target prints an indicator's target in the page's language; English
// pages state 万元 targets in thousand yuan and 元 targets in yuan, as
// the page's other amounts.
func (v *view) target(t model.Target) template.HTML {
	if t.Op == "" {
		return v.Tx(t.Text)
	}
	if v.Lang == "zh" {
		return nowrap(t.String())
	}
	if own, ok := t.Text.In(v.Lang); ok && own != t.Text.ZH() {
		// The editor's own wording of a target that only starts with a
		// number: "2024 年 9 月底前", "By the end of September 2024".
		return v.Tx(t.Text)
	}
	value, unit := t.Value, t.Unit
	switch {
	case unit == i18n.Wan || unit == i18n.Yuan:
		if a, err := amount.Parse(value); err == nil {
			m := i18n.ForFile(v.Lang, unit)
			value, unit = m.Format(a), m.UnitName()
		}
	default:
		if a, err := amount.Parse(value); err == nil {
			value = a.Grouped() // English groups thousands: 1,500
		}
		if en, ok := targetUnits[unit]; ok {
			unit = en
			if value == "1" {
				unit = strings.TrimSuffix(unit, "s")
			}
		}
	}
	en := model.Target{Op: t.Op, Implicit: t.Implicit, Value: value, Unit: strings.TrimSpace(unit)}
	s := en.String()
	// A unit of words ("thousand yuan") may go to the next line of a
	// narrow cell, as a whole; the figure stays with its sign.
	if u := en.Unit; strings.Contains(u, " ") && strings.HasSuffix(s, " "+u) {
		return nowrap(strings.TrimSuffix(s, " "+u)) + " " + nowrap(u)
	}
	return nowrap(s)
}

// nowrap escapes a short phrase and joins its words with no-break
// spaces, so that "≤ 2 小时" stays on one line.
func nowrap(s string) template.HTML {
	return template.HTML(strings.ReplaceAll(template.HTMLEscapeString(s), " ", "\u00a0"))
}

var phoneForm = regexp.MustCompile(`^\+?[0-9][0-9 -]{4,20}$`)

// Tel returns a tel: link for a phone number made of digits, spaces and
// hyphens, and "" for anything else (which is then shown as text).
func (v *view) Tel(phone string) template.URL {
	if !phoneForm.MatchString(phone) {
		return ""
	}
	return template.URL("tel:" + strings.NewReplacer(" ", "", "-", "").Replace(phone))
}
