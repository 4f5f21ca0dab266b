package narrative

import (
	"fmt"
	"regexp"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// figure is what a reference resolves to: a named amount, the whole its
// share is taken of, and the prior year's budget for it, when known.
type figure struct {
	name     model.Text
	value    amount.Amount
	whole    amount.Amount
	hasWhole bool
	prior    amount.Amount
	hasPrior bool
}

// share returns the figure's percentage of its whole, false when there
// is no whole or it is zero.
func (fg figure) share() (amount.Amount, bool) {
	if !fg.hasWhole {
		return amount.Amount{}, false
	}
	return amount.Percent(fg.value, fg.whole, 2)
}

const refHelp = "references start with income, expenditure, general, basic, three_public, operating_costs, procurement, assets, performance, project or a table number like t5"

var refHeads = []string{"income", "expenditure", "general", "basic", "three_public", "operating_costs", "procurement", "assets", "performance", "project"}

var tableRef = regexp.MustCompile(`^t([0-9]+(?:-[0-9]+)*)$`)

// resolve finds the figure a reference path names.
func (r *Renderer) resolve(ref string) (figure, error) {
	head, rest, dotted := strings.Cut(ref, ".")
	switch head {
	case "income":
		return r.income(ref, rest)
	case "expenditure":
		return r.totalRow(ref, rest, model.KindExpenditure, []string{"total", "basic", "project"},
			model.Bi("支出合计", "Total expenditure"))
	case "general":
		if c, err := classify.ParseCode(rest); err == nil {
			return r.function(ref, c)
		}
		if words := []string{"total", "basic", "project"}; !oneOf(rest, words...) {
			return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(rest, words, "general.", ""),
				"use general.total, general.basic, general.project or general.<functional code>, like general.2010350")
		}
		return r.totalRow(ref, rest, model.KindGeneral, []string{"total", "basic", "project"},
			model.Bi("一般公共预算支出合计", "Total general public budget expenditure"))
	case "basic":
		return r.totalRow(ref, rest, model.KindGeneralBasic, []string{"total", "personnel", "public"},
			model.Bi("一般公共预算基本支出", "Basic expenditure from the general public budget"))
	case "three_public":
		return r.threePublic(ref, rest)
	case "operating_costs":
		if dotted {
			return figure{}, unknown(fmt.Sprintf("unknown reference %q", ref), head, refHelp)
		}
		return r.operatingCosts()
	case "procurement":
		return r.procurement(ref, rest)
	case "project":
		return r.project(rest)
	case "assets":
		return r.assets(ref, rest)
	case "performance":
		return r.performance(ref, rest)
	}
	if m := tableRef.FindStringSubmatch(head); m != nil {
		return r.tableCell(ref, m[1], rest)
	}
	suffix := ""
	if dotted {
		suffix = "." + rest
	}
	return figure{}, unknown(fmt.Sprintf("unknown reference %q", ref), suggest(head, refHeads, "", suffix), refHelp)
}

func oneOf(s string, list ...string) bool {
	for _, v := range list {
		if s == v {
			return true
		}
	}
	return false
}

func itemKeys(items []model.Item) []string {
	keys := make([]string, 0, len(items)+1)
	for _, it := range items {
		keys = append(keys, it.Key)
	}
	return append(keys, "total")
}

func (r *Renderer) income(ref, item string) (figure, error) {
	keys := itemKeys(model.IncomeItems)
	if !oneOf(item, keys...) {
		return figure{}, unknown(fmt.Sprintf("unknown income item %q in %s", item, ref), suggest(item, keys, "income.", ""),
			"the items are "+strings.Join(keys, ", "))
	}
	t, err := r.tableOf(model.KindSummary, ref)
	if err != nil {
		return figure{}, err
	}
	fg, err := r.cell(t, "income", item, "amount")
	if item == "total" {
		fg.name = model.Bi("收入总计", "Total revenue")
	}
	return fg, err
}

