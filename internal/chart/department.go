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
// expenses”. A chart whose figures the file does not have is left out.
func Department(f *model.File, c Context) []Chart {
	d := dept{f: f, c: c, m: i18n.ForFile(c.Lang, f.Unit)}
	var out []Chart
	for _, build := range []func() (Chart, bool){d.income, d.functions, d.basic, d.prior, d.threePublic} {
		if ch, ok := build(); ok {
			out = append(out, ch)
		}
	}
	return out
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
	return Chart{
		ID: id, Kind: "pie", Height: 360,
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
		Option: d.c.pie(id, title, d.c.T("chart.income.series"), d.m, slices, whole),
	}, true
}

// pie draws named amounts as a doughnut, with the exact share of each
// as its label; on a phone the labels give way to the legend.
func (c Context) pie(id, title, series string, m i18n.Money, slices []slice, whole amount.Amount) []byte {
	p := charts.NewPie()
	p.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "0", Left: "center"}))...)
	var data []opts.PieData
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
	}
	p.AddSeries(series, data,
		charts.WithPieChartOpts(opts.PieChart{Radius: []string{"38%", "62%"}, Center: []string{"50%", "45%"}}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	return encode(p,
		mediaRule{Option: mediaOption{Series: []charts.SingleSeries{{Label: &opts.Label{Show: opts.Bool(true)}}}}},
		mediaRule{Query: &mediaQuery{MaxWidth: narrow}, Option: mediaOption{Series: []charts.SingleSeries{{Label: &opts.Label{Show: opts.Bool(false)}}}}},
	)
}

// functions is a treemap of expenditure by function from table 3, 类 →
// 款 → 项: it shows the 类 and drills down on a click, with a breadcrumb
// to come back.
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
	var nodes []node
	var parts []string
	// Rows are in code order, so a row's parent comes before it.
	index := map[classify.Code][]int{} // path of indices into nodes
	for _, r := range t.Parts["rows"] {
		if r.Code.Level() == 0 {
			continue
		}
		v := cell(t, "rows", &r, "total")
		if v.Sign() <= 0 {
			continue
		}
		name := d.c.codeName(d.f, classify.Function, r.Code)
		pct := ""
		if p, ok := amount.Percent(v, total, 2); ok {
			pct = "  " + p.String() + "%"
		}
		n := node{Name: name, Value: number(d.m.Value(v)),
			Label:   haloLabel(name+"\n"+d.m.Format(v), true),
			Tooltip: tip(r.Code.String()+" "+name, d.m.WithUnit(v)+pct)}
		parent := r.Code.Parent()
		for parent != "" && index[parent] == nil {
			parent = parent.Parent()
		}
		if parent == "" {
			index[r.Code] = []int{len(nodes)}
			nodes = append(nodes, n)
			parts = append(parts, d.c.share(name, d.m, v, total))
			continue
		}
		path := index[parent]
		list := &nodes
		for _, i := range path {
			list = &(*list)[i].Children
		}
		index[r.Code] = append(append([]int{}, path...), len(*list))
		*list = append(*list, n)
	}
	if len(nodes) == 0 {
		return Chart{}, false
	}
	summary := d.c.tf("chart.functions.summary", d.m.WithUnit(total), d.c.list(parts))
	id, title := "chart-functions", d.c.T("chart.functions.title")
	tm := charts.NewTreeMap()
	tm.SetGlobalOptions(append(d.c.base(id, title), noLegend)...)
	gap := &opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 2, GapWidth: 2}
	tm.AddSeries(d.c.T("chart.functions.root"), nil,
		// Set one by one: WithTreeMapOpts would also copy its nil
		// UpperLabel, which marshals as null.
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.LeafDepth, s.Roam = 1, opts.Bool(false)
			s.Top, s.Left, s.Right, s.Bottom = "8", "8", "8", "44"
			s.Levels = &[]opts.TreeMapLevel{{ItemStyle: gap}, {ItemStyle: gap}, {ItemStyle: gap}}
		}))
	// go-echarts types the data as []opts.TreeMapNode; ours keeps the decimals.
	tm.MultiSeries[0].Data = nodes
	return Chart{
		ID: id, Kind: "treemap", Height: 380,
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
		Option: encode(tm),
	}, true
}

