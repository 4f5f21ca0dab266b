package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// screenShot saves a PNG of what the window shows now (not the whole
// page) as test-artifacts/name.
func screenShot(p *Page, name string) {
	p.t.Helper()
	png := do(p, "screenshot", chromedp.CaptureScreenshot())
	path, _ := filepath.Abs(filepath.Join("..", "..", "test-artifacts", name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// firstScreen is where the first key figure of a department page ends,
// and what the top of the page holds above it.
type firstScreen struct {
	Bottom float64 // of the first key figure's value, in CSS pixels from the top
	Header float64 // the height of the site header
	Title  float64 // the height of the page's title
}

// measureFirstScreen measures the top of the page now open.
func measureFirstScreen(p *Page) firstScreen {
	p.t.Helper()
	var s firstScreen
	p.Eval(`(() => {
		const v = document.querySelector(".key-figures li .kf-headline, .key-figures li .kf-value");
		const h = document.querySelector(".site-header"), t = document.querySelector("h1");
		return {Bottom: v ? v.getBoundingClientRect().bottom + scrollY : 1e6,
			Header: h ? h.getBoundingClientRect().height : 0, Title: t ? t.getBoundingClientRect().height : 0};
	})()`, &s)
	return s
}

// TestFirstScreenShowsFigures: on the smallest phones (320 × 568 and
// 360 × 640), with larger text on, in both languages, the first screen of
// a department page shows its key figures, not the title alone.
func TestFirstScreenShowsFigures(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	p := b.NewPage(t)
	for _, large := range []bool{true, false} {
		p.Open(base)
		setLarge(p, large)
		for _, size := range [][2]int{{320, 568}, {360, 640}} {
			for _, lang := range []string{"zh", "en"} {
				prefix := map[string]string{"zh": "", "en": "en/"}[lang]
				p.Resize(size[0], size[1])
				p.Open(base + prefix + "2024/changji-egov/")
				s := measureFirstScreen(p)
				what := fmt.Sprintf("%s at %d × %d", lang, size[0], size[1])
				if large {
					what += " with larger text"
				}
				if s.Bottom > float64(size[1]) {
					t.Errorf("%s: the first key figure ends %.0f px down, below the first screen (header %.0f px, title %.0f px)", what, s.Bottom, s.Header, s.Title)
				}
				if large {
					screenShot(p, fmt.Sprintf("first-screen-%s-%dx%d-large.png", lang, size[0], size[1]))
				}
			}
		}
	}
	setLarge(p, false)
}

// TestExplanationTablesUnderCSP: the tables of the explanations align
// their columns by class, so that the site's Content Security Policy
// (no inline style) reports nothing and the figures still stand right:
// on the department pages of the corpus sites whose explanations have
// tables, in both languages.
func TestExplanationTablesUnderCSP(t *testing.T) {
	b := Start(t)
	checked := 0
	for _, name := range []string{"fund-projects", "shiye-yuan", "soe-spending"} {
		base := ServeDir(t, serveCorpus(t, name))
		for _, path := range corpusDepartments(t, name) {
			p := b.NewPage(t)
			p.Open(base + path)
			var got struct {
				Tables, Right, Styled int
			}
			p.Eval(`(() => {
				const cells = [...document.querySelectorAll(".narrative table .align-right")];
				return {Tables: document.querySelectorAll(".narrative table").length,
					Right: cells.filter(c => getComputedStyle(c).textAlign === "right").length,
					Styled: document.querySelectorAll(".narrative [style]").length};
			})()`, &got)
			if got.Tables == 0 {
				continue
			}
			checked++
			if got.Right == 0 {
				t.Errorf("%s %s: no explanation table cell stands right", name, path)
			}
			if got.Styled != 0 {
				t.Errorf("%s %s: %d elements of the explanations carry a style attribute", name, path, got.Styled)
			}
			for _, m := range p.Console() {
				if strings.Contains(m.Text, "Content Security Policy") || strings.Contains(m.Text, "Refused to") {
					t.Errorf("%s %s: %s", name, path, m)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no department page with an explanation table")
	}
}

// corpusDepartments returns the paths of the department pages, in both
// languages, of a corpus site built by serveCorpus.
func corpusDepartments(t *testing.T, name string) []string {
	t.Helper()
	var out []string
	dir := filepath.Join("..", "..", "testdata", "corpus", name, "data")
	years, _ := os.ReadDir(dir)
	for _, y := range years {
		files, _ := filepath.Glob(filepath.Join(dir, y.Name(), "*.yaml"))
		for _, f := range files {
			id := strings.TrimSuffix(filepath.Base(f), ".yaml")
			out = append(out, y.Name()+"/"+id+"/", "en/"+y.Name()+"/"+id+"/")
		}
	}
	return out
}

// TestPerformanceTargetsOnPhones: at 320 px with larger text, in both
// languages, on the example and the corpus sites, each target of a
// performance table can be read whole beside its indicator's name: the
// name stays in view (frozen) and the room beside it holds the target;
// the first indicator of each group names its levels. Measured as
// TestPhoneTables measures the budget tables.
func TestPerformanceTargetsOnPhones(t *testing.T) {
	b := Start(t)
	type site struct {
		base  string
		paths []string
	}
	sites := map[string]site{"example": {serveSite(t), []string{"2024/changji-egov/", "en/2024/changji-egov/"}}}
	for _, name := range []string{"fund-projects", "provincial", "carryover"} {
		sites[name] = site{ServeDir(t, serveCorpus(t, name)), corpusDepartments(t, name)}
	}
	for name, s := range sites {
		p := b.NewPage(t)
		p.Open(s.base)
		setLarge(p, true)
		p.Resize(320, 800)
		for _, path := range s.paths {
			p.Open(s.base + path)
			var got struct {
				Rows, Levels, Groups int
				Bad                  []string
			}
			p.Eval(`(() => {
				const out = {Rows: 0, Levels: 0, Groups: 0, Bad: []};
				for (const tr of document.querySelectorAll("table.indicators tbody tr")) {
					const th = tr.querySelector("th"), td = tr.querySelector("td.target");
					if (!th || !td) continue;
					out.Rows++;
					if (tr.querySelector("td.level")) {
						out.Groups++;
						const l = th.querySelector(".perf-levels");
						if (l && l.offsetParent !== null) out.Levels++;
					}
					const sc = th.closest(".table-wrap"), cr = sc.getBoundingClientRect();
					const range = document.createRange(); range.selectNodeContents(td);
					const need = range.getBoundingClientRect().width;
					const frozen = getComputedStyle(th).position === "sticky" ? th.getBoundingClientRect().right - cr.left : 0;
					const room = Math.min(sc.clientWidth, document.documentElement.clientWidth - Math.max(cr.left, 0)) - frozen;
					if (frozen === 0 || room + 0.5 < need) out.Bad.push(td.textContent.trim() + " beside " + th.textContent.trim().slice(0, 40) + ": needs " + Math.round(need) + " px, has " + Math.round(room) + (frozen ? "" : " (the name is not frozen)"));
				}
				return out;
			})()`, &got)
			if got.Rows == 0 {
				continue
			}
			for _, bad := range got.Bad {
				t.Errorf("%s %s at 320 px, larger text: %s", name, path, bad)
			}
			if got.Levels != got.Groups {
				t.Errorf("%s %s: %d of %d indicator groups name their levels in the row", name, path, got.Levels, got.Groups)
			}
			if name == "example" {
				p.Eval(`document.querySelector("table.indicators").scrollIntoView(), true`, nil)
				screenShot(p, "perf-"+map[bool]string{true: "en", false: "zh"}[strings.HasPrefix(path, "en/")]+"-320-large.png")
			}
		}
		setLarge(p, false)
	}
}
