package render

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"budgetpress"
	"budgetpress/internal/classify"
	"budgetpress/internal/i18n"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"io/fs"
)

// exampleSite renders the example department with the default theme.
func exampleSite(t *testing.T) *Renderer {
	t.Helper()
	return siteOf(t, filepath.Join("..", "..", "data", "2024", "changji-egov.yaml"))
}

// siteOf renders the department file at src, published as the example
// department (data/2024/changji-egov.yaml), with the example's site.yaml
// and the default theme.
func siteOf(t *testing.T, src string) *Renderer {
	t.Helper()
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	cfg, diags := load.SiteConfig("site.yaml", read(filepath.Join("..", "..", "site.yaml")))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	f, diags := load.File("data/2024/changji-egov.yaml", read(src), load.Options{Langs: cfg.Languages})
	if len(diags) > 0 {
		t.Fatalf("%s: %v", src, diags)
	}
	layouts, _ := fs.Sub(budgetpress.DefaultLayouts, "layouts")
	cat := i18n.New("zh")
	for _, l := range cfg.Languages {
		src, err := fs.ReadFile(layouts, "i18n/"+l+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		cat.Add(l, l+".yaml", src)
	}
	s, diags := New(Input{Config: cfg, Files: []*model.File{f}, Dict: classify.Default(), I18n: cat, Layouts: layouts})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return s
}

var tags = regexp.MustCompile(`<[^>]+>`)

// text returns the rendered page as text, one table row per line.
// narrowLabel matches the cell that names a row on narrow screens.
var narrowLabel = regexp.MustCompile(`<th scope="(?:row|col)" class="label">.*?</th>`)

func renderText(t *testing.T, s *Renderer, path string) string {
	t.Helper()
	for _, p := range s.Pages() {
		if p.Path == path {
			var b bytes.Buffer
			res := s.Render(&b, p)
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			// The text of the layout of wide screens and print: without
			// the label cells of narrow screens.
			html := narrowLabel.ReplaceAllString(b.String(), "")
			html = strings.ReplaceAll(html, "</td>", " </td>")
			html = strings.ReplaceAll(html, "</th>", " </th>")
			return strings.Join(strings.Fields(tags.ReplaceAllString(html, " ")), " ")
		}
	}
	t.Fatalf("no page %s", path)
	return ""
}

func TestPagesAndURLs(t *testing.T) {
	s := exampleSite(t)
	var got []string
	for _, p := range s.Pages() {
		got = append(got, p.Kind+" "+p.Lang+" "+p.Path)
	}
	want := []string{
		"home zh index.html",
		"year zh 2024/index.html",
		"compare zh 2024/compare/index.html",
		"department zh 2024/changji-egov/index.html",
		"series zh departments/changji-egov/index.html",
		"search zh search/index.html",
		"home en en/index.html",
		"year en en/2024/index.html",
		"compare en en/2024/compare/index.html",
		"department en en/2024/changji-egov/index.html",
		"series en en/departments/changji-egov/index.html",
		"search en en/search/index.html",
		"downloads zh downloads/index.html",
		"downloads en en/downloads/index.html",
		"404 zh 404.html",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, tc := range []struct{ from, to, want string }{
		{"index.html", "assets/site.css", "assets/site.css"},
		{"en/2024/changji-egov/index.html", "assets/site.css", "../../../assets/site.css"},
		{"2024/changji-egov/index.html", "en/2024/changji-egov/index.html", "../../en/2024/changji-egov/index.html"},
	} {
		if got := Rel(tc.from, tc.to); got != tc.want {
			t.Errorf("Rel(%s, %s) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}

// TestTablesCarryTheFigures reads rows of the rendered tables as a
// reader would, in both languages: English amounts are in thousand yuan,
// converted exactly.
func TestTablesCarryTheFigures(t *testing.T) {
	s := exampleSite(t)
	zh := renderText(t, s, "2024/changji-egov/index.html")
	en := renderText(t, s, "en/2024/changji-egov/index.html")
	for _, want := range []string{
		"表6 一般公共预算基本支出情况表 （单位：万元）",
		"总计 364.13 333.11 31.02",
		"301 工资福利支出 332.85 332.85",
		"302 17 公务接待费 0.17 — 0.17",
		"201 03 99 其他政府办公厅（室）及相关机构事务支出 240.00 240.00",
		"科目编码 功能分类科目名称 项目名称 合计 工资福利支出",
		"总计 240.00 — 240.00 — — — — — — — — 昌吉回族自治州人民政府电子政务办公室 240.00 — 240.00 — — — — — — — — 201 一般公共服务支出 240.00 — 240.00",
		"201 03 99 其他政府办公厅（室）及相关机构事务支出 昌吉州统一政务云密码服务支撑系统平台运行维护费 60.00 — 60.00",
		"收入总计 604.13",
		"支出总计 604.13",
		"合计 2.16 2.16 — — 因公出国（境）费 — — — — 公务接待费 0.17 0.17",
		"其中：一般财力 604.13",
		"221 住房保障支出 29.42",
		"222 粮油物资储备支出",
		"昌吉回族自治州人民政府电子政务办公室 2024 年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。",
		"公务接待费 0.17 0.17",
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("the Chinese page lacks %q", want)
		}
	}
	for _, want := range []string{
		"Table 6 General Public Budget: Basic Expenditure (Unit: thousand yuan)",
		"201 03 99 Other expenditure on government general offices and related agencies Changji Prefecture Unified Government Cloud Cryptographic Service Support System Platform Operation and Maintenance Expenses 600.0 — 600.0",
		"Total revenue 6,041.3",
		"Total 3,641.3 3,331.1 310.2",
		"301 Wages and benefits 3,328.5 3,328.5",
		"302 17 Official hospitality 1.7 — 1.7",
		"of which: own general revenue 6,041.3",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English page lacks %q", want)
		}
	}
}

func TestIndicatorTargetsInBothLanguages(t *testing.T) {
	s := exampleSite(t)
	zh := renderText(t, s, "2024/changji-egov/index.html")
	en := renderText(t, s, "en/2024/changji-egov/index.html")
	for _, want := range []string{"≥ 90%", "≤ 2 小时", "≤ 50 万元", "有效保障"} {
		if !strings.Contains(zh, want) {
			t.Errorf("the Chinese page lacks the target %q", want)
		}
	}
	for _, want := range []string{"≥ 90%", "≤ 2 hours", "≤ 1 day ", "≤ 500 thousand yuan", "Effectively protected"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English page lacks the target %q", want)
		}
	}
}

// TestIndicatorTables: each table of indicators is captioned with what it
// measures, and a 一级指标 or 二级指标 repeated on the rows below it is
// one cell spanning them, as in the document.
func TestIndicatorTables(t *testing.T) {
	s := exampleSite(t)
	html := page(t, s, "2024/changji-egov/index.html")
	for _, want := range []string{
		`<caption id="performance-overall-cap"><span class="caption-text">部门整体绩效指标</span></caption>`,
		`<caption id="performance-crypto-ops-cap"><span class="caption-text">昌吉州统一政务云密码服务支撑系统平台运行维护费绩效指标</span></caption>`,
		// Targets are joined by no-break spaces.
		`<tr><td class="level" rowspan="7">履职效能</td><td class="level" rowspan="7">数量指标</td><th scope="row"><span class="perf-levels">履职效能 · 数量指标</span> 维护政府网站个数</th><td class="target">` + "≥\u00a02\u00a0个</td>",
		`<tr><th scope="row">系统运行维护响应时间</th><td class="target">` + "≤\u00a02\u00a0小时</td>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the Chinese page lacks %s", want)
		}
	}
	if n := strings.Count(html, "<caption id=\"performance-"); n != 5 {
		t.Errorf("%d captioned indicator tables, want 5", n)
	}
	en := page(t, s, "en/2024/changji-egov/index.html")
	if want := `<span class="caption-text">Performance indicators: Changji Prefecture Government Website and Cloud Platform Operation and Maintenance Project Funds</span>`; !strings.Contains(en, want) {
		t.Errorf("the English page lacks %s", want)
	}
}

// TestExplanationUnderPart3: the explanations' sections are headings one
// level below 第三部分, and the contents list them.
func TestExplanationUnderPart3(t *testing.T) {
	s := exampleSite(t)
	s.Content = map[string][]byte{
		"content/zh/2024/changji-egov.md": []byte("## 一、总体说明\n\n正文。\n\n### （一）细目\n\n#### 1. 细目之细目\n\n### （二）细目\n\n## 二、其他\n"),
	}
	html := page(t, s, "2024/changji-egov/index.html")
	for _, want := range []string{
		`<h3 id="explain-1">一、总体说明</h3>`,
		`<h4 id="explain-1-1">（一）细目</h4>`,
		`<h5 id="explain-1-1-1">1. 细目之细目</h5>`,
		`<h4 id="explain-1-2">（二）细目</h4>`,
		`<h3 id="explain-2">二、其他</h3>`,
		`<li><a href="#part-3">第三部分 情况说明</a>
<ul><li><a href="#explain-1">一、总体说明</a></li><li><a href="#explain-2">二、其他</a></li><li><a href="#projects">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	// The English page shows the Chinese explanation, and lists its
	// sections marked as Chinese.
	en := page(t, s, "en/2024/changji-egov/index.html")
	if want := `<li><a href="#explain-1" lang="zh-CN">一、总体说明</a></li>`; !strings.Contains(en, want) {
		t.Errorf("the English page lacks %s", want)
	}
}

// TestNotFoundPageIsBilingual: the 404 page is served for every
// language, so it speaks each and has no language switch.
func TestNotFoundPageIsBilingual(t *testing.T) {
	s := exampleSite(t)
	html := page(t, s, "404.html")
	for _, want := range []string{
		`<h1><span lang="zh-CN">页面不存在</span> <span class="sep" aria-hidden="true">/</span> <span lang="en">Page not found</span></h1>`,
		`<p lang="en">The page you asked for does not exist or has moved. Start again from the home page: <a class="nowrap" href="/zwgk/czyjs/en/index.html">Home</a></p>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	if strings.Contains(html, "lang-switch") {
		t.Error("404.html has a language switch")
	}
}

// TestHomeLeadSaysWhatTheSiteHas: final accounts are promised only when
// there are some.
func TestHomeLeadSaysWhatTheSiteHas(t *testing.T) {
	s := exampleSite(t)
	lead := regexp.MustCompile(`<p class="lead">.*</p>`)
	if html := lead.FindString(page(t, s, "index.html")); !strings.Contains(html, "各部门预算公开") {
		t.Errorf("the home page of a site of budgets says %s", html)
	}
	f := *s.Files[0]
	f.Type = "final"
	s.Files = append(s.Files, &f)
	if html := lead.FindString(page(t, s, "index.html")); !strings.Contains(html, "各部门预算、决算公开") {
		t.Error("the home page of a site with final accounts does not mention them")
	}
}

func TestTelLinks(t *testing.T) {
	v := &view{}
	for _, tc := range []struct{ in, want string }{
		{"18699496979", "tel:18699496979"},
		{"0994-2345678", "tel:09942345678"},
		{"+86 994 234 5678", "tel:+869942345678"},
		{"javascript:alert(1)", ""},
		{"请致电办公室", ""},
	} {
		if got := string(v.Tel(tc.in)); got != tc.want {
			t.Errorf("Tel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestOverallTargetsHaveTheirOwnColumns: the department's overall table
// has no prior-year, scoring or evidence columns, unlike the projects'.
func TestOverallTargetsHaveTheirOwnColumns(t *testing.T) {
	s := exampleSite(t)
	var b bytes.Buffer
	for _, p := range s.Pages() {
		if p.Path == "2024/changji-egov/index.html" {
			s.Render(&b, p)
		}
	}
	html := b.String()
	section := func(id string) string {
		i := strings.Index(html, `id="`+id+`"`)
		if i < 0 {
			t.Fatalf("no %s", id)
		}
		rest := html[i:]
		if j := strings.Index(rest[1:], "<article"); j >= 0 {
			rest = rest[:j+1]
		}
		return rest
	}
	if overall := section("performance-overall"); strings.Contains(overall, "上年完成值") || strings.Contains(overall, "佐证资料") {
		t.Error("the overall performance table shows columns it does not have")
	}
	if project := section("performance-crypto-ops"); !strings.Contains(project, "上年完成值") || !strings.Contains(project, "佐证资料") {
		t.Error("a project's performance table lacks its prior-year and evidence columns")
	}
}

// TestTargetsInTheEditorsWords: a target that only begins with a number
// ("2024 年 9 月底前") is shown in English as the editor translated it,
// never as a grouped number before Chinese ("2,024 年 9 月底前").
func TestTargetsInTheEditorsWords(t *testing.T) {
	s := siteAt(t, filepath.Join("..", "..", "testdata", "corpus", "provincial"))
	en := renderText(t, s, "en/2024/yunxi-culture/index.html")
	if !strings.Contains(en, "By the end of September 2024") || strings.Contains(en, "2,024") {
		t.Errorf("the English page does not show the target as translated: %q", excerpt(en, "Installation completed"))
	}
	zh := renderText(t, s, "2024/yunxi-culture/index.html")
	if !strings.Contains(zh, "2024 年 9 月底前") {
		t.Errorf("the Chinese page lacks the target 2024 年 9 月底前")
	}
}

// excerpt returns the text around the first place of what in s.
func excerpt(s, what string) string {
	i := strings.Index(s, what)
	if i < 0 {
		return ""
	}
	return s[i:min(len(s), i+200)]
}

// TestWithRendersAsNew checks that a Renderer made by With, of another
// version of a department file and another explanation, renders every
// page as one made by New of them does.
func TestWithRendersAsNew(t *testing.T) {
	old := exampleSite(t)
	src, err := os.ReadFile(filepath.Join("..", "..", "data", "2024", "changji-egov.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "authorized: 30", "authorized: 31", 1)
	f, diags := load.File("data/2024/changji-egov.yaml", []byte(edited), load.Options{Langs: old.Config.Languages})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	content := map[string][]byte{"content/zh/2024/changji-egov.md": []byte("# 说明\n\n编制 {{amount income.total}}。\n")}
	in := old.Input
	in.Files, in.Content = []*model.File{f}, content
	fresh, diags := New(in)
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	with := old.With([]*model.File{f}, content)
	pages := fresh.Pages()
	if len(pages) != len(with.Pages()) {
		t.Fatalf("With lists %d pages, New %d", len(with.Pages()), len(pages))
	}
	for _, p := range pages {
		var a, b bytes.Buffer
		fresh.Render(&a, p)
		with.Render(&b, p)
		if a.String() != b.String() {
			t.Errorf("%s: With renders another page than New", p.Path)
		}
	}
	var b bytes.Buffer
	with.Render(&b, with.DepartmentPage("zh", f))
	if !strings.Contains(b.String(), "编制") {
		t.Error("the page of With does not show the new explanation")
	}
}
