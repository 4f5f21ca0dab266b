package browsertest

import (
	"context"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"budgetpress/internal/build"
)

// searchResult is a result as the search page shows it.
type searchResult struct {
	Href, Title, Meta, Snippet string
	Marks                      []string
}

// searchFor types q into the search page's box, as a reader would,
// waits for the results to be announced and returns them with the
// announcement.
func searchFor(t *testing.T, p *Page, q string) (string, []searchResult) {
	t.Helper()
	p.Eval(`(() => { const i = document.getElementById("search-q"); i.value = ""; i.focus(); document.getElementById("search-status").textContent = ""; return true; })()`, nil)
	p.Press(q)
	p.WaitFor(`(() => { const s = document.getElementById("search-status"); return s.textContent && s.textContent !== s.dataset.loading && document.getElementById("search-q").value === ` + jsQuoted(q) + `; })()`)
	var status string
	p.Eval(`document.getElementById("search-status").textContent`, &status)
	var rs []searchResult
	p.Eval(`[...document.querySelectorAll("#search-results > li")].map(li => ({
		Href: li.querySelector("h2 a").href,
		Title: li.querySelector("h2").textContent,
		Meta: li.querySelector(".result-meta").textContent,
		Snippet: (li.querySelector(".snippet") || {textContent: ""}).textContent,
		Marks: [...li.querySelectorAll("mark")].map(m => m.textContent)}))`, &rs)
	return status, rs
}

// waitAcrossLoad waits until js is true on the page the tab shows, while
// it navigates to another.
func waitAcrossLoad(t *testing.T, p *Page, js string) {
	t.Helper()
	for deadline := time.Now().Add(Timeout); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(p.Context(), time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		cancel()
		if err == nil && ok {
			return
		}
	}
	t.Fatalf("browsertest: %s did not come true", js)
}

