package livereload

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/diag"
)

func TestInject(t *testing.T) {
	h := NewHub()
	tag := `<script src="/__budgetpress/live.js?server=` + h.server + `&amp;build=1&amp;pages=1" defer></script>` + "\n"
	for in, want := range map[string]string{
		"<html><head><title>x</title></head><body></body></html>": "<html><head><title>x</title>" + tag + "</head><body></body></html>",
		"<HTML><HEAD></HEAD></HTML>":                              "<HTML><HEAD>" + tag + "</HEAD></HTML>",
		"<p>no head":                                              "<p>no head" + tag,
		"<head>İ</head>":                                          "<head>İ" + tag + "</head>",
	} {
		if got := string(h.Inject([]byte(in), "", "")); got != want {
			t.Errorf("Inject(%q) =\n%q\nwant\n%q", in, got, want)
		}
	}
}

// TestInjectLinksRelatively checks that a page links the script from
// its own folder, so that behind a proxy under a sub-path the script,
// its events and its stylesheet are asked for under that sub-path, and
// that the script knows the page's file in the build, the same at the
// folder's address and at its index.html.
func TestInjectLinksRelatively(t *testing.T) {
	h := NewHub()
	for _, tc := range []struct{ asked, file, src string }{
		{"/", "index.html", "__budgetpress/live.js?"},
		{"/index.html", "index.html", "__budgetpress/live.js?"},
		{"/2024/changji-egov/", "2024/changji-egov/index.html", "../../__budgetpress/live.js?"},
		{"/2024/changji-egov/index.html", "2024/changji-egov/index.html", "../../__budgetpress/live.js?"},
		{"/en/2024/", "en/2024/index.html", "../../__budgetpress/live.js?"},
		{"/no/such/page", "", "../../__budgetpress/live.js?"},
		{"", "", "/__budgetpress/live.js?"},
	} {
		got := string(h.Inject([]byte("<head></head>"), tc.asked, tc.file))
		m := regexp.MustCompile(`<script src="([^"]*)"`).FindStringSubmatch(got)
		if m == nil {
			t.Fatalf("Inject(%q, %q) = %s: no script", tc.asked, tc.file, got)
		}
		src := html.UnescapeString(m[1])
		if !strings.HasPrefix(src, tc.src) {
			t.Errorf("Inject(%q, %q) links %s; want %s…", tc.asked, tc.file, src, tc.src)
		}
		// Resolved under the proxy's sub-path, it is the proxy's.
		page, _ := url.Parse("http://127.0.0.1:8384/zwgk/czyjs" + tc.asked)
		if ref, _ := url.Parse(src); tc.asked != "" && !strings.HasPrefix(page.ResolveReference(ref).Path, "/zwgk/czyjs/__budgetpress/live.js") {
			t.Errorf("under /zwgk/czyjs/, the page at %s links %s", tc.asked, page.ResolveReference(ref))
		}
		ref, _ := url.Parse(src)
		if got := ref.Query().Get("page"); got != tc.file {
			t.Errorf("Inject(%q, %q) tells the script the page is %q", tc.asked, tc.file, got)
		}
	}
}

// TestReloadOnlyThePagesNamed checks that a partial build reloads the
// pages showing the files it changed, and the pages not found, and no
// other: those lose only their error overlay; and that a page that
// connects after it missed a build reloads only when that changed it.
func TestReloadOnlyThePagesNamed(t *testing.T) {
	h := NewHub()
	dept, done1 := h.Subscribe("2024/x/index.html")
	defer done1()
	home, done2 := h.Subscribe("index.html")
	defer done2()
	missing, done3 := h.Subscribe("")
	defer done3()
	for _, c := range []<-chan Event{dept, home, missing} {
		next(t, c) // hello
	}
	served := string(h.Inject([]byte("<head></head>"), "/", "index.html")) // the home page, at build 1
	h.ReloadPages([]string{"2024/x/index.html", "en/2024/x/index.html"})
	if name, m := next(t, dept); name != "reload" || m.Build != 2 {
		t.Errorf("the department's page got %s %+v; want reload of build 2", name, m)
	}
	if name, _ := next(t, missing); name != "reload" {
		t.Errorf("a page not found got %s; want reload", name)
	}
	select {
	case ev := <-home:
		t.Errorf("the home page got %s %s; want nothing", ev.Name, ev.Data)
	default:
	}
	// A page of the home page served before, connecting now, stays.
	late, done4 := h.Subscribe("index.html")
	defer done4()
	if _, m := next(t, late); !strings.Contains(served, "pages="+strconv.Itoa(m.Pages)+"&") {
		t.Errorf("the home page served at build 1 (%s) hears that it changed at %d", served, m.Pages)
	}
	// With errors on screen, a build that does not change the home page
	// takes its overlay away.
	h.Failed(diag.List{{Severity: diag.Error, Message: "broken"}})
	next(t, dept)
	next(t, home)
	next(t, missing)
	h.ReloadPages([]string{"index.html"})
	if name, m := next(t, dept); name != "errors" || len(m.Diagnostics) != 0 {
		t.Errorf("the department's page got %s %+v; want errors with none", name, m)
	}
	if name, m := next(t, home); name != "reload" || m.Pages != 3 {
		t.Errorf("the home page got %s %+v; want reload, changed at build 3", name, m)
	}
	// A whole build reloads every page.
	h.Reload(false)
	for _, c := range []<-chan Event{dept, home} {
		if name, _ := next(t, c); name != "reload" {
			t.Errorf("after a whole build: %s; want reload", name)
		}
	}
}

