package render

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// KeyFigure is one figure of the panel at the top of a department page:
// what a reader looks for first, linked to the table that prints it.
type KeyFigure struct {
	Key   string // what it is: income, expenditure, basic, project, three-public
	Label string
	Value string // the amount as the table states it
	Unit  string
	// Headline states the amount in million yuan on an English page when
	// it is a million yuan or more ("6.04 million yuan"), "" otherwise;
	// Value and Unit then follow it as the exact figure of the table.
	Headline string
	// Change states the change on the prior year's budget, "" when the
	// file gives no prior-year figure for it. A change worked out from
	// the changes of the parts (the total's, from those of basic and
	// project expenditure) says so.
	Change string
	Href   string // the table's anchor, "#table-1"
}

// KeyFigures lists the key figures of a department file that its
// tables have: total income and expenditure (table 1), basic and
// project expenditure (the expenditure table, else the general public
// budget table) and the 三公 total.
func (v *view) KeyFigures(f *model.File) []KeyFigure {
	var out []KeyFigure
	derived := false // the prior total is the sum of its parts' figures
	add := func(key, label string, t *model.Table, part, row, col string, prior *amount.Amount) {
		a, ok := cellOf(t, part, row, col)
		if !ok {
			return
		}
		m := v.Money(f)
		k := KeyFigure{Key: key, Label: label, Value: m.Format(a), Unit: m.UnitName(), Href: "#table-" + t.No}
		k.Headline, _ = m.Millions(a)
		if prior != nil {
			k.Change = v.change(f, a, *prior)
			if derived {
				k.Change += v.T("key.derived")
			}
		}
		out = append(out, k)
	}
	p := &f.Prior
	if t := f.Table(model.KindSummary); t != nil {
		add("income", v.T("key.income"), t, "income", "total", "amount", nil)
		var prior *amount.Amount
		if a, ok := p.Expenditure["total"]; ok {
			prior = &a.Amount
		} else if b, ok := p.Expenditure["basic"]; ok {
			if pr, ok := p.Expenditure["project"]; ok {
				s := b.Amount.Add(pr.Amount)
				prior, derived = &s, true
			}
		}
		add("expenditure", v.T("key.expenditure"), t, "expenditure", "total", "amount", prior)
		derived = false
	}
	t, priors := f.Table(model.KindExpenditure), p.Expenditure
	if _, ok := cellOf(t, "rows", "total", "basic"); !ok {
		t, priors = f.Table(model.KindGeneral), p.General
	}
	for _, key := range []string{"basic", "project"} {
		var prior *amount.Amount
		if a, ok := priors[key]; ok {
			prior = &a.Amount
		}
		add(key, v.T("key."+key), t, "rows", "total", key, prior)
	}
	if t := f.Table(model.KindThreePublic); t != nil {
		var prior *amount.Amount
		if a, ok := model.PriorOfItem(p.ThreePublic, model.ThreePublicItems, "total"); ok {
			prior = &a
		}
		add("three-public", v.T("key.three-public"), t, "rows", "total", "total", prior)
	}
	return out
}

// cellOf returns the figure of a table's row (by key) and column (by
// key) in one of its parts; false when the table, the row or the
// figure is not there.
func cellOf(t *model.Table, part, row, col string) (amount.Amount, bool) {
	if t == nil {
		return amount.Amount{}, false
	}
	for _, p := range t.Kind.Parts {
		if p.Key != part {
			continue
		}
		for i, c := range p.Columns {
			if c.Key != col {
				continue
			}
			for _, r := range t.Parts[part] {
				if r.Key == row {
					if c := r.Cell(i); !c.Empty {
						return c.Value, true
					}
				}
			}
		}
	}
	return amount.Amount{}, false
}

// change states a figure's change on the prior year's budget, in the
// page's language and the file's unit: "比上年预算减少 1,464.04 万元，
// 下降 70.79%".
func (v *view) change(f *model.File, now, prior amount.Amount) string {
	m := v.Money(f)
	diff := now.Sub(prior)
	pct, ok := amount.Percent(diff.Abs(), prior, 2)
	switch {
	case diff.IsZero():
		return v.T("key.same")
	case !ok && diff.Sign() > 0:
		return v.Tf("key.new", m.WithUnit(diff))
	case diff.Sign() > 0:
		return v.Tf("key.up", m.WithUnit(diff), pct.String())
	default:
		return v.Tf("key.down", m.WithUnit(diff.Abs()), pct.String())
	}
}
