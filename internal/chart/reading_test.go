package chart

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"budgetpress/internal/amount"
	"budgetpress/internal/model"
)

// TestContrast: the text on every tile colour of both palettes reads at
// 4.5 : 1 or more, and the high-contrast colours stand at 7 : 1 or more
// on its black, with its text at 7 : 1 too.
func TestContrast(t *testing.T) {
	for _, c := range append(append([]string{}, palette...), hcPalette...) {
		if r := contrast(textOn(c), c); r < 4.5 {
			t.Errorf("text %s on %s: %.2f : 1, want 4.5 : 1", textOn(c), c, r)
		}
	}
	for _, c := range append(append([]string{}, hcPalette...), hcText, hcAccent) {
		if r := contrast(c, hcBackground); r < 7 {
			t.Errorf("high contrast: %s on %s is %.2f : 1, want 7 : 1", c, hcBackground, r)
		}
	}
	for _, tc := range []struct {
		a, b string
		want float64
	}{{"#000000", "#ffffff", 21}, {"#ffffff", "#ffffff", 1}, {"#777777", "#ffffff", 4.48}} {
		if got := contrast(tc.a, tc.b); got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestTicks: value axes end on a tick, at or beyond the largest value,
// with at most n intervals of a round size.
func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		top       float64
		n         int
		max, step float64
	}{
		{604.13, 3, 1000, 500},
		{500.80, 5, 600, 200},
		{1969.56, 3, 2000, 1000},
		{1969.56, 5, 2000, 500},
		{1.99, 5, 2, 0.5},
		{1.99, 2, 2, 1},
		{0.17, 3, 0.2, 0.1},
		{600, 3, 600, 200},
		{19695.6, 2, 20000, 10000},
		{0, 3, 1, 1},
	} {
		got := ticks(tc.top, tc.n)
		if got.Max != tc.max || got.Interval != tc.step {
			t.Errorf("ticks(%v, %d) = max %v step %v, want %v, %v", tc.top, tc.n, got.Max, got.Interval, tc.max, tc.step)
		}
		if got.Max < tc.top || got.Max/got.Interval > float64(tc.n)+1e-9 {
			t.Errorf("ticks(%v, %d) = %+v: short of the value or too many intervals", tc.top, tc.n, got)
		}
	}
}

// TestBarsTicksOnPhones: the bar charts' media rules set evenly spaced
// ticks, fewer on narrower boxes.
func TestBarsTicksOnPhones(t *testing.T) {
	c := find(t, pages(t, "zh")["department.zh"], "chart-prior")
	media := rawOption(t, c)["media"].([]any)
	var intervals []string
	for _, m := range media {
		x := m.(map[string]any)["option"].(map[string]any)["xAxis"].([]any)[0].(map[string]any)
		intervals = append(intervals, x["max"].(interface{ String() string }).String()+"/"+x["interval"].(interface{ String() string }).String())
	}
	if want := "2000/500 2000/1000 2000/1000"; strings.Join(intervals, " ") != want {
		t.Errorf("prior chart's axes by width: %v, want %s", intervals, want)
	}
}

