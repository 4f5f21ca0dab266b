package chart

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress"
	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/i18n"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var langs = []string{"zh", "en"}

// example loads the example department-year of the repository.
func example(t *testing.T) *model.File {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "2024", "changji-egov.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	f, diags := load.File("data/2024/changji-egov.yaml", src, load.Options{Langs: langs})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return f
}

// context returns the chart context of a language with the default
// theme's interface strings; a string missing in that language fails
// the test.
func context(t *testing.T, lang string) Context {
	t.Helper()
	layouts, _ := fs.Sub(budgetpress.DefaultLayouts, "layouts")
	cat := i18n.New("zh")
	for _, l := range langs {
		src, err := fs.ReadFile(layouts, "i18n/"+l+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		cat.Add(l, l+".yaml", src)
	}
	return Context{Lang: lang, Dict: classify.Default(), T: func(key string) string {
		s, ok := cat.Get(lang, key)
		if !ok {
			t.Errorf("layouts/i18n/%s.yaml lacks %q", lang, key)
		}
		return s
	}}
}

// synthetic returns the example with, built in memory, the same
// department's budget of 2023 (a total of 500.00 万元) and a second
// department of 2024 kept in 元 (2,500,000.00 元, that is 250.00 万元).
func synthetic(t *testing.T) []*model.File {
	f := example(t)
	prior := *f
	prior.Year = 2023
	prior.Tables = []*model.Table{summary(t, "500.00")}
	other := *f
	other.ID, other.Unit = "other-office", "元"
	other.Department.Name = model.Bi("另一个办公室", "Another Office")
	other.Department.Short = model.Text{}
	other.Tables = []*model.Table{summary(t, "2,500,000.00")}
	return []*model.File{f, &prior, &other}
}

// summary is a table 1 with nothing but its total expenditure.
func summary(t *testing.T, total string) *model.Table {
	a, err := amount.Parse(total)
	if err != nil {
		t.Fatal(err)
	}
	return &model.Table{No: "1", Kind: model.Kinds[model.KindSummary], Parts: map[string][]model.Row{
		"expenditure": {{Key: "total", Cells: []model.Cell{{Value: a}}}},
	}}
}

// pages returns the charts of the example's department page and of the
// home page of the synthetic site, by golden file name; the trend chart
// as first drawn (its choices are in testdata/trend.*.json).
func pages(t *testing.T, lang string) map[string][]Chart {
	c := context(t, lang)
	files := synthetic(t)
	var home []Chart
	if d, ok := Departments(files, c); ok {
		home = append(home, d)
	}
	if tr, ok := Trends(files, c, "#trends-table"); ok {
		home = append(home, tr.Chart)
	}
	return map[string][]Chart{
		"department." + lang: Department(example(t), c),
		"home." + lang:       home,
	}
}

// golden is a chart as its golden file shows it.
type golden struct {
	ID, Kind, Title, Label, Summary string
	Height                          int
	Sources                         []Source
	Option                          json.RawMessage
}

// TestGolden compares the charts of both pages in both languages with
// testdata/*.json; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, lang := range langs {
		for name, charts := range pages(t, lang) {
			t.Run(name, func(t *testing.T) {
				var list []golden
				for _, c := range charts {
					list = append(list, golden{c.ID, c.Kind, c.Title, c.Label, c.Summary, c.Height, c.Sources, c.Option})
				}
				got, err := json.MarshalIndent(list, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				compareGolden(t, filepath.Join("testdata", name+".json"), got, "charts")
			})
		}
	}
}

// compareGolden compares got with the golden file at path, or rewrites
// the file under -update; what names the content in the message.
func compareGolden(t *testing.T, path string, got []byte, what string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differ from %s (go test -update rewrites it); got:\n%s", what, path, got)
	}
}

// option decodes a chart's option, numbers as written; the base option
// when it has media rules.
func option(t *testing.T, c Chart) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(c.Option))
	dec.UseNumber()
	var o map[string]any
	if err := dec.Decode(&o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	if b, ok := o["baseOption"].(map[string]any); ok {
		return b
	}
	return o
}