// basic is a sunburst of general public budget expenditure (table 5):
// basic and project expenditure; basic expenditure split into personnel
// and operating costs and those into their 款 lines of the economic
// classification (table 6); project expenditure into its projects
// (table 7).
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
	mk := func(depth int, name string, v amount.Amount, children []node) node {
		pct := ""
		share := 0.0
		if p, ok := amount.Percent(v, total, 2); ok {
			pct = "  " + p.String() + "%"
			share, _ = strconv.ParseFloat(p.String(), 64) // for the layout only
		}
		// A label only where the sector holds it; the tooltip names every sector.
		text, fits := sectorLabel(name, depth, share/100)
		return node{Name: name, Value: number(d.m.Value(v)), Children: children,
			Label: haloLabel(text, fits), Tooltip: tip(name, d.m.WithUnit(v)+pct)}
	}
	var top []node
	var basicParts []string
	if basic.Sign() > 0 {
		var kinds []node
		if t6, rows6 := d.table(model.KindGeneralBasic, "rows"); t6 != nil {
			sources = append(sources, d.source(t6))
			for _, col := range []string{"personnel", "public"} {
				v := cell(t6, "rows", rows6["total"], col)
				if v.Sign() <= 0 {
					continue
				}
				name := d.c.text(t6.Kind.Part("rows").Columns[t6.Kind.Part("rows").Column(col)].Title)
				kinds = append(kinds, mk(2, name, v, d.economicLines(t6, col, mk)))
				basicParts = append(basicParts, d.c.share(name, d.m, v, basic))
			}
		}
		top = append(top, mk(1, colTitle("basic"), basic, kinds))
	}
	if project.Sign() > 0 {
		var projects []node
		if t7, _ := d.table(model.KindGeneralProj, "rows"); t7 != nil {
			sources = append(sources, d.source(t7))
			for _, r := range t7.Parts["rows"] {
				p := d.f.Project(r.Project)
				if p == nil {
					continue
				}
				if v := cell(t7, "rows", &r, "total"); v.Sign() > 0 {
					projects = append(projects, mk(2, d.c.text(p.Name), v, nil))
				}
			}
		}
		top = append(top, mk(1, colTitle("project"), project, projects))
	}
	summary := d.c.tf("chart.basic.summary", d.m.WithUnit(total), d.c.list([]string{
		d.c.share(colTitle("basic"), d.m, basic, total), d.c.share(colTitle("project"), d.m, project, total)}))
	if len(basicParts) > 0 {
		summary += d.c.tf("chart.basic.economic", d.c.list(basicParts))
	}
	id, title := "chart-basic", d.c.T("chart.basic.title")
	sb := charts.NewSunburst()
	sb.SetGlobalOptions(append(d.c.base(id, title), noLegend)...)
	sb.AddSeries(d.c.T("chart.basic.series"), nil,
		charts.WithSeriesOpts(func(s *charts.SingleSeries) {
			s.Levels = sunburstLevels()
		}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 1}))
	// go-echarts types the data as []opts.SunBurstData; ours keeps the decimals.
	sb.MultiSeries[0].Data = top
	return Chart{
		ID: id, Kind: "sunburst", Height: 420,
		Title: title, Label: d.c.label(title), Summary: summary, Sources: sources,
		Option: encode(sb),
	}, true
}

