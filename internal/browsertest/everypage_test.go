package browsertest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// openPage opens a page of a site and waits until a reader would see it
// whole: its fonts loaded and, on the search page, the results of its
// query listed.
func openPage(p *Page, base string, pg sitePage) {
	p.t.Helper()
	p.Open(base + pg.path)
	p.Eval(`document.fonts.ready.then(() => true)`, nil)
	if pg.kind == "search" {
		p.WaitFor(`document.querySelectorAll("#search-results > li").length > 0`)
	}
}

// setMode turns a reading mode ("large", "contrast") on or off on the
// page shown, as its button does.
func setMode(p *Page, mode string, on bool) {
	p.t.Helper()
	p.Eval(fmt.Sprintf(`document.documentElement.classList.toggle(%q, %v), true`, mode, on), nil)
}

// settle waits until the page has laid itself out again after a change
// of the window or of a reading mode: the charts redraw at their box's
// new width in the next frames (ResizeObserver), and a canvas still of
// the old width would make the page seem to scroll sideways.
func settle(p *Page) {
	p.t.Helper()
	p.Eval(`new Promise(ok => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`, nil)
	p.WaitFor(`[...document.querySelectorAll(".chart-box canvas")].every(c => c.getBoundingClientRect().width <= c.closest(".chart-box").getBoundingClientRect().width + 1)`)
}

