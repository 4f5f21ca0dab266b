package chart

import (
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// Department returns the charts of a department page in page order:
// income by source, expenditure by function, basic and project
// expenditure, this year against the prior year, and the “three public
// expenses”. A chart whose figures the file does not have is left out;
// one of a single value is a sentence (Kind "text", no option). Each
// option carries the option of the high-contrast mode (Extra).
func Department(f *model.File, c Context) []Chart {
	c.hc = false
	out := department(f, c)
	c.hc = true
	return withContrast(out, department(f, c))
}

func department(f *model.File, c Context) []Chart {
	d := dept{f: f, c: c, m: i18n.ForFile(c.Lang, f.Unit)}
	var out []Chart
	for _, build := range []func() (Chart, bool){d.income, d.functions, d.basic, d.prior, d.threePublic} {
		if ch, ok := build(); ok {
			out = append(out, ch)
		}
	}
	return out
}

// withContrast writes the option of each chart of normal, with the
// option of the same chart of hc, drawn for the high-contrast mode, in
// its Extra.
func withContrast(normal, hc []Chart) []Chart {
	for i := range normal {
		if normal[i].opt == nil {
			continue
		}
		var contrast []byte
		if i < len(hc) && hc[i].opt != nil {
			contrast = appendJSON(nil, hc[i].opt.v)
		}
		normal[i].Option, normal[i].opt = normal[i].opt.json(contrast), nil
	}
	return normal
}

// single makes a chart of one value a sentence: the figure keeps its
// title and summary, which states the value, and draws nothing.
func single(ch Chart) Chart {
	ch.Kind, ch.opt, ch.Option, ch.Height = "text", nil, nil, 0
	return ch
}

// dept builds the charts of one file in one language.
type dept struct {
	f *model.File
	c Context
	m i18n.Money
}

// table returns the rows of a table's part by key, nil when the file
// has no such table or the table is empty.
func (d dept) table(kind, part string) (*model.Table, map[string]*model.Row) {
	t := d.f.Table(kind)
	if t == nil || len(t.Parts[part]) == 0 {
		return nil, nil
	}
	rows := map[string]*model.Row{}
	for i := range t.Parts[part] {
		r := &t.Parts[part][i]
		rows[r.Key] = r
	}
	return t, rows
}

// cell returns the amount in a row's column, zero when the row or the
// cell is missing.
func cell(t *model.Table, part string, r *model.Row, col string) amount.Amount {
	if r == nil {
		return amount.Zero(2)
	}
	c := r.Cell(t.Kind.Part(part).Column(col))
	if c.Empty {
		return amount.Zero(2)
	}
	return c.Value
}

func (d dept) source(t *model.Table) Source {
	return Source{Href: "#table-" + t.No, Text: d.c.tf("table.no", t.No)}
}

// slice is one named amount of a chart.
type slice struct {
	name  string
	value amount.Amount
}

// income is a doughnut of the sources of income in table 1: the items
// of 本年收入 and 上年结转结余, or the item itself when it has no
// sub-items with figures.
func (d dept) income() (Chart, bool) {
	t, rows := d.table(model.KindSummary, "income")
	if t == nil {
		return Chart{}, false
	}
	part := t.Kind.Part("income")
	var slices []slice
	add := func(it model.Item) bool {
		v := cell(t, "income", rows[it.Key], "amount")
		if v.Sign() <= 0 {
			return false
		}
		slices = append(slices, slice{label(d.c.text(it.Title)), v})
		return true
	}
	for _, top := range part.Items {
		if top.Parent != "total" {
			continue
		}
		found := false
		for _, it := range part.Items {
			if it.Parent == top.Key && add(it) {
				found = true
			}
		}
		if !found {
			add(top)
		}
	}
	if len(slices) == 0 {
		return Chart{}, false
	}
	whole := amount.Zero(2)
	for _, s := range slices {
		whole = whole.Add(s.value)
	}
	if r := rows["total"]; r != nil {
		whole = cell(t, "income", r, "amount")
	}
	var parts []string
	for _, s := range slices {
		parts = append(parts, d.c.share(s.name, d.m, s.value, whole))
	}
	summary := d.c.tf("chart.income.summary", d.m.WithUnit(whole), d.c.list(parts))
	id, title := "chart-income", d.c.T("chart.income.title")
	ch := Chart{
		ID: id, Kind: "pie", Height: 360,
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
	}
	if len(slices) == 1 {
		return single(ch), true
	}
	ch.opt = d.c.pie(id, title, d.c.T("chart.income.series"), d.m, slices, whole)
	return ch, true
}

// shareTable is the view-data table of named amounts and their shares of
// a whole, the whole last.
func (c Context) shareTable(title, head string, m i18n.Money, rows []ViewRow, whole amount.Amount) *ViewTable {
	return &ViewTable{
		Caption: title,
		Head:    []string{head, c.tf("chart.data.amount", m.UnitName()), c.T("chart.data.share")},
		Rows:    append(rows, ViewRow{Cells: []string{c.T("chart.data.total"), m.Format(whole), "100.00%"}}),
	}
}

// shareRow is a row of a shareTable.
func shareRow(level int, name string, m i18n.Money, v, whole amount.Amount) ViewRow {
	pct := "—"
	if p, ok := amount.Percent(v, whole, 2); ok {
		pct = p.String() + "%"
	}
	return ViewRow{Level: level, Cells: []string{name, m.Format(v), pct}}
}

// pie draws named amounts as a doughnut, with the exact share of each
// as its label; on a phone the labels give way to the legend.
func (c Context) pie(id, title, series string, m i18n.Money, slices []slice, whole amount.Amount) *optionTree {
	p := charts.NewPie()
	p.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0", Left: "center"}))...)
	var data []opts.PieData
	var rows []ViewRow
	for _, s := range slices {
		pct := ""
		if p, ok := amount.Percent(s.value, whole, 2); ok {
			pct = p.String() + "%"
		}
		data = append(data, opts.PieData{
			Name: s.name, Value: number(m.Value(s.value)),
			Label:   &opts.Label{Formatter: s.name + "\n" + pct},
			Tooltip: tip(s.name, m.WithUnit(s.value)+"  "+pct),
		})
		rows = append(rows, shareRow(0, s.name, m, s.value, whole))
	}
	p.AddSeries(series, data,
		charts.WithPieChartOpts(opts.PieChart{Radius: []string{"38%", "62%"}, Center: []string{"50%", "45%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	return c.encode(p, title, c.shareTable(title, c.T("chart.data.item"), m, rows, whole),
		mediaRule{Option: mediaOption{Series: []seriesOpt{{Label: &opts.Label{Show: opts.Bool(true)}}}}},
		mediaRule{Query: &mediaQuery{MaxWidth: narrow}, Option: mediaOption{Series: []seriesOpt{{Label: &opts.Label{Show: opts.Bool(false)}}}}},
	)
}

// minTile is the smallest share, in percent, of a treemap's tile: a
// tile of less is too small for its name on a phone, so a chart with one
// is drawn as bars, and a 类 whose 款 include one does not open into
// them.
const minTile = 10.0

// percent is a share in percent as a float, for the layout only.
func percent(v, whole amount.Amount) float64 {
	p, ok := amount.Percent(v, whole, 2)
	if !ok {
		return 0
	}
	f, _ := strconv.ParseFloat(p.String(), 64)
	return f
}

// functions shows expenditure by function from table 3: a treemap of
// the 类 when every 类 has a tile large enough for its name (a 类 opens
// into its 款 on a click when theirs are too), horizontal bars
// otherwise. Its view-data table lists every 类, 款 and 项.
func (d dept) functions() (Chart, bool) {
	t, rows := d.table(model.KindExpenditure, "rows")
	if t == nil {
		return Chart{}, false
	}
	total := cell(t, "rows", rows["total"], "total")
	if rows["total"] == nil {
		for _, r := range t.Parts["rows"] {
			if r.Code.Level() == 1 {
				total = total.Add(cell(t, "rows", &r, "total"))
			}
		}
	}
	type fn struct {
		code     classify.Code
		name     string
		value    amount.Amount
		children []*fn
	}
	var top []*fn
	var table []ViewRow
	byCode := map[classify.Code]*fn{}
	// Rows are in code order, so a row's parent comes before it.
	for _, r := range t.Parts["rows"] {
		if r.Code.Level() == 0 {
			continue
		}
		v := cell(t, "rows", &r, "total")
		if v.Sign() <= 0 {
			continue
		}
		n := &fn{code: r.Code, name: d.c.codeName(d.f, classify.Function, r.Code), value: v}
		byCode[r.Code] = n
		parent := r.Code.Parent()
		for parent != "" && byCode[parent] == nil {
			parent = parent.Parent()
		}
		level := 0
		if parent == "" {
			top = append(top, n)
		} else {
			byCode[parent].children = append(byCode[parent].children, n)
			for p := parent; p != ""; p = p.Parent() {
				if byCode[p] != nil {
					level++
				}
			}
		}
		table = append(table, shareRow(level, r.Code.String()+" "+n.name, d.m, v, total))
	}
	if len(top) == 0 {
		return Chart{}, false
	}
	var parts []string
	tiles := len(top) > 1
	for _, n := range top {
		parts = append(parts, d.c.share(n.name, d.m, n.value, total))
		tiles = tiles && percent(n.value, total) >= minTile
	}
	summary := d.c.tf("chart.functions.summary", d.m.WithUnit(total), d.c.list(parts))
	id, title := "chart-functions", d.c.T("chart.functions.title")
	vt := d.c.shareTable(title, d.c.T("chart.data.function"), d.m, table, total)
	ch := Chart{ID: id, Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)}}
	if len(top) == 1 {
		return single(ch), true
	}
	if !tiles {
		names := make([]string, len(top))
		values := make([]amount.Amount, len(top))
		labels := make([]string, len(top))
		for i, n := range top {
			names[i], values[i] = n.name, n.value
			labels[i] = d.m.Format(n.value) + "  " + strconv.FormatFloat(percent(n.value, total), 'f', 2, 64) + "%"
		}
		ch.Kind, ch.Height = "bar", barHeight(names, 1, d.c.Lang)
		ch.opt = d.c.bars(id, title, d.m, barSpec{names: names, series: []string{d.c.T("chart.functions.root")},
			values: [][]amount.Amount{values}, labels: [][]string{labels}, table: vt})
		return ch, true
	}
	var mk func(n *fn, color string, whole amount.Amount) node
	mk = func(n *fn, color string, whole amount.Amount) node {
		pct := ""
		if p, ok := amount.Percent(n.value, total, 2); ok {
			pct = "  " + p.String() + "%"
		}
		out := node{Name: n.name, Value: number(d.m.Value(n.value)), ItemStyle: &tileStyle{Color: color},
			Label:   &nodeLabel{Formatter: n.name + "\n" + d.m.Format(n.value), Color: textOn(color), Overflow: "break"},
			Tooltip: tip(n.code.String()+" "+n.name, d.m.WithUnit(n.value)+pct)}
		if d.c.hc {
			out.Label.TextBorderColor, out.Label.TextBorderWidth = color, 3
		}
		open := len(n.children) > 1
		for _, k := range n.children {
			open = open && percent(k.value, n.value) >= minTile
		}
		if open {
			for _, k := range n.children {
				out.Children = append(out.Children, mk(k, color, n.value))
			}
		}
		return out
	}
	var nodes []node
	for i, n := range top {
		nodes = append(nodes, mk(n, d.c.tileColor(i), total))
	}
	tm := charts.NewTreeMap()
	tm.SetGlobalOptions(append(d.c.base(id, title), noLegend)...)
	border := "#ffffff"
	if d.c.hc {
		border = hcBackground
	}
	gap := &opts.ItemStyle{BorderColor: border, BorderWidth: 2, GapWidth: 2}
	tm.AddSeries(d.c.T("chart.functions.root"), nil,
		// Set one by one: WithTreeMapOpts would also copy its nil
		// UpperLabel, which marshals as null.
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.LeafDepth, s.Roam = 1, opts.Bool(false)
			s.Top, s.Left, s.Right, s.Bottom = "28", "8", "8", "44"
			s.Levels = &[]opts.TreeMapLevel{{ItemStyle: gap}, {ItemStyle: gap}, {ItemStyle: gap}}
		}))
	// go-echarts types the data as []opts.TreeMapNode; ours keeps the decimals.
	tm.MultiSeries[0].Data = nodes
	ch.Kind, ch.Height = "treemap", 380
	ch.opt = d.c.encode(tm, title, vt)
	return ch, true
}

