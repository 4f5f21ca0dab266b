package check

import (
	"fmt"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// crossTables checks the identities between tables that hold for every
// department: table 1 against tables 2 and 3, table 4 against tables 5, 8
// and 9, table 5 against tables 6 and 7, and tables 2, 3 and 5 row by row.
func (c *checker) crossTables() {
	f := c.f
	summary := f.Table(model.KindSummary)
	income := f.Table(model.KindIncome)
	fiscal := f.Table(model.KindFiscal)
	general := f.Table(model.KindGeneral)
	basic := f.Table(model.KindGeneralBasic)
	project := f.Table(model.KindGeneralProj)

	if summary != nil {
		in, _ := summary.Cell("income", "total", "amount")
		out, _ := summary.Cell("expenditure", "total", "amount")
		c.compare("balance", "table "+summary.No, out.Pos, out.Value, in.Value, 1,
			fmt.Sprintf("in %s, total expenditure %s does not equal total income %s", tableName(summary), c.fmtAmount(out.Value), c.fmtAmount(in.Value)))
	}
	if summary != nil && income == nil && c.published(model.KindIncome) {
		in, _ := summary.Cell("income", "total", "amount")
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
			stated, found := summary.Cell("income", l.item, "amount")
			sum := amount.Zero(0)
			for _, col := range l.columns {
				v, _ := income.Cell("rows", "total", col)
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
				label = fmt.Sprintf("%s (%s)", l.item, model.Label(it.Title.ZH()))
			}
			var cols []string
			for _, col := range l.columns {
				p := income.Kind.Part("rows")
				cols = append(cols, p.ColumnTitle(col))
			}
			c.compare("tables", "table "+summary.No+" "+l.item, pos, stated.Value, sum, len(l.columns),
				fmt.Sprintf("%s says %s is %s, but the total row of %s says %s (%s)", tableName(summary), label,
					c.fmtAmount(stated.Value), tableName(income), c.fmtAmount(sum), strings.Join(cols, " + ")))
		}
	}
	// Table 1's expenditure by 类 and table 2's income by function are
	// table 3's expenditure.
	c.agree(equals, 1, c.term(model.KindSummary, "expenditure", "amount"), c.term(model.KindExpenditure, "rows", "total"))
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "total"), c.term(model.KindExpenditure, "rows", "total"))
	// Each source's column of table 2 is the table that spends it.
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "general", "general_transfer"), c.term(model.KindGeneral, "rows", "total"))
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "fund", "fund_transfer"), c.term(model.KindFund, "rows", "total"))
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "soe", "soe_transfer"), c.term(model.KindSOE, "rows", "total"))
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "carryover_fiscal"), c.term(model.KindCarryover, "rows", "fiscal"))
	c.agree(equals, 0, c.term(model.KindIncome, "rows", "carryover_nonfiscal"), c.term(model.KindCarryover, "rows", "nonfiscal"))
	if summary != nil && c.published(model.KindCarryover) && (income == nil || income.Kind.Part("rows").Column("carryover_fiscal") < 0) {
		// A table 2 without the carry-over columns leaves table 11 to be
		// compared with table 1 directly.
		for _, l := range []struct{ item, col string }{{"carryover.fiscal", "fiscal"}, {"carryover.nonfiscal", "nonfiscal"}} {
			a, _ := summary.Cell("income", l.item, "amount")
			tm := c.term(model.KindCarryover, "rows", l.col)
			b, _ := tm.at("")
			c.compare("tables", "table "+summary.No+" "+l.item, a.Pos, a.Value, b, 1,
				fmt.Sprintf("%s says %s is %s, but %s says %s", tableName(summary), l.item, c.fmtAmount(a.Value), tm.describe(), c.fmtAmount(b)))
		}
	}
	if fiscal != nil {
		c.fiscalTable(fiscal, summary)
	}
	if general != nil {
		a, _ := general.Cell("rows", "total", "basic")
		b, _ := basic.Cell("rows", "total", "total")
		if c.published(model.KindGeneralBasic) {
			c.compare("tables", "table "+general.No+" basic", a.Pos, a.Value, b.Value, 1,
				fmt.Sprintf("basic expenditure in %s is %s, but %s", tableName(general),
					c.fmtAmount(a.Value), c.totalOf(basic, model.KindGeneralBasic, b.Value)))
		}
		a, _ = general.Cell("rows", "total", "project")
		b, _ = project.Cell("rows", "total", "total")
		if c.published(model.KindGeneralProj) {
			c.compare("tables", "table "+general.No+" project", a.Pos, a.Value, b.Value, 1,
				fmt.Sprintf("project expenditure in %s is %s, but %s", tableName(general),
					c.fmtAmount(a.Value), c.totalOf(project, model.KindGeneralProj, b.Value)))
		}
	}
	// Table 3 holds every source's spending, basic and project: what the
	// tables of the sources publish is part of it.
	c.agree(atLeast, 0, c.term(model.KindExpenditure, "rows", "basic"),
		c.term(model.KindGeneral, "rows", "basic"),
		c.term(model.KindFund, "rows", "personnel", "public"),
		c.term(model.KindSOE, "rows", "personnel", "public"),
		c.term(model.KindCarryover, "rows", "fiscal_personnel", "fiscal_public", "nonfiscal_personnel", "nonfiscal_public"))
	c.agree(atLeast, 0, c.term(model.KindExpenditure, "rows", "project"),
		c.term(model.KindGeneral, "rows", "project"),
		c.term(model.KindFund, "rows", "project"),
		c.term(model.KindSOE, "rows", "project"),
		c.term(model.KindCarryover, "rows", "fiscal_project", "nonfiscal_project"))
}

