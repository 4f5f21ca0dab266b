package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// shotOf saves a PNG of the first element matching the selector under
// test-artifacts/, for a person to look at.
func shotOf(t *testing.T, p *Page, selector, name string) {
	t.Helper()
	png := do(p, "screenshot of "+selector, chromedp.Screenshot(chromedp.CSS(selector)))
	path, err := filepath.Abs(filepath.Join("..", "..", "test-artifacts", name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "") + "`" }

// TestCharts reads the department page's charts as a reader would: a
// single value is a sentence, every drawn chart offers buttons "save as
// image" and "view data" in the page's language, named by the chart's
// title; "view data" shows, below the chart, a table of
// the figures as the tables print them (the prior year's marked as
// derived from Part 3), the ticks of the value axes are evenly spaced on
// a phone, and the high-contrast mode redraws the charts on black with
// patterns.
func TestCharts(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct {
		lang, prefix                      string
		image, data                       string
		income, prior, derived, priorHead string
	}{
		{"zh", "", "保存为图片", "查看数据", "一般公共预算拨款 604.13 万元，占 100.00%", "1,969.56", "上年预算数系据第三部分增减额推算", "2023 年预算（万元）"},
		{"en", "en/", "Save as image", "View data", "General public budget appropriations 6,041.3 thousand yuan (100.00%)", "19,695.6", "derived from the changes stated in Part 3", "2023 budget (thousand yuan)"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := b.NewPage(t)
			p.Resize(1366, 900)
			p.Open(base + c.prefix + "2024/changji-egov/")
			p.Eval(`localStorage.clear(), true`, nil)
			p.Reload()
			p.Eval(`document.fonts.ready.then(() => true)`, nil)
			checkCharts(t, p)

			// A single value is a sentence, not a doughnut of one slice.
			var income struct {
				Boxes int
				Text  string
			}
			p.Eval(`(() => { const f = document.getElementById("chart-income-figure");
				return {Boxes: f.querySelectorAll(".chart-box, canvas").length, Text: f.textContent}; })()`, &income)
			if income.Boxes != 0 || !strings.Contains(income.Text, c.income) {
				t.Errorf("income figure: %d chart boxes, text %q; want none and %q", income.Boxes, income.Text, c.income)
			}

			// Every drawn chart has its buttons, named in the page's
			// language and by the chart's title.
			var tools []struct{ ID, Title, View, Save, Expanded string }
			p.Eval(`[...document.querySelectorAll(".chart-box")].map(box => {
				const f = box.closest("figure"), v = f.querySelector("button.chart-view"), s = f.querySelector("button.chart-save");
				return {ID: box.id, Title: f.querySelector(".chart-title").textContent,
					View: v ? v.textContent + " | " + v.getAttribute("aria-label") : "", Save: s ? s.textContent + " | " + s.getAttribute("aria-label") : "", Expanded: v ? v.getAttribute("aria-expanded") : ""};
			})`, &tools)
			if len(tools) < 3 {
				t.Errorf("%d drawn charts, want at least 3", len(tools))
			}
			sep := map[string]string{"zh": "：", "en": ": "}[c.lang]
			for _, tb := range tools {
				// Shown: the action; heard: the action and the chart.
				view, save := c.data+" | "+c.data+sep+tb.Title, c.image+" | "+c.image+sep+tb.Title
				if tb.View != view || tb.Save != save || tb.Expanded != "false" {
					t.Errorf("%s: buttons (text | name) %q, %q (expanded %q); want %q, %q, not expanded", tb.ID, tb.View, tb.Save, tb.Expanded, view, save)
				}
			}

			// View data of the prior-year chart: its table below the chart.
			p.Click("#chart-prior-figure button.chart-view")
			p.WaitFor(`document.querySelector("#chart-prior-table table") !== null && !document.getElementById("chart-prior-table").hidden`)
			var view struct {
				Text, Expanded, Role string
				Heads                []string
			}
			p.Eval(`(() => { const v = document.getElementById("chart-prior-table");
				return {Text: v.innerText, Expanded: document.querySelector("#chart-prior-figure button.chart-view").getAttribute("aria-expanded"),
					Role: document.getElementById("chart-prior").getAttribute("role"),
					Heads: [...v.querySelectorAll("thead th")].map(th => th.textContent)}; })()`, &view)
			for _, w := range []string{c.prior, c.derived} {
				if !strings.Contains(view.Text, w) {
					t.Errorf("view data lacks %q:\n%s", w, view.Text)
				}
			}
			if len(view.Heads) < 3 || view.Heads[1] != c.priorHead {
				t.Errorf("view data heads %q, want the second %q", view.Heads, c.priorHead)
			}
			if m := regexp.MustCompile(`\d\.\d{3,}`).FindString(view.Text); m != "" {
				t.Errorf("view data shows an unrounded figure %s:\n%s", m, view.Text)
			}
			if view.Expanded != "true" || view.Role != "img" {
				t.Errorf("with view data open the button is expanded %q and the chart's box %q; want true and still an img", view.Expanded, view.Role)
			}
			for _, v := range Audit(p) {
				t.Errorf("axe, view data open: %s", v)
			}
			shotOf(t, p, "#chart-prior-figure", "chart-view-data-"+c.lang)
			p.Click("#chart-prior-figure button.chart-view")
			p.WaitFor(`document.getElementById("chart-prior-table").hidden && document.querySelector("#chart-prior-figure button.chart-view").getAttribute("aria-expanded") === "false"`)
			shotOf(t, p, "#charts", "charts-"+c.lang)

			// A phone: evenly spaced ticks on every value axis.
			p.Resize(360, 800)
			p.WaitFor(`document.getElementById("chart-prior").getBoundingClientRect().width < 360`)
			p.Eval(`new Promise(ok => setTimeout(() => ok(true), 300))`, nil)
			var axes []struct {
				ID    string
				Ticks []float64
			}
			p.Eval(`[...document.querySelectorAll(".chart-box")].flatMap(box => {
				const m = echarts.getInstanceByDom(box).getModel(), a = m.getComponent("xAxis", 0);
				if (!a || a.axis.type !== "value") return [];
				return [{ID: box.id, Ticks: a.axis.getViewLabels().map(l => Number(l.tickValue))}];
			})`, &axes)
			if len(axes) == 0 {
				t.Error("no value axis on the page")
			}
			for _, a := range axes {
				if len(a.Ticks) < 2 || len(a.Ticks) > 4 {
					t.Errorf("%s at 360px: ticks %v, want 2 to 4", a.ID, a.Ticks)
					continue
				}
				for i := 2; i < len(a.Ticks); i++ {
					if d0, d := a.Ticks[1]-a.Ticks[0], a.Ticks[i]-a.Ticks[i-1]; d-d0 > 1e-9 || d0-d > 1e-9 {
						t.Errorf("%s at 360px: ticks %v are not evenly spaced", a.ID, a.Ticks)
						break
					}
				}
			}
			shotOf(t, p, "#charts", "charts-phone-"+c.lang)

			// High contrast: the charts are drawn anew on black, with patterns.
			p.Resize(1366, 900)
			p.Eval(`document.documentElement.classList.add("contrast"), true`, nil)
			p.WaitFor(`[...document.querySelectorAll(".chart-box")].every(box => {
				const o = echarts.getInstanceByDom(box).getOption();
				return o.backgroundColor === "#000000" && [].concat(o.aria)[0].decal.show === true;
			})`)
			// And back: no patterns, the page's white.
			p.Eval(`document.documentElement.classList.remove("contrast"), true`, nil)
			p.WaitFor(`[...document.querySelectorAll(".chart-box")].every(box => {
				const o = echarts.getInstanceByDom(box).getOption();
				return o.backgroundColor !== "#000000" && [].concat(o.aria)[0].decal.show === false;
			})`)
			p.Eval(`document.documentElement.classList.add("contrast"), new Promise(ok => setTimeout(() => ok(true), 300))`, nil)
			shotOf(t, p, "#charts", "charts-contrast-"+c.lang)
			for _, v := range Audit(p) {
				t.Errorf("axe, high contrast: %s", v)
			}
			for _, m := range p.Console() {
				t.Errorf("console: %s", m)
			}
		})
	}
}

