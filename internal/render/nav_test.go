package render

import (
	"bytes"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"budgetpress"
	"budgetpress/internal/amount"
	"budgetpress/internal/i18n"
	"budgetpress/internal/load"
	"budgetpress/internal/testsite"
)

// siteAt loads the site in dir and renders it with the default theme.
func siteAt(t *testing.T, dir string) *Renderer {
	t.Helper()
	site, diags := load.ReadSite(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	layouts, _ := fs.Sub(budgetpress.DefaultLayouts, "layouts")
	cat := i18n.New("zh")
	for _, l := range site.Config.Languages {
		src, err := fs.ReadFile(layouts, "i18n/"+l+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		cat.Add(l, l+".yaml", src)
	}
	content := map[string][]byte{}
	for _, c := range site.Content {
		content[c.Path] = []byte(c.Text)
	}
	s, diags := New(Input{Config: site.Config, Files: site.Files, Dict: site.Dict, I18n: cat, Layouts: layouts, Content: content})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	return s
}

// twoYears is a generated site of 4 departments in 2024 and 2025, kept
// in 万元 (the example department) and 元 (the others), from which the
// example department's 2024 file is taken away: it has 2025 only.
func twoYears(t *testing.T) *Renderer {
	t.Helper()
	dir := testsite.Generated(t, filepath.Join("..", ".."), 4, 2)
	for _, p := range []string{"data/2024/changji-egov.yaml", "content/zh/2024/changji-egov.md", "content/en/2024/changji-egov.md"} {
		if err := os.Remove(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	return siteAt(t, dir)
}

// mixedUnits is the site of internal/build/testdata/mixed-units: a
// bureau kept in 元 (15,703,843.20 元 in 2024, 12,345,678.91 元 in
// 2023) and an office kept in 万元 (604.13 万元 in 2024).
func mixedUnits(t *testing.T) *Renderer {
	return siteAt(t, filepath.Join("..", "build", "testdata", "mixed-units"))
}

// TestYearPicker: a department page links to the same department's
// other years, marks its own, and leaves the years it has no file for
// unlinked; on a site of one year there is no picker, only the link to
// the overview.
func TestYearPicker(t *testing.T) {
	s := twoYears(t)
	var other string // a department with both years
	for _, f := range s.FilesOf(2024) {
		other = f.ID
		break
	}
	for _, tc := range []struct {
		path string
		want []string
		not  []string
	}{
		{"2025/" + other + "/index.html", []string{
			`<nav class="year-picker" aria-label="本部门各年度预算">`,
			`<li><a href="../../2024/` + other + `/index.html">2024</a></li><li><span class="yp-current" aria-current="page">2025</span></li>`,
			`<a class="series-link" href="../../departments/` + other + `/index.html">本部门历年概览</a>`,
		}, nil},
		{"en/2024/" + other + "/index.html", []string{
			`<li><span class="yp-current" aria-current="page">2024</span></li><li><a href="../../../en/2025/` + other + `/index.html">2025</a></li>`,
			`<a class="series-link" href="../../../en/departments/` + other + `/index.html">This department over the years</a>`,
		}, nil},
		{"2025/changji-egov/index.html", []string{
			`<li><span class="yp-missing">2024<span class="nav-sr">（本部门该年未公开）</span></span></li><li><span class="yp-current" aria-current="page">2025</span></li>`,
		}, []string{`2024/changji-egov/index.html`}},
	} {
		html := page(t, s, tc.path)
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", tc.path, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(html, w) {
				t.Errorf("%s links to %s, a year the department has no file for", tc.path, w)
			}
		}
	}
	one := page(t, exampleSite(t), "2024/changji-egov/index.html")
	if strings.Contains(one, `class="yp-years"`) || !strings.Contains(one, `href="../../departments/changji-egov/index.html"`) {
		t.Error("a site of one year shows a year picker, or no link to the overview")
	}
}

var (
	rowTag  = regexp.MustCompile(`(?s)<tr[^>]*data-key="([a-z-]+)"[^>]*>(.*?)</tr>`)
	cellTag = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
)

// tableRows reads the rows of the overview table by their figure's key:
// the cells' texts after the row's heading.
func tableRows(page string) map[string][]string {
	out := map[string][]string{}
	for _, m := range rowTag.FindAllStringSubmatch(page, -1) {
		var cells []string
		for _, c := range cellTag.FindAllStringSubmatch(m[2], -1)[1:] {
			cells = append(cells, html.UnescapeString(tags.ReplaceAllString(c[1], "")))
		}
		out[m[1]] = cells
	}
	return out
}

// TestSeriesStatesEachYear: a department's overview states each year's
// total income and expenditure, basic and project expenditure and 三公
// as the key figures of that year's own page do (converted to the
// overview's unit when the years differ in unit), with the change from
// one year to the next; each year's figures link to that year's page.
func TestSeriesStatesEachYear(t *testing.T) {
	s := mixedUnits(t)
	html := page(t, s, "departments/yuan-bureau/index.html")
	rows := tableRows(html)
	if want := []string{"12,345,678.91", "15,703,843.20", "+27.20%"}; !slices.Equal(rows["expenditure"], want) {
		t.Errorf("total expenditure by year %q; want %q", rows["expenditure"], want)
	}
	for _, w := range []string{
		`<h1>甲局历年预算概览</h1>`,
		`<th scope="col" class="num"><a href="../../2023/yuan-bureau/index.html">2023</a></th><th scope="col" class="num"><a href="../../2024/yuan-bureau/index.html">2024</a></th><th scope="col" class="num change">2024 年比 2023 年增减</th>`,
		`<p class="table-meta">单位：元</p>`,
		`<li><a href="../../2023/yuan-bureau/index.html">2023 年甲局部门预算</a></li>`,
		`id="chart-series"`,
	} {
		if !strings.Contains(html, w) {
			t.Errorf("the overview lacks %s", w)
		}
	}
	// A department of one year: its figures, no chart, no change.
	one := page(t, s, "en/departments/wan-office/index.html")
	if rows := tableRows(one); !slices.Equal(rows["expenditure"], []string{"6,041.3"}) {
		t.Errorf("the office's total expenditure %q; want 6,041.3 (thousand yuan)", rows["expenditure"])
	}
	if strings.Contains(one, `class="chart-box"`) {
		t.Error("a department of one year has a chart of one value")
	}

	// Every department of the generated site: each figure of each year
	// as its page's key figures state it.
	g := twoYears(t)
	for _, id := range g.nav().ids {
		fs := g.nav().byID[id]
		for _, lang := range []string{"zh", "en"} {
			p := g.PagePath(lang, "departments", id)
			rows := tableRows(page(t, g, p))
			m := seriesMoney(lang, fs)
			for i, f := range fs {
				v := g.newView(Page{Path: g.PagePath(lang, strconv.Itoa(f.Year), f.ID), Lang: lang, Kind: "department", Year: f.Year, File: f})
				kfs := v.KeyFigures(f)
				if len(kfs) < 4 {
					t.Fatalf("%s %d: %d key figures", id, f.Year, len(kfs))
				}
				for _, k := range kfs {
					a, err := amountOf(k.Value)
					if err != nil {
						t.Fatal(err)
					}
					if lang != "zh" && f.Unit == i18n.Wan {
						a = a.Shift(-1) // thousand yuan back to 万元
					}
					want := m.Format(m.From(a, f.Unit))
					if got := rows[k.Key]; i >= len(got) || got[i] != want {
						t.Errorf("%s: %s of %d is %q; its page says %s %s, so want %s", p, k.Key, f.Year, got, k.Value, k.Unit, want)
					}
				}
			}
		}
	}
}

// TestCompareSortsEveryDepartment: the comparison of a year lists each
// of its departments once, largest total expenditure first, in one unit
// (the bureau's 元 converted exactly to 万元, and said so), with the
// exact figure for the script to sort by; the column it is sorted by
// says so (aria-sort).
func TestCompareSortsEveryDepartment(t *testing.T) {
	s := mixedUnits(t)
	for _, tc := range []struct {
		path  string
		order []string
		want  []string
	}{
		{"2024/compare/index.html", []string{"yuan-bureau", "wan-office"}, []string{
			`<td class="num" data-sort="1570.384320">1,570.38</td>`,
			`<td class="num" data-sort="604.13">604.13</td>`,
			`data-key="expenditure" data-type="num" data-order="按支出总计从低到高排列|按支出总计从高到低排列" aria-sort="descending">支出总计</th>`,
			`<span class="sort-order" aria-live="polite">按支出总计从高到低排列</span>`,
			`单位：万元<span class="sep"> · </span>以元公开的已精确换算为万元，显示时四舍五入到两位小数。`,
			`<a href="../../2024/wan-office/index.html">乙办公室</a>`,
			`id="chart-compare"`,
		}},
		{"en/2024/compare/index.html", []string{"yuan-bureau", "wan-office"}, []string{
			`<td class="num" data-sort="1570.384320">15,703.8</td>`,
			`Unit: thousand yuan<span class="sep"> · </span>Figures published in yuan are converted exactly into thousand yuan and rounded where shown.`,
			`<h1>Department budgets compared, 2024</h1>`,
		}},
		{"2023/compare/index.html", []string{"yuan-bureau"}, []string{`<td class="num" data-sort="1234.567891">1,234.57</td>`}},
	} {
		html := page(t, s, tc.path)
		var order []string
		for _, m := range regexp.MustCompile(`<tr data-id="([^"]+)">`).FindAllStringSubmatch(html, -1) {
			order = append(order, m[1])
		}
		if !slices.Equal(order, tc.order) {
			t.Errorf("%s lists %q; want %q", tc.path, order, tc.order)
		}
		for _, w := range tc.want {
			if !strings.Contains(html, w) {
				t.Errorf("%s lacks %s", tc.path, w)
			}
		}
		if n := strings.Count(html, "aria-sort="); n != 1 {
			t.Errorf("%s: %d columns carry aria-sort; want the one it is sorted by", tc.path, n)
		}
	}
	// The generated site: every department of the year, each with all
	// its columns, and the 三公 items among the heads.
	g := twoYears(t)
	html := page(t, g, "2025/compare/index.html")
	if n := strings.Count(html, `<tr data-id=`); n != len(g.FilesOf(2025)) {
		t.Errorf("the comparison of 2025 has %d rows; want %d", n, len(g.FilesOf(2025)))
	}
	for _, w := range []string{">因公出国（境）</th>", ">公务用车购置及运行</th>", ">公务接待</th>", ">“三公”经费合计</th>", `id="chart-compare-three"`} {
		if !strings.Contains(html, w) {
			t.Errorf("the comparison lacks %s", w)
		}
	}
}

// TestNavLinks: the year pages and the home page link to the year's
// comparison, the year pages to each department's overview; the series
// and compare pages have their alternates in the other language.
func TestNavLinks(t *testing.T) {
	s := mixedUnits(t)
	for _, tc := range []struct{ path, want string }{
		{"2024/index.html", `<p class="compare-link"><a href="../2024/compare/index.html">比较 2024 年各部门</a></p>`},
		{"2024/index.html", `<a class="series-link" href="../departments/yuan-bureau/index.html">历年<span class="nav-sr"> – 甲局</span></a>`},
		{"index.html", `<p class="compare-link"><a href="2023/compare/index.html">比较 2023 年各部门</a></p>`},
		{"en/index.html", `<a href="../en/2024/compare/index.html">Compare the departments of 2024</a>`},
		{"departments/yuan-bureau/index.html", `<a href="../../en/departments/yuan-bureau/index.html" hreflang="en" lang="en">English</a>`},
		{"departments/yuan-bureau/index.html", `<link rel="alternate" hreflang="en" href="https://example.gov.cn/en/departments/yuan-bureau/">`},
		{"en/2024/compare/index.html", `<a href="../../../2024/compare/index.html" hreflang="zh" lang="zh">中文</a>`},
		{"en/2024/compare/index.html", `<link rel="canonical" href="https://example.gov.cn/en/2024/compare/">`},
	} {
		if html := page(t, s, tc.path); !strings.Contains(html, tc.want) {
			t.Errorf("%s lacks %s", tc.path, tc.want)
		}
	}
}

// placeID matches the ids the language switch carries (nav.js: the ids
// of sections, articles, figures and the explanations' headings).
var placeID = regexp.MustCompile(`<(?:section|article|figure)[^>]* id="([^"]+)"|<h[3-6] id="(explain-[^"]+)">`)

// TestPlacesAreTheSameInEveryLanguage: the anchors that the language
// switch carries to the other language's page are all there, on every
// page of the example site and the generated one.
func TestPlacesAreTheSameInEveryLanguage(t *testing.T) {
	for _, s := range []*Renderer{exampleSite(t), twoYears(t)} {
		s := s
		if s.Content == nil {
			// The example's explanations, in both languages.
			s.Content = map[string][]byte{}
			for _, l := range []string{"zh", "en"} {
				p := "content/" + l + "/2024/changji-egov.md"
				src, err := os.ReadFile(filepath.Join("..", "..", p))
				if err != nil {
					t.Fatal(err)
				}
				s.Content[p] = src
			}
		}
		byPath := map[string][]string{}
		for _, p := range s.Pages() {
			if p.Kind == "404" {
				continue
			}
			var ids []string
			for _, m := range placeID.FindAllStringSubmatch(page(t, s, p.Path), -1) {
				ids = append(ids, m[1]+m[2])
			}
			sort.Strings(ids)
			byPath[p.Path] = ids
		}
		checked := 0
		for p, ids := range byPath {
			if strings.HasPrefix(p, "en/") {
				continue
			}
			en := byPath["en/"+p]
			if !slices.Equal(ids, en) {
				t.Errorf("%s and its English page have different places:\n%q\n%q", p, ids, en)
			}
			if strings.Contains(p, "changji-egov") && slices.Contains(ids, "explain-1") {
				checked++
			}
		}
		if checked == 0 {
			t.Error("no page with explanations was compared")
		}
	}
}

// amountOf reads a figure as a page prints it ("1,403.71").
func amountOf(s string) (amount.Amount, error) {
	return amount.Parse(strings.ReplaceAll(s, ",", ""))
}

// TestSectionsWrittenWithOneHash: an editor who writes the sections of
// an explanation as # headings and their parts as ## (as a Word
// document's outline would have it) gets the page of the template's
// ## and ###: the same contents, the same numbered places.
func TestSectionsWrittenWithOneHash(t *testing.T) {
	const p = "content/zh/2024/changji-egov.md"
	src, err := os.ReadFile(filepath.Join("..", "..", p))
	if err != nil {
		t.Fatal(err)
	}
	s := exampleSite(t)
	s.Content = map[string][]byte{p: src}
	want := page(t, s, "2024/changji-egov/index.html")
	raised := regexp.MustCompile(`(?m)^#(#+) `).ReplaceAll(src, []byte("$1 "))
	if bytes.Equal(raised, src) || bytes.Contains(raised, []byte("\n## 一、")) {
		t.Fatal("the explanation's headings were not raised")
	}
	s.Content = map[string][]byte{p: raised}
	got := page(t, s, "2024/changji-egov/index.html")
	if got != want {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Errorf("the page of # sections differs at byte %d:\ngot  …%s…\nwant …%s…", i, got[max(0, i-100):min(len(got), i+100)], want[max(0, i-100):min(len(want), i+100)])
	}
	if !strings.Contains(got, `<a href="#explain-1">`) {
		t.Error("the contents do not list the first section")
	}
}
