package browsertest

import (
	"bytes"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"budgetpress/internal/build"
	"budgetpress/internal/testsite"
)

// sitePages are the pages of the example site, one of each kind in each
// language; the 404 page is one page for both.
var sitePages = []struct {
	name, path, lang string
}{
	{"home/zh", "", "zh"},
	{"home/en", "en/", "en"},
	{"year/zh", "2024/", "zh"},
	{"year/en", "en/2024/", "en"},
	{"department/zh", "2024/changji-egov/", "zh"},
	{"department/en", "en/2024/changji-egov/", "en"},
	{"compare/zh", "2024/compare/", "zh"},
	{"compare/en", "en/2024/compare/", "en"},
	{"series/zh", "departments/changji-egov/", "zh"},
	{"series/en", "en/departments/changji-egov/", "en"},
	{"downloads/zh", "downloads/", "zh"},
	{"downloads/en", "en/downloads/", "en"},
	{"search/zh", "search/?q=%E4%B8%89%E5%85%AC", "zh"},
	{"search/en", "en/search/?q=hospitality", "en"},
	{"404", "no-such-page/", "zh"},
}

// serveSite serves the example site of the repository, built for
// BasePath as it is published; it returns the URL of the site's root.
func serveSite(t *testing.T) string {
	t.Helper()
	return ServeDir(t, exampleSite(t))
}

// cjkFont matches the families of the usual fonts with Chinese glyphs.
var cjkFont = regexp.MustCompile(`(?i)wenquanyi|wqy|noto (sans|serif) cjk|source han|droid sans fallback|ar pl|pingfang|hiragino|yahei|simsun|simhei|heiti|songti`)

func TestPages(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, sp := range sitePages {
		t.Run(sp.name, func(t *testing.T) {
			p := b.NewPage(t)
			url := base + sp.path
			p.Open(url)
			p.Eval(`document.fonts.ready.then(() => true)`, nil)

			var lang string
			p.Eval(`document.documentElement.lang`, &lang)
			if !strings.HasPrefix(lang, sp.lang) {
				t.Errorf("html lang = %q, want %s", lang, sp.lang)
			}
			var text string
			p.Eval(`document.body.innerText`, &text)
			want := "部门预算"
			if sp.lang == "en" {
				want = "budget" // compared in lower case
			}
			if !strings.Contains(strings.ToLower(text), want) {
				t.Errorf("the visible text has no %q:\n%s", want, short(text))
			}
			checkChinese(t, p, sp.lang)
			checkCharts(t, p)

			for _, m := range p.Console() {
				if sp.name == "404" && m.Kind == "network" && m.URL == url {
					continue // the page itself, answered with 404 as it should be
				}
				t.Errorf("console: %s", m)
			}

			for _, u := range p.Requests() {
				// The browser asks the origin for /favicon.ico by itself
				// when a page names no icon: on the portal, that is the
				// portal's icon.
				if u == strings.TrimSuffix(base, BasePath)+"/favicon.ico" {
					continue
				}
				if !strings.HasPrefix(u, base) && !strings.HasPrefix(u, "data:") {
					t.Errorf("request outside the site's origin and base path %s: %s", base, u)
				}
			}

			if strings.HasPrefix(sp.name, "department/") {
				shot, err := filepath.Abs(filepath.Join("..", "..", "test-artifacts", "department-"+sp.lang+".png"))
				if err != nil {
					t.Fatal(err)
				}
				p.Screenshot(shot)
				t.Logf("screenshot: %s", shot)
			}

			for _, v := range Audit(p) {
				t.Errorf("axe: %s", v)
			}
		})
	}
}