// focusStop is an element the keyboard's Tab reached: which chart's
// figure it is in (its id, "" outside charts), and what it is.
type focusStop struct {
	Figure, Tag, Class, Name string
	Part                     string // "caption" or "downloads" when within either
}

// tabThrough presses Tab from the top of main until the focus leaves it
// (at most limit times) and returns where it stopped.
func tabThrough(p *Page, limit int) []focusStop {
	p.t.Helper()
	p.Eval(`(() => { const h = document.querySelector("main h1"); h.tabIndex = -1; h.focus(); return true; })()`, nil)
	var stops []focusStop
	for i := 0; i < limit; i++ {
		p.Press(kb.Tab)
		var s struct {
			focusStop
			InMain bool
		}
		p.Eval(`(() => { const a = document.activeElement, f = a.closest("figure.chart");
			return {Figure: f ? f.id : "", Part: a.closest("figcaption") ? "caption" : a.closest(".chart-downloads") ? "downloads" : "", Tag: a.tagName.toLowerCase(), Class: a.className, Name: a.textContent.trim().slice(0, 80), InMain: a.closest("main") !== null}; })()`, &s)
		if !s.InMain {
			break
		}
		stops = append(stops, s.focusStop)
	}
	return stops
}

// TestChartActionsByKeyboard: the keyboard reaches, by Tab, each drawn
// chart's "view data" and "save as image" buttons, after the links of its
// caption and before its download links (the table, once open, after
// them); screen readers hear them named
// by the action and the chart's title; Enter opens the chart's table
// below it, where the Tab after "save as image" goes, and Space closes it again; Enter on
// "save as image" downloads a PNG of the chart named by its title. On
// the example's department page and on the home page, comparison and
// overview of the generated site, which draw other charts, in both
// languages.
func TestChartActionsByKeyboard(t *testing.T) {
	b := Start(t)
	example := serveSite(t)
	gen, both := serveTwoYears(t)
	for _, c := range []struct {
		name, url, lang string
	}{
		{"department/zh", example + "2024/changji-egov/", "zh"},
		{"department/en", example + "en/2024/changji-egov/", "en"},
		{"home/zh", gen, "zh"},
		{"compare/en", gen + "en/2025/compare/", "en"},
		{"series/zh", gen + "departments/" + both + "/", "zh"},
	} {
		t.Run(c.name, func(t *testing.T) {
			view, save := map[string]string{"zh": "查看数据", "en": "View data"}[c.lang], map[string]string{"zh": "保存为图片", "en": "Save as image"}[c.lang]
			sep := map[string]string{"zh": "：", "en": ": "}[c.lang]
			p := b.NewPage(t)
			p.Resize(1366, 900)
			p.Open(c.url)
			checkCharts(t, p)
			var charts []struct{ Figure, Title string }
			p.Eval(`[...document.querySelectorAll(".chart-box")].filter(b => !b.hidden).map(b => ({Figure: b.closest("figure").id, Title: b.closest("figure").querySelector(".chart-title").textContent}))`, &charts)
			if len(charts) == 0 {
				t.Fatal("no drawn chart on the page")
			}
			stops := tabThrough(p, 400)
			names := p.AXNames("button")
			for _, ch := range charts {
				var order []string
				for _, s := range stops {
					if s.Figure != ch.Figure {
						continue
					}
					switch {
					case s.Class == "chart-view":
						order = append(order, "view")
					case s.Class == "chart-save":
						order = append(order, "save")
					case s.Part == "caption":
						order = append(order, "caption link")
					case s.Part == "downloads":
						order = append(order, "download")
					}
				}
				got := strings.Join(slices.Compact(order), ", ")
				if got != "caption link, view, save, download" && got != "caption link, view, save" {
					t.Errorf("%s: Tab reaches %q in the chart's figure; want the caption's links, then view data, save as image, then the downloads", ch.Figure, got)
				}
				for _, want := range []string{view + sep + ch.Title, save + sep + ch.Title} {
					if !slices.Contains(names, want) {
						t.Errorf("%s: no button named %q for screen readers; buttons: %q", ch.Figure, want, names)
					}
				}
			}

			// The first chart: Enter opens its table, Tab goes into it,
			// Shift+Tab back, Space closes it.
			first := charts[0].Figure
			p.Eval(`document.querySelector("#`+first+` button.chart-view").focus(), true`, nil)
			p.Press(kb.Enter)
			var open struct {
				Expanded, Focus string
				Rows            int
			}
			p.Eval(`(() => { const v = document.querySelector("#`+first+` button.chart-view"), panel = document.getElementById(v.getAttribute("aria-controls"));
				return {Expanded: v.getAttribute("aria-expanded"), Rows: panel.hidden ? 0 : panel.querySelectorAll("tbody tr").length, Focus: document.activeElement.className}; })()`, &open)
			if open.Expanded != "true" || open.Rows == 0 || open.Focus != "chart-view" {
				t.Errorf("after Enter on view data: expanded %q, %d rows shown, focus on %q; want true, the rows, the button", open.Expanded, open.Rows, open.Focus)
			}
			p.Press(kb.Tab) // save as image
			p.Press(kb.Tab)
			var in struct{ Role, Label string }
			p.Eval(`(() => { const a = document.activeElement; const l = a.getAttribute("aria-labelledby"); return {Role: a.getAttribute("role") || a.tagName, Label: l ? document.getElementById(l).textContent : ""}; })()`, &in)
			if in.Role != "region" || in.Label == "" {
				t.Errorf("the Tab after opening the table focuses %+v; want the table's region, named by its caption", in)
			}
			p.ShiftTab()
			p.ShiftTab()
			p.Press(" ")
			var closed string
			p.Eval(`document.querySelector("#`+first+` button.chart-view").getAttribute("aria-expanded") + " " + document.getElementById(document.querySelector("#`+first+` button.chart-view").getAttribute("aria-controls")).hidden`, &closed)
			if closed != "false true" {
				t.Errorf("after Shift+Tab and Space: expanded and hidden %q; want the table closed", closed)
			}

			// Save as image: the download of a PNG, caught before it
			// leaves the page.
			p.Eval(`window.__saved = []; document.addEventListener("click", e => { const a = e.target.closest("a[download]"); if (a && a.href.startsWith("data:")) { e.preventDefault(); window.__saved.push({Name: a.download, Type: a.href.slice(0, 22), Size: a.href.length}); } }, true); true`, nil)
			p.Press(kb.Tab)
			p.Press(kb.Enter)
			var saved []struct {
				Name, Type string
				Size       int
			}
			p.Eval(`window.__saved`, &saved)
			if len(saved) != 1 || saved[0].Name != charts[0].Title+".png" || saved[0].Type != "data:image/png;base64," || saved[0].Size < 5000 {
				t.Errorf("Enter on save as image downloads %+v; want one PNG named %q", saved, charts[0].Title+".png")
			}
			for _, m := range p.Console() {
				t.Errorf("console: %s", m)
			}
		})
	}
}

