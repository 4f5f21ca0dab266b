package chart

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"budgetpress/internal/amount"
)

// encode returns a chart's option, to be written as JSON (json): go-echarts' option, with
// media rules for narrow screens when there are any, the toolbox (save
// as image, view data) in the page's language, the colours of the mode
// and the view-data table. Maps marshal with sorted keys and numbers are
// kept as written (json.Number), so the output is the same on every
// build and 500.80 stays 500.80.
func (c Context) encode(e echart, title string, table *ViewTable, media ...mediaRule) *optionTree {
	e.Accept(visitor{})
	e.Validate()
	o := tree(e.JSON()).(map[string]any)
	c.decorate(o, title)
	v := o
	if len(media) > 0 {
		v = map[string]any{"baseOption": o, "media": tree(media)}
	}
	return &optionTree{v: v, table: table}
}

// optionTree is a chart's option before it is written: the tree of encode,
// to which the high-contrast option is added, and the table of its
// figures.
type optionTree struct {
	v     map[string]any
	table *ViewTable
}

// json writes the option, with its Extra: the table, and contrast, the
// option of the high-contrast mode, when not nil. The maps of the tree
// are written with their keys sorted, and so are Extra's fields.
func (o *optionTree) json(contrast []byte) []byte {
	if contrast != nil || o.table != nil {
		o.v["budgetpress"] = Extra{Contrast: contrast, Table: o.table}
	}
	return appendJSON(nil, o.v)
}

// tree turns a value into the maps, slices, strings, booleans and
// json.Numbers that encoding/json decodes its JSON to.
func tree(v any) any {
	dec := json.NewDecoder(bytes.NewReader(marshal(v)))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		panic("chart: " + err.Error())
	}
	return out
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Every value is one of go-echarts' option types or ours.
		panic("chart: " + err.Error())
	}
	return b
}

// obj returns the object under key in m, made when missing.
func obj(m map[string]any, key string) map[string]any {
	if o, ok := m[key].(map[string]any); ok {
		return o
	}
	o := map[string]any{}
	m[key] = o
	return o
}

// each calls fn on the object v is, or on each object of the array v is.
func each(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		fn(v)
	case []any:
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				fn(m)
			}
		}
	}
}

// toolbox is the chart's toolbox: save as image (without the toolbox,
// named by the chart's title) and a read-only view of the data, whose
// content the page script makes from the option's view-data table.
func (c Context) toolbox(title string) map[string]any {
	t := map[string]any{
		"show": true, "right": "0", "top": "0", "itemSize": 15, "itemGap": 12,
		"feature": map[string]any{
			"saveAsImage": map[string]any{"title": c.T("chart.tool.image"), "name": title, "pixelRatio": 2},
			"dataView": map[string]any{"title": c.T("chart.tool.data"), "readOnly": true,
				"lang": []string{c.tf("chart.data.title", title), c.T("chart.tool.close"), c.T("chart.tool.refresh")}},
		},
	}
	if c.hc {
		t["iconStyle"] = map[string]any{"borderColor": hcText}
		t["emphasis"] = map[string]any{"iconStyle": map[string]any{"borderColor": hcAccent, "textFill": hcText}}
		f := t["feature"].(map[string]any)
		f["saveAsImage"].(map[string]any)["backgroundColor"] = hcBackground
		dv := f["dataView"].(map[string]any)
		dv["backgroundColor"], dv["textColor"], dv["buttonColor"], dv["buttonTextColor"] = hcBackground, hcText, hcAccent, hcBackground
	} else {
		f := t["feature"].(map[string]any)
		f["dataView"].(map[string]any)["buttonColor"] = "#1a4f8b"
	}
	return t
}

// decorate adds the toolbox and, in the high-contrast mode, the
// background and text colours to an option.
func (c Context) decorate(o map[string]any, title string) {
	o["toolbox"] = c.toolbox(title)
	if !c.hc {
		return
	}
	o["backgroundColor"] = hcBackground
	obj(o, "textStyle")["color"] = hcText
	each(o["legend"], func(l map[string]any) {
		obj(l, "textStyle")["color"] = hcText
		l["pageTextStyle"] = map[string]any{"color": hcText}
		l["pageIconColor"] = hcAccent
	})
	for _, key := range []string{"xAxis", "yAxis"} {
		each(o[key], func(a map[string]any) {
			obj(a, "axisLabel")["color"] = hcText
			obj(a, "nameTextStyle")["color"] = hcText
			obj(obj(a, "axisLine"), "lineStyle")["color"] = hcText
			obj(obj(a, "axisTick"), "lineStyle")["color"] = hcText
			obj(obj(a, "splitLine"), "lineStyle")["color"] = "#808080"
		})
	}
	each(o["series"], func(s map[string]any) {
		switch s["type"] {
		case "bar", "pie":
			obj(s, "label")["color"] = hcText
		case "treemap":
			b := obj(s, "breadcrumb")
			bs := obj(b, "itemStyle")
			bs["color"], bs["borderColor"] = hcText, hcBackground
			obj(bs, "textStyle")["color"] = hcBackground
		}
	})
}

// mediaRule is one media query and what it changes. A rule without a
// query is the default, which restores what the others change when the
// container grows again. The page script scales MaxWidth with the text
// size, as CSS breakpoints in em would.
type mediaRule struct {
	Query  *mediaQuery `json:"query,omitempty"`
	Option mediaOption `json:"option"`
}

type mediaQuery struct {
	MaxWidth int `json:"maxWidth"`
}

type mediaOption struct {
	Legend *opts.Legend `json:"legend,omitempty"`
	XAxis  []axisTicks  `json:"xAxis,omitempty"`
	Series []seriesOpt  `json:"series,omitempty"`
}

// seriesOpt is what a media rule changes in a series.
type seriesOpt struct {
	Label *opts.Label `json:"label,omitempty"`
}

// narrow is the width below which a chart counts as on a phone, and
// narrowest that of the smallest phones.
const (
	narrow    = 480
	narrowest = 330
)

// node is one element of a treemap. go-echarts' own type loses money:
// opts.TreeMapNode.Value is an int (500.80 would be 500). node carries
// the amount itself and marshals it with its exact decimals.
type node struct {
	Name      string        `json:"name"`
	Value     number        `json:"value"`
	Children  []node        `json:"children,omitempty"`
	ItemStyle *tileStyle    `json:"itemStyle,omitempty"`
	Label     *nodeLabel    `json:"label,omitempty"`
	Tooltip   *opts.Tooltip `json:"tooltip,omitempty"`
}

// tileStyle is a treemap tile's colour.
type tileStyle struct {
	Color string `json:"color"`
}

// nodeLabel is a tile's label: its full text, broken into lines where
// it is too long for the tile (never cut), in the colour that reads on
// the tile (textOn). In the high-contrast mode a halo of the tile's
// colour keeps it off the decal pattern.
type nodeLabel struct {
	Formatter       string `json:"formatter"`
	Color           string `json:"color"`
	Overflow        string `json:"overflow"`
	TextBorderColor string `json:"textBorderColor,omitempty"`
	TextBorderWidth int    `json:"textBorderWidth,omitempty"`
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