// checkChinese checks that Chinese text is drawn with a font that has its
// glyphs, and at the width of full-width characters, not as narrow boxes:
// the h1 on Chinese pages, the link to the Chinese version on others.
func checkChinese(t *testing.T, p *Page, lang string) {
	t.Helper()
	sel := "main h1"
	if lang != "zh" {
		sel = `.lang-switch [lang="zh"]`
	}
	var m struct {
		Han      int     // the Chinese characters
		Width    float64 // of their text, in CSS pixels, over all lines
		FontSize float64
	}
	p.Eval(`(() => {
		const el = document.querySelector(`+"`"+sel+"`"+`);
		let han = 0, width = 0;
		const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n; (n = walk.nextNode()); ) {
			han += (n.data.match(/\p{Script=Han}/gu) || []).length;
			const r = document.createRange();
			r.selectNodeContents(n);
			for (const rect of r.getClientRects()) width += rect.width;
		}
		return {Han: han, Width: width, FontSize: parseFloat(getComputedStyle(el).fontSize)};
	})()`, &m)
	if m.Han == 0 {
		t.Errorf("%s has no Chinese text", sel)
		return
	}
	// A full-width character is about 1em wide; the box of a missing
	// glyph is much narrower, and an element that is not shown is 0.
	if m.Width < 0.8*float64(m.Han)*m.FontSize {
		t.Errorf("%s: %d Chinese characters at %.0fpx are %.0fpx wide, want at least %.0fpx: is a Chinese font installed (fonts-wqy-microhei)?",
			sel, m.Han, m.FontSize, m.Width, 0.8*float64(m.Han)*m.FontSize)
	}
	fonts := p.Fonts(sel)
	found := false
	for f := range fonts {
		found = found || cjkFont.MatchString(f)
	}
	if !found {
		t.Errorf("%s is drawn with %v, none of them a Chinese font: install fonts-wqy-microhei", sel, fonts)
	}
}

// checkCharts checks that every chart container on the page has drawn
// itself: a canvas or an svg with an area, waiting a while for scripts.
func checkCharts(t *testing.T, p *Page) {
	t.Helper()
	var undrawn []string
	p.Eval(`(async () => {
		const boxes = () => [...document.querySelectorAll("figure.chart [data-chart], .chart-box")];
		const drawn = el => [...el.querySelectorAll("canvas, svg")].some(c => {
			const r = c.getBoundingClientRect();
			return r.width > 0 && r.height > 0;
		});
		for (let i = 0; i < 50 && !boxes().every(drawn); i++) {
			await new Promise(ok => setTimeout(ok, 100));
		}
		return boxes().filter(el => !drawn(el)).map(el => el.outerHTML.slice(0, 160));
	})()`, &undrawn)
	for _, html := range undrawn {
		t.Errorf("chart not drawn (no canvas or svg with a width and a height): %s", html)
	}
}

func TestReadingOptions(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct {
		lang, prefix, large, contrast string
	}{
		{"zh", "", "大字模式", "高对比度"},
		{"en", "en/", "Larger text", "High contrast"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := b.NewPage(t)
			dept, year := base+c.prefix+"2024/changji-egov/", base+c.prefix+"2024/"
			p.Open(dept)
			p.Eval(`localStorage.clear()`, nil)
			p.Reload()
			normal := state(p)
			if normal.Classes != "" || normal.Pressed != "false false" {
				t.Fatalf("a fresh visit starts with classes %q and buttons pressed %q", normal.Classes, normal.Pressed)
			}
			if normal.Labels != c.large+" | "+c.contrast {
				t.Errorf("buttons = %q, want %q", normal.Labels, c.large+" | "+c.contrast)
			}

			p.Click(`button.toggle[data-mode="large"]`)
			p.Click(`button.toggle[data-mode="contrast"]`)
			for _, step := range []struct {
				what string
				do   func()
			}{
				{"after the clicks", func() {}},
				{"after a reload", p.Reload},
				{"on another page", func() { p.Open(year) }},
			} {
				step.do()
				s := state(p)
				if s.Classes != "large contrast" || s.Pressed != "true true" {
					t.Errorf("%s: classes %q, buttons pressed %q; want \"large contrast\", \"true true\"", step.what, s.Classes, s.Pressed)
				}
				if s.FontSize <= normal.FontSize {
					t.Errorf("%s: text is %.1fpx, not larger than %.1fpx", step.what, s.FontSize, normal.FontSize)
				}
				if s.Link != "rgb(255, 255, 0)" {
					t.Errorf("%s: links are %s in high contrast, want yellow, rgb(255, 255, 0)", step.what, s.Link)
				}
			}

			for _, v := range Audit(p) {
				t.Errorf("axe, with larger text and high contrast: %s", v)
			}

			p.Click(`button.toggle[data-mode="large"]`)
			p.Click(`button.toggle[data-mode="contrast"]`)
			p.Open(dept)
			if s := state(p); s.Classes != "" || s.FontSize != normal.FontSize {
				t.Errorf("after turning both off: classes %q, text %.1fpx; want none, %.1fpx", s.Classes, s.FontSize, normal.FontSize)
			}
			for _, m := range p.ConsoleErrors() {
				t.Errorf("console: %s", m)
			}
		})
	}
}

