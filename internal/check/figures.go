package check

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// sourceNames are the funding sources as messages name them.
var sourceNames = map[string]string{
	model.SourceGeneral:   "the general public budget (一般公共预算)",
	model.SourceFund:      "government funds (政府性基金预算)",
	model.SourceSOE:       "state capital operations (国有资本经营预算)",
	model.SourceSpecial:   "special fiscal accounts (财政专户管理资金)",
	model.SourceUnit:      "unit funds (单位资金)",
	model.SourceCarryover: "last year's carry-over (上年结转结余)",
}

// projects checks each project against its allocation and against the
// table of its source: its row of table 7 (general public budget) or
// table 11 (carry-over), or its share of the project column of table 8
// (government funds), table 9 (state capital) or table 3 (the rest).
// All projects together never exceed table 3's project column.
func (c *checker) projects() {
	t7 := c.f.Table(model.KindGeneralProj)
	t11 := c.f.Table(model.KindCarryover)
	c.projectRows(t7, model.SourceGeneral)
	c.projectRows(t11, model.SourceCarryover)
	for _, p := range c.f.Projects {
		if len(p.Allocation) > 0 {
			sum := amount.Zero(0)
			for _, a := range p.Allocation {
				sum = sum.Add(a.Amount.Amount)
			}
			c.compare("allocation", p.ID, p.Amount.Pos, p.Amount.Amount, sum, len(p.Allocation),
				fmt.Sprintf("project %s is %s, but its allocation (资金分配) adds up to %s", p.ID, c.fmtAmount(p.Amount.Amount), c.fmtAmount(sum)))
		}
		switch {
		case p.Source == model.SourceGeneral && c.published(model.KindGeneralProj):
			c.projectRow(t7, model.KindGeneralProj, p)
		case p.Source == model.SourceCarryover && c.published(model.KindCarryover):
			c.projectRow(t11, model.KindCarryover, p)
		}
	}
	if !c.published(model.KindGeneralProj) {
		// Without table 7, the general public budget's projects are
		// part of table 5's project column.
		c.projectSums(c.term(model.KindGeneral, "rows", "project"), model.SourceGeneral)
	}
	c.projectSums(c.term(model.KindFund, "rows", "project"), model.SourceFund)
	c.projectSums(c.term(model.KindSOE, "rows", "project"), model.SourceSOE)
	c.projectSums(c.term(model.KindExpenditure, "rows", "project"), model.SourceSpecial, model.SourceUnit)
	c.projectSums(c.term(model.KindExpenditure, "rows", "project"), model.Sources...)
}

// projectRows checks that the project rows of a table (7 or 11) name
// projects of the table's source.
func (c *checker) projectRows(t *model.Table, source string) {
	if t == nil {
		return
	}
	for _, r := range t.Parts["rows"] {
		p := c.f.Project(r.Project)
		if p == nil || p.Source == source {
			continue
		}
		c.errorf("project-table", p.ID, r.Pos, "project %s (%s) is paid from %s (source: %s), so it is not a row of %s, which lists the projects paid from %s; remove the row, or correct the project's source",
			p.ID, p.Name.ZH(), sourceNames[p.Source], p.Source, tableName(t), sourceNames[source])
	}
}

