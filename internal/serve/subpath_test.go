package serve

import (
	"bufio"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// stream reads the events of a page's live-reload stream, by name,
// until the test ends.
func stream(t *testing.T, events string) <-chan string {
	t.Helper()
	resp, err := http.Get(events)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", events, resp.Status)
	}
	names := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				names <- name
			}
		}
	}()
	return names
}

// TestReloadsReachOnlyThePagesThatChanged serves the preview behind a
// proxy under a sub-path, as a portal's test server may, opens the
// live-reload stream of pages as their script does (from its own
// address), and saves an explanation: the department's page reloads,
// at the folder's address and at its index.html alike, and the home
// page, which does not show it, does not.
func TestReloadsReachOnlyThePagesThatChanged(t *testing.T) {
	dir, s, out := start(t)
	proxy := httptest.NewServer(http.StripPrefix("/zwgk/czyjs", s))
	t.Cleanup(proxy.Close) // after the streams are closed
	script := regexp.MustCompile(`<script src="([^"]*__budgetpress/live\.js[^"]*)"`)
	open := func(page string) <-chan string {
		t.Helper()
		at, _ := url.Parse(proxy.URL + "/zwgk/czyjs" + page)
		_, body := get(t, proxy, "GET", at.Path)
		m := script.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("GET %s: no live-reload script", at)
		}
		ref, _ := url.Parse(html.UnescapeString(m[1]))
		src := at.ResolveReference(ref)
		if resp, js := get(t, proxy, "GET", src.RequestURI()); resp.StatusCode != http.StatusOK || !strings.Contains(js, "EventSource") {
			t.Fatalf("the page %s links the script at %s: %s", at, src, resp.Status)
		}
		// As the script does: the events beside it, for its page.
		events := src.ResolveReference(&url.URL{Path: "events", RawQuery: url.Values{"page": {src.Query().Get("page")}}.Encode()})
		c := stream(t, events.String())
		if name := <-c; name != "hello" {
			t.Fatalf("the events of %s begin with %s", at, name)
		}
		return c
	}
	folder := open("/2024/changji-egov/")
	index := open("/2024/changji-egov/index.html")
	home := open("/")

	replace(t, dir, contentFile, "收入预算包括：一般公共预算。", "收入预算包括：一般公共预算（已核对）。")
	for what, c := range map[string]<-chan string{"the folder's address": folder, "its index.html": index} {
		select {
		case name := <-c:
			if name != "reload" {
				t.Errorf("the department's page at %s got %s; want reload", what, name)
			}
		case <-time.After(wait):
			t.Fatalf("the department's page at %s got nothing within %s:\n%s", what, wait, out)
		}
	}
	// What the save changes is in place, and told: the home page heard
	// nothing of it.
	time.Sleep(200 * time.Millisecond)
	select {
	case name := <-home:
		t.Errorf("the home page got %s; want nothing:\n%s", name, out)
	default:
	}
}
