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
func exampleSite(t *testing.T) *Site {
	t.Helper()
	read := func(p string) []byte {
		src, err := os.ReadFile(filepath.Join("..", "..", p))
		if err != nil {
			t.Fatal(err)
		}
		return src
	}
	cfg, diags := load.SiteConfig("site.yaml", read("site.yaml"))
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	f, diags := load.File("data/2024/changji-egov.yaml", read("data/2024/changji-egov.yaml"), load.Options{Langs: cfg.Languages})
	if len(diags) > 0 {
		t.Fatal(diags)
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
func renderText(t *testing.T, s *Site, path string) string {
	t.Helper()
	for _, p := range s.Pages() {
		if p.Path == path {
			var b bytes.Buffer
			res := s.Render(&b, p)
			if res.Diags.HasErrors() {
				t.Fatal(res.Diags)
			}
			html := strings.ReplaceAll(b.String(), "</td>", " </td>")
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
		"department zh 2024/changji-egov/index.html",
		"home en en/index.html",
		"year en en/2024/index.html",
		"department en en/2024/changji-egov/index.html",
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
		"表6 一般公共预算基本支出情况表 (单位：万元)",
		"合计 364.13 333.11 31.02",
		"301 工资福利支出 332.85 332.85",
		"302 17 公务接待费 0.17 0.17",
		"201 03 99 其他政府办公厅（室）及相关机构事务支出 240.00 240.00",
		"201 03 99 昌吉州统一政务云密码服务支撑系统平台运行维护费 60.00 60.00",
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
		"Total 3,641.3 3,331.1 310.2",
		"301 Wages and benefits 3,328.5 3,328.5",
		"302 17 Official reception 1.7 1.7",
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