// totalRow reads a column of the total row of a table of the given kind.
func (r *Renderer) totalRow(ref, col, kind string, cols []string, totalName model.Text) (figure, error) {
	if !oneOf(col, cols...) {
		head, _, _ := strings.Cut(ref, ".")
		return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(col, cols, head+".", ""),
			"use "+head+"."+strings.Join(cols, ", "+head+"."))
	}
	t, err := r.tableOf(kind, ref)
	if err != nil {
		return figure{}, err
	}
	fg, err := r.cell(t, "rows", "total", col)
	if col == "total" {
		fg.name = totalName
	}
	return fg, err
}

func (r *Renderer) function(ref string, c classify.Code) (figure, error) {
	if _, ok := r.f.CodeName(r.dict, classify.Function, c); !ok {
		return figure{}, fmt.Errorf("unknown functional code %s in %s: the classification has no such code in %d; write a code without spaces, like general.2010350", string(c), ref, r.f.Year)
	}
	t, err := r.tableOf(model.KindGeneral, ref)
	if err != nil {
		return figure{}, err
	}
	return r.cell(t, "rows", string(c), "total")
}

func (r *Renderer) threePublic(ref, item string) (figure, error) {
	keys := itemKeys(model.ThreePublicItems)
	if !oneOf(item, keys...) {
		return figure{}, unknown(fmt.Sprintf("unknown three_public item %q in %s", item, ref), suggest(item, keys, "three_public.", ""),
			"the items are "+strings.Join(keys, ", "))
	}
	t, err := r.tableOf(model.KindThreePublic, ref)
	if err != nil {
		return figure{}, err
	}
	fg, err := r.cell(t, "rows", item, "total")
	if item == "total" {
		fg.name = model.Bi("“三公”经费", "The “three public expenses”")
	}
	return fg, err
}

func (r *Renderer) operatingCosts() (figure, error) {
	oc := r.f.OperatingCosts
	if oc == nil {
		return figure{}, fmt.Errorf("the data file has no operating_costs (机关运行经费) for operating_costs to read")
	}
	fg := figure{name: model.Bi("机关运行经费", "Running costs of government agencies"), value: oc.Amount}
	if p := r.f.Prior.OperatingCosts; p != nil {
		fg.prior, fg.hasPrior = p.Amount, true
	}
	return fg, nil
}

func (r *Renderer) procurement(ref, key string) (figure, error) {
	p := r.f.Procurement
	keys := []string{"total", "goods", "works", "services", "sme", "small_micro"}
	if !oneOf(key, keys...) {
		return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(key, keys, "procurement.", ""),
			"use procurement."+strings.Join(keys, ", procurement."))
	}
	if p == nil {
		return figure{}, fmt.Errorf("the data file has no procurement (政府采购情况) for %s to read", ref)
	}
	part := func(key, zh, en string, v, whole model.Money) (figure, error) {
		if v.Pos.Line == 0 {
			return figure{}, fmt.Errorf("the data file has no %s (%s) under procurement: for %s to read", key, zh, ref)
		}
		fg := figure{name: model.Bi(zh, en), value: v.Amount}
		if whole.Pos.Line != 0 {
			fg.whole, fg.hasWhole = whole.Amount, true
		}
		return fg, nil
	}
	switch key {
	case "goods":
		return part(key, "政府采购货物预算", "Goods", p.Goods, p.Total)
	case "works":
		return part(key, "政府采购工程预算", "Works", p.Works, p.Total)
	case "services":
		return part(key, "政府采购服务预算", "Services", p.Services, p.Total)
	case "sme":
		return part(key, "面向中小企业预留", "Reserved for small and medium-sized enterprises", p.SME, p.Total)
	case "small_micro":
		return part(key, "小微企业预留", "Reserved for small and micro enterprises", p.SmallMicro, p.SME)
	}
	return figure{name: model.Bi("政府采购预算", "Government procurement"), value: p.Total.Amount}, nil
}

