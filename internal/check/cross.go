package check

import (
	"fmt"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// crossTables checks the identities between tables that hold for every
// department: table 1 against tables 2 and 3, table 4 against tables 5, 8
// and 9, table 5 against tables 6 and 7, and tables 2, 3 and 5 row by row.
func (c *checker) crossTables() {
	f := c.f
	summary := f.Table(model.KindSummary)
	income := f.Table(model.KindIncome)
	expend := f.Table(model.KindExpenditure)
	fiscal := f.Table(model.KindFiscal)
	general := f.Table(model.KindGeneral)
	basic := f.Table(model.KindGeneralBasic)
	project := f.Table(model.KindGeneralProj)
	fund := f.Table(model.KindFund)
	soe := f.Table(model.KindSOE)

	if summary != nil {
		in, _ := cell(summary, "income", "total", "amount")
		out, _ := cell(summary, "expenditure", "total", "amount")
		c.compare("balance", "table "+summary.No, out.Pos, out.Value, in.Value, 1,
			fmt.Sprintf("in %s, total expenditure %s does not equal total income %s", tableName(summary), c.fmtAmount(out.Value), c.fmtAmount(in.Value)))
	}
	if summary != nil && income == nil {
		in, _ := cell(summary, "income", "total", "amount")
		if !in.Value.IsZero() {
			c.errorf("tables", "table "+summary.No+" total", in.Pos, "%s says total income is %s, but %s",
				tableName(summary), c.fmtAmount(in.Value), c.totalOf(nil, model.KindIncome, in.Value))
		}
	}
	if summary != nil && income != nil {
		// Each income line of table 1 against the column totals of table 2.
		lines := []struct {
			item    string
			columns []string
		}{
			{"total", []string{"total"}},
			{"general", []string{"general", "general_transfer"}},
			{"general.own", []string{"general"}},
			{"general.transfer", []string{"general_transfer"}},
			{"fund", []string{"fund", "fund_transfer"}},
			{"fund.own", []string{"fund"}},
			{"fund.transfer", []string{"fund_transfer"}},
			{"soe", []string{"soe", "soe_transfer"}},
			{"soe.own", []string{"soe"}},
			{"soe.transfer", []string{"soe_transfer"}},
			{"special", []string{"special"}},
			{"unit", []string{"unit"}},
			{"carryover.fiscal", []string{"carryover_fiscal"}},
			{"carryover.nonfiscal", []string{"carryover_nonfiscal"}},
		}
		part := summary.Kind.Part("income")
		for _, l := range lines {
			stated, found := cell(summary, "income", l.item, "amount")
			sum := amount.Zero(0)
			for _, col := range l.columns {
				v, _ := cell(income, "rows", "total", col)
				sum = sum.Add(v.Value)
			}
			if !found && sum.IsZero() {
				continue
			}
			pos := stated.Pos
			if !found {
				pos = summary.Pos
			}
			label := "total income"
			if it, ok := part.Item(l.item); ok {
				label = fmt.Sprintf("%s (%s)", l.item, numbering.ReplaceAllString(it.Title.ZH(), ""))
			}
			var cols []string
			for _, col := range l.columns {
				p := income.Kind.Part("rows")
				cols = append(cols, p.Columns[p.Column(col)].Title.ZH())
			}
			c.compare("tables", "table "+summary.No+" "+l.item, pos, stated.Value, sum, len(l.columns),
				fmt.Sprintf("%s says %s is %s, but the total row of %s says %s (%s)", tableName(summary), label,
					c.fmtAmount(stated.Value), tableName(income), c.fmtAmount(sum), strings.Join(cols, " + ")))
		}
	}
	if summary != nil {
		c.sameByCode(summary, "expenditure", "amount", expend, model.KindExpenditure, "rows", "total", 1)
	}
	if income != nil {
		c.sameByCode(income, "rows", "total", expend, model.KindExpenditure, "rows", "total", 0)
	}
	if fiscal != nil {
		if summary != nil {
			for _, k := range []string{"general", "fund", "soe"} {
				a, fa := cell(fiscal, "income", k, "amount")
				b, fb := cell(summary, "income", k, "amount")
				if !fa && !fb {
					continue
				}
				pos := a.Pos
				if !fa {
					pos = fiscal.Pos
				}
				it, _ := fiscal.Kind.Part("income").Item(k)
				c.compare("tables", "table "+fiscal.No+" "+k, pos, a.Value, b.Value, 1,
					fmt.Sprintf("%s says %s (%s) is %s, but %s says %s", tableName(fiscal), k, it.Title.ZH(),
						c.fmtAmount(a.Value), tableName(summary), c.fmtAmount(b.Value)))
			}
		}
		in, _ := cell(fiscal, "income", "total", "amount")
		out, _ := cell(fiscal, "expenditure", "total", "total")
		c.compare("balance", "table "+fiscal.No, out.Pos, out.Value, in.Value, 1,
			fmt.Sprintf("in %s, total expenditure %s does not equal total income %s", tableName(fiscal), c.fmtAmount(out.Value), c.fmtAmount(in.Value)))
		if general != nil {
			c.sameByCode(fiscal, "expenditure", "general", general, model.KindGeneral, "rows", "total", 1)
		}
		c.sameByCode(fiscal, "expenditure", "fund", fund, model.KindFund, "rows", "total", 1)
		c.sameByCode(fiscal, "expenditure", "soe", soe, model.KindSOE, "rows", "total", 1)
	}
	if general != nil && income != nil {
		c.sameByCode(income, "rows", "general", general, model.KindGeneral, "rows", "total", 0)
	}
	if general != nil {
		a, _ := cell(general, "rows", "total", "basic")
		b, _ := cell(basic, "rows", "total", "total")
		c.compare("tables", "table "+general.No+" basic", a.Pos, a.Value, b.Value, 1,
			fmt.Sprintf("basic expenditure in %s is %s, but %s", tableName(general),
				c.fmtAmount(a.Value), c.totalOf(basic, model.KindGeneralBasic, b.Value)))
		a, _ = cell(general, "rows", "total", "project")
		b, _ = cell(project, "rows", "total", "total")
		c.compare("tables", "table "+general.No+" project", a.Pos, a.Value, b.Value, 1,
			fmt.Sprintf("project expenditure in %s is %s, but %s", tableName(general),
				c.fmtAmount(a.Value), c.totalOf(project, model.KindGeneralProj, b.Value)))
	}
	if general != nil && expend != nil {
		c.partOf(general, expend)
	}
}

// totalOf says what a table's total is, or that the file has no table of
// that kind (whose figures then count as zero).
func (c *checker) totalOf(t *model.Table, kind string, total amount.Amount) string {
	if t == nil {
		return fmt.Sprintf("there is no %s (kind: %s) to show it", model.Kinds[kind].Title.ZH(), kind)
	}
	return fmt.Sprintf("the total of %s is %s", tableName(t), c.fmtAmount(total))
}

// sameByCode checks, for every classification code that either table
// lists (and the total), that column colA of table a equals column colB
// of table b, a table of kind kindB. When level is 1, only 类 rows are
// compared (tables 1 and 4 list only 类). A missing table b counts as all
// zero.
func (c *checker) sameByCode(a *model.Table, partA, colA string, b *model.Table, kindB, partB, colB string, level int) {
	rowsA, rowsB := codeRows(a, partA), codeRows(b, partB)
	codes := map[classify.Code]bool{}
	for code := range rowsA {
		codes[code] = true
	}
	for code := range rowsB {
		if level == 0 || code.Level() <= level {
			codes[code] = true
		}
	}
	sorted := make([]string, 0, len(codes)+1)
	for code := range codes {
		sorted = append(sorted, string(code))
	}
	sort.Strings(sorted)
	sorted = append(sorted, "total")
	ia := a.Kind.Part(partA).Column(colA)
	var ib int
	if b != nil {
		ib = b.Kind.Part(partB).Column(colB)
	}
	for _, key := range sorted {
		var ra, rb *model.Row
		if key == "total" {
			ra, rb = findRow(a, partA, key), findRow(b, partB, key)
		} else {
			ra, rb = rowsA[classify.Code(key)], rowsB[classify.Code(key)]
		}
		va, vb := model.Cell{Empty: true, Pos: a.Pos}, model.Cell{Empty: true}
		if ra != nil {
			va = ra.Cell(ia)
		}
		if rb != nil {
			vb = rb.Cell(ib)
		}
		if va.Value.Equal(vb.Value) {
			continue
		}
		name := "the total"
		if key != "total" {
			n, _ := c.dict.Lookup(classify.Function, classify.Code(key), c.f.Year)
			name = classify.Code(key).String() + " " + n.ZH
		}
		colAName := a.Kind.Part(partA).Columns[ia].Title.ZH()
		msg := fmt.Sprintf("%s: %s says %s (%s), but ", name, tableName(a), c.fmtAmount(va.Value), colAName)
		if b != nil {
			msg += fmt.Sprintf("%s says %s (%s)", tableName(b), c.fmtAmount(vb.Value), b.Kind.Part(partB).Columns[ib].Title.ZH())
		} else {
			msg += fmt.Sprintf("there is no %s (kind: %s) to show it", model.Kinds[kindB].Title.ZH(), kindB)
		}
		c.compare("tables", fmt.Sprintf("table %s %s %s", a.No, key, colA), va.Pos, va.Value, vb.Value, 1, msg)
	}
}

func findRow(t *model.Table, part, key string) *model.Row {
	if t == nil {
		return nil
	}
	for i := range t.Parts[part] {
		if t.Parts[part][i].Key == key {
			return &t.Parts[part][i]
		}
	}
	return nil
}

// partOf checks that the general public budget (table 5) never exceeds
// all funds (table 3) for the same row and column: it is part of it.
func (c *checker) partOf(general, all *model.Table) {
	part := general.Kind.Part("rows")
	allRows := codeRows(all, "rows")
	for i := range general.Parts["rows"] {
		r := &general.Parts["rows"][i]
		other := allRows[r.Code]
		if r.Key == "total" {
			other = findRow(all, "rows", "total")
		}
		for col := range part.Columns {
			g := r.Cell(col)
			var a model.Cell
			if other != nil {
				a = other.Cell(all.Kind.Part("rows").Column(part.Columns[col].Key))
			}
			if g.Value.Cmp(a.Value) > 0 {
				c.errorf("part-of", fmt.Sprintf("table %s %s", general.No, r.Key), g.Pos,
					"%s, %s: the general public budget %s (%s) is more than all funds together %s in %s; it is part of them",
					tableName(general), c.rowName(part, r), c.fmtAmount(g.Value), part.Columns[col].Title.ZH(), c.fmtAmount(a.Value), tableName(all))
			}
		}
	}
}
