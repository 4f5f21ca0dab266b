package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestPrint: printed on A4, the department page keeps the full layout of
// the document (no collapsed row or column), its column heads break
// between words and never inside one (no head is wider than its
// column), every table fits the width of its page (portrait, or
// landscape for wide tables), and headings keep with what follows.
func TestPrint(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct{ lang, prefix string }{{"zh", ""}, {"en", "en/"}} {
		t.Run(c.lang, func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + c.prefix + "2024/changji-egov/")
			do(p, "print media", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			}))
			// A4 less 12 mm margins, at 96 px an inch: 186 mm portrait,
			// 273 mm landscape.
			for _, page := range []struct {
				width int
				which string
			}{{703, "section.budget-table:not(.wide)"}, {1032, "section.budget-table.wide"}} {
				p.Resize(page.width, 1000)
				var r struct {
					Hidden   int
					Broken   []string
					TooWide  []string
					Keep     []string
					Sections int
				}
				p.Eval(`(() => {
					const r = {Hidden: 0, Broken: [], TooWide: [], Keep: [], Sections: 0};
					r.Hidden = [...document.querySelectorAll(".budget-table .void")].filter(el => getComputedStyle(el).display === "none").length;
					for (const sec of document.querySelectorAll(`+"`"+page.which+"`"+`)) {
						r.Sections++;
						for (const th of sec.querySelectorAll("thead th")) {
							if (getComputedStyle(th).display === "none") continue;
							const s = getComputedStyle(th);
							if (th.scrollWidth > th.clientWidth + 1 || s.overflowWrap !== "normal" || s.wordBreak !== "normal" || s.hyphens !== "manual") r.Broken.push(th.textContent);
						}
						for (const tb of sec.querySelectorAll("table")) {
							if (tb.getBoundingClientRect().width > document.documentElement.clientWidth + 1) r.TooWide.push(tb.caption.textContent + " " + Math.round(tb.getBoundingClientRect().width));
						}
						for (const el of sec.querySelectorAll("h3, .table-meta")) {
							if (getComputedStyle(el).breakAfter !== "avoid") r.Keep.push(el.textContent.slice(0, 40));
						}
					}
					return r;
				})()`, &r)
				if r.Sections == 0 {
					t.Fatalf("no %s", page.which)
				}
				if r.Hidden > 0 {
					t.Errorf("%d collapsed rows, columns or cells in print; want the full layout", r.Hidden)
				}
				for _, h := range r.Broken {
					t.Errorf("%d px page: the head %q breaks inside a word or overflows its column", page.width, h)
				}
				for _, w := range r.TooWide {
					t.Errorf("%d px page: table %s px is wider than the page", page.width, w)
				}
				for _, k := range r.Keep {
					t.Errorf("%q may end a page: break-after is not avoid", k)
				}
			}
		})
	}
}
