package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"budgetpress/internal/build"
)

// get sends a request line as written, without the cleaning an HTTP
// client would do, for the host a browser names (127.0.0.1:PORT), and
// returns the response with its body read.
func get(t *testing.T, srv *httptest.Server, method, target string) (*http.Response, string) {
	t.Helper()
	return getHost(t, srv, method, target, srv.Listener.Addr().String())
}

// getHost is get with the Host header given.
func getHost(t *testing.T, srv *httptest.Server, method, target, host string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", srv.Listener.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(method, "http://127.0.0.1"+target, nil)
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	resp.Body.Close()
	return resp, string(body)
}

// files starts a server for the example site behind httptest.
func files(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	_, s, _ := start(t)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

// notFoundPage is a line of the site's 404.html.
func notFoundPage(t *testing.T, s *Server) string {
	data, err := os.ReadFile(filepath.Join(s.builder.Dir(), "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, _ := strings.Cut(string(data), "<h1>")
	h1, _, _ := strings.Cut(after, "</h1>")
	return "<h1>" + h1 + "</h1>"
}

func TestNothingOutsideTheBuildIsServed(t *testing.T) {
	s, srv := files(t)
	dir := s.builder.Dir()
	// A secret next to the build, where "../" would lead, and links out.
	secret := "SECRET-" + t.Name()
	outside := t.TempDir()
	for _, f := range []string{filepath.Join(filepath.Dir(dir), "secret.txt"), filepath.Join(outside, "secret.txt")} {
		if err := os.WriteFile(f, []byte(secret), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../secret.txt", filepath.Join(dir, "2024", "up.txt")); err != nil {
		t.Fatal(err)
	}
	want404 := notFoundPage(t, s)
	for _, target := range []string{
		"/../secret.txt",
		"/2024/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/2024/%2e%2e/%2e%2e/secret.txt",
		"/..%2fsecret.txt",
		"/..%5csecret.txt",
		"/..\\secret.txt",
		"/.%2e/secret.txt",
		"//etc/passwd",
		"/etc/passwd",
		"/" + filepath.ToSlash(filepath.Join(filepath.Dir(dir), "secret.txt")),
		"/link.txt",
		"/linkdir/secret.txt",
		"/linkdir/",
		"/2024/up.txt",
		"/%00index.html",
	} {
		resp, body := get(t, srv, "GET", target)
		if strings.Contains(body, secret) || strings.Contains(body, "root:") {
			t.Errorf("GET %s served a file outside the build", target)
		}
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: status %d; want 404 (or 400)", target, resp.StatusCode)
		}
		if resp.StatusCode == http.StatusNotFound && !strings.Contains(body, want404) {
			t.Errorf("GET %s: the 404 is not the site's 404.html:\n%.300s", target, body)
		}
	}
}

func TestFoldersAndMissingPages(t *testing.T) {
	s, srv := files(t)
	want404 := notFoundPage(t, s)
	tests := []struct {
		target   string
		status   int
		location string // for redirects
		has      string // in the body
	}{
		{"/", 200, "", "<!DOCTYPE html>"},
		{"/en/", 200, "", `lang="en"`},
		{"/2024/changji-egov/", 200, "", "<!DOCTYPE html>"},
		{"/2024/changji-egov/index.html", 200, "", "<!DOCTYPE html>"},
		{"/2024/changji-egov", 301, "/2024/changji-egov/", ""},
		{"/2024?lang=zh", 301, "/2024/?lang=zh", ""},
		// The redirect is to the cleaned path: a Location of "//en/"
		// would send the browser to the host "en".
		{"//en", 301, "/en/", ""},
		{"///en", 301, "/en/", ""},
		{"//2024//changji-egov", 301, "/2024/changji-egov/", ""},
		{"/./en", 301, "/en/", ""},
		{"//en?lang=en", 301, "/en/?lang=en", ""},
		{"/assets/", 404, "", want404},      // a folder without index.html is not listed
		{"/2024/nobody/", 404, "", want404}, // a missing page
		{"/no-such-file.css", 404, "", want404},
	}
	for _, tc := range tests {
		resp, body := get(t, srv, "GET", tc.target)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s: status %d; want %d", tc.target, resp.StatusCode, tc.status)
		}
		if got := resp.Header.Get("Location"); got != tc.location {
			t.Errorf("GET %s: Location %q; want %q", tc.target, got, tc.location)
		}
		if !strings.Contains(body, tc.has) {
			t.Errorf("GET %s: body lacks %q:\n%.300s", tc.target, tc.has, body)
		}
		if strings.Contains(body, `href="site.css"`) {
			t.Errorf("GET %s: looks like a folder listing", tc.target)
		}
	}
	if resp, _ := get(t, srv, "POST", "/"); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: status %d; want 405", resp.StatusCode)
	}
	resp, body := get(t, srv, "HEAD", "/")
	if resp.StatusCode != 200 || body != "" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("HEAD /: status %d, %d bytes, type %q", resp.StatusCode, len(body), resp.Header.Get("Content-Type"))
	}
}