func rawOption(t *testing.T, c Chart) map[string]any {
	t.Helper()
	var m map[string]any
	dec := jsonDecoder(c.Option)
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSingleValue: a chart of one value is a sentence that states it.
func TestSingleValue(t *testing.T) {
	for _, lang := range langs {
		ch := find(t, pages(t, lang)["department."+lang], "chart-income")
		if ch.Kind != "text" || ch.Option != nil || !strings.Contains(ch.Summary, "604.13") && !strings.Contains(ch.Summary, "6,041.3") {
			t.Errorf("%s income: kind %q, option %d bytes, summary %q; want a sentence with the figure", lang, ch.Kind, len(ch.Option), ch.Summary)
		}
	}
	// One department on the home page: a sentence too.
	c := context(t, "zh")
	ch, ok := Departments([]*model.File{example(t)}, c)
	if !ok || ch.Option != nil || !strings.Contains(ch.Summary, "604.13 万元") {
		t.Errorf("one department: %v, option %d bytes, %q", ok, len(ch.Option), ch.Summary)
	}
}

// TestTreemapWhenTilesFit: expenditure by function is a treemap only
// when every 类 has a tenth or more; each tile's label is its full name
// in the colour that reads on it, broken into lines, never cut.
func TestTreemapWhenTilesFit(t *testing.T) {
	f := example(t)
	tbl := *f.Table(model.KindExpenditure)
	rows := append([]model.Row{}, tbl.Parts["rows"]...)
	col := tbl.Kind.Part("rows").Column("total")
	// Give every 类 a quarter: 150.00 each.
	for i := range rows {
		if rows[i].Code.Level() == 1 {
			cells := append([]model.Cell{}, rows[i].Cells...)
			cells[col].Value = amount.MustParse("150.00")
			rows[i].Cells = cells
		}
	}
	tbl.Parts = map[string][]model.Row{"rows": rows}
	g := *f
	g.Tables = nil
	for _, t0 := range f.Tables {
		if t0.Kind.ID == model.KindExpenditure {
			g.Tables = append(g.Tables, &tbl)
		} else {
			g.Tables = append(g.Tables, t0)
		}
	}
	for _, lang := range langs {
		ch := find(t, Department(&g, context(t, lang)), "chart-functions")
		if ch.Kind != "treemap" {
			t.Fatalf("%s: %s, want a treemap", lang, ch.Kind)
		}
		for _, o := range []map[string]any{option(t, ch), contrastOption(t, ch)} {
			s := o["series"].([]any)[0].(map[string]any)
			for _, n := range s["data"].([]any) {
				n := n.(map[string]any)
				l := n["label"].(map[string]any)
				bg := n["itemStyle"].(map[string]any)["color"].(string)
				if r := contrast(l["color"].(string), bg); r < 4.5 || l["overflow"] != "break" || !strings.HasPrefix(l["formatter"].(string), n["name"].(string)+"\n") {
					t.Errorf("%s %s: label %v on %s (%.2f : 1)", lang, n["name"], l, bg, r)
				}
			}
		}
	}
}

// TestViewData: "view data" shows the figures as the tables print
// them, the derived prior year marked, in the page's language.
func TestViewData(t *testing.T) {
	for _, tc := range []struct {
		lang, chart string
		head        []string
		row         []string
		note        string
	}{
		{"zh", "chart-prior", []string{"功能分类科目", "2023 年预算（万元）", "2024 年预算（万元）", "增减"},
			[]string{"201 一般公共服务支出", "1,969.56", "500.80", "下降 74.57%"}, "上年预算数系据第三部分增减额推算。"},
		{"en", "chart-prior", []string{"Functional classification", "2023 budget (thousand yuan)", "2024 budget (thousand yuan)", "Change"},
			[]string{"201 General public services", "19,695.6", "5,008.0", "down 74.57%"}, "The prior year's figures are derived from the changes stated in Part 3."},
		{"zh", "chart-functions", []string{"功能分类科目", "金额（万元）", "占比"},
			[]string{"201 03 50 事业运行", "260.80", "43.17%"}, ""},
		{"zh", "chart-basic", []string{"项目", "金额（万元）", "占比"},
			[]string{"基本工资", "86.89", "14.38%"}, ""},
	} {
		v := viewTable(t, find(t, pages(t, tc.lang)["department."+tc.lang], tc.chart))
		if strings.Join(v.Head, "|") != strings.Join(tc.head, "|") || v.Note != tc.note {
			t.Errorf("%s %s: head %q note %q", tc.lang, tc.chart, v.Head, v.Note)
		}
		found := false
		for _, r := range v.Rows {
			found = found || strings.Join(r.Cells, "|") == strings.Join(tc.row, "|")
		}
		if !found {
			t.Errorf("%s %s lacks the row %q; has %+v", tc.lang, tc.chart, tc.row, v.Rows)
		}
	}
}

func jsonDecoder(b []byte) *json.Decoder {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return dec
}
