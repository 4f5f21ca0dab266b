package chart

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// Chart is one figure of a page: what the <figure> around it says, and
// the options ECharts draws it from.
type Chart struct {
	ID      string // the id of the chart's box, "chart-income"; its options are in ID+"-data"
	Kind    string // "pie", "treemap", "sunburst", "bar" or "line"
	Height  int    // the box's height in CSS pixels
	Title   string
	Label   string   // the accessible name of the chart's box, "图表：收入构成"
	Summary string   // one sentence stating what the chart shows, with its figures
	Sources []Source // the tables that print the figures in full
	// Option is the ECharts option as JSON. It is produced by
	// encoding/json, which escapes <, > and &, so it can stand inside a
	// <script type="application/json"> element as it is: no text of the
	// data can close the element. go-echarts' Render and RenderSnippet
	// are never used, for they write labels into a <script> unescaped.
	// Beside ECharts' own keys it has "budgetpress" (see Extra), which
	// the page script takes out before drawing. Nil when the chart is a
	// single value: the figure is then its summary alone (Kind "text").
	Option []byte
	opt    *optionTree // the option until it is written
}

// Source is a link to a table that holds a chart's figures.
type Source struct {
	Href string // "#table-1"
	Text string // "表1"
}

// Context is what charts need besides the data.
type Context struct {
	Lang string
	Dict *classify.Dictionary
	// T returns an interface string of layouts/i18n/<lang>.yaml.
	T func(key string) string
	// hc draws for the high-contrast reading mode: light colours on
	// black, decal patterns on (see Chart.Option).
	hc bool
}

func (c Context) tf(key string, args ...any) string { return fmt.Sprintf(c.T(key), args...) }

// text returns a text of the data in the page's language, or Chinese.
func (c Context) text(t model.Text) string {
	s, _ := t.In(c.Lang)
	return s
}

// codeName is the name of a classification code in the page's language,
// Chinese when the dictionary has no translation, the code when it has
// no name at all.
func (c Context) codeName(f *model.File, s classify.Scheme, code classify.Code) string {
	n, ok := f.CodeName(c.Dict, s, code)
	switch {
	case !ok:
		return code.String()
	case c.Lang != "zh" && n.EN != "":
		return n.EN
	}
	return n.ZH
}

// list joins the parts of a sentence with the language's separator.
func (c Context) list(parts []string) string { return strings.Join(parts, c.T("chart.sep")) }

// share states an amount and its percentage of a whole: "一般公共服务支出
// 500.80 万元，占 82.90%".
func (c Context) share(name string, m i18n.Money, v, whole amount.Amount) string {
	if p, ok := amount.Percent(v, whole, 2); ok {
		return c.tf("chart.share", name, m.WithUnit(v), p.String())
	}
	return c.tf("chart.amount", name, m.WithUnit(v))
}

// fonts is the theme's Chinese font stack (layouts/assets/site.css), so
// that canvas text matches the page and Chinese renders with a Chinese
// font. The theme's charts.js replaces it with the font of the chart's
// box, which follows the page's language, and sets the text sizes from
// the page's root font size.
const fonts = `-apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif`

// label is the accessible name of a chart's box. The box is described
// by the summary in the figcaption (aria-describedby), which screen
// readers would otherwise hear twice.
func (c Context) label(title string) string { return c.tf("chart.label", title) }

// base returns the global options every chart has: a fixed id (go-echarts
// makes up a random one otherwise), the palette of the mode, aria with
// the box's accessible name as its description (else ECharts would
// replace the name with a generated one), decal patterns in the high
// contrast mode only (the reader turned them on; elsewhere colour carries
// no meaning the labels do not state), and tooltips on items.
func (c Context) base(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithColorsOpts(c.palette()),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: c.label(title)},
			Decal:   &opts.AriaDecal{Show: opts.Bool(c.hc)},
		}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
	}
}

// noLegend disables the legend that go-echarts always emits: on a
// treemap or a sunburst ECharts would draw the node names over the
// breadcrumb.
var noLegend = charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)})

// tooltip adds two settings to opts.Tooltip that go-echarts lacks.
// RenderMode richText draws tooltips on the canvas: ECharts' HTML
// tooltips would set inline style attributes, which the pages' strict
// Content-Security-Policy blocks, and would read our tooltip texts as
// HTML. Confine keeps a tooltip inside the chart on a narrow phone.
type tooltip struct {
	opts.Tooltip
	RenderMode string `json:"renderMode"`
	Confine    bool   `json:"confine"`
}

// visitor adjusts what go-echarts puts into every option.
type visitor struct {
	charts.BaseConfigurationVisitor
}

func (visitor) VisitTooltipOpt(t opts.Tooltip) any {
	return tooltip{Tooltip: t, RenderMode: "richText", Confine: true}
}

// Visit drops the empty title and toolbox (the figcaption titles the
// chart; encode adds the toolbox) and sets the font.
func (visitor) Visit(o map[string]any) {
	delete(o, "title")
	delete(o, "toolbox")
	o["textStyle"] = opts.TextStyle{FontFamily: fonts}
}

// echart is what every go-echarts chart type offers.
type echart interface {
	Accept(charts.ConfigurationVisitor)
	Validate()
	JSON() map[string]any
}

// Extra is what an option carries for the page script under the key
// "budgetpress": the option to draw in the high-contrast reading mode
// instead, and the table that the toolbox's "view data" shows.
type Extra struct {
	Contrast json.RawMessage `json:"contrast,omitempty"`
	Table    *ViewTable      `json:"table,omitempty"`
}

// ViewTable is the table of a chart's figures that "view data" shows,
// every cell a text as the page prints it: amounts with their published
// decimals, shares with two.
type ViewTable struct {
	// The fields are in the order of their keys, as the maps of an
	// option are written.
	Caption string    `json:"caption"`
	Head    []string  `json:"head"`
	Note    string    `json:"note,omitempty"`
	Rows    []ViewRow `json:"rows"`
}

// ViewRow is a row of a ViewTable; Level indents its first cell (the
// 款 under its 类).
type ViewRow struct {
	Cells []string `json:"cells"`
	Level int      `json:"level,omitempty"`
}