type readingState struct {
	Classes  string  // the reading options among the classes of the html element
	Pressed  string  // aria-pressed of the two buttons
	Labels   string  // of the two buttons, if shown
	FontSize float64 // of the body text, in CSS pixels
	Link     string  // the colour of the first link in main
}

func state(p *Page) readingState {
	p.t.Helper()
	p.WaitFor(`[...document.querySelectorAll("button.toggle")].every(b => !b.hidden)`)
	var s readingState
	p.Eval(`(() => {
		const buttons = [...document.querySelectorAll("button.toggle[data-mode]")];
		return {
			Classes: ["large", "contrast"].filter(c => document.documentElement.classList.contains(c)).join(" "),
			Pressed: buttons.map(b => b.getAttribute("aria-pressed")).join(" "),
			Labels: buttons.map(b => b.textContent.trim()).join(" | "),
			FontSize: parseFloat(getComputedStyle(document.querySelector("main p, main td, main a")).fontSize),
			Link: getComputedStyle(document.querySelector("main a")).color,
		};
	})()`, &s)
	return s
}

func TestSkipLink(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, sp := range sitePages {
		if sp.name == "404" {
			continue
		}
		t.Run(sp.name, func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + sp.path)
			p.Press(kb.Tab)
			var first struct {
				Class string
				Href  string
				Left  float64
			}
			p.Eval(`(() => {
				const a = document.activeElement;
				return {Class: a.className, Href: a.getAttribute("href") || "", Left: a.getBoundingClientRect().left};
			})()`, &first)
			if first.Class != "skip-link" || first.Href != "#main" {
				t.Fatalf("the first Tab focuses class=%q href=%q, want the skip link to #main", first.Class, first.Href)
			}
			if first.Left < 0 {
				t.Errorf("the focused skip link is off screen (left %.0fpx)", first.Left)
			}

			p.Press(kb.Enter)
			var after struct {
				Hash      string
				MainAt    float64 // the top of main relative to the window
				MaxScroll float64
			}
			p.Eval(`({Hash: location.hash, MainAt: document.getElementById("main").getBoundingClientRect().top,
				MaxScroll: document.documentElement.scrollHeight - innerHeight})`, &after)
			if after.Hash != "#main" {
				t.Errorf("after Enter on the skip link the location hash is %q, want #main", after.Hash)
			}
			// main comes to the top of the window, unless the page is too
			// short to scroll that far.
			if after.MainAt > 1 && after.MaxScroll > 0 || after.MainAt < -1 {
				var y float64
				p.Eval(`scrollY`, &y)
				if y < after.MaxScroll-1 {
					t.Errorf("after Enter on the skip link main is %.0fpx from the top of the window", after.MainAt)
				}
			}
			// The next Tab continues from main, not from the header.
			p.Press(kb.Tab)
			var inMain bool
			p.Eval(`document.activeElement.closest("#main") !== null`, &inMain)
			if !inMain {
				var html string
				p.Eval(`document.activeElement.outerHTML.slice(0, 120)`, &html)
				t.Errorf("the Tab after the skip link focuses %s, outside #main", html)
			}
		})
	}
}