// projectRow checks a project against its row of table 7 or 11: the
// row's total, and for table 7 its split by economic class.
func (c *checker) projectRow(t *model.Table, kind string, p *model.Project) {
	if t == nil {
		return // the template rule reports the missing table
	}
	row := t.Row("rows", p.ID)
	if row == nil {
		c.errorf("project-table", p.ID, p.Pos, "project %s (%s) is paid from %s, but it is not in %s; add a row [%s, …]",
			p.ID, p.Name.ZH(), sourceNames[p.Source], tableName(t), p.ID)
		return
	}
	part := t.Kind.Part("rows")
	total := row.Cell(part.Column("total"))
	c.compare("project-table", p.ID, total.Pos, total.Value, p.Amount.Amount, 1,
		fmt.Sprintf("%s shows project %s as %s, but the project says %s", tableName(t), p.ID, c.fmtAmount(total.Value), c.fmtAmount(p.Amount.Amount)))
	if kind != model.KindGeneralProj || len(p.Allocation) == 0 {
		return
	}
	// The allocation by economic class (类) against the table's columns.
	byClass := map[string]amount.Amount{}
	for _, a := range p.Allocation {
		k := string(a.Code[:3])
		byClass[k] = byClass[k].Add(a.Amount.Amount)
	}
	var problems []string
	for _, col := range part.Columns[1:] {
		v := row.Cell(part.Column(col.Key)).Value
		if !v.Equal(byClass[col.Key]) {
			problems = append(problems, fmt.Sprintf("%s %s: the allocation has %s, the table %s",
				col.Key, col.Title.ZH(), c.fmtAmount(byClass[col.Key]), c.fmtAmount(v)))
		}
		delete(byClass, col.Key)
	}
	for k, v := range byClass {
		problems = append(problems, fmt.Sprintf("%s: the allocation has %s, which no column of the table holds", k, c.fmtAmount(v)))
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		c.errorf("allocation-class", p.ID, row.Pos, "project %s (%s) is split by economic class differently in its allocation (资金分配) and in %s: %s",
			p.ID, p.Name.ZH(), tableName(t), strings.Join(problems, "; "))
	}
}

