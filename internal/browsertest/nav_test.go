package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/testsite"
)

// serveTwoYears serves a generated site of 6 departments in 2024 and
// 2025 (see twoYearsSite); it returns the site's URL and a department
// that has both years.
func serveTwoYears(t *testing.T) (base, both string) {
	t.Helper()
	out, both := twoYearsSite(t)
	return ServeDir(t, out), both
}

// twoYearsSite builds, once per run, a generated site of 6 departments
// in 2024 and 2025 (the example department in 万元, the others in 元),
// from which the example department's 2024 file is taken away. It
// returns the output folder and a department that has both years.
func twoYearsSite(t *testing.T) (out, both string) {
	t.Helper()
	out = buildOnce(t, "generated", func(t *testing.T, out string) {
		dir := testsite.Generated(t, filepath.Join("..", ".."), 6, 2)
		for _, p := range []string{"data/2024/changji-egov.yaml", "content/zh/2024/changji-egov.md", "content/en/2024/changji-egov.md"} {
			if err := os.Remove(filepath.Join(dir, p)); err != nil {
				t.Fatal(err)
			}
		}
		buildInto(t, dir, out, true)
	})
	ids, _ := filepath.Glob(filepath.Join(out, "2024", "*", "index.html"))
	for _, id := range ids {
		if name := filepath.Base(filepath.Dir(id)); name != "compare" {
			return out, name
		}
	}
	t.Fatal("the generated site has no department in 2024")
	return
}

// column reads the sort keys of a column of the comparison table, top
// to bottom, and the caption's statement of the order.
type column struct {
	Keys  []string
	Sort  string // the heading's aria-sort
	Order string
}

func readColumn(p *Page, key string) column {
	p.t.Helper()
	var c column
	p.Eval(fmt.Sprintf(`(() => {
		const th = document.querySelector('#compare-table thead th[data-key=%q]');
		const i = [...th.parentElement.cells].indexOf(th);
		return {
			Keys: [...document.querySelectorAll("#compare-table tbody tr")].map(r => r.cells[i].getAttribute("data-sort") || ""),
			Sort: th.getAttribute("aria-sort") || "",
			Order: document.querySelector("#compare-table .sort-order").textContent,
		};
	})()`, key), &c)
	return c
}

// sortedAs reports whether the keys are in order (numbers, or names in
// the page's language as the browser collates them), the missing last.
func sortedAs(p *Page, keys []string, numeric, descending bool) bool {
	p.t.Helper()
	var ok bool
	js := fmt.Sprintf(`((keys, numeric, desc) => {
		const coll = new Intl.Collator(document.documentElement.lang);
		let missing = false;
		for (let i = 0; i < keys.length; i++) {
			if (keys[i] === "") { missing = true; continue; }
			if (missing) return false;
			if (i === 0 || keys[i-1] === "") continue;
			let d = numeric ? Number(keys[i]) - Number(keys[i-1]) : coll.compare(keys[i], keys[i-1]);
			if (desc) d = -d;
			if (d < 0) return false;
		}
		return true;
	})(%s, %v, %v)`, jsonOf(keys), numeric, descending)
	p.Eval(js, &ok)
	return ok
}

func jsonOf(list []string) string {
	var b strings.Builder
	b.WriteString("[")
	for i, s := range list {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%q", s)
	}
	b.WriteString("]")
	return b.String()
}

// TestCompareSorts: on the comparison of a year, at 360 px with larger
// text, pressing a column heading's button sorts the table by it,
// largest first, and pressing it again smallest first; the name column
// sorts in the language's order; the heading's aria-sort and the
// caption follow; and the page stays accessible.
func TestCompareSorts(t *testing.T) {
	b := Start(t)
	base, _ := serveTwoYears(t)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			prefix := map[string]string{"zh": "", "en": "en/"}[lang]
			p := b.NewPage(t)
			p.Resize(360, 800)
			p.Open(base + prefix + "2025/compare/")
			setLarge(p, true)
			p.Reload()
			p.WaitFor(`document.querySelectorAll("#compare-table thead button.sort").length === 8`)
			first := readColumn(p, "expenditure")
			if first.Sort != "descending" || !sortedAs(p, first.Keys, true, true) || len(first.Keys) != 6 {
				t.Errorf("as printed: %+v; want 6 departments, largest total first", first)
			}
			p.Click(`#compare-table thead th[data-key="basic"] button`)
			c := readColumn(p, "basic")
			if c.Sort != "descending" || !sortedAs(p, c.Keys, true, true) || readColumn(p, "expenditure").Sort != "" {
				t.Errorf("after pressing 基本支出: %+v; want largest first, and only this heading sorted", c)
			}
			p.Click(`#compare-table thead th[data-key="basic"] button`)
			if c2 := readColumn(p, "basic"); c2.Sort != "ascending" || !sortedAs(p, c2.Keys, true, false) || c2.Order == c.Order {
				t.Errorf("after pressing it again: %+v; want smallest first and the caption changed from %q", c2, c.Order)
			}
			p.Click(`#compare-table thead th[data-key="outbound"] button`)
			if c3 := readColumn(p, "outbound"); c3.Sort != "descending" || !sortedAs(p, c3.Keys, true, true) {
				t.Errorf("after pressing the overseas trips: %+v", c3)
			}
			p.Click(`#compare-table thead th[data-key="name"] button`)
			if n := readColumn(p, "name"); n.Sort != "ascending" || !sortedAs(p, n.Keys, false, false) {
				t.Errorf("after pressing the name: %+v; want the names in order", n)
			}
			fit := p.Fit()
			if fit.Overflow > 1 {
				t.Errorf("the comparison scrolls sideways by %.0f px: %s", fit.Overflow, strings.Join(fit.Wide, "\n\t"))
			}
			checkCharts(t, p)
			for _, v := range Audit(p) {
				t.Errorf("axe, sorted, larger text, 360 px: %s", v)
			}
			for _, m := range p.Console() {
				t.Errorf("console: %s", m)
			}
			setLarge(p, false)
		})
	}
}

