package theme

import (
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"budgetpress/internal/testsite"
)

// TestOpen opens the theme of a site that overrides a stylesheet and one
// interface text: the site's files win, the default theme gives the rest,
// and assets are named after their content only when asked.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, filepath.Join(dir, "layouts", "assets", "site.css"), []byte("body { color: black; }\n"))
	testsite.Write(t, filepath.Join(dir, "layouts", "i18n", "en.yaml"), []byte("skip: Go to the budget\n"))
	th, ds := Open(dir, []string{"zh", "en"}, true)
	if len(ds) > 0 || th == nil {
		t.Fatal(ds)
	}
	css, err := fs.ReadFile(th.FS, "assets/site.css")
	if err != nil || string(css) != "body { color: black; }\n" {
		t.Errorf("assets/site.css = %q, %v; want the site's own", css, err)
	}
	if _, err := fs.ReadFile(th.FS, "department.html"); err != nil {
		t.Errorf("the default theme's department.html: %v", err)
	}
	if s, ok := th.Catalog.Get("en", "skip"); !ok || s != "Go to the budget" {
		t.Errorf("skip in en = %q, %v; want the site's own", s, ok)
	}
	if _, ok := th.Catalog.Get("zh", "skip"); !ok {
		t.Error("the default Chinese texts are missing")
	}
	if !regexp.MustCompile(`^assets/site\.[0-9a-f]{10}\.css$`).MatchString(th.Assets["assets/site.css"]) {
		t.Errorf("assets/site.css is published as %q", th.Assets["assets/site.css"])
	}
	if got := th.Assets["assets/vendor/echarts/LICENSE"]; got != "assets/vendor/echarts/LICENSE" {
		t.Errorf("the licence is published as %q", got)
	}
	plain, _ := Open(dir, []string{"zh", "en"}, false)
	if got := plain.Assets["assets/site.css"]; got != "assets/site.css" {
		t.Errorf("without fingerprints assets/site.css is published as %q", got)
	}
}

// TestOpenBrokenTexts: a site's broken translation file is named at its
// line, and the theme still opens.
func TestOpenBrokenTexts(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, filepath.Join(dir, "layouts", "i18n", "en.yaml"), []byte("site.title: [Our budgets\n"))
	th, ds := Open(dir, []string{"zh", "en"}, false)
	if th == nil || len(ds) != 1 || !strings.HasPrefix(ds[0].String(), "layouts/i18n/en.yaml:1:1: error: the YAML layout is broken") {
		t.Errorf("got %v", ds)
	}
}