func (r *Renderer) project(id string) (figure, error) {
	p := r.f.Project(id)
	if p == nil {
		ids := make([]string, len(r.f.Projects))
		for i, p := range r.f.Projects {
			ids[i] = p.ID
		}
		if len(ids) == 0 {
			return figure{}, fmt.Errorf("unknown project %q: the data file lists no projects", id)
		}
		return figure{}, unknown(fmt.Sprintf("unknown project %q", id), suggest(id, ids, "project.", ""),
			"the projects are "+strings.Join(ids, ", "))
	}
	fg := figure{name: p.Name, value: p.Amount.Amount}
	// A project's share is of the projects paid from the same source, as
	// the table of that source totals them.
	kind, col := model.KindExpenditure, "project"
	switch p.Source {
	case model.SourceGeneral:
		kind, col = model.KindGeneralProj, "total"
	case model.SourceFund:
		kind = model.KindFund
	case model.SourceSOE:
		kind = model.KindSOE
	case model.SourceCarryover:
		kind, col = model.KindCarryover, "total"
	}
	if t := r.f.Table(kind); t != nil {
		if total := t.Row("rows", "total"); total != nil {
			if i := t.Kind.Part("rows").Column(col); i >= 0 {
				fg.whole, fg.hasWhole = r.cellValue(t, "rows", total, i), true
			}
		}
	}
	return fg, nil
}

// tableCell reads t<no>[.<part>].<row>.<column>.
func (r *Renderer) tableCell(ref, no, rest string) (figure, error) {
	var t *model.Table
	nos := make([]string, 0, len(r.f.Tables))
	for _, tt := range r.f.Tables {
		nos = append(nos, "t"+tt.No)
		if tt.No == no {
			t = tt
		}
	}
	if t == nil {
		return figure{}, fmt.Errorf("there is no table %s: the tables are %s", no, strings.Join(nos, ", "))
	}
	segs := strings.Split(rest, ".")
	if rest == "" || len(segs) < 2 {
		return figure{}, fmt.Errorf("%s needs a row and a column after the table number, like t%s.total.%s", ref, no, t.Kind.Parts[0].Columns[0].Key)
	}
	col := segs[len(segs)-1]
	segs = segs[:len(segs)-1]
	var part *model.Part
	if len(t.Kind.Parts) == 1 {
		part = &t.Kind.Parts[0]
	} else if p := t.Kind.Part(segs[0]); p != nil && len(segs) > 1 {
		part, segs = p, segs[1:]
	}
	row := strings.Join(segs, ".")
	if c, err := classify.ParseCode(row); err == nil {
		row = string(c)
	}
	if part == nil {
		var found []string
		for i := range t.Kind.Parts {
			p := &t.Kind.Parts[i]
			if t.Row(p.Key, row) != nil {
				found = append(found, p.Key)
				part = p
			}
		}
		if len(found) != 1 {
			var keys []string
			for _, p := range t.Kind.Parts {
				keys = append(keys, p.Key)
			}
			if len(found) == 0 {
				return figure{}, fmt.Errorf("table %s has no row %q in its %s part", t.No, row, strings.Join(keys, " or "))
			}
			return figure{}, fmt.Errorf("table %s has a row %q in its %s part; name the part before the row, like t%s.%s.%s.%s",
				t.No, row, strings.Join(found, " and "), t.No, found[0], row, col)
		}
	}
	return r.cell(t, part.Key, row, col)
}

// tableOf returns the table of a kind that a named reference reads.
func (r *Renderer) tableOf(kind, ref string) (*model.Table, error) {
	t := r.f.Table(kind)
	if t == nil {
		return nil, fmt.Errorf("the data file has no %s table (%s) for %s to read", kind, model.Kinds[kind].Title.ZH(), ref)
	}
	return t, nil
}

// cellValue returns a cell's amount; an empty cell is zero, printed with
// the decimal places of the table's total row.
func (r *Renderer) cellValue(t *model.Table, part string, row *model.Row, col int) amount.Amount {
	c := row.Cell(col)
	if !c.Empty {
		return c.Value
	}
	places := 2
	if total := t.Row(part, "total"); total != nil {
		for _, tc := range total.Cells {
			if !tc.Empty {
				places = tc.Value.Places()
				break
			}
		}
	}
	return amount.Zero(places)
}