// projectSums checks that the projects paid from the given sources,
// added up under each functional code, do not exceed what the table
// shows for that code: at the project's 项 when the table lists it, or
// else at the nearest 款 or 类 above it that it lists.
func (c *checker) projectSums(tm term, sources ...string) {
	if !c.published(tm.kind) {
		return
	}
	type group struct {
		sum amount.Amount
		ids []string
		pos diag.Pos
	}
	groups := map[classify.Code]*group{}
	for _, p := range c.f.Projects {
		if !slices.Contains(sources, p.Source) || p.Function == "" {
			continue
		}
		// The code the table shows the project under.
		code := p.Function
		for code != "" {
			if _, found := tm.at(code); found {
				break
			}
			code = code.Parent()
		}
		g := groups[code]
		if g == nil {
			g = &group{sum: amount.Zero(0), pos: p.Amount.Pos}
			groups[code] = g
		}
		g.sum = g.sum.Add(p.Amount.Amount)
		g.ids = append(g.ids, fmt.Sprintf("%s %s", p.ID, p.Amount.Grouped()))
	}
	codes := make([]classify.Code, 0, len(groups))
	for code := range groups {
		codes = append(codes, code)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	var what []string
	for _, s := range sources {
		what = append(what, sourceNames[s])
	}
	from := "paid from " + strings.Join(what, " or ")
	if len(sources) == len(model.Sources) {
		from = "of every source"
	}
	for _, code := range codes {
		g := groups[code]
		shown, _ := tm.at(code)
		if g.sum.Cmp(shown) <= 0 {
			continue
		}
		under := "in the whole table"
		if code != "" {
			n, _ := c.f.CodeName(c.dict, classify.Function, code)
			under = "under " + code.String() + " " + n.ZH
		}
		shows := fmt.Sprintf("%s shows %s", tm.describe(), c.fmtAmount(shown))
		if tm.t != nil && code != "" {
			if _, found := tm.at(code); !found {
				shows = fmt.Sprintf("%s has no row for it", tableName(tm.t))
			}
		}
		c.errorf("project-table", fmt.Sprintf("%s %s", strings.Join(sources, "+"), code), g.pos,
			"the projects %s %s come to %s (%s), more than %s: a project's budget is part of it",
			from, under, c.fmtAmount(g.sum), strings.Join(g.ids, ", "), shows)
	}
}

// performance checks the performance-target tables against the budget.
func (c *checker) performance() {
	perf := c.f.Performance
	if o := perf.Overall; o != nil {
		total := o.Upper.Add(o.Own.Amount).Add(o.Other.Amount)
		if summary := c.f.Table(model.KindSummary); summary != nil {
			in, _ := summary.Cell("income", "total", "amount")
			c.compare("performance", "overall", o.Own.Pos, total, in.Value, 1,
				fmt.Sprintf("the overall performance targets (部门整体绩效目标表) count %s of funds (上级安排 + 本级安排 + 其他), but the budget's total income is %s",
					c.fmtAmount(total), c.fmtAmount(in.Value)))
		}
		c.weights("overall", "the overall performance targets", o.Pos, o.Indicators)
	}
	seen := map[string]bool{}
	for _, t := range perf.Projects {
		p := c.f.Project(t.Project)
		if p == nil {
			continue
		}
		if seen[t.Project] {
			c.errorf("performance", t.Project, t.Pos, "project %s has two performance-target tables", t.Project)
		}
		seen[t.Project] = true
		c.compare("performance", t.Project, t.Total.Pos, t.Total.Amount, p.Amount.Amount, 1,
			fmt.Sprintf("the performance targets of project %s give a budget of %s, but the project is %s",
				t.Project, c.fmtAmount(t.Total.Amount), c.fmtAmount(p.Amount.Amount)))
		parts := t.Fiscal.Add(t.Other.Amount)
		c.compare("performance", t.Project, t.Total.Pos, t.Total.Amount, parts, 2,
			fmt.Sprintf("the performance targets of project %s give a budget of %s, but 财政拨款 %s + 其他资金 %s = %s",
				t.Project, c.fmtAmount(t.Total.Amount), t.Fiscal.Grouped(), t.Other.Grouped(), c.fmtAmount(parts)))
		if !t.Title.IsZero() && t.Title.ZH() != p.Name.ZH() {
			c.warnf("project-name", t.Project, t.Title.Pos,
				"the performance targets of project %s call it %q, but the project list and %s call it %q",
				t.Project, t.Title.ZH(), "the tables", p.Name.ZH())
		}
		c.weights(t.Project, "the performance targets of project "+t.Project, t.Pos, t.Indicators)
	}
}

// weights checks that indicator weights add up as site.yaml says.
func (c *checker) weights(subject, what string, pos diag.Pos, inds []model.Indicator) {
	if c.cfg == nil || c.cfg.IndicatorWeights == 0 || len(inds) == 0 {
		return
	}
	sum := 0
	for _, in := range inds {
		sum += in.Weight
	}
	if sum != c.cfg.IndicatorWeights {
		c.errorf("weights", subject, pos, "the weights (分值权重) of %s add up to %d, but they should add up to %d (check.indicator_weights in site.yaml)",
			what, sum, c.cfg.IndicatorWeights)
	}
}

// threePublic checks that each 三公 figure is at least the matching line
// of basic expenditure: the line is part of it, projects can add to it.
func (c *checker) threePublic() {
	tp := c.f.Table(model.KindThreePublic)
	basic := c.f.Table(model.KindGeneralBasic)
	if tp == nil || basic == nil {
		return
	}
	lines := []struct{ item, code string }{
		{"outbound", "30212"},
		{"reception", "30217"},
		{"vehicles.operation", "30231"},
	}
	tpPart := tp.Kind.Part("rows")
	for _, l := range lines {
		v, found := tp.Cell("rows", l.item, "general")
		b, _ := basic.Cell("rows", l.code, "total")
		if v.Value.Cmp(b.Value) >= 0 {
			continue
		}
		pos := v.Pos
		if !found {
			pos = tp.Pos
		}
		it, _ := tpPart.Item(l.item)
		name, _ := c.dict.Lookup(classify.Economic, classify.Code(l.code), c.f.Year)
		c.errorf("three-public", l.item, pos,
			"%s gives %s from the general public budget as %s, less than the %s line %s %s of %s; that line is part of it, so it cannot be smaller",
			tableName(tp), it.Title.ZH(), c.fmtAmount(v.Value), classify.Code(l.code).String(), name.ZH, c.fmtAmount(b.Value), tableName(basic))
	}
}

// department checks the staffing figures.
func (c *checker) department() {
	s := c.f.Department.Staffing
	if s.Pos.Line == 0 {
		return
	}
	if sum := s.Active.Count + s.Retired.Count + s.Veteran.Count; sum != s.Actual {
		c.errorf("staffing", "actual", s.Pos, "实有人数 is %d, but 在职 %d + 退休 %d + 离休 %d = %d",
			s.Actual, s.Active.Count, s.Retired.Count, s.Veteran.Count, sum)
	}
}

// other checks 机关运行经费, procurement and assets.
func (c *checker) other() {
	if oc := c.f.OperatingCosts; oc != nil {
		// 机关运行经费 is the operating expenses (公用经费) of basic
		// expenditure paid from fiscal appropriations, of administrative
		// units: it cannot be more than the tables' 公用经费.
		public := amount.Zero(0)
		var from []string
		for _, tm := range []term{c.term(model.KindGeneralBasic, "rows", "public"), c.term(model.KindFund, "rows", "public"), c.term(model.KindSOE, "rows", "public")} {
			if v, ok := tm.at(""); ok && c.published(tm.kind) {
				public = public.Add(v)
				from = append(from, tm.describe())
			}
		}
		if len(from) > 0 && oc.Cmp(public) > 0 {
			c.errorf("operating-costs", "operating_costs", oc.Pos,
				"机关运行经费 is %s, more than the operating expenses (公用经费) of %s, %s; it is part of them",
				c.fmtAmount(oc.Amount), strings.Join(from, " and "), c.fmtAmount(public))
		}
	}
	if p := c.f.Procurement; p != nil {
		parts := p.Goods.Add(p.Works.Amount).Add(p.Services.Amount)
		c.compare("procurement", "total", p.Total.Pos, p.Total.Amount, parts, 3,
			fmt.Sprintf("government procurement (政府采购) is %s, but goods %s + works %s + services %s = %s",
				c.fmtAmount(p.Total.Amount), p.Goods.Grouped(), p.Works.Grouped(), p.Services.Grouped(), c.fmtAmount(parts)))
		if p.SME.Cmp(p.Total.Amount) > 0 {
			c.errorf("procurement", "sme", p.SME.Pos, "the amount reserved for small and medium enterprises %s is more than all procurement %s",
				c.fmtAmount(p.SME.Amount), c.fmtAmount(p.Total.Amount))
		}
		if p.SmallMicro.Cmp(p.SME.Amount) > 0 {
			c.errorf("procurement", "small_micro", p.SmallMicro.Pos, "the amount reserved for small and micro enterprises %s is more than that for small and medium enterprises %s",
				c.fmtAmount(p.SmallMicro.Amount), c.fmtAmount(p.SME.Amount))
		}
		if t := c.f.Table(model.KindProcurement); t != nil {
			for _, l := range []struct {
				item string
				m    model.Money
			}{{"total", p.Total}, {"goods", p.Goods}, {"works", p.Works}, {"services", p.Services}} {
				v, found := t.Cell("rows", l.item, "total")
				pos := v.Pos
				if !found {
					pos = t.Pos
				}
				c.compare("procurement", "table "+t.No+" "+l.item, pos, v.Value, l.m.Amount, 1,
					fmt.Sprintf("%s gives %s as %s, but procurement: says %s", tableName(t), l.item, c.fmtAmount(v.Value), c.fmtAmount(l.m.Amount)))
			}
		}
		if summary := c.f.Table(model.KindSummary); summary != nil {
			out, _ := summary.Cell("expenditure", "total", "amount")
			if p.Total.Cmp(out.Value) > 0 {
				c.errorf("procurement", "budget", p.Total.Pos, "government procurement %s is more than the whole budget %s", c.fmtAmount(p.Total.Amount), c.fmtAmount(out.Value))
			}
		}
	}
	if a := c.f.Assets; a != nil && a.Vehicles.Pos.Line != 0 {
		count := a.GeneralVehicles.Count + a.EnforcementVehicles.Count + a.OtherVehicles.Count
		if count != a.Vehicles.Count {
			c.errorf("assets", "vehicles", a.Vehicles.Pos, "%d vehicles in all, but general %d + enforcement %d + other %d = %d",
				a.Vehicles.Count, a.GeneralVehicles.Count, a.EnforcementVehicles.Count, a.OtherVehicles.Count, count)
		}
		value := a.GeneralVehicles.Value.Add(a.EnforcementVehicles.Value.Amount).Add(a.OtherVehicles.Value.Amount)
		c.compare("assets", "vehicles", a.Vehicles.Value.Pos, a.Vehicles.Value.Amount, value, 3,
			fmt.Sprintf("the vehicles are worth %s in all, but their kinds add up to %s", c.fmtAmount(a.Vehicles.Value.Amount), c.fmtAmount(value)))
	}
}
