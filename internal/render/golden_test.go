package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"budgetpress/internal/load"
	"budgetpress/internal/theme"
)

var update = flag.Bool("update", false, "rewrite the golden pages in testdata/golden/")

// TestDepartmentGolden renders the example department page in both
// languages, from the example site with its explanations and the
// default theme, and compares it byte for byte with the page as it was
// before the renderer was made faster: a change of the page's code that
// changes nothing a reader sees passes; any other change of the page
// fails until the golden file is rewritten (go test -run Golden -update).
func TestDepartmentGolden(t *testing.T) {
	root := filepath.Join("..", "..")
	site, diags := load.ReadSite(root)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	th, diags := theme.Open(root, site.Config.Languages, true)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	content := map[string][]byte{}
	for _, c := range site.Content {
		content[c.Path] = []byte(c.Text)
	}
	s, diags := New(Input{Config: site.Config, Files: site.Files, Dict: site.Dict, I18n: th.Catalog, Layouts: th.FS, Content: content, Assets: th.Assets})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	golden := map[string]string{
		"2024/changji-egov/index.html":    "changji-egov.zh.html",
		"en/2024/changji-egov/index.html": "changji-egov.en.html",
	}
	found := 0
	for _, p := range s.Pages() {
		name, ok := golden[p.Path]
		if !ok {
			continue
		}
		found++
		compareGolden(t, s, p, name)
	}
	if found != len(golden) {
		t.Fatalf("the example site has %d of the %d department pages compared", found, len(golden))
	}
}

// TestUntranslatedGolden renders the English page of a department file
// with texts left untranslated (testdata/partial.yaml), which carries
// the notice that some of it is shown in Chinese, and compares it with
// its golden file.
func TestUntranslatedGolden(t *testing.T) {
	s := siteOf(t, filepath.Join("testdata", "partial.yaml"))
	for _, p := range s.Pages() {
		if p.Path == "en/2024/changji-egov/index.html" {
			compareGolden(t, s, p, "partial.en.html")
			return
		}
	}
	t.Fatal("no English department page")
}

// compareGolden renders page p of s and compares it with the golden
// file name of testdata/golden/, or rewrites that file under -update.
func compareGolden(t *testing.T, s *Site, p Page, name string) {
	t.Helper()
	var b bytes.Buffer
	if res := s.Render(&b, p); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	file := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.Bytes(); !bytes.Equal(got, want) {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		from := max(0, i-200)
		t.Errorf("%s differs from %s at byte %d:\ngot  …%s…\nwant …%s…", p.Path, file, i, got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
	}
}
