package browsertest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// writeSite writes files (slash path → content) into a new folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServeDir(t *testing.T) {
	base := ServeDir(t, writeSite(t, map[string]string{
		"index.html":   "home",
		"a/index.html": "page a",
		"404.html":     "not here",
	}))
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, BasePath) {
		t.Fatalf("base URL %s", base)
	}
	origin := strings.TrimSuffix(base, BasePath)
	for _, c := range []struct {
		url    string
		status int
		body   string
	}{
		{base, 200, "home"},
		{base + "a/", 200, "page a"},
		{base + "a", 200, "page a"}, // redirected to a/
		{base + "b/", 404, "not here"},
		{base + "../etc/passwd", 404, "not here"},
		{origin + "/a/", 404, "not here"}, // outside the base path
		{origin + "/favicon.ico", 204, ""},
		{base + "favicon.ico", 404, "not here"},
	} {
		resp, err := http.Get(c.url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status || string(body) != c.body {
			t.Errorf("GET %s: %d %q, want %d %q", c.url, resp.StatusCode, body, c.status, c.body)
		}
	}
}

// TestHarnessSeesProblems checks that a page with problems shows them:
// console errors, an uncaught exception, a request to another origin and
// accessibility violations.
func TestHarnessSeesProblems(t *testing.T) {
	b := Start(t)
	other := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(other.Close)
	base := ServeDir(t, writeSite(t, map[string]string{
		"index.html": `<!DOCTYPE html><html><head><title>bad</title></head><body>
<img src="` + other.URL + `/pixel.png"><img src="missing.png" alt="">
<script>console.error("boom", 42); console.warn("careful"); console.log("fine");
setTimeout(() => { throw new Error("uncaught") }, 0);</script>
</body></html>`,
	}))
	p := b.NewPage(t)
	p.Open(base)
	p.WaitFor(`[...document.images].every(i => i.complete)`)
	// The browser reports the failed load a moment later.
	var texts []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		texts = texts[:0]
		for _, m := range p.Console() {
			texts = append(texts, m.String())
		}
		if len(texts) >= 4 || time.Now().After(deadline) {
			break
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"console error: boom 42", "console warning: careful", "exception error: Uncaught Error: uncaught", "network error: Failed to load resource"} {
		if !strings.Contains(all, want) {
			t.Errorf("the messages have no %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "fine") {
		t.Errorf("console.log recorded as a problem:\n%s", all)
	}
	if n := len(p.ConsoleErrors()); n != len(texts)-1 {
		t.Errorf("ConsoleErrors has %d of %d messages, want all but the warning", n, len(texts))
	}
	if !slices.Contains(p.Requests(), other.URL+"/pixel.png") {
		t.Errorf("requests %v, want the image of the other origin", p.Requests())
	}

	var ids []string
	for _, v := range Audit(p) {
		ids = append(ids, v.ID)
		if len(v.Nodes) == 0 || v.Help == "" {
			t.Errorf("violation without help or nodes: %s", v)
		}
	}
	for _, want := range []string{"html-has-lang", "image-alt"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe found %v, want %s among them", ids, want)
		}
	}
}