func jsQuoted(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// target opens a result's link and returns the text of the element its
// anchor names (the whole main when it names none).
func target(t *testing.T, p *Page, href string) (path, anchor, text string) {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	p.Open(href)
	p.Eval(`(() => { const id = decodeURIComponent(location.hash.slice(1)); const el = id ? document.getElementById(id) : document.querySelector("main"); return el ? el.textContent : ""; })()`, &text)
	frag, _ := url.PathUnescape(u.Fragment)
	return u.Path, frag, text
}

// TestSearch types queries into the search page of each language and
// follows the results: a department's name leads to its page, a table's
// item and a project's name to the table or project on it, one Chinese
// character finds something, a query that matches nothing says so; the
// page asks for nothing outside the site and axe finds no violation.
func TestSearch(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	dept := BasePath + "2024/changji-egov/index.html"
	cases := []struct {
		lang, prefix string
		query        string
		path, anchor string // of the first result; anchor "*" is any
		contains     string // the text at the first result's anchor
	}{
		{"zh", "", "电子政务办公室", dept, "", "电子政务办公室"},
		{"zh", "", "公务接待费", dept, "table-", "公务接待费"},
		{"zh", "", "云平台运维", dept, "project-cloud-ops", "云平台运维"},
		{"zh", "", "车", dept, "*", "车"},
		{"zh", "", "“三公”经费", dept, "*", "三公"},
		{"en", "en/", "E-Government", "/zwgk/czyjs/en/2024/changji-egov/index.html", "", "E-Government"},
		{"en", "en/", "official hospitality", "/zwgk/czyjs/en/2024/changji-egov/index.html", "table-", "hospitality"},
		{"en", "en/", "cloud platform", "/zwgk/czyjs/en/2024/changji-egov/index.html", "project-cloud-ops", "cloud platform"},
	}
	for _, c := range cases {
		t.Run(c.lang+"/"+c.query, func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + c.prefix + "search/")
			status, rs := searchFor(t, p, c.query)
			if len(rs) == 0 {
				t.Fatalf("no result; the page says %q", status)
			}
			n, _ := strconv.Atoi(regexp.MustCompile(`\d+`).FindString(status))
			if n < len(rs) || len(rs) < 10 && n != len(rs) {
				t.Errorf("the announcement %q does not count the %d results shown", status, len(rs))
			}
			if len(rs[0].Marks) == 0 {
				t.Errorf("the first result %q highlights nothing", rs[0].Title)
			}
			for _, e := range p.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
			path, anchor, text := target(t, p, rs[0].Href)
			if c.lang == "en" && !strings.HasPrefix(path, BasePath+"en/") {
				t.Errorf("the English result links to %s, not an English page", path)
			}
			wantPath := c.path
			if c.lang == "zh" {
				wantPath = dept
			}
			if path != wantPath {
				t.Errorf("the first result %q links to %s, want %s", rs[0].Title, path, wantPath)
			}
			switch {
			case c.anchor == "*":
			case strings.HasSuffix(c.anchor, "-"):
				if !strings.HasPrefix(anchor, c.anchor) {
					t.Errorf("the first result %q links to #%s, want a #%s… anchor", rs[0].Title, anchor, c.anchor)
				}
			case anchor != c.anchor:
				t.Errorf("the first result %q links to #%s, want #%s", rs[0].Title, anchor, c.anchor)
			}
			if !strings.Contains(strings.ToLower(text), strings.ToLower(c.contains)) {
				t.Errorf("the place #%s that the first result %q leads to has no %q", anchor, rs[0].Title, c.contains)
			}
		})
	}

	for _, c := range []struct{ lang, prefix, query, none string }{
		{"zh", "", "量子引力", "没有找到"},
		{"en", "en/", "zzyzx", "Nothing found"},
	} {
		t.Run(c.lang+"/none", func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + c.prefix + "search/")
			status, rs := searchFor(t, p, c.query)
			if len(rs) != 0 || !strings.Contains(status, c.none) || !strings.Contains(status, c.query) {
				t.Errorf("a query that matches nothing shows %d results and says %q", len(rs), status)
			}
		})
	}

	// The search box of every page leads to the search page, which
	// searches at once; the page with results is accessible.
	for _, c := range []struct{ lang, prefix, query string }{{"zh", "", "住房公积金"}, {"en", "en/", "housing provident"}} {
		t.Run(c.lang+"/box", func(t *testing.T) {
			p := b.NewPage(t)
			p.Open(base + c.prefix + "2024/changji-egov/")
			p.Click("#site-search")
			p.Press(c.query + kb.Enter)
			waitAcrossLoad(t, p, `/\/search\/(index.html)?$/.test(location.pathname) && document.querySelectorAll("#search-results > li").length > 0`)
			var q, role string
			p.Eval(`document.getElementById("search-q").value`, &q)
			p.Eval(`document.getElementById("search-form").getAttribute("role")`, &role)
			if q != c.query || role != "search" {
				t.Errorf("the search page has the query %q (want %q) in a form of role %q", q, c.query, role)
			}
			versioned := regexp.MustCompile(`/search/i/(meta\.js\?\d+|[td]/[0-9-]+\.js\?v=[0-9a-f]{16})$`)
			index := 0
			for _, u := range p.Requests() {
				if !strings.HasPrefix(u, base) && !strings.HasSuffix(u, "/favicon.ico") {
					t.Errorf("request outside the site: %s", u)
				}
				// Each file of the index is asked for by its version, so
				// that a browser keeping files of an older build does
				// not mix them with these.
				if strings.Contains(u, "/search/i/") {
					index++
					if !versioned.MatchString(u) {
						t.Errorf("index file asked for without its version: %s", u)
					}
				}
			}
			if index < 3 {
				t.Errorf("%d files of the index asked for; want the meta file, a shard and a doc file at least", index)
			}
			for _, e := range p.ConsoleErrors() {
				t.Errorf("console: %s", e)
			}
			for _, v := range Audit(p) {
				t.Errorf("axe: %s", v)
			}
		})
	}
}

// TestSearchFromDisk opens the search page from the file system, where
// browsers refuse fetch: the index loads as scripts all the same.
func TestSearchFromDisk(t *testing.T) {
	b := Start(t)
	out := t.TempDir()
	res := build.Run(build.Options{Dir: filepath.Join("..", ".."), Out: out})
	if res.Diags.HasErrors() {
		t.Fatalf("the example site does not build")
	}
	p := b.NewPage(t)
	p.Open("file://" + filepath.ToSlash(out) + "/search/index.html?q=" + url.QueryEscape("项目支出"))
	p.WaitFor(`document.querySelectorAll("#search-results > li").length > 0`)
	var href string
	p.Eval(`document.querySelector("#search-results a").href`, &href)
	if !strings.HasPrefix(href, "file://") || !strings.Contains(href, "/2024/changji-egov/index.html") {
		t.Errorf("the first result links to %s", href)
	}
	for _, e := range p.ConsoleErrors() {
		t.Errorf("console: %s", e)
	}
}