// cell reads one cell of a table as a figure. Its whole is the total row
// of the same column or, for the total row, its first column. A row that
// the table leaves out is zero when it is a known item or has a prior
// figure (the document then states its fall to zero).
func (r *Renderer) cell(t *model.Table, partKey, rowKey, col string) (figure, error) {
	part := t.Kind.Part(partKey)
	if !t.HasRows() {
		return figure{}, fmt.Errorf("table %s (%s) is an empty table and has no figures", t.No, t.Name("zh"))
	}
	ci := part.Column(col)
	if ci < 0 {
		keys := make([]string, len(part.Columns))
		for i, c := range part.Columns {
			keys[i] = c.Key
		}
		return figure{}, unknown(fmt.Sprintf("table %s has no column %q", t.No, col), suggest(col, keys, "", ""),
			"its columns are "+strings.Join(keys, ", "))
	}
	rows := t.Parts[partKey]
	fg := figure{name: r.rowName(t, part, rowKey, ci)}
	fg.prior, fg.hasPrior = r.priorOf(t.Kind.ID, partKey, rowKey, col)
	total := t.Row(partKey, "total")
	if row := t.Row(partKey, rowKey); row != nil {
		fg.value = r.cellValue(t, partKey, row, ci)
	} else {
		_, item := part.Item(rowKey)
		if !item && !fg.hasPrior {
			keys := make([]string, len(rows))
			for i, rw := range rows {
				keys[i] = rw.Key
			}
			if part.Rows == model.Items {
				keys = itemKeys(part.Items)
			}
			return figure{}, unknown(fmt.Sprintf("table %s has no row %q", t.No, rowKey), suggest(rowKey, keys, "", ""),
				"its rows are "+strings.Join(keys, ", "))
		}
		fg.value = r.cellValue(t, partKey, &model.Row{}, 0)
	}
	switch {
	case total == nil:
	case rowKey != "total":
		fg.whole, fg.hasWhole = r.cellValue(t, partKey, total, ci), true
	case ci > 0:
		fg.whole, fg.hasWhole = r.cellValue(t, partKey, total, 0), true
	}
	return fg, nil
}

// rowName names a row, or for the total row its column, in both
// languages.
func (r *Renderer) rowName(t *model.Table, part *model.Part, key string, col int) model.Text {
	switch {
	case key == "total" && col == 0:
		return model.Bi("合计", "Total")
	case key == "total":
		return part.Columns[col].Title
	case part.Rows == model.Items:
		it, _ := part.Item(key)
		return itemName(it.Title)
	case part.Rows == model.ProjectRows && key == "unit":
		return r.f.Department.Name
	case part.Rows == model.ProjectRows && r.f.Project(key) != nil:
		return r.f.Project(key).Name
	}
	scheme := classify.Function
	if part.Rows == model.EconomicCodes {
		scheme = classify.Economic
	}
	c := classify.Code(key)
	n, ok := r.f.CodeName(r.dict, scheme, c)
	if !ok {
		return model.Bi(c.String(), c.String())
	}
	if n.EN == "" {
		return model.T(n.ZH)
	}
	return model.Bi(n.ZH, n.EN)
}