// extra decodes what a chart's option carries for the page script.
func extra(t *testing.T, c Chart) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(c.Option))
	dec.UseNumber()
	var o map[string]any
	if err := dec.Decode(&o); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	e, _ := o["budgetpress"].(map[string]any)
	return e
}

// contrastOption is a chart's option for the high-contrast mode, its
// base option when it has media rules.
func contrastOption(t *testing.T, c Chart) map[string]any {
	t.Helper()
	o, _ := extra(t, c)["contrast"].(map[string]any)
	if b, ok := o["baseOption"].(map[string]any); ok {
		return b
	}
	return o
}

// viewTable is a chart's view-data table.
func viewTable(t *testing.T, c Chart) ViewTable {
	t.Helper()
	var v ViewTable
	b, _ := json.Marshal(extra(t, c)["table"])
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", c.ID, err)
	}
	return v
}

func find(t *testing.T, charts []Chart, id string) Chart {
	t.Helper()
	for _, c := range charts {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no chart %s", id)
	return Chart{}
}

// values lists "name=value" of a chart's data, depth first, series
// after series, values exactly as the JSON has them.
func values(t *testing.T, c Chart) []string {
	var out []string
	var walk func(items []any, prefix string)
	walk = func(items []any, prefix string) {
		for _, it := range items {
			m := it.(map[string]any)
			v, ok := m["value"].(json.Number)
			if !ok {
				continue // "-": a value the file does not give
			}
			out = append(out, prefix+m["name"].(string)+"="+v.String())
			if kids, ok := m["children"].([]any); ok {
				walk(kids, prefix+m["name"].(string)+"/")
			}
		}
	}
	for _, s := range option(t, c)["series"].([]any) {
		s := s.(map[string]any)
		prefix := ""
		if s["type"] == "bar" {
			prefix = s["name"].(string) + ": "
		}
		walk(s["data"].([]any), prefix)
	}
	return out
}

// TestExactValues checks figures of each chart in both languages: the
// file's decimals in 万元 on Chinese pages, thousand yuan converted
// exactly on English ones.
func TestExactValues(t *testing.T) {
	for _, tc := range []struct {
		lang, page, chart string
		want              []string
	}{
		{"zh", "department", "chart-functions", []string{"全部支出: 一般公共服务支出=500.80", "全部支出: 社会保障和就业支出=54.50", "全部支出: 住房保障支出=29.42"}},
		{"en", "department", "chart-functions", []string{"All expenditure: General public services=5008.0", "All expenditure: Housing security=294.2"}},
		{"zh", "department", "chart-basic", []string{"基本支出: 人员经费=333.11", "基本支出: 公用经费=31.02", "项目支出: 昌吉州统一政务云密码服务支撑系统平台运行维护费=60.00"}},
		{"en", "department", "chart-basic", []string{"Basic expenditure: Personnel expenses=3331.1", "Basic expenditure: Operating expenses=310.2"}},
		// The prior year: 201 = 99.56 + 1,870.00 of its 项; 208 = 0.10 + 13.52 + 6.76.
		{"zh", "department", "chart-prior", []string{
			"2023 年预算: 一般公共服务支出=1969.56", "2023 年预算: 社会保障和就业支出=20.38", "2023 年预算: 卫生健康支出=7.24", "2023 年预算: 住房保障支出=10.66",
			"2024 年预算: 一般公共服务支出=500.80", "2024 年预算: 社会保障和就业支出=54.50", "2024 年预算: 卫生健康支出=19.41", "2024 年预算: 住房保障支出=29.42"}},
		{"en", "department", "chart-prior", []string{"2023 budget: General public services=19695.6", "2024 budget: General public services=5008.0", "2023 budget: Housing security=106.6"}},
		{"zh", "department", "chart-three-public", []string{"2023 年预算: 因公出国（境）费=0.00", "2023 年预算: 公务用车购置及运行费=1.99", "2024 年预算: 公务接待费=0.17", "2024 年预算: 公务用车购置及运行费=1.99"}},
		{"en", "department", "chart-three-public", []string{"2024 budget: Official hospitality=1.7", "2024 budget: Official vehicles: purchase and operation=19.9"}},
		// The other office's 2,500,000.00 元 are 250.00 万元 beside 604.13 万元.
		{"zh", "home", "chart-departments", []string{"2024 年: 昌吉州人民政府电子政务办公室=604.13", "2024 年: 另一个办公室=250.00"}},
		{"en", "home", "chart-departments", []string{"2024: Changji Prefecture E-Government Office=6041.3", "2024: Another Office=2500.0"}},
		{"zh", "home", "chart-trend", []string{"支出总计: 2023 年=500.00", "支出总计: 2024 年=604.13"}},
		{"en", "home", "chart-trend", []string{"Total expenditure: 2023=5000.0", "Total expenditure: 2024=6041.3"}},
	} {
		t.Run(tc.lang+"/"+tc.chart, func(t *testing.T) {
			got := values(t, find(t, pages(t, tc.lang)[tc.page+"."+tc.lang], tc.chart))
			have := map[string]bool{}
			for _, v := range got {
				have[v] = true
			}
			for _, w := range tc.want {
				if !have[w] {
					t.Errorf("lacks %s; has:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
}

// TestSummaries checks the sentences that state each chart's figures.
func TestSummaries(t *testing.T) {
	for _, tc := range []struct {
		lang, page, chart, want string
	}{
		{"zh", "department", "chart-income", "收入总计 604.13 万元：一般公共预算拨款 604.13 万元，占 100.00%。"},
		{"zh", "department", "chart-functions", "支出合计 604.13 万元，按功能分类：一般公共服务支出 500.80 万元，占 82.90%；社会保障和就业支出 54.50 万元，占 9.02%；卫生健康支出 19.41 万元，占 3.21%；住房保障支出 29.42 万元，占 4.87%。"},
		{"en", "department", "chart-functions", "Total expenditure is 6,041.3 thousand yuan; by function: General public services 5,008.0 thousand yuan (82.90%); Social security and employment 545.0 thousand yuan (9.02%); Health care 194.1 thousand yuan (3.21%); Housing security 294.2 thousand yuan (4.87%)."},
		{"zh", "department", "chart-basic", "一般公共预算支出 604.13 万元：基本支出 364.13 万元，占 60.27%；项目支出 240.00 万元，占 39.73%。基本支出中：人员经费 333.11 万元，占 91.48%；公用经费 31.02 万元，占 8.52%。"},
		{"zh", "department", "chart-prior", "一般公共预算支出按功能分类与上年预算比较：一般公共服务支出 500.80 万元，上年 1,969.56 万元，下降 74.57%；社会保障和就业支出 54.50 万元，上年 20.38 万元，增长 167.42%；卫生健康支出 19.41 万元，上年 7.24 万元，增长 168.09%；住房保障支出 29.42 万元，上年 10.66 万元，增长 175.98%。上年预算数系据第三部分增减额推算。"},
		{"en", "department", "chart-prior", "General public budget expenditure by function, against the prior year's budget: General public services 5,008.0 thousand yuan, prior year 19,695.6 thousand yuan, down 74.57%; Social security and employment 545.0 thousand yuan, prior year 203.8 thousand yuan, up 167.42%; Health care 194.1 thousand yuan, prior year 72.4 thousand yuan, up 168.09%; Housing security 294.2 thousand yuan, prior year 106.6 thousand yuan, up 175.98%. The prior year's figures are derived from the changes stated in Part 3."},
		{"zh", "department", "chart-three-public", "“三公”经费 2.16 万元，上年 2.16 万元：因公出国（境）费 0.00 万元；公务接待费 0.17 万元；公务用车购置及运行费 1.99 万元。上年预算数系据第三部分增减额推算。"},
		{"zh", "home", "chart-departments", "2024 年各部门支出总计：昌吉州人民政府电子政务办公室 604.13 万元；另一个办公室 250.00 万元。"},
		{"en", "home", "chart-trend", "Total expenditure of the Changji Prefecture E-Government Office by year: 2023: 5,000.0 thousand yuan; 2024: 6,041.3 thousand yuan."},
	} {
		t.Run(tc.lang+"/"+tc.chart, func(t *testing.T) {
			if got := find(t, pages(t, tc.lang)[tc.page+"."+tc.lang], tc.chart).Summary; got != tc.want {
				t.Errorf("summary:\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// TestDeterministic builds every chart many times: nothing may depend on
// the order of map iteration (File.Prior is all maps).
func TestDeterministic(t *testing.T) {
	for _, lang := range langs {
		first := pages(t, lang)
		for range 20 {
			for name, charts := range pages(t, lang) {
				for i, c := range charts {
					if !bytes.Equal(c.Option, first[name][i].Option) || c.Summary != first[name][i].Summary {
						t.Fatalf("%s %s differs between two builds", name, c.ID)
					}
				}
			}
		}
	}
}

// TestHostileNamesAreEscaped puts markup into every kind of name a chart
// shows: the JSON must not contain it raw, and must give it back intact.
func TestHostileNamesAreEscaped(t *testing.T) {
	const evil = `</script><script>alert(1)</script>&`
	f := example(t)
	f.Department.Short = model.Bi(evil, evil)
	p := *f.Projects[0]
	p.Name = model.Bi(evil, evil)
	f.Projects = append([]*model.Project{&p}, f.Projects[1:]...)
	for _, lang := range langs {
		c := context(t, lang)
		tr, _ := Trends([]*model.File{f}, c, "#t")
		charts := append(Department(f, c), tr.Chart, Chart{ID: "chart-trend choices", Option: tr.ChoicesJSON()})
		found := 0
		for _, ch := range charts {
			if ch.Option == nil {
				continue // a sentence: the template escapes it
			}
			if bytes.ContainsAny(ch.Option, "<>&") {
				t.Errorf("%s %s: the option has a raw <, > or &", lang, ch.ID)
			}
			var back any
			if err := json.Unmarshal(ch.Option, &back); err != nil {
				t.Fatalf("%s: %v", ch.ID, err)
			}
			if b, _ := json.Marshal(back); bytes.Contains(b, []byte(`\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u0026`)) {
				found++
			}
		}
		if found != 3 { // the project in the sunburst, the department in its trend and its choice
			t.Errorf("%s: the hostile names come back intact in %d charts, want 3", lang, found)
		}
	}
}

// TestNoURLs: no option refers to anything outside the page, such as
// go-echarts' default CDN.
func TestNoURLs(t *testing.T) {
	for _, lang := range langs {
		for name, charts := range pages(t, lang) {
			for _, c := range charts {
				if bytes.Contains(bytes.ToLower(c.Option), []byte("http")) || bytes.Contains(c.Option, []byte("//")) {
					t.Errorf("%s %s has a URL: %s", name, c.ID, c.Option)
				}
			}
		}
	}
}

// TestEveryChartIsAccessible checks what every option must have: aria
// with decal patterns and the box's name, canvas tooltips (see tooltip),
// no legend over a treemap's or sunburst's breadcrumb, and our palette.
func TestEveryChartIsAccessible(t *testing.T) {
	for _, lang := range langs {
		for name, charts := range pages(t, lang) {
			for _, c := range charts {
				if c.Option == nil {
					if c.Kind != "text" || c.Summary == "" {
						t.Errorf("%s %s has no option but is %q with summary %q", name, c.ID, c.Kind, c.Summary)
					}
					continue
				}
				o := option(t, c)
				aria, _ := o["aria"].(map[string]any)
				label, _ := aria["label"].(map[string]any)
				decal, _ := aria["decal"].(map[string]any)
				// Patterns only when the reader asks for them: in the
				// high-contrast option.
				if aria["enabled"] != true || decal["show"] != false || label["description"] != c.Label {
					t.Errorf("%s %s: aria = %v", name, c.ID, aria)
				}
				hc := contrastOption(t, c)
				if d, _ := hc["aria"].(map[string]any)["decal"].(map[string]any); d["show"] != true || hc["backgroundColor"] != hcBackground {
					t.Errorf("%s %s: the high-contrast option has aria %v, background %v", name, c.ID, hc["aria"], hc["backgroundColor"])
				}
				if colors, _ := hc["color"].([]any); len(colors) == 0 || colors[0] != hcPalette[0] {
					t.Errorf("%s %s: high-contrast colors = %v", name, c.ID, colors)
				}
				tb, _ := o["toolbox"].(map[string]any)
				f, _ := tb["feature"].(map[string]any)
				if _, ok := f["saveAsImage"]; !ok || f["dataView"] == nil || len(f) != 2 {
					t.Errorf("%s %s: toolbox features %v, want saveAsImage and dataView", name, c.ID, f)
				}
				if tbl := viewTable(t, c); len(tbl.Rows) == 0 || len(tbl.Head) < 2 || tbl.Caption == "" {
					t.Errorf("%s %s: view-data table %+v", name, c.ID, tbl)
				}
				if tip, _ := o["tooltip"].(map[string]any); tip["renderMode"] != "richText" {
					t.Errorf("%s %s: tooltip = %v", name, c.ID, tip)
				}
				if legend, _ := o["legend"].(map[string]any); (c.Kind == "treemap" || c.Kind == "sunburst") && legend["show"] != false {
					t.Errorf("%s %s: legend = %v", name, c.ID, legend)
				}
				if colors, _ := o["color"].([]any); len(colors) == 0 || colors[0] != palette[0] {
					t.Errorf("%s %s: colors = %v", name, c.ID, colors)
				}
				if _, ok := o["title"]; ok {
					t.Errorf("%s %s has a title; the figcaption titles it", name, c.ID)
				}
				if c.Label == "" || c.Summary == "" || c.Title == "" || len(c.Sources) == 0 || c.Height <= 0 {
					t.Errorf("%s %s lacks its caption, name, sources or height: %+v", name, c.ID, c)
				}
			}
		}
	}
}

func TestPriorCode(t *testing.T) {
	m := func(kv ...string) map[classify.Code]model.Money {
		out := map[classify.Code]model.Money{}
		for i := 0; i < len(kv); i += 2 {
			out[classify.Code(kv[i])] = model.Money{Amount: amount.MustParse(kv[i+1])}
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		prior map[classify.Code]model.Money
		code  classify.Code
		want  string
		found bool
	}{
		{"own figure", m("201", "5.00", "2010350", "1.00"), "201", "5.00", true},
		{"sum of 项", m("2010350", "99.56", "2010399", "1,870.00"), "201", "1969.56", true},
		{"款 counted once with its 项", m("20103", "10.00", "2010350", "4.00", "2010399", "6.00", "2010501", "1.50"), "201", "11.50", true},
		{"nothing under it", m("2080502", "0.10"), "201", "0", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, found := model.PriorOfCode(tc.prior, tc.code)
			if got.String() != tc.want || found != tc.found {
				t.Errorf("PriorOfCode = %s, %v; want %s, %v", got, found, tc.want, tc.found)
			}
		})
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1、一般公共预算拨款", "一般公共预算拨款"},
		{"二、上年结转结余", "上年结转结余"},
		{"1. General public budget appropriations", "General public budget appropriations"},
		{"of which: own general revenue", "Own general revenue"},
		{"公务用车购置及运行费（小计）", "公务用车购置及运行费"},
		{"Official vehicles: purchase and operation (subtotal)", "Official vehicles: purchase and operation"},
	} {
		if got := label(tc.in); got != tc.want {
			t.Errorf("label(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