// fiscalTable checks table 4 (财政拨款收支预算总体情况表): its income
// against table 1, and its expenditure against the tables of each fund
// and the fiscal carry-over.
func (c *checker) fiscalTable(fiscal, summary *model.Table) {
	if summary != nil {
		for _, l := range []struct{ item, t1 string }{
			{"general", "general"}, {"fund", "fund"}, {"soe", "soe"},
			{"carryover.general", "carryover.fiscal.general"},
			{"carryover.fund", "carryover.fiscal.fund"},
			{"carryover.soe", "carryover.fiscal.soe"},
		} {
			a, fa := fiscal.Cell("income", l.item, "amount")
			b, fb := summary.Cell("income", l.t1, "amount")
			if !fa && !fb {
				continue
			}
			pos := a.Pos
			if !fa {
				pos = fiscal.Pos
			}
			it, _ := fiscal.Kind.Part("income").Item(l.item)
			c.compare("tables", "table "+fiscal.No+" "+l.item, pos, a.Value, b.Value, 1,
				fmt.Sprintf("%s says %s (%s) is %s, but %s says %s", tableName(fiscal), l.item, model.Label(it.Title.ZH()),
					c.fmtAmount(a.Value), tableName(summary), c.fmtAmount(b.Value)))
		}
	}
	in, _ := fiscal.Cell("income", "total", "amount")
	out, _ := fiscal.Cell("expenditure", "total", "total")
	c.compare("balance", "table "+fiscal.No, out.Pos, out.Value, in.Value, 1,
		fmt.Sprintf("in %s, total expenditure %s does not equal total income %s", tableName(fiscal), c.fmtAmount(out.Value), c.fmtAmount(in.Value)))
	// All fiscal spending: this year's appropriations and the fiscal
	// carry-over. Without a carry-over, the columns compared one by one
	// below already prove it.
	carryover, _ := fiscal.Cell("income", "carryover", "amount")
	if t11, _ := c.term(model.KindCarryover, "rows", "fiscal").at(""); !carryover.Value.IsZero() || !t11.IsZero() {
		c.agree(equals, 1, c.term(model.KindFiscal, "expenditure", "total"),
			c.term(model.KindGeneral, "rows", "total"), c.term(model.KindFund, "rows", "total"),
			c.term(model.KindSOE, "rows", "total"), c.term(model.KindCarryover, "rows", "fiscal"))
	}
	// Each fund's column: its table, plus that fund's carry-over, which
	// table 11 does not split by fund; so by 类 the column is at least
	// the fund's table, and equal to it when nothing is carried over.
	for _, f := range []struct{ col, kind string }{
		{"general", model.KindGeneral}, {"fund", model.KindFund}, {"soe", model.KindSOE},
	} {
		col := c.term(model.KindFiscal, "expenditure", f.col)
		spent := c.term(f.kind, "rows", "total")
		carried, _ := fiscal.Cell("income", "carryover."+f.col, "amount")
		if carried.Value.IsZero() {
			c.agree(equals, 1, col, spent)
			continue
		}
		c.agree(atLeast, 1, col, spent)
		if !c.published(f.kind) {
			continue
		}
		total, _ := col.at("")
		table, _ := spent.at("")
		c.compare("tables", fmt.Sprintf("table %s total %s", fiscal.No, f.col), col.pos(""), total, table.Add(carried.Value), 2,
			fmt.Sprintf("the total of %s is %s, but %s and the carry-over of %s (%s) come to %s", col.describe(), c.fmtAmount(total),
				spent.describe(), f.col, c.fmtAmount(carried.Value), c.fmtAmount(table.Add(carried.Value))))
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