// TestBarsOnPhones: on a 320 px phone with larger text, in both
// languages, the horizontal bars of the department page, the comparison
// and the overview keep at least a third of their chart's width for
// the bars, every name beside or above them is drawn (none left out,
// none cut short with "…"), and no text of the chart reaches beyond it.
func TestBarsOnPhones(t *testing.T) {
	b := Start(t)
	base, both := serveTwoYears(t)
	p := b.NewPage(t)
	p.Resize(320, 800)
	p.Open(base)
	setLarge(p, true)
	checked := 0
	for _, path := range []string{"2025/" + both + "/", "en/2025/" + both + "/", "2025/compare/", "en/2025/compare/", "departments/" + both + "/", "en/departments/" + both + "/"} {
		p.Open(base + path)
		checkCharts(t, p)
		settle(p)
		var bars []struct {
			ID         string
			Plot, Box  float64
			Names, Cut int
			Outside    []string
		}
		p.Eval(`[...document.querySelectorAll(".chart-box:not([hidden])")].flatMap(box => {
			const c = echarts.getInstanceByDom(box), m = c.getModel(), y = m.getComponent("yAxis", 0);
			if (!y || y.axis.type !== "category") return [];
			const rect = m.getComponent("grid", 0).coordinateSystem.getRect(), w = box.clientWidth;
			const names = y.axis.scale.getOrdinalMeta().categories.length;
			const shown = y.axis.getViewLabels().length;
			const spans = c.getZr().storage.getDisplayList().filter(e => e.type === "tspan" || e.type === "text");
			const outside = spans.filter(e => { const r = e.getBoundingRect().clone(); r.applyTransform(e.getComputedTransform()); return r.x < -1 || r.x + r.width > w + 1; }).map(e => e.style.text);
			const cut = spans.filter(e => /…|\.\.\.$/.test(String(e.style.text))).map(e => e.style.text);
			return [{ID: box.id, Plot: rect.width, Box: w, Names: names, Cut: names - shown + cut.length, Outside: outside.concat(cut)}];
		})`, &bars)
		for _, c := range bars {
			checked++
			if c.Plot < c.Box/3 {
				t.Errorf("%s %s: the bars have %.0f px of the chart's %.0f", path, c.ID, c.Plot, c.Box)
			}
			if c.Cut != 0 || len(c.Outside) != 0 {
				t.Errorf("%s %s: %d of %d names not drawn whole, %q beyond the chart", path, c.ID, c.Cut, c.Names, c.Outside)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no horizontal bars found")
	}
	setLarge(p, false)
}