// assets resolves assets.<item>: the values of 国有资产占用使用情况.
func (r *Renderer) assets(ref, key string) (figure, error) {
	a := r.f.Assets
	items := []struct {
		key, zh, en string
		value       func() model.Money
	}{
		{"buildings", "房屋价值", "Buildings", func() model.Money { return a.BuildingValue }},
		{"vehicles", "车辆价值", "Vehicles", func() model.Money { return a.Vehicles.Value }},
		{"general_vehicles", "一般公务用车价值", "General official vehicles", func() model.Money { return a.GeneralVehicles.Value }},
		{"enforcement_vehicles", "执法执勤用车价值", "Law enforcement vehicles", func() model.Money { return a.EnforcementVehicles.Value }},
		{"other_vehicles", "其他车辆价值", "Other vehicles", func() model.Money { return a.OtherVehicles.Value }},
		{"furniture", "办公家具价值", "Office furniture", func() model.Money { return a.Furniture }},
		{"other", "其他资产价值", "Other assets", func() model.Money { return a.Other }},
	}
	var keys []string
	for _, it := range items {
		keys = append(keys, it.key)
		if it.key == key {
			if a == nil {
				return figure{}, fmt.Errorf("the data file has no assets (国有资产占用使用情况) for %s to read", ref)
			}
			v := it.value()
			if v.Pos.Line == 0 {
				return figure{}, fmt.Errorf("the data file has no %s (%s) under assets: for %s to read", it.key, it.zh, ref)
			}
			return figure{name: model.Bi(it.zh, it.en), value: v.Amount}, nil
		}
	}
	return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(key, keys, "assets.", ""),
		"use assets."+strings.Join(keys, ", assets."))
}

// performance resolves performance.overall.<upper|own|other|total> (the
// funds of 部门整体绩效目标表) and performance.<project>.<total|fiscal|other>
// (项目资金 of a project's table), as those tables state them.
func (r *Renderer) performance(ref, rest string) (figure, error) {
	who, key, _ := strings.Cut(rest, ".")
	perf := r.f.Performance
	if who == "overall" {
		o := perf.Overall
		if o == nil {
			return figure{}, fmt.Errorf("the data file has no overall performance targets for %s to read", ref)
		}
		switch key {
		case "upper":
			return given(ref, "upper (上级安排)", o.Upper, model.Bi("上级安排", "From the higher level"))
		case "own":
			return given(ref, "own (本级安排)", o.Own, model.Bi("本级安排", "From this level"))
		case "other":
			return given(ref, "other (其他资金)", o.Other, model.Bi("其他资金", "Other funds"))
		case "total":
			fg, found := figure{name: model.Bi("年度预算", "Annual budget"), value: amount.Zero(0)}, false
			for _, m := range []model.Money{o.Upper, o.Own, o.Other} {
				if m.Pos.Line != 0 {
					fg.value, found = fg.value.Add(m.Amount), true
				}
			}
			if !found {
				return figure{}, fmt.Errorf("the overall performance targets give no funds (upper, own, other) for %s to add up", ref)
			}
			return fg, nil
		}
		return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(key, []string{"upper", "own", "other", "total"}, "performance.overall.", ""),
			"use performance.overall.upper, .own, .other or .total")
	}
	for _, t := range perf.Projects {
		if t.Project != who {
			continue
		}
		switch key {
		case "total":
			return figure{name: model.Bi("年度预算总额", "Annual budget"), value: t.Total.Amount}, nil
		case "fiscal":
			return given(ref, "fiscal (财政拨款)", t.Fiscal, model.Bi("财政拨款", "Fiscal appropriations"))
		case "other":
			return given(ref, "other (其他资金)", t.Other, model.Bi("其他资金", "Other funds"))
		}
		return figure{}, unknown(fmt.Sprintf("unknown figure %q", ref), suggest(key, []string{"total", "fiscal", "other"}, "performance."+who+".", ""),
			fmt.Sprintf("use performance.%s.total, .fiscal or .other", who))
	}
	whos := []string{"overall"}
	for _, t := range perf.Projects {
		whos = append(whos, t.Project)
	}
	return figure{}, unknown(fmt.Sprintf("unknown reference %q", ref), suggest(who, whos, "performance.", "."+key),
		"use performance.overall.<upper|own|other|total> or performance.<project id>.<total|fiscal|other> for a project with performance targets")
}

// given is the figure of a performance table's funds, or an error when
// the table leaves that part of its funds out: a page never states a
// figure the data file does not give.
func given(ref, what string, m model.Money, name model.Text) (figure, error) {
	if m.Pos.Line == 0 {
		return figure{}, fmt.Errorf("the performance targets give no %s funds for %s to read", what, ref)
	}
	return figure{name: name, value: m.Amount}, nil
}
