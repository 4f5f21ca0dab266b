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

// placesJS lists the places of the page that the language switch can
// carry (as nav.js finds them) and that a reader can scroll to the
// reading line, a third down the window: not so high or so low that
// the page cannot scroll them there, taller than a few pixels.
const placesJS = `[...document.querySelectorAll("main section[id], main article[id], main figure[id], main .narrative h3[id], main .narrative h4[id], main .narrative h5[id], main .narrative h6[id]")]
	.filter(el => { const top = el.getBoundingClientRect().top + scrollY;
		return el.offsetHeight > 12 && top > innerHeight / 2 && top + innerHeight * 2 / 3 < document.documentElement.scrollHeight; })
	.map(el => el.id)`

// scrollToPlace scrolls the place with the id to just above the reading
// line, as a reader scrolling there would, and waits until the link of
// the selector carries an anchor; it returns that anchor.
func scrollToPlace(p *Page, id, link string) string {
	p.t.Helper()
	p.Eval(fmt.Sprintf(`(() => { const el = document.getElementById(%q);
		window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight / 3 + 8); return true; })()`, id), nil)
	p.WaitFor(fmt.Sprintf(`document.querySelector(%q).getAttribute("href").includes("#")`, link))
	var h string
	p.Eval(fmt.Sprintf(`decodeURIComponent(document.querySelector(%q).getAttribute("href").split("#")[1])`, link), &h)
	return h
}

// openedAt follows the link and reports where the page it opens stands:
// its anchor, and how far from the top of the window that place is (0
// when the page is scrolled as far as it goes).
func openedAt(p *Page, link string) (hash string, top float64) {
	p.t.Helper()
	var href string
	p.Eval(fmt.Sprintf(`document.querySelector(%q).href`, link), &href)
	p.Open(href)
	var at struct {
		Hash string
		Top  float64
	}
	p.Eval(`(() => { const id = decodeURIComponent(location.hash.slice(1)), el = id && document.getElementById(id);
		const bottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
		return {Hash: id, Top: !el ? 1e6 : bottom ? 0 : el.getBoundingClientRect().top}; })()`, &at)
	return at.Hash, at.Top
}

// TestEveryPageKeepsThePlace: on every page type of the example and the
// generated site, in both languages, a reader who scrolls to a part of
// the page and switches language lands on the same part of the other
// language's page (the same anchor, at the top of the window): parts in
// the middle of the page and, on department pages, a numbered heading
// of the explanations; the search page carries its query; and the year
// picker of a department page carries the part to the department's
// other year.
func TestEveryPageKeepsThePlace(t *testing.T) {
	b := Start(t)
	exampleOut := exampleSite(t)
	genOut, both := twoYearsSite(t)
	checked := map[string]int{}
	for _, s := range []struct {
		name, out string
	}{{"example", exampleOut}, {"generated", genOut}} {
		t.Run(s.name, func(t *testing.T) {
			base := ServeDir(t, s.out)
			p := b.NewPage(t)
			p.Resize(360, 800)
			for _, pg := range pagesOf(t, s.out, false) {
				if pg.kind == "404" {
					continue // one page for both languages
				}
				other := map[string]string{"zh": "en", "en": "zh"}[pg.lang]
				link := `.lang-switch a[hreflang="` + other + `"]`
				openPage(p, base, pg)
				if pg.kind == "search" {
					var href string
					p.Eval(`document.querySelector('`+link+`').getAttribute("href")`, &href)
					if !strings.Contains(href, "?q="+searchQuery[pg.lang]) {
						t.Errorf("%s: the language link %s drops the query", pg, href)
					}
					checked[pg.kind]++
					continue
				}
				var ids []string
				p.Eval(placesJS, &ids)
				if len(ids) == 0 {
					continue // a page of a screen or two, or without parts (a year's list)
				}
				want := []string{ids[len(ids)/2]}
				if pg.kind == "department" {
					for _, id := range ids {
						if strings.Count(id, "-") == 2 && strings.HasPrefix(id, "explain-") {
							want = append(want, id)
							break
						}
					}
				}
				for _, id := range want {
					openPage(p, base, pg)
					h := scrollToPlace(p, id, link)
					var inside bool
					p.Eval(fmt.Sprintf(`document.getElementById(%q).contains(document.getElementById(%q))`, id, h), &inside)
					if !inside {
						t.Errorf("%s: scrolled to #%s, the language link carries #%s", pg, id, h)
						continue
					}
					hash, top := openedAt(p, link)
					if hash != h || top < -2 || top > 60 {
						t.Errorf("%s: scrolled to #%s; the %s page opened at #%s, %.0f px from the top; want #%s at the top", pg, id, other, hash, top, h)
					}
					checked[pg.kind]++
				}
			}
			if s.name != "generated" {
				return
			}
			// The year picker: 2024 → 2025 of the same department, at the same table.
			for _, prefix := range []string{"", "en/"} {
				p.Open(base + prefix + "2024/" + both + "/")
				h := scrollToPlace(p, "table-5", ".yp-years a")
				hash, top := openedAt(p, ".yp-years a")
				var path string
				p.Eval(`location.pathname`, &path)
				if h != "table-5" || hash != "table-5" || top < -2 || top > 60 || !strings.Contains(path, prefix+"2025/"+both+"/") {
					t.Errorf("year picker from %s2024 at #table-5: carries #%s, opens %s at #%s, %.0f px from the top", prefix, h, path, hash, top)
				}
				checked["year picker"]++
			}
		})
	}
	t.Logf("places kept, by page type: %v", checked)
	for _, kind := range []string{"home", "department", "compare", "series", "downloads", "search", "year picker"} {
		if checked[kind] == 0 {
			t.Errorf("no %s page had a place to keep", kind)
		}
	}
}
