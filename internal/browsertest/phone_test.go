package browsertest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// phoneWidths are the widths of the phones the tables must serve: the
// smallest in use, the most common, and a large one.
var phoneWidths = []int{320, 360, 414}

// serveCorpus builds a site of testdata/corpus (once per run) and
// returns its output folder.
func serveCorpus(t *testing.T, name string) string {
	t.Helper()
	return corpusSite(t, name)
}

// setLarge turns the larger-text mode on or off for the next page
// loaded, as the button would.
func setLarge(p *Page, on bool) {
	p.t.Helper()
	p.Eval(fmt.Sprintf(`localStorage.setItem("budgetpress.large", %q), true`, map[bool]string{true: "on", false: "off"}[on]), nil)
}

// TestFullLayout: the department page collapses the columns and rows
// without figures, says so beside each table that has them, and one
// button shows the full layout of the document in every table, where
// the empty cells read "—"; at 320 px with larger text every figure
// still fits, and the page is still accessible.
func TestFullLayout(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct{ lang, prefix, note string }{
		{"zh", "", "本年无数，已收起。"},
		{"en", "en/", ": no figures this year, hidden."},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + c.prefix + "2024/changji-egov/")
			setLarge(p, true)
			p.Resize(320, 800)
			p.Reload()
			type state struct {
				Void, Shown, Notes, Buttons, Dashes int
				Pressed                             string
				Note                                string
			}
			read := func() state {
				var s state
				p.Eval(`(() => {
					const shown = el => el.offsetParent !== null || getComputedStyle(el).display === "table-row";
					const v = [...document.querySelectorAll(".budget-table .void")];
					const b = [...document.querySelectorAll("button.show-full")];
					return {
						Void: v.length, Shown: v.filter(shown).length,
						Notes: [...document.querySelectorAll(".void-note")].filter(shown).length,
						Buttons: b.filter(x => !x.hidden).length,
						Dashes: [...document.querySelectorAll(".budget-table td.nil")].filter(shown).filter(td => td.textContent === "—").length,
						Pressed: [...new Set(b.map(x => x.getAttribute("aria-pressed")))].join(" "),
						Note: (document.querySelector(".void-note span") || {}).textContent || "",
					};
				})()`, &s)
				return s
			}
			before := read()
			if before.Void == 0 || before.Shown != 0 {
				t.Fatalf("collapsed: %d of %d void rows, columns and cells shown; want none of some", before.Shown, before.Void)
			}
			if before.Notes == 0 || before.Buttons != before.Notes || before.Pressed != "false" {
				t.Errorf("%d notes, %d buttons shown, pressed %q; want a button with each note, not pressed", before.Notes, before.Buttons, before.Pressed)
			}
			if !strings.HasSuffix(before.Note, c.note) {
				t.Errorf("the first note reads %q, want it to end %q", before.Note, c.note)
			}
			p.Click("button.show-full")
			after := read()
			if after.Shown == 0 || after.Pressed != "true" {
				t.Errorf("after the click: %d void rows, columns and cells shown, buttons pressed %q; want them shown, every button pressed", after.Shown, after.Pressed)
			}
			if after.Dashes <= before.Dashes {
				t.Errorf("after the click %d empty cells read —, before %d: want more", after.Dashes, before.Dashes)
			}
			fit := p.Fit()
			for _, h := range fit.Hidden {
				t.Errorf("full layout at 320 px, larger text: %q cannot be shown whole (needs %.0f, has %.0f)", h.Text, h.Need, h.Room)
			}
			if fit.Overflow > 1 {
				t.Errorf("full layout at 320 px, larger text: the page scrolls sideways by %.0f px", fit.Overflow)
			}
			for _, v := range Audit(p) {
				t.Errorf("axe, full layout, larger text, 320 px: %s", v)
			}
			shot, _ := filepath.Abs(filepath.Join("..", "..", "test-artifacts", "full-layout-"+c.lang+"-320-large.png"))
			p.Screenshot(shot)
			p.Click("button.show-full")
			if s := read(); s.Shown != 0 || s.Pressed != "false" {
				t.Errorf("after a second click: %d void rows, columns and cells shown, pressed %q; want them collapsed again", s.Shown, s.Pressed)
			}
			setLarge(p, false)
		})
	}
}

// reportFit reports what a page's measure says a reader cannot see: the
// table figures that cannot be shown whole beside their row's label
// (the first five), and a page that scrolls sideways.
func reportFit(t *testing.T, what string, fit Fit) {
	t.Helper()
	for i, h := range fit.Hidden {
		if i == 5 {
			t.Errorf("%s: and %d more figures cannot be shown whole", what, len(fit.Hidden)-5)
			break
		}
		t.Errorf("%s: %q cannot be shown whole: it needs %.0f px beside the row's label, and has %.0f", what, h.Text, h.Need, h.Room)
	}
	for _, c := range fit.Captions {
		t.Errorf("%s: a table's title cannot be read without scrolling its figures: %s", what, c)
	}
	if fit.Overflow > 1 {
		t.Errorf("%s: the page scrolls sideways by %.0f px; too wide: %s", what, fit.Overflow, strings.Join(fit.Wide, "\n\t"))
	}
}
