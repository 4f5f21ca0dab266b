package browsertest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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

// toolIcon returns where, in the window, the toolbox icon of a chart
// with the given title is, after scrolling the chart into view: ECharts
// draws the toolbox on the canvas and keeps each icon's title.
func toolIcon(t *testing.T, p *Page, id, title string) (x, y float64) {
	t.Helper()
	var at struct {
		X, Y  float64
		Found bool
	}
	p.Eval(`(() => {
		const box = document.getElementById(`+jsString(id)+`);
		box.scrollIntoView({block: "center"});
		const chart = echarts.getInstanceByDom(box);
		const icon = chart.getZr().storage.getDisplayList().find(e => e.__title === `+jsString(title)+`);
		if (!icon) return {Found: false};
		const r = icon.getBoundingRect().clone();
		r.applyTransform(icon.getComputedTransform());
		const b = box.getBoundingClientRect();
		return {X: b.left + r.x + r.width / 2, Y: b.top + r.y + r.height / 2, Found: true};
	})()`, &at)
	if !at.Found {
		t.Fatalf("%s: no toolbox icon titled %q", id, title)
	}
	return at.X, at.Y
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "") + "`" }

// TestCharts reads the department page's charts as a reader would: a
// single value is a sentence, every drawn chart offers "save as image"
// and "view data" in the page's language, "view data" shows a table of
// the figures as the tables print them (the prior year's marked as
// derived from Part 3), the ticks of the value axes are evenly spaced on
// a phone, and the high-contrast mode redraws the charts on black with
// patterns.
func TestCharts(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct {
		lang, prefix                      string
		image, data, close                string
		income, prior, derived, priorHead string
	}{
		{"zh", "", "保存为图片", "查看数据", "关闭", "一般公共预算拨款 604.13 万元，占 100.00%", "1,969.56", "上年预算数系据第三部分增减额推算", "2023 年预算（万元）"},
		{"en", "en/", "Save as image", "View data", "Close", "General public budget appropriations 6,041.3 thousand yuan (100.00%)", "19,695.6", "derived from the changes stated in Part 3", "2023 budget (thousand yuan)"},
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

			// Every drawn chart has the toolbox, titled in the page's language.
			var tools []struct{ ID, Image, Data, Close string }
			p.Eval(`[...document.querySelectorAll(".chart-box")].map(box => {
				const t = echarts.getInstanceByDom(box).getOption().toolbox[0].feature;
				return {ID: box.id, Image: t.saveAsImage.title, Data: t.dataView.title, Close: t.dataView.lang[1]};
			})`, &tools)
			if len(tools) < 3 {
				t.Errorf("%d drawn charts, want at least 3", len(tools))
			}
			for _, tb := range tools {
				if tb.Image != c.image || tb.Data != c.data || tb.Close != c.close {
					t.Errorf("%s: toolbox %q, %q, %q; want %q, %q, %q", tb.ID, tb.Image, tb.Data, tb.Close, c.image, c.data, c.close)
				}
			}

			// View data of the prior-year chart, by a click on its icon.
			x, y := toolIcon(t, p, "chart-prior", c.data)
			do(p, "click view data", chromedp.MouseClickXY(x, y))
			p.WaitFor(`document.querySelector("#chart-prior .chart-data table") !== null`)
			var view struct {
				Text, Role, Focus string
				Heads             []string
			}
			p.Eval(`(() => { const v = document.querySelector("#chart-prior .chart-data");
				return {Text: v.innerText, Role: document.getElementById("chart-prior").getAttribute("role"),
					Focus: document.activeElement.className,
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
			if view.Role != "region" || view.Focus != "chart-data" {
				t.Errorf("with view data open the box is %q and the focus on %q; want a region and the table", view.Role, view.Focus)
			}
			for _, v := range Audit(p) {
				t.Errorf("axe, view data open: %s", v)
			}
			shotOf(t, p, "#chart-prior-figure", "chart-view-data-"+c.lang)
			p.Eval(`document.querySelector("#chart-prior [role=button]").focus(), true`, nil)
			p.Press("\r")
			p.WaitFor(`document.querySelector("#chart-prior .chart-data") === null && document.getElementById("chart-prior").getAttribute("role") === "img"`)
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
