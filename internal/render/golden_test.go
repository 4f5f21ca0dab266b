package render

import (
	"bytes"
	"flag"
	"html/template"
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
	s := goldenSite(t)
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

// goldenSite renders the example site with its explanations and the
// default theme.
func goldenSite(t testing.TB) *Renderer {
	t.Helper()
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
	return s
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
func compareGolden(t *testing.T, s *Renderer, p Page, name string) {
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

// TestShiftHeadings checks the heading levels of the explanations on the
// page: the highest of a file become h3 (the sections), the others keep
// their distance below them, at most h6, and only heading tags change.
func TestShiftHeadings(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<h2 id="a">一、收入</h2>`, `<h3 id="a">一、收入</h3>`},
		{`<h2>x</h2><h5>y</h5><h6>z</h6>`, `<h3>x</h3><h6>y</h6><h6>z</h6>`},
		// An editor who wrote the sections as # and their parts as ##.
		{`<h1 id="a">一、收入</h1><p>…</p><h2 id="b">（一）</h2>`, `<h3 id="a">一、收入</h3><p>…</p><h4 id="b">（一）</h4>`},
		// A stray # above ## sections: they are its parts.
		{`<h1>x</h1><h2>y</h2>`, `<h3>x</h3><h4>y</h4>`},
		// Sections written as ###, or as ####.
		{`<h3>x</h3><h4>y</h4>`, `<h3>x</h3><h4>y</h4>`},
		{`<h4>x</h4></h4><h6>y</h6>`, `<h3>x</h3></h3><h5>y</h5>`},
		{`<hr><h7>no</h7><h2x>no</h2x><h2_>no`, `<hr><h7>no</h7><h2x>no</h2x><h2_>no`},
		{`<p>a < h2 </p><h2`, `<p>a < h2 </p><h3`},
		{`</h4`, `</h3`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := shiftHeadings(template.HTML(tt.in)); string(got) != tt.want {
			t.Errorf("shiftHeadings(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSectionHeadings checks which headings the contents list: those
// with an id and their title on one line.
func TestSectionHeadings(t *testing.T) {
	got := sectionHeadings(`<h3 id="a">一、<em>收入</em></h3><h3 id="">x</h3><h3 id="b"` + "\n" + `<h3 id="c">two` + "\n" + `lines</h3><h3 id="d">四</h3><h3 id="e">`)
	want := [][2]string{{"a", "一、<em>收入</em>"}, {"d", "四"}}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("heading %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// TestNoticeSplit checks that the default theme's department page gets
// its notice of untranslated texts written in place (so the page is
// rendered once, and TestUntranslatedGolden shows it is the same page),
// and that a notice using a variable of the page is left in the page.
func TestNoticeSplit(t *testing.T) {
	if s := exampleSite(t); !s.notices["department.html"] {
		t.Error("the default department page's notice is rendered by a second pass")
	}
	for _, tt := range []struct {
		page  string
		split bool
	}{
		{`<dl></dl>` + "\n" + `{{if .HasFallback 1}}<p>{{.T "x"}}</p>{{end}}` + "\n<main>", true},
		{`<dl></dl>` + "\n" + `{{$f := 1}}{{if .HasFallback $f}}<p>{{$f}}</p>{{end}}` + "\n<main>", false},
		{`<p class="{{if .HasFallback 1}}notice{{end}}">`, false},
		{`<dl></dl>{{if .HasFallback 1}}<p>a</p>{{else}}<p>b</p>{{end}}` + "\n", false},
	} {
		tmpl := template.Must(template.New("department.html").Parse(tt.page))
		if got := splitNotice(tmpl, "department.html"); got != tt.split {
			t.Errorf("%q: split %v, want %v", tt.page, got, tt.split)
		}
	}
}
