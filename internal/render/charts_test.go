package render

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"budgetpress/internal/model"
)

// page renders one page of a site as HTML.
func page(t *testing.T, s *Renderer, path string) string {
	t.Helper()
	for _, p := range s.Pages() {
		if p.Path == path {
			var b bytes.Buffer
			if res := s.Render(&b, p); res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			return b.String()
		}
	}
	t.Fatalf("no page %s", path)
	return ""
}

const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'">`

func TestFiguresOnPages(t *testing.T) {
	s := exampleSite(t)
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"2024/changji-egov/index.html", []string{
			`<li><a href="#charts">预算图解</a></li>`,
			// One source of income: a sentence, no doughnut of one slice.
			`<figure class="chart chart-text" id="chart-income-figure">
<figcaption><strong class="chart-title">收入构成</strong> <span class="chart-summary" id="chart-income-summary">收入总计 604.13 万元：一般公共预算拨款 604.13 万元，占 100.00%。</span> <span class="chart-sources">数据见<a href="#table-1">表1</a></span></figcaption>`,
			`<figure class="chart" id="chart-functions-figure">`,
			`<div class="chart-box" id="chart-functions" role="img" aria-label="图表：支出功能分类构成" aria-describedby="chart-functions-summary" data-kind="bar" data-height="`,
			`<script type="application/json" id="chart-functions-data">{"baseOption":`,
			`数据见<a href="#table-5">表5</a>、<a href="#table-6">表6</a>、<a href="#table-7">表7</a>`,
			`id="chart-functions"`, `id="chart-basic"`, `id="chart-prior"`, `id="chart-three-public"`,
		}},
		{"en/2024/changji-egov/index.html", []string{
			`<li><a href="#charts">The budget at a glance</a></li>`,
			`Total expenditure is 6,041.3 thousand yuan; by function: General public services 5,008.0 thousand yuan (82.90%);`,
			`Figures: <a href="#table-3">Table 3</a>`,
			`aria-label="Chart: Expenditure by function"`,
			`<span class="chart-summary" id="chart-income-summary">Total revenue is 6,041.3 thousand yuan: General public budget appropriations 6,041.3 thousand yuan (100.00%).</span>`,
		}},
		{"index.html", []string{
			`<figure class="chart chart-text" id="chart-departments-figure">`,
			`数据见<a href="#y2024">2024 年部门预算</a>`,
			`<table id="trends-table">`,
			`<td class="num">604.13 万元</td>`,
			`<div class="chart-box" id="chart-trend" role="img" aria-label="图表：部门历年支出总计" aria-describedby="chart-trend-summary"`,
			`<script type="application/json" id="chart-trend-choices">[{"id":"changji-egov","summary":"昌吉州人民政府电子政务办公室各年支出总计：2024 年 604.13 万元。","option":{"xAxis":[{"data":["2024 年"]}]`,
			`数据见<a href="#trends-table">各部门历年支出总计</a>`,
		}},
		{"en/index.html", []string{
			`Total expenditure of the Changji Prefecture E-Government Office by year: 2024: 6,041.3 thousand yuan.`,
		}},
	} {
		html := page(t, s, tc.path)
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", tc.path, w)
			}
		}
		if strings.Contains(html, `id="chart-income"`) || strings.Contains(html, `id="chart-departments"`) {
			t.Errorf("%s draws a chart of a single value", tc.path)
		}
		// The tables' downloads are linked once the build writes them
		// (tableDownloads); until then no chart links to a file.
		if strings.Contains(html, `class="chart-downloads"`) {
			t.Errorf("%s links chart downloads that the build does not write", tc.path)
		}
		if tc.path == "index.html" && strings.Contains(html, "<select") {
			t.Error("the department picker is shown with only one department to pick")
		}
	}
}

// TestStrictPages: every page has the Content-Security-Policy and starts
// with the class that hides chart boxes; pages with charts load ECharts
// and the chart script, deferred; others load neither.
func TestStrictPages(t *testing.T) {
	s := exampleSite(t)
	inline := regexp.MustCompile(`<script>|<script(?: [^>]*)?>[^<]|\sstyle=|\son[a-z]+=`)
	for _, p := range s.Pages() {
		html := page(t, s, p.Path)
		if !strings.Contains(html, csp) {
			t.Errorf("%s lacks the Content-Security-Policy", p.Path)
		}
		if !strings.Contains(html, `<body class="no-js">`) {
			t.Errorf("%s lacks <body class=\"no-js\">", p.Path)
		}
		for _, m := range inline.FindAllString(html, -1) {
			if !strings.HasPrefix(m, `<script type="application/json"`) {
				t.Errorf("%s has an inline script or style: %q", p.Path, m)
			}
		}
		charts := p.Kind == "department" || p.Kind == "home"
		for _, src := range []string{"assets/vendor/echarts/echarts.min.js", "assets/charts.js"} {
			tag := `<script src="` + Rel(p.Path, src) + `" defer></script>`
			if strings.Contains(html, tag) != charts {
				t.Errorf("%s: %s is loaded: %v, want %v", p.Path, src, !charts, charts)
			}
		}
	}
}

var chartData = regexp.MustCompile(`<script type="application/json" id="([a-z-]+)-data">(.*?)</script>`)

// TestChartDataIsInert puts markup into names that charts show: the
// page must carry it escaped inside the JSON, which must still decode
// to the name.
func TestChartDataIsInert(t *testing.T) {
	const evil = `</script><script>alert(1)</script>`
	s := exampleSite(t)
	f := s.Files[0]
	p := *f.Projects[0]
	p.Name = model.Bi(evil, evil)
	f.Projects[0] = &p
	f.Department.Short = model.Bi(evil, evil)
	for _, path := range []string{"2024/changji-egov/index.html", "en/2024/changji-egov/index.html", "index.html"} {
		html := page(t, s, path)
		if strings.Contains(html, "<script>alert") {
			t.Errorf("%s carries the hostile name unescaped", path)
		}
		found := false
		for _, m := range chartData.FindAllStringSubmatch(html, -1) {
			var v any
			if err := json.Unmarshal([]byte(m[2]), &v); err != nil {
				t.Errorf("%s: %s-data is not JSON: %v", path, m[1], err)
			}
			if strings.Contains(m[2], `\u003c/script\u003e\u003cscript\u003ealert(1)`) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no chart carries the hostile name, escaped", path)
		}
	}
}
