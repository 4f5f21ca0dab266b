package chart

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

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
	Option []byte
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

// palette is the Okabe–Ito set of colours, which readers with any common
// form of colour blindness can tell apart; the decal patterns that aria
// adds tell the colours apart without colour vision at all.
var palette = opts.Colors{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"}

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
// makes up a random one otherwise), the palette, aria with decal
// patterns and with the box's accessible name as its description (else
// ECharts would replace the name with a generated one), and tooltips on
// items.
func (c Context) base(id, title string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithColorsOpts(palette),
		charts.WithAriaOpts(&opts.Aria{
			Enabled: opts.Bool(true),
			Label:   &opts.AriaLabel{Enabled: opts.Bool(true), Description: c.label(title)},
			Decal:   &opts.AriaDecal{Show: opts.Bool(true)},
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
// chart; the tables are the data view) and sets the font.
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

// encode returns a chart's option as JSON, with media rules for narrow
// screens when there are any. Maps marshal with sorted keys, so the
// output is the same on every build.
func encode(e echart, media ...mediaRule) []byte {
	e.Accept(visitor{})
	e.Validate()
	var v any = e.JSON()
	if len(media) > 0 {
		v = responsive{BaseOption: e.JSON(), Media: media}
	}
	b, err := json.Marshal(v)
	if err != nil {
		// Every value is one of go-echarts' option types or ours.
		panic("chart: " + err.Error())
	}
	return b
}

// responsive is an option with ECharts media queries: the base option,
// then options that apply at some container sizes.
type responsive struct {
	BaseOption map[string]any `json:"baseOption"`
	Media      []mediaRule    `json:"media"`
}

// mediaRule is one media query and what it changes. A rule without a
// query is the default, which restores what the others change when the
// container grows again.
type mediaRule struct {
	Query  *mediaQuery `json:"query,omitempty"`
	Option mediaOption `json:"option"`
}

type mediaQuery struct {
	MaxWidth int `json:"maxWidth"`
}

type mediaOption struct {
	Legend *opts.Legend          `json:"legend,omitempty"`
	Series []charts.SingleSeries `json:"series,omitempty"`
}

// narrow is the width below which a chart counts as on a phone.
const narrow = 480

// node is one element of a treemap or a sunburst. go-echarts' own types
// lose money: opts.TreeMapNode.Value is an int (500.80 would be 500) and
// opts.SunBurstData.Value a float64 (500.80 would print as 500.8). node
// carries the amount itself and marshals it with its exact decimals.
type node struct {
	Name     string        `json:"name"`
	Value    number        `json:"value"`
	Children []node        `json:"children,omitempty"`
	Label    *nodeLabel    `json:"label,omitempty"`
	Tooltip  *opts.Tooltip `json:"tooltip,omitempty"`
}

// nodeLabel is opts.Label with a halo, which go-echarts' type lacks:
// dark text with a white outline reads on every colour of the palette
// and over the decal patterns.
type nodeLabel struct {
	opts.Label
	TextBorderColor string `json:"textBorderColor,omitempty"`
	TextBorderWidth int    `json:"textBorderWidth,omitempty"`
	Rotate          string `json:"rotate,omitempty"` // sunburst: "radial" or "tangential"
}

func haloLabel(text string, show bool) *nodeLabel {
	l := &nodeLabel{Label: opts.Label{Formatter: text, Color: "#1a1a1a"}, TextBorderColor: "#ffffff", TextBorderWidth: 3}
	if !show {
		l.Show = opts.Bool(false)
	}
	return l
}

// number is an amount that marshals as a JSON number with exactly its
// published decimals: 500.80 stays 500.80, 5008.0 stays 5008.0.
type number amount.Amount

// MarshalJSON writes the amount's decimal string, which is a valid JSON
// number.
func (n number) MarshalJSON() ([]byte, error) { return []byte(amount.Amount(n).String()), nil }

// tip is a tooltip of one item. Its text is complete: ECharts shows it
// as it is, as canvas text (see tooltip).
func tip(lines ...string) *opts.Tooltip {
	return &opts.Tooltip{Formatter: types.FuncStr(strings.Join(lines, "\n"))}
}
