package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// contrastJS defines ratio(el), the contrast of an element's text with
// the background it is drawn on (the first opaque one of it and its
// ancestors), and ring(el), that of its outline with the page.
const contrastJS = `
const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const bgOf = el => { for (let p = el; p; p = p.parentElement) { const c = getComputedStyle(p).backgroundColor; const a = rgb(c); if (a.length === 3 || a[3] === 1) return c; } return "rgb(255, 255, 255)"; };
const cr = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
const ratio = el => cr(getComputedStyle(el).color, bgOf(el));
`

// TestReadingModes: on every page type of the example site, in both
// languages, high contrast is plainly different (a dark page) and gives
// every text 7 : 1 or more; the focus ring stands out 3 : 1 or more
// from the page in both modes; larger text is 150 % and more. (axe in
// these modes: TestEveryPageInReadingModes.)
func TestReadingModes(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	p := b.NewPage(t)
	for _, sp := range sitePages {
		t.Run(sp.name, func(t *testing.T) {
			p.t = t
			p.Open(base + sp.path)
			p.Eval(`localStorage.clear(), true`, nil)
			p.Reload()
			if sp.name == "search/zh" || sp.name == "search/en" {
				p.WaitFor(`document.querySelectorAll("#search-results > li").length > 0`)
			}
			type look struct {
				Bg, Root string
				Worst    float64
				Where    string
				Ring     float64
				RingW    float64
			}
			read := func() look {
				var l look
				p.Eval(`(() => {`+contrastJS+`
					let worst = 99, where = "";
					for (const el of document.querySelectorAll("main *, .site-header *, .site-footer *")) {
						if (el.closest("figure.chart") || el.offsetParent === null) continue;
						if (![...el.childNodes].some(n => n.nodeType === 3 && n.data.trim())) continue;
						const r = ratio(el);
						if (r < worst) { worst = r; where = el.tagName.toLowerCase() + "." + el.className + ": " + el.textContent.trim().slice(0, 30); }
					}
					const a = document.activeElement, s = getComputedStyle(a);
					return {Bg: getComputedStyle(document.body).backgroundColor, Root: getComputedStyle(document.documentElement).fontSize,
						Worst: worst, Where: where,
						Ring: cr(s.outlineColor, bgOf(a.parentElement)), RingW: parseFloat(s.outlineWidth)};
				})()`, &l)
				return l
			}
			// The first link of the page's main part takes the focus.
			focus := func() {
				p.Eval(`document.querySelector("main a").focus(), true`, nil)
			}
			focus()
			normal := read()
			if normal.Ring < 3 || normal.RingW < 2 {
				t.Errorf("the focus ring is %.1fpx at %.2f : 1 against the page; want 2px or more at 3 : 1", normal.RingW, normal.Ring)
			}
			p.Click(`button.toggle[data-mode="contrast"]`)
			focus()
			hc := read()
			if hc.Bg == normal.Bg {
				t.Errorf("high contrast keeps the page's background %s", hc.Bg)
			}
			if hc.Worst < 7 {
				t.Errorf("in high contrast %q is at %.2f : 1, want 7 : 1 or more", hc.Where, hc.Worst)
			}
			if hc.Ring < 3 || hc.RingW < 2 {
				t.Errorf("in high contrast the focus ring is %.1fpx at %.2f : 1; want 2px or more at 3 : 1", hc.RingW, hc.Ring)
			}
			p.Click(`button.toggle[data-mode="large"]`)
			if l := read(); l.Root != "24px" {
				t.Errorf("larger text sets the root to %s, want 24px (150 %%)", l.Root)
			}
			if sp.name == "department/zh" || sp.name == "department/en" {
				// Keyboard focus, as a reader tabbing would meet it.
				p.Press(kb.Tab)
				for _, w := range []int{360, 1366} {
					p.Resize(w, 800)
					for _, v := range Audit(p) {
						t.Errorf("axe at %d px, high contrast and larger text: %s", w, v)
					}
				}
				p.Resize(1280, 900)
			}
			p.Eval(`localStorage.clear(), true`, nil)
		})
	}
}