// artifact returns the absolute path of a file under test-artifacts/,
// where the tests leave screenshots for a person to look at.
func artifact(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"..", "..", "test-artifacts"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEveryPageOnPhones: on every page type (home, year, department,
// comparison, overview, downloads, search, 404) of the example site, of
// every corpus site (other shapes: tables of 12 columns, amounts in 元,
// a province's own tables) and of a generated site of six departments
// over two years, in both languages, at 320, 360 and 414 px, with
// normal and larger text: every table figure can be brought whole into
// view beside the columns that stay in view, every table's title can be
// read without scrolling its figures, and the page never scrolls
// sideways.
func TestEveryPageOnPhones(t *testing.T) {
	b := Start(t)
	for _, s := range everySite(t) {
		t.Run(s.name, func(t *testing.T) {
			base := ServeDir(t, s.out)
			p := b.NewPage(t)
			figures, measures := 0, 0
			kinds := map[string]bool{}
			for _, pg := range s.pages {
				p.Resize(phoneWidths[0], 800)
				openPage(p, base, pg)
				kinds[pg.kind] = true
				for _, large := range []bool{false, true} {
					setMode(p, "large", large)
					for _, w := range phoneWidths {
						p.Resize(w, 800)
						settle(p)
						what := fmt.Sprintf("%s at %d px", pg, w)
						if large {
							what += " with larger text"
						}
						fit := p.Fit()
						if fit.Figures == 0 && pg.kind == "department" {
							t.Errorf("%s: no table figure found on a department page", what)
						}
						figures += fit.Figures
						measures++
						reportFit(t, what, fit)
					}
				}
			}
			if len(kinds) != 8 {
				t.Errorf("page kinds measured: %v, want all 8", kinds)
			}
			t.Logf("%s: %d pages, %d measures, %d figures measured", s.name, len(s.pages), measures, figures)
		})
	}
}

// TestEveryPageInReadingModes: axe-core reports no WCAG 2.1 A/AA
// violation on any page type of the example, corpus and generated
// sites (on the corpus sites the kinds whose tables and charts differ:
// home, department, comparison, overview), in both languages: as the
// page opens at 360 px, with high contrast and larger text on at
// 320 px, and (on the example and the generated site) with high
// contrast alone at 1366 px (the modes change colours and sizes, which
// is what axe's contrast and reflow rules read); in high contrast the
// charts are drawn anew on black. On the generated site it leaves
// full-page screenshots of the comparison, overview, downloads, search
// and 404 pages at 320 px (larger text, high contrast) and 1366 px in
// test-artifacts/pages/.
func TestEveryPageInReadingModes(t *testing.T) {
	b := Start(t)
	for _, s := range everySite(t) {
		t.Run(s.name, func(t *testing.T) {
			base := ServeDir(t, s.out)
			p := b.NewPage(t)
			if s.name == "generated" {
				p.ReduceMotion() // screenshots of the charts as drawn, not as they grow
			}
			audits := 0
			for _, pg := range s.pages {
				if corpusSkips[pg.kind] && s.name != "example" && s.name != "generated" {
					continue
				}
				p.Resize(360, 800)
				openPage(p, base, pg)
				for _, v := range Audit(p) {
					t.Errorf("axe, %s at 360 px: %s", pg, v)
				}
				p.Resize(320, 800)
				setMode(p, "contrast", true)
				setMode(p, "large", true)
				for _, v := range Audit(p) {
					t.Errorf("axe, %s at 320 px, high contrast and larger text: %s", pg, v)
				}
				// axe cannot read a canvas: the charts are drawn anew on black.
				p.WaitFor(`[...document.querySelectorAll(".chart-box:not([hidden])")].every(b => { const c = echarts.getInstanceByDom(b); return c && c.getOption().backgroundColor === "#000000"; })`)
				shoot := s.name == "generated" && pg.kind != "year" && pg.kind != "department" && pg.kind != "home"
				if shoot {
					settle(p)
					p.Screenshot(artifact(t, "pages", pg.kind+"-"+pg.lang+"-320-large-contrast.png"))
				}
				audits += 2
				if s.name == "example" || s.name == "generated" {
					setMode(p, "large", false)
					p.Resize(1366, 900)
					for _, v := range Audit(p) {
						t.Errorf("axe, %s at 1366 px, high contrast: %s", pg, v)
					}
					audits++
				}
				if shoot {
					setMode(p, "contrast", false)
					settle(p)
					p.Screenshot(artifact(t, "pages", pg.kind+"-"+pg.lang+"-1366.png"))
				}
			}
			t.Logf("%s: %d pages, %d audits", s.name, len(s.pages), audits)
		})
	}
}

// corpusSkips are the page kinds whose audit TestEveryPageInReadingModes
// leaves out on the corpus sites: the same markup as the example's,
// with other names (their tables and charts are on the kinds audited).
var corpusSkips = map[string]bool{"year": true, "downloads": true, "search": true, "404": true}

// cspWatch records, in the page, every violation of its
// Content-Security-Policy, from before its first script runs.
const cspWatch = `window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.effectiveDirective + " " + (e.blockedURI || "inline") + " at " + (e.sourceFile || "") + ":" + e.lineNumber + " " + (e.sample || "")));`

// TestEveryPageUnderCSP: no page type of the example, corpus and
// generated sites, in either language, logs an error or a warning to
// the console or violates its Content-Security-Policy (no inline style
// or script), while a reader uses it: its charts drawn, their tooltips
// shown, redrawn in high contrast and with larger text, their data
// tables opened, the full layout of its tables shown.
func TestEveryPageUnderCSP(t *testing.T) {
	b := Start(t)
	for _, s := range everySite(t) {
		t.Run(s.name, func(t *testing.T) {
			base := ServeDir(t, s.out)
			p := b.NewPage(t)
			p.OnNewDocument(cspWatch)
			for _, pg := range s.pages {
				before := len(p.Console())
				p.Resize(360, 800)
				openPage(p, base, pg)
				checkCharts(t, p)
				p.Eval(`(async () => {
					const pause = () => new Promise(ok => setTimeout(ok, 20));
					for (const box of document.querySelectorAll(".chart-box")) {
						const c = window.echarts && echarts.getInstanceByDom(box);
						if (c) { c.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0}); await pause(); c.dispatchAction({type: "hideTip"}); }
					}
					for (const b of document.querySelectorAll("button.chart-view, button.show-full")) { b.click(); await pause(); }
					document.documentElement.classList.add("contrast", "large");
					await pause();
					for (const b of document.querySelectorAll("button.chart-view")) { b.click(); await pause(); }
					document.documentElement.classList.remove("contrast", "large");
					await new Promise(ok => setTimeout(ok, 100));
					return true;
				})()`, nil)
				var violations []string
				p.Eval(`window.__csp`, &violations)
				for _, v := range violations {
					t.Errorf("%s: Content-Security-Policy violated: %s", pg, v)
				}
				for _, m := range p.Console()[before:] {
					if pg.kind == "404" && m.Kind == "network" && strings.HasSuffix(m.URL, pg.path) {
						continue // the page itself, answered with 404 as it should be
					}
					t.Errorf("%s: console: %s", pg, m)
				}
			}
		})
	}
}

// TestCSPWatchSeesInlineStyles: under the site's policy, the watch of
// TestEveryPageUnderCSP sees a style attribute in the markup and one
// written through innerHTML or setAttribute, and the console reports
// them; a style set through the CSSOM (as ECharts and charts.js do) is
// allowed and seen by neither.
func TestCSPWatchSeesInlineStyles(t *testing.T) {
	b := Start(t)
	base := ServeDir(t, writeSite(t, map[string]string{
		"index.html": `<!DOCTYPE html><html lang="en"><head><title>csp</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">
</head><body><p style="color: red">markup</p><div id="a"></div><div id="b"></div><div id="c"></div>
<script src="a.js"></script></body></html>`,
		"a.js": `document.getElementById("a").innerHTML = '<span style="color: red">inner</span>';
document.getElementById("b").setAttribute("style", "color: red");
document.getElementById("c").style.color = "red";`,
	}))
	p := b.NewPage(t)
	p.OnNewDocument(cspWatch)
	p.Open(base)
	p.Eval(`new Promise(ok => setTimeout(() => ok(true), 200))`, nil)
	var violations []string
	p.Eval(`window.__csp`, &violations)
	if len(violations) != 3 {
		t.Errorf("the watch saw %d violations, want 3 (markup, innerHTML, setAttribute):\n%s", len(violations), strings.Join(violations, "\n"))
	}
	n := 0
	for _, m := range p.Console() {
		if strings.Contains(m.Text, "Content Security Policy") {
			n++
		}
	}
	if n != 3 {
		t.Errorf("the console reported %d violations of the policy, want 3: %v", n, p.Console())
	}
	var cssom string
	p.Eval(`document.getElementById("c").style.color`, &cssom)
	if cssom != "red" {
		t.Errorf("the style set through the CSSOM is %q, want red", cssom)
	}
}