// basic shows general public budget expenditure (table 5) as
// horizontal bars, every bar named: basic expenditure by personnel and
// operating costs (table 6), project expenditure by project (table 7),
// or each as one bar when the file does not split it; the legend tells
// basic from project. Its view-data table adds the 款 lines of the
// economic classification under each of the costs.
func (d dept) basic() (Chart, bool) {
	t5, rows5 := d.table(model.KindGeneral, "rows")
	if t5 == nil {
		return Chart{}, false
	}
	total := cell(t5, "rows", rows5["total"], "total")
	basic := cell(t5, "rows", rows5["total"], "basic")
	project := cell(t5, "rows", rows5["total"], "project")
	if basic.Sign() <= 0 && project.Sign() <= 0 {
		return Chart{}, false
	}
	if total.Sign() <= 0 {
		total = basic.Add(project)
	}
	sources := []Source{d.source(t5)}
	cols := t5.Kind.Part("rows").Columns
	colTitle := func(key string) string {
		for _, c := range cols {
			if c.Key == key {
				return d.c.text(c.Title)
			}
		}
		return key
	}
	type bar struct {
		name  string
		value amount.Amount
	}
	var groups []string
	var bars [][]bar
	var table []ViewRow
	var basicParts []string
	if basic.Sign() > 0 {
		table = append(table, shareRow(0, colTitle("basic"), d.m, basic, total))
		var kinds []bar
		if t6, rows6 := d.table(model.KindGeneralBasic, "rows"); t6 != nil {
			sources = append(sources, d.source(t6))
			for _, col := range []string{"personnel", "public"} {
				v := cell(t6, "rows", rows6["total"], col)
				if v.Sign() <= 0 {
					continue
				}
				name := d.c.text(t6.Kind.Part("rows").Columns[t6.Kind.Part("rows").Column(col)].Title)
				kinds = append(kinds, bar{name, v})
				table = append(table, shareRow(1, name, d.m, v, total))
				for _, l := range d.economicLines(t6, col) {
					table = append(table, shareRow(2, l.name, d.m, l.value, total))
				}
				basicParts = append(basicParts, d.c.share(name, d.m, v, basic))
			}
		}
		if len(kinds) == 0 {
			kinds = []bar{{colTitle("basic"), basic}}
		}
		groups, bars = append(groups, colTitle("basic")), append(bars, kinds)
	}
	if project.Sign() > 0 {
		table = append(table, shareRow(0, colTitle("project"), d.m, project, total))
		var projects []bar
		if t7, _ := d.table(model.KindGeneralProj, "rows"); t7 != nil {
			sources = append(sources, d.source(t7))
			for _, r := range t7.Parts["rows"] {
				p := d.f.Project(r.Project)
				if p == nil {
					continue
				}
				if v := cell(t7, "rows", &r, "total"); v.Sign() > 0 {
					projects = append(projects, bar{d.c.text(p.Name), v})
					table = append(table, shareRow(1, d.c.text(p.Name), d.m, v, total))
				}
			}
		}
		if len(projects) == 0 {
			projects = []bar{{colTitle("project"), project}}
		}
		groups, bars = append(groups, colTitle("project")), append(bars, projects)
	}
	summary := d.c.tf("chart.basic.summary", d.m.WithUnit(total), d.c.list([]string{
		d.c.share(colTitle("basic"), d.m, basic, total), d.c.share(colTitle("project"), d.m, project, total)}))
	if len(basicParts) > 0 {
		summary += d.c.tf("chart.basic.economic", d.c.list(basicParts))
	}
	id, title := "chart-basic", d.c.T("chart.basic.title")
	ch := Chart{ID: id, Kind: "bar", Title: title, Label: d.c.label(title), Summary: summary, Sources: sources}
	// One series per group, stacked, so that each name has one bar in
	// its group's colour.
	spec := barSpec{series: groups, stack: true, table: d.c.shareTable(title, d.c.T("chart.data.item"), d.m, table, total)}
	n := 0
	for _, g := range bars {
		n += len(g)
	}
	for gi, g := range bars {
		values, unknown, labels := make([]amount.Amount, n), make([]bool, n), make([]string, n)
		for i := range unknown {
			unknown[i] = true
		}
		start := 0
		for _, before := range bars[:gi] {
			start += len(before)
		}
		for i, b := range g {
			spec.names = append(spec.names, b.name)
			values[start+i], unknown[start+i] = b.value, false
			labels[start+i] = d.m.Format(b.value) + "  " + strconv.FormatFloat(percent(b.value, total), 'f', 2, 64) + "%"
		}
		spec.values, spec.unknown, spec.labels = append(spec.values, values), append(spec.unknown, unknown), append(spec.labels, labels)
	}
	if n == 1 {
		return single(ch), true
	}
	ch.Height = barHeight(spec.names, 1, d.c.Lang)
	ch.opt = d.c.bars(id, title, d.m, spec)
	return ch, true
}

