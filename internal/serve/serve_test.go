package serve

import (
	"budgetpress/internal/testsite"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"budgetpress/internal/livereload"
)

const (
	dataFile    = "data/2024/changji-egov.yaml"
	contentFile = "content/zh/2024/changji-egov.md"
	// wait bounds every wait for a rebuild.
	wait = 10 * time.Second
)

// copySite copies the example site (site.yaml, data/, content/ and
// layouts/) into a temporary folder.
func copySite(t testing.TB) string {
	return testsite.Copy(t, filepath.Join("..", ".."))
}

func replace(t testing.TB, dir, file, old, new string) {
	t.Helper()
	testsite.Replace(t, dir, file, old, new)
}

// syncBuffer is a buffer that the server writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start makes a server for a copy of the example site and runs its
// watch loop until the test ends.
func start(t *testing.T) (dir string, s *Server, out *syncBuffer) {
	t.Helper()
	dir = copySite(t)
	out = &syncBuffer{}
	s, err := New(Options{Dir: dir, Stdout: out, BaseURL: "http://127.0.0.1:8384"})
	if err != nil {
		t.Fatal(err)
	}
	stop := s.watchInBackground(context.Background())
	t.Cleanup(func() {
		stop()
		s.Close()
	})
	if s.builder.Dir() == "" {
		t.Fatalf("the first build failed:\n%s", out)
	}
	return dir, s, out
}

// nextEvent returns the next event other than hello.
func nextEvent(t *testing.T, events <-chan livereload.Event) (string, []livereload.Diagnostic) {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case ev := <-events:
			if ev.Name == "hello" {
				continue
			}
			var m struct{ Diagnostics []livereload.Diagnostic }
			if err := json.Unmarshal(ev.Data, &m); err != nil {
				t.Fatalf("event %s: %v", ev.Name, err)
			}
			return ev.Name, m.Diagnostics
		case <-deadline:
			t.Fatalf("no event within %s", wait)
		}
	}
}