func TestContentTypes(t *testing.T) {
	s, srv := files(t)
	dir := s.builder.Dir()
	// Files of kinds the theme may bring, put into the build.
	for name, data := range map[string]string{
		"assets/data.json": `{"a":1}`, "assets/logo.svg": `<svg xmlns="http://www.w3.org/2000/svg"/>`,
		"assets/logo.png": "\x89PNG\r\n\x1a\n", "assets/font.woff2": "wOF2",
	} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for target, want := range map[string]string{
		"/":                        "text/html; charset=utf-8",
		"/404.html":                "text/html; charset=utf-8",
		"/assets/site.css":         "text/css; charset=utf-8",
		"/assets/site.js":          "text/javascript; charset=utf-8",
		"/sitemap.xml":             "application/xml; charset=utf-8",
		"/assets/data.json":        "application/json",
		"/assets/logo.svg":         "image/svg+xml",
		"/assets/logo.png":         "image/png",
		"/assets/font.woff2":       "font/woff2",
		"/__budgetpress/live.js":   "text/javascript; charset=utf-8",
		"/__budgetpress/live.css":  "text/css; charset=utf-8",
		"/no-such-page/index.html": "text/html; charset=utf-8",
	} {
		resp, _ := get(t, srv, "GET", target)
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("GET %s: Content-Type %q; want %q", target, got, want)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", target)
		}
		cache := resp.Header.Get("Cache-Control")
		if strings.HasPrefix(want, "text/html") && cache != "no-store" {
			t.Errorf("GET %s: Cache-Control %q; want no-store for a page", target, cache)
		}
		if cache == "" || strings.Contains(cache, "max-age") {
			t.Errorf("GET %s: Cache-Control %q: the preview must not be cached", target, cache)
		}
	}
}

func TestScriptOnlyInServedPages(t *testing.T) {
	s, srv := files(t)
	tag := `__budgetpress/live.js?server=`
	for _, target := range []string{"/", "/2024/changji-egov/", "/en/2024/", "/nothing-here"} {
		_, body := get(t, srv, "GET", target)
		if n := strings.Count(body, tag); n != 1 {
			t.Errorf("GET %s: the live-reload script is there %d times; want once", target, n)
		}
		if i, j := strings.Index(body, tag), strings.Index(body, "</head>"); i < 0 || j < i {
			t.Errorf("GET %s: the script is not in the head", target)
		}
	}
	for _, target := range []string{"/assets/site.css", "/assets/site.js", "/sitemap.xml"} {
		if _, body := get(t, srv, "GET", target); strings.Contains(body, "__budgetpress") {
			t.Errorf("GET %s: a file that is not a page has the script", target)
		}
	}
	// Neither the folder the server builds into nor a build has it.
	public := filepath.Join(t.TempDir(), "public")
	if res := build.Run(build.Options{Dir: copySite(t), Out: public}); res.Diags.HasErrors() {
		t.Fatalf("build failed: %v", res.Diags)
	}
	for _, dir := range []string{s.builder.Dir(), public} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err == nil && strings.Contains(string(data), "__budgetpress") {
				t.Errorf("%s has the live-reload script", p)
			}
			return nil
		})
	}
}

func TestEventStream(t *testing.T) {
	_, srv := files(t)
	resp, err := http.Get(srv.URL + "/__budgetpress/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("Content-Type %q; want text/event-stream", ct)
	}
	r := bufio.NewReader(resp.Body)
	var lines []string
	for len(lines) < 3 {
		l, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	if lines[0] != "retry: 500" || lines[1] != "event: hello" || !strings.HasPrefix(lines[2], `data: {"server":`) {
		t.Errorf("the stream starts with %q; want retry, then a hello event", lines)
	}
}