type received struct {
	Server      string
	Build       int
	Pages       int
	Diagnostics []Diagnostic
}

func next(t *testing.T, c <-chan Event) (string, received) {
	t.Helper()
	select {
	case ev := <-c:
		var m received
		if err := json.Unmarshal(ev.Data, &m); err != nil {
			t.Fatal(err)
		}
		return ev.Name, m
	default:
		t.Fatal("no event")
	}
	return "", received{}
}

func TestHubEvents(t *testing.T) {
	h := NewHub()
	c, done := h.Subscribe("")
	defer done()
	if name, m := next(t, c); name != "hello" || m.Build != 1 || m.Diagnostics != nil || m.Server == "" {
		t.Errorf("first event %s %+v; want hello of build 1", name, m)
	}
	h.Reload(false)
	if name, m := next(t, c); name != "reload" || m.Build != 2 {
		t.Errorf("event %s %+v; want reload of build 2", name, m)
	}
	var l diag.List
	l.Errorf(diag.Pos{File: "data/2024/a.yaml", Line: 10, Col: 7}, "unit is %q", "千元")
	h.Failed(l)
	name, m := next(t, c)
	want := Diagnostic{Pos: "data/2024/a.yaml:10:7", File: "data/2024/a.yaml", Line: 10, Col: 7, Severity: "error", Message: `unit is "千元"`}
	if name != "errors" || len(m.Diagnostics) != 1 || m.Diagnostics[0] != want || m.Build != 2 {
		t.Errorf("event %s %+v; want errors with %+v", name, m, want)
	}
	// A page that connects now is told of the errors at once.
	c2, done2 := h.Subscribe("")
	defer done2()
	if name, m := next(t, c2); name != "hello" || len(m.Diagnostics) != 1 {
		t.Errorf("hello while failing: %s %+v", name, m)
	}
	h.Fixed()
	if name, m := next(t, c); name != "errors" || len(m.Diagnostics) != 0 || h.Failing() {
		t.Errorf("after Fixed: %s %+v", name, m)
	}
	h.Fixed() // nothing to say
	h.Reload(true)
	if name, m := next(t, c); name != "css" || m.Build != 3 || m.Pages != 2 {
		t.Errorf("event %s %+v; want css of build 3, pages still of build 2", name, m)
	}
	// A page loaded before that stylesheet change, connecting after it,
	// learns that only the styles changed (pages 2), so it swaps them
	// instead of reloading.
	c3, done3 := h.Subscribe("")
	defer done3()
	if name, m := next(t, c3); name != "hello" || m.Build != 3 || m.Pages != 2 {
		t.Errorf("hello after a stylesheet change: %s %+v; want build 3, pages 2", name, m)
	}
	if !strings.Contains(string(h.Inject([]byte("<head></head>"), "", "")), "build=3") {
		t.Error("pages served now are not marked with build 3")
	}
}

// TestFindingsNameTheirRule checks that a finding of the checker reaches
// the pages with its rule and subject, which the overlay prints as the
// terminal does ("[staffing: actual]") for an accept: entry.
func TestFindingsNameTheirRule(t *testing.T) {
	h := NewHub()
	c, done := h.Subscribe("")
	defer done()
	next(t, c) // hello
	h.Failed(diag.List{
		{Pos: diag.Pos{File: "data/2024/a.yaml", Line: 33, Col: 5}, Severity: diag.Error,
			Message: "实有人数 is 24, but 在职 22 + 退休 1 + 离休 0 = 23", Rule: "staffing", Subject: "actual"},
		{Pos: diag.Pos{File: "data/2024/a.yaml", Line: 7}, Severity: diag.Warning, Message: "a warning", Rule: "decimals"},
	})
	ev := <-c
	for _, want := range []string{`"rule":"staffing","subject":"actual"`, `"rule":"decimals"}`} {
		if !strings.Contains(string(ev.Data), want) {
			t.Errorf("the errors event lacks %s:\n%s", want, ev.Data)
		}
	}
	// The overlay itself is tested in a browser: serve's
	// TestEditorSeesSavesInTheBrowser.
}

// TestGoodBuildOnScreen checks that the pages learn whether a good build
// is under the errors, so that the overlay does not claim one before the
// first.
func TestGoodBuildOnScreen(t *testing.T) {
	good := func(ev Event) bool {
		var m struct{ Good *bool }
		if err := json.Unmarshal(ev.Data, &m); err != nil || m.Good == nil {
			t.Fatalf("event %s without good: %s (%v)", ev.Name, ev.Data, err)
		}
		return *m.Good
	}
	h := NewHub()
	c, done := h.Subscribe("")
	defer done()
	if good(<-c) {
		t.Error("hello before any build says a good build is on screen")
	}
	h.Failed(diag.List{{Severity: diag.Error, Message: "broken"}})
	if good(<-c) {
		t.Error("errors of the first build say a good build is on screen")
	}
	h.Reload(false)
	<-c
	h.Failed(diag.List{{Severity: diag.Error, Message: "broken"}})
	if !good(<-c) {
		t.Error("errors after a good build say there is none on screen")
	}
}