func TestSavesReachThePages(t *testing.T) {
	dir, s, out := start(t)
	events, stop := s.Hub().Subscribe("")
	defer stop()
	page := func() string {
		data, err := os.ReadFile(filepath.Join(s.builder.Dir(), "2024", "changji-egov", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	replace(t, dir, dataFile, "authorized: 30", "authorized: 31")
	if name, _ := nextEvent(t, events); name != "reload" {
		t.Fatalf("after a data edit: event %s; want reload", name)
	}
	// The department's 2 pages at once; right after, the home page, the
	// year's page and comparison and the department's overview (2 each);
	// the 2 search pages and the 2 downloads pages, which state the
	// sizes of its files, once the editor pauses.
	if !strings.Contains(page(), "31") || !strings.Contains(out.String(), "data/2024/changji-egov.yaml: rebuilt 2 pages") {
		t.Errorf("the rebuild is not reported as expected:\n%s", out)
	}
	for deadline := time.Now().Add(wait); !strings.Contains(out.String(), "data/2024/changji-egov.yaml: rebuilt 8 pages that list department-years"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the pages that list department-years are not reported:\n%s", out)
		}
	}
	index := filepath.Join(s.builder.Dir(), "search", "i", "d", "0-0.js")
	deadline := time.Now().Add(wait)
	for !strings.Contains(out.String(), "updated the search index and the downloads in ") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if data, err := os.ReadFile(index); err != nil || !strings.Contains(string(data), "编制数 31") {
		t.Errorf("after the pause the search index does not have the new figure (%v):\n%s", err, out)
	}

	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	name, diags := nextEvent(t, events)
	if name != "errors" || len(diags) == 0 {
		t.Fatalf("after breaking the YAML: event %s with %v; want errors", name, diags)
	}
	if d := diags[0]; d.File != dataFile || d.Line != 10 || d.Severity != "error" {
		t.Errorf("first finding %+v; want an error at %s:10", d, dataFile)
	}
	for _, d := range diags {
		if d.Severity == "warning" && d.File != dataFile {
			t.Errorf("the overlay shows a warning about another file: %+v", d)
		}
	}
	if !strings.Contains(out.String(), dataFile+":10:") || !strings.Contains(out.String(), "build failed: ") {
		t.Errorf("the terminal does not show the error:\n%s", out)
	}
	if !strings.Contains(page(), "31") {
		t.Error("the last good build was replaced")
	}

	// The fix makes the pages as they were: the overlay goes, and no
	// page reloads.
	replace(t, dir, dataFile, "unit: [万元", "unit: 万元")
	if name, diags := nextEvent(t, events); name != "errors" || len(diags) != 0 {
		t.Fatalf("after the fix: event %s with %v; want errors with none", name, diags)
	}
	if s.Hub().Failing() {
		t.Error("the hub still reports the errors")
	}

	replace(t, dir, "layouts/assets/site.css", "--accent: #8c1c13;", "--accent: #8c1c14;")
	if name, _ := nextEvent(t, events); name != "css" {
		t.Fatalf("after a stylesheet edit: event %s; want css", name)
	}
}

func TestErrorsGoneWithoutNewPages(t *testing.T) {
	dir, s, _ := start(t)
	events, stop := s.Hub().Subscribe("")
	defer stop()
	// A department file in a folder that is not a year: an error, and no
	// page shows it.
	bad := filepath.Join(dir, "data", "old", "x.yaml")
	os.MkdirAll(filepath.Dir(bad), 0o755)
	if err := os.WriteFile(bad, []byte("unit: 万元\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if name, diags := nextEvent(t, events); name != "errors" || len(diags) == 0 {
		t.Fatalf("event %s with %v; want errors", name, diags)
	}
	os.Remove(bad)
	if name, diags := nextEvent(t, events); name != "errors" || len(diags) != 0 {
		t.Fatalf("after the removal: event %s with %v; want errors with none", name, diags)
	}
}

func TestFirstBuildFails(t *testing.T) {
	dir := copySite(t)
	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	out := &syncBuffer{}
	s, err := New(Options{Dir: dir, Stdout: out})
	if err != nil {
		t.Fatal(err)
	}
	stop := s.watchInBackground(context.Background())
	defer func() {
		stop()
		s.Close()
	}()
	if !s.Hub().Failing() {
		t.Fatal("the hub does not know that the first build failed")
	}
	// There is no last good build to keep.
	const noBuild = "build failed: 1 error; there is no good build to show yet: the preview shows the errors until they are fixed\n"
	if !strings.HasSuffix(out.String(), noBuild) {
		t.Errorf("the terminal shows:\n%s\nwant it to end with:\n%s", out, noBuild)
	}
	// Any page is a blank one that shows the errors, and reloads once
	// they are fixed.
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/2024/changji-egov/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), livereload.ScriptPath) {
		t.Errorf("status %d, body:\n%s\nwant 503 and the live-reload script", resp.StatusCode, body)
	}
	events, stop := s.Hub().Subscribe("")
	defer stop()
	// Another broken save: still no good build.
	replace(t, dir, dataFile, "unit: [万元", "unit: [万元]")
	if name, _ := nextEvent(t, events); name != "errors" {
		t.Fatalf("after another broken save: event %s; want errors", name)
	}
	if n := strings.Count(out.String(), "; there is no good build to show yet: "); n != 2 || strings.Contains(out.String(), "last good build") {
		t.Errorf("the terminal shows:\n%s\nwant no good build to show, twice, and no last good build", out)
	}
	replace(t, dir, dataFile, "unit: [万元]", "unit: 万元")
	if name, _ := nextEvent(t, events); name != "reload" {
		t.Fatalf("after the fix: event %s; want reload", name)
	}
	resp, err = http.Get(srv.URL + "/2024/changji-egov/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after the fix: status %d; want 200", resp.StatusCode)
	}
}

// TestHalfSavedFileIsNotShown: errors found while more of a save is on
// its way (an editor writing a file in steps) are not shown; the next
// update's are, even when more changes keep coming.
func TestHalfSavedFileIsNotShown(t *testing.T) {
	dir := copySite(t)
	out := &syncBuffer{}
	s, err := New(Options{Dir: dir, Stdout: out, BaseURL: "http://127.0.0.1:8384"})
	if err != nil {
		t.Fatal(err)
	}
	s.busy = func() bool { return true } // a folder that never stays quiet
	stop := s.watchInBackground(context.Background())
	t.Cleanup(func() {
		stop()
		s.Close()
	})
	events, unsubscribe := s.Hub().Subscribe("")
	defer unsubscribe()
	name := filepath.Join(dir, filepath.FromSlash(dataFile))
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	// The first half of a save, then the whole file, edited.
	if err := os.WriteFile(name, src[:len(src)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the half file's update is done
	if strings.Contains(out.String(), "build failed") {
		t.Fatalf("the errors of the half-written file are shown:\n%s", out)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(src), "authorized: 30", "authorized: 31", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if name, diags := nextEvent(t, events); name != "reload" {
		t.Fatalf("after the whole file: event %s with %v; want reload", name, diags)
	}
	// Two broken saves in a row: the second one's errors are shown.
	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	time.Sleep(300 * time.Millisecond)
	replace(t, dir, dataFile, "authorized: 31", "authorized: 32")
	if name, diags := nextEvent(t, events); name != "errors" || len(diags) == 0 {
		t.Fatalf("after two broken saves: event %s with %v; want errors", name, diags)
	}
	if !strings.Contains(out.String(), "build failed") {
		t.Errorf("the terminal does not show the errors:\n%s", out)
	}
}