// economicLines returns the 款 lines of table 6 in one column (personnel
// or operating costs); the 类 lines when the table has no 款.
func (d dept) economicLines(t *model.Table, col string, mk func(int, string, amount.Amount, []node) node) []node {
	for _, level := range []int{2, 1} {
		var out []node
		for _, r := range t.Parts["rows"] {
			if r.Code.Level() != level {
				continue
			}
			if v := cell(t, "rows", &r, col); v.Sign() > 0 {
				out = append(out, mk(3, d.c.codeName(d.f, classify.Economic, r.Code), v, nil))
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// prior compares general public budget expenditure by 类 (table 5) with
// the prior year's budget, added up from the codes under each 类.
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
			continue
		}
		parts = append(parts, d.c.tf("chart.prior.item", name, d.m.WithUnit(v), d.m.WithUnit(p), d.c.change(v, p)))
	}
	summary := d.c.tf("chart.prior.summary", d.c.list(parts))
	id, title := "chart-prior", d.c.T("chart.prior.title")
	years := [2]string{d.c.tf("chart.year", d.f.Year-1), d.c.tf("chart.year", d.f.Year)}
	return Chart{
		ID: id, Kind: "bar", Height: barHeight(len(names), 2),
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
		Option: d.c.bars(id, title, d.m, names, []string{years[0], years[1]}, [][]amount.Amount{before, now}, [][]bool{unknown, nil}),
	}, true
}

// threePublic compares the three public expenses of table 10, and their
// prior year's budget when the file has it.
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
	series := []string{d.c.tf("chart.year", d.f.Year)}
	values := [][]amount.Amount{now}
	if hasPrior {
		p, _ := model.PriorOfItem(d.f.Prior.ThreePublic, items, "total")
		summary = d.c.tf("chart.three.summary.prior", d.m.WithUnit(total), d.m.WithUnit(p), d.c.list(parts))
		series = []string{d.c.tf("chart.year", d.f.Year-1), series[0]}
		values = [][]amount.Amount{before, now}
	}
	id, title := "chart-three-public", d.c.T("chart.three.title")
	return Chart{
		ID: id, Kind: "bar", Height: barHeight(len(names), len(series)),
		Title: title, Label: d.c.label(title), Summary: summary, Sources: []Source{d.source(t)},
		Option: d.c.bars(id, title, d.m, names, series, values, [][]bool{unknown, nil}),
	}, true
}

// barHeight gives horizontal bars room for their category labels.
func barHeight(categories, series int) int {
	return 130 + categories*(16+22*series)
}

// bars draws horizontal bars, one group per category (names, top to
// bottom) and one bar per series, each labelled with its amount. A value
// marked in unknown (which may be nil or short) is one the file does not
// give: it has no bar and no label, rather than a bar of 0.
func (c Context) bars(id, title string, m i18n.Money, names, series []string, values [][]amount.Amount, unknown [][]bool) []byte {
	b := charts.NewBar()
	wrapped := make([]string, len(names))
	for i, n := range names {
		wrapped[i] = wrap(n, c.Lang)
	}
	b.SetGlobalOptions(append(c.base(id, title),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(series) > 1), Top: "0", Left: "center"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "56", Top: "36", Bottom: "32", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: m.UnitName(), NameLocation: "middle", NameGap: 26,
			AxisLabel: &opts.AxisLabel{HideOverlap: opts.Bool(true), ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true),
			AxisLabel: &opts.AxisLabel{Interval: "0", ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(true)}}),
	)...)
	b.SetXAxis(wrapped)
	for s, name := range series {
		var data []opts.BarData
		for i, v := range values[s] {
			if s < len(unknown) && i < len(unknown[s]) && unknown[s][i] {
				data = append(data, opts.BarData{Name: names[i], Value: "-"})
				continue
			}
			data = append(data, opts.BarData{
				Name: names[i], Value: number(m.Value(v)),
				Label:   &opts.Label{Formatter: m.Format(v)},
				Tooltip: tip(names[i], name+"  "+m.WithUnit(v)),
			})
		}
		b.AddSeries(name, data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "28" }))
	}
	b.XYReversal()
	return encode(b)
}