// smallOffice is a department in 元 that publishes table 1 only (its
// site's template table-1-only): another department for the home page's
// trend chart.
const smallOffice = `unit: 元
template: table-1-only
published: YEAR-02-20
department:
  name: {zh: 小办公室, en: Small Office}
tables:
  - no: 1
    kind: summary
    income:
      - [current, "AMOUNT"]
      - [general, "AMOUNT"]
      - [total, "AMOUNT"]
    expenditure:
      - [201, "AMOUNT"]
      - [total, "AMOUNT"]
`

// tableOneOnly is a table set of table 1 alone.
const tableOneOnly = `name: {zh: 收支总表, en: Summary table}
tables:
  - {no: "1", kind: summary}
`

// TestTrendChoice: on a home page with two departments, choosing the
// other department with the keyboard redraws the one trend chart with
// its years and totals, and says so in the caption; the office kept in
// 元 is shown in the site's 万元 (thousand yuan), rounded once.
func TestTrendChoice(t *testing.T) {
	b := Start(t)
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	testsite.Write(t, filepath.Join(dir, "templates", "table-1-only.yaml"), []byte(tableOneOnly))
	for year, amount := range map[string]string{"2023": "1,234,567.80", "2024": "2,500,000.00"} {
		yaml := strings.NewReplacer("YEAR", year, "AMOUNT", amount).Replace(smallOffice)
		testsite.Write(t, filepath.Join(dir, "data", year, "small-office.yaml"), []byte(yaml))
	}
	out := t.TempDir()
	if res := build.Run(build.Options{Dir: dir, Out: out, BasePath: BasePath}); res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.Print(&b)
		t.Fatalf("the site does not build:\n%s", b.String())
	}
	base := ServeDir(t, out)
	type drawn struct {
		Years, Labels []string
		Unit, Summary string
	}
	read := func(p *Page) drawn {
		var d drawn
		p.Eval(`(() => {
			const o = echarts.getInstanceByDom(document.getElementById("chart-trend")).getOption();
			return {
				Years: o.xAxis[0].data,
				Labels: o.series[0].data.map(d => d.label.formatter),
				Unit: o.yAxis[0].name,
				Summary: document.getElementById("chart-trend-summary").textContent,
			};
		})()`, &d)
		return d
	}
	for _, tc := range []struct {
		lang, path  string
		first, next drawn
	}{
		{"zh", "", drawn{[]string{"2024 年"}, []string{"604.13"}, "万元", "昌吉州人民政府电子政务办公室各年支出总计：2024 年 604.13 万元。"},
			drawn{[]string{"2023 年", "2024 年"}, []string{"123.46", "250.00"}, "万元", "小办公室各年支出总计：2023 年 123.46 万元；2024 年 250.00 万元。"}},
		{"en", "en/", drawn{[]string{"2024"}, []string{"6,041.3"}, "thousand yuan", "Total expenditure of the Changji Prefecture E-Government Office by year: 2024: 6,041.3 thousand yuan."},
			drawn{[]string{"2023", "2024"}, []string{"1,234.6", "2,500.0"}, "thousand yuan", "Total expenditure of the Small Office by year: 2023: 1,234.6 thousand yuan; 2024: 2,500.0 thousand yuan."}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + tc.path)
			checkCharts(t, p)
			var boxes int
			p.Eval(`document.querySelectorAll(".chart-box").length`, &boxes)
			if boxes != 2 { // the departments compared, the trend
				t.Errorf("%d chart boxes, want 2", boxes)
			}
			if got := read(p); !reflect.DeepEqual(got, tc.first) {
				t.Errorf("first drawn %+v, want %+v", got, tc.first)
			}
			p.Eval(`document.getElementById("chart-trend-pick").focus()`, nil)
			p.Press(kb.ArrowDown)
			p.WaitFor(`document.getElementById("chart-trend-pick").value === "small-office"`)
			if got := read(p); !reflect.DeepEqual(got, tc.next) {
				t.Errorf("after choosing the small office: %+v, want %+v", got, tc.next)
			}
			checkCharts(t, p)
			for _, m := range p.Console() {
				t.Errorf("console: %s", m)
			}
			for _, v := range Audit(p) {
				t.Errorf("axe: %s", v)
			}
		})
	}
}