// economicLines returns the 款 lines of table 6 in one column (personnel
// or operating costs); the 类 lines when the table has no 款.
func (d dept) economicLines(t *model.Table, col string) []slice {
	for _, level := range []int{2, 1} {
		var out []slice
		for _, r := range t.Parts["rows"] {
			if r.Code.Level() != level {
				continue
			}
			if v := cell(t, "rows", &r, col); v.Sign() > 0 {
				out = append(out, slice{d.c.codeName(d.f, classify.Economic, r.Code), v})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// years names the two series of a comparison with the prior year: the
// prior year's budget (上年预算数) and this year's budget or final
// accounts.
func (d dept) years() [2]string {
	now := "chart.year.budget"
	if d.f.Type == "final" {
		now = "chart.year.final"
	}
	return [2]string{d.c.tf("chart.year.budget", d.f.Year-1), d.c.tf(now, d.f.Year)}
}

// prior compares general public budget expenditure by 类 (table 5) with
// the prior year's budget, added up from the codes under each 类. The
// prior year's figures are those of the file's prior: section, which
// editors work out from the changes that Part 3 of the document states
// (docs/data-format.md); the chart says so.
func (d dept) prior() (Chart, bool) {
	t, rows := d.table(model.KindGeneral, "rows")
	if t == nil || len(d.f.Prior.Functions) == 0 {
		return Chart{}, false
	}
	classes := map[classify.Code]bool{}
	for _, r := range t.Parts["rows"] {
		if r.Code.Level() == 1 {
			classes[r.Code] = true
		}
	}
	for c := range d.f.Prior.Functions {
		classes[c[:3]] = true
	}
	var names []string
	var now, before []amount.Amount
	var unknown []bool
	var parts []string
	years := d.years()
	vt := &ViewTable{Head: []string{d.c.T("chart.data.function"),
		d.c.tf("chart.data.series", years[0], d.m.UnitName()), d.c.tf("chart.data.series", years[1], d.m.UnitName()), d.c.T("chart.data.change")},
		Note: d.c.T("chart.derived.note")}
	for _, c := range sortedCodes(classes) {
		v := cell(t, "rows", rows[string(c)], "total")
		p, found := model.PriorOfCode(d.f.Prior.Functions, c)
		name := d.c.codeName(d.f, classify.Function, c)
		names = append(names, name)
		now, before, unknown = append(now, v), append(before, p), append(unknown, !found)
		if !found {
			// The file gives no prior figure for this 类: no bar, and
			// the sentence states this year's figure alone.
			parts = append(parts, d.c.tf("chart.amount", name, d.m.WithUnit(v)))
			vt.Rows = append(vt.Rows, ViewRow{Cells: []string{c.String() + " " + name, "—", d.m.Format(v), "—"}})
			continue
		}
		parts = append(parts, d.c.tf("chart.prior.item", name, d.m.WithUnit(v), d.m.WithUnit(p), d.c.change(v, p)))
		vt.Rows = append(vt.Rows, ViewRow{Cells: []string{c.String() + " " + name, d.m.Format(p), d.m.Format(v), d.c.change(v, p)}})
	}
	summary := d.c.tf("chart.prior.summary", d.c.list(parts)) + d.c.T("chart.derived.sentence")
	id, title := "chart-prior", d.c.T("chart.prior.title")
	vt.Caption = title
	return Chart{
		ID: id, Kind: "bar", Height: barHeight(names, 2, d.c.Lang),
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
		opt: d.c.bars(id, title, d.m, barSpec{names: names, series: years[:],
			values: [][]amount.Amount{before, now}, unknown: [][]bool{unknown, nil},
			tips: []string{d.c.T("chart.derived"), ""}, table: vt}),
	}, true
}

// threePublic compares the three public expenses of table 10, and their
// prior year's budget when the file has it (worked out from Part 3's
// changes, as in prior).
func (d dept) threePublic() (Chart, bool) {
	t, rows := d.table(model.KindThreePublic, "rows")
	if t == nil {
		return Chart{}, false
	}
	items := t.Kind.Part("rows").Items
	hasPrior := len(d.f.Prior.ThreePublic) > 0
	var names []string
	var now, before []amount.Amount
	var unknown []bool
	var parts []string
	for _, it := range items {
		if it.Parent != "total" {
			continue
		}
		name := label(d.c.text(it.Title))
		v := cell(t, "rows", rows[it.Key], "total")
		names = append(names, name)
		now = append(now, v)
		parts = append(parts, d.c.tf("chart.amount", name, d.m.WithUnit(v)))
		if hasPrior {
			p, found := model.PriorOfItem(d.f.Prior.ThreePublic, items, it.Key)
			before, unknown = append(before, p), append(unknown, !found)
		}
	}
	total := cell(t, "rows", rows["total"], "total")
	summary := d.c.tf("chart.three.summary", d.m.WithUnit(total), d.c.list(parts))
	years := d.years()
	spec := barSpec{names: names, series: years[1:], values: [][]amount.Amount{now}}
	if hasPrior {
		p, _ := model.PriorOfItem(d.f.Prior.ThreePublic, items, "total")
		summary = d.c.tf("chart.three.summary.prior", d.m.WithUnit(total), d.m.WithUnit(p), d.c.list(parts)) + d.c.T("chart.derived.sentence")
		spec.series, spec.values, spec.unknown = years[:], [][]amount.Amount{before, now}, [][]bool{unknown, nil}
		spec.tips, spec.note = []string{d.c.T("chart.derived"), ""}, d.c.T("chart.derived.note")
	}
	id, title := "chart-three-public", d.c.T("chart.three.title")
	ch := Chart{
		ID: id, Kind: "bar", Height: barHeight(names, len(spec.series), d.c.Lang),
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
	}
	if spec.known() <= 1 {
		return single(ch), true
	}
	ch.opt = d.c.bars(id, title, d.m, spec)
	return ch, true
}