// TestYearPickerAndLanguageKeepThePlace: a department's 2024 page links
// to its 2025 page through the year picker, which marks 2024 as the
// current year; a department without a 2024 file does not link to it;
// and the language link carries the part of the page in view, or the
// one the address names, to the other language's page, which opens
// there.
func TestYearPickerAndLanguageKeepThePlace(t *testing.T) {
	b := Start(t)
	base, both := serveTwoYears(t)
	p := b.NewPage(t)
	p.Resize(360, 800)
	p.Open(base + "2024/" + both + "/")
	var current string
	p.Eval(`document.querySelector('.year-picker [aria-current="page"]').textContent`, &current)
	if current != "2024" {
		t.Errorf("the year picker marks %q as current; want 2024", current)
	}
	// Follow the link as a reader would: it leads to the 2025 page.
	var next string
	p.Eval(`document.querySelector(".yp-years a").href`, &next)
	p.Open(next)
	var h1 string
	p.Eval(`location.pathname + " " + document.querySelector("h1").textContent`, &h1)
	if !strings.HasSuffix(strings.TrimSuffix(strings.Fields(h1)[0], "index.html"), "/2025/"+both+"/") || !strings.Contains(h1, "2025") {
		t.Errorf("the year picker's link leads to %q; want the department's 2025 page", h1)
	}

	p.Open(base + "2025/changji-egov/")
	var links []string
	p.Eval(`[...document.querySelectorAll(".yp-years a")].map(a => a.textContent)`, &links)
	if len(links) != 0 {
		t.Errorf("the department without a 2024 file links to %q", links)
	}

	// The place in view goes with the language link (on the example
	// department's page, whose explanations have sections).
	p = b.NewPage(t)
	p.Resize(360, 800)
	p.Open(base + "2025/changji-egov/")
	lang := func() string {
		var h string
		p.Eval(`document.querySelector('.lang-switch a[hreflang="en"]').getAttribute("href")`, &h)
		return h
	}
	if h := lang(); strings.Contains(h, "#") {
		t.Errorf("at the top of the page the language link is %s; want no anchor", h)
	}
	for _, id := range []string{"table-3", "explain-2", "part-4"} {
		p.Eval(fmt.Sprintf(`(() => { const el = document.getElementById(%q); el.scrollIntoView(); return true; })()`, id), nil)
		p.WaitFor(fmt.Sprintf(`document.querySelector('.lang-switch a[hreflang="en"]').getAttribute("href").endsWith("#%s")`, id))
	}
	// The address's anchor, then the other page opens there.
	p.Open(base + "2025/changji-egov/#table-5")
	p.WaitFor(`document.querySelector('.lang-switch a[hreflang="en"]').getAttribute("href").endsWith("#table-5")`)
	var en string
	p.Eval(`document.querySelector('.lang-switch a[hreflang="en"]').href`, &en)
	p.Open(en)
	p.WaitFor(`location.pathname.replace(/index\.html$/, "").endsWith("/en/2025/changji-egov/")`)
	var at struct {
		Hash string
		Top  float64
	}
	p.Eval(`({Hash: location.hash, Top: document.getElementById("table-5").getBoundingClientRect().top})`, &at)
	if at.Hash != "#table-5" || at.Top < -1 || at.Top > 50 {
		t.Errorf("the English page opened at %+v; want #table-5 at the top of the window", at)
	}
	// And back, from the place the English page shows.
	p.Eval(`document.getElementById("explain-3").scrollIntoView(), true`, nil)
	p.WaitFor(`document.querySelector('.lang-switch a[hreflang="zh"]').getAttribute("href").endsWith("#explain-3")`)
	for _, m := range p.Console() {
		t.Errorf("console: %s", m)
	}
}
