package build

import (
	"bytes"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/diag"
	"budgetpress/internal/render"
)

// copySite copies the example site of the repository (site.yaml, data/,
// content/, layouts/) into a temporary folder, applying edits: file →
// (old → new) replacements that must each match exactly once.
func copySite(t *testing.T, edits map[string][][2]string) string {
	t.Helper()
	dir := t.TempDir()
	for _, top := range []string{"site.yaml", "data", "content", "layouts"} {
		src := filepath.Join("..", "..", top)
		filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dir, rel), 0o755)
			}
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
		})
	}
	for file, reps := range edits {
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		s := string(data)
		for _, r := range reps {
			if n := strings.Count(s, r[0]); n != 1 {
				t.Fatalf("%s: %q occurs %d times, want once", file, r[0], n)
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustBuild(t *testing.T, opt Options) Result {
	t.Helper()
	res := Run(opt)
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.Print(&b)
		t.Fatalf("build failed:\n%s", b.String())
	}
	return res
}

// readTree returns every file under dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	return out
}

func TestBuildIsDeterministic(t *testing.T) {
	dir := copySite(t, nil)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, Options{Dir: dir, Out: a})
	mustBuild(t, Options{Dir: dir, Out: b})
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) == 0 || len(ta) != len(tb) {
		t.Fatalf("builds have %d and %d files", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

func TestFailedBuildKeepsThePublishedSite(t *testing.T) {
	good := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: good, Out: out})
	before := readTree(t, out)

	for name, edit := range map[string][2]string{
		"broken yaml":   {"unit: 万元", "unit: [万元"},
		"failing check": {"- [302 17,   0.17, ~,  0.17]", "- [302 17,   5.17, ~,  5.17]"},
		"unknown code":  {"- [221 02 01,  29.42,  29.42,  29.42]", "- [221 02 77,  29.42,  29.42,  29.42]"},
	} {
		t.Run(name, func(t *testing.T) {
			bad := copySite(t, map[string][][2]string{"data/2024/changji-egov.yaml": {edit}})
			res := Run(Options{Dir: bad, Out: out})
			if !res.Diags.HasErrors() {
				t.Fatal("the build of a broken site succeeded")
			}
			stillPublished(t, before, out)
		})
	}
}

// stillPublished checks that a failed build left the published site at
// out as it was (before) and no temporary folder behind.
func stillPublished(t *testing.T, before map[string][]byte, out string) {
	t.Helper()
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("published site has %d files after a failed build, %d before", len(after), len(before))
	}
	for f, data := range before {
		if !bytes.Equal(data, after[f]) {
			t.Errorf("%s changed although the build failed", f)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.build-*")); len(leftovers) > 0 {
		t.Errorf("temporary folders left behind: %v", leftovers)
	}
}

var linkAttr = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestLinksResolveUnderSubPathAndFileSystem follows every relative link
// of every page to a file of the output, as a browser opening the site
// from disk or from a sub-path would.
func TestLinksResolveUnderSubPathAndFileSystem(t *testing.T) {
	dir := copySite(t, map[string][][2]string{"site.yaml": {
		{"  # url: https://www.cj.gov.cn/ ", "  url: https://portal.example.gov.cn/ #"},
		{"  # icp: 新ICP备00000000号 ", "  icp: 新ICP备00000000号 #"},
		{"  # police: 新公网安备 00000000000000号 ", "  police: 新公网安备 00000000000000号 #"},
		{"  # correction: https://… ", "  correction: https://portal.example.gov.cn/jiucuo #"},
		{"  # mark: https://… ", "  mark: https://bszs.conac.cn/sitename?method=show #"},
	}})
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out, BaseURL: "https://example.gov.cn", BasePath: "zwgk/czyjs", Fingerprint: true})
	tree := readTree(t, out)
	outgoing := portalLinks(t, filepath.Join(dir, "site.yaml"))
	checked := 0
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			link := strings.ReplaceAll(m[1], "&amp;", "&")
			u, err := url.Parse(link)
			if err != nil {
				t.Errorf("%s: bad link %q", name, link)
				continue
			}
			if u.Scheme == "tel" {
				continue // a phone number
			}
			if u.Scheme != "" || u.Host != "" {
				switch {
				case strings.HasPrefix(link, "https://example.gov.cn/zwgk/czyjs/"):
				case outgoing(link):
					// The portal's links go out, and say so.
					if !regexp.MustCompile(`<a [^>]*href="` + regexp.QuoteMeta(m[1]) + `" rel="noopener external">`).Match(data) {
						t.Errorf("%s: the portal link %q is not marked rel=\"noopener external\"", name, link)
					}
				default:
					t.Errorf("%s: link %q leaves the site, and is none of site.yaml's portal links", name, link)
				}
				continue
			}
			if u.Path == "" {
				continue // a fragment on the same page
			}
			var target string
			if strings.HasPrefix(u.Path, "/") {
				if !strings.HasPrefix(u.Path, "/zwgk/czyjs/") {
					t.Errorf("%s: absolute link %q ignores the base path", name, link)
					continue
				}
				target = strings.TrimPrefix(u.Path, "/zwgk/czyjs/")
			} else {
				target = path.Clean(path.Join(path.Dir(name), u.Path))
			}
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which is not in the output", name, link, target)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d links checked", checked)
	}
	page := string(tree["2024/changji-egov/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="https://example.gov.cn/zwgk/czyjs/2024/changji-egov/">`,
		`<link rel="alternate" hreflang="en" href="https://example.gov.cn/zwgk/czyjs/en/2024/changji-egov/">`,
		`<a href="../../en/2024/changji-egov/index.html" hreflang="en" lang="en">English</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("department page lacks %s", want)
		}
	}
	if !strings.Contains(string(tree["sitemap.xml"]), "<loc>https://example.gov.cn/zwgk/czyjs/en/2024/changji-egov/</loc>") {
		t.Error("sitemap lacks the English department page")
	}
	if !strings.Contains(string(tree["sitemap.xml"]), `<xhtml:link rel="alternate" hreflang="x-default" href="https://example.gov.cn/zwgk/czyjs/2024/changji-egov/"/>`) {
		t.Error("sitemap lacks the x-default alternate of the department page")
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	dir := copySite(t, map[string][][2]string{"data/2024/changji-egov.yaml": {
		{"      zh: 昌吉州政府网站和云平台运维经费\n", "      zh: \"<script>alert(1)</script>\\\"&'\"\n"},
		{"    zh: 昌吉回族自治州人民政府电子政务办公室\n", "    zh: 电子政务办公室<img src=x onerror=alert(2)>\n"},
	}})
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	for name, data := range readTree(t, out) {
		if strings.HasSuffix(name, ".csv") || strings.HasSuffix(name, ".xlsx") {
			continue // data, never shown as HTML; opendata's tests defuse formulas
		}
		s := string(data)
		if strings.Contains(s, "<script>alert") || strings.Contains(s, "<img src=x") {
			t.Errorf("%s contains unescaped hostile text", name)
		}
	}
	page := string(readTree(t, out)["2024/changji-egov/index.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile project name is not shown escaped")
	}
}

func TestMissingTranslationFallsBackVisibly(t *testing.T) {
	dir := copySite(t, map[string][][2]string{"data/2024/changji-egov.yaml": {
		{"- {zh: 综合科, en: General Affairs Section}", "- 综合科"},
	}})
	out := filepath.Join(t.TempDir(), "public")
	res := mustBuild(t, Options{Dir: dir, Out: out})
	tree := readTree(t, out)
	en := string(tree["en/2024/changji-egov/index.html"])
	for _, want := range []string{
		`<p class="notice" role="note">Parts of this page have not been translated yet and are shown in the Chinese original.</p>`,
		`<li><span lang="zh" class="untranslated">综合科 <small class="untranslated-mark">(Chinese original)</small></span></li>`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English page lacks %s", want)
		}
	}
	if strings.Contains(string(tree["2024/changji-egov/index.html"]), `class="notice"`) {
		t.Error("the Chinese page carries the untranslated notice")
	}
	missing := res.Untranslated["en"]
	if len(missing) != 1 || missing[0].Text != "综合科" || missing[0].Pos.String() != "data/2024/changji-egov.yaml:28:7" {
		t.Errorf("untranslated texts = %+v, want 综合科 at data/2024/changji-egov.yaml:28:7", missing)
	}
}

func TestPageLabellingMetaTags(t *testing.T) {
	dir := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	page := string(readTree(t, out)["2024/changji-egov/index.html"])
	for _, want := range []string{
		`<html lang="zh-CN">`,
		`<meta name="SiteName" content="昌吉回族自治州人民政府">`,
		`<meta name="SiteDomain" content="www.cj.gov.cn">`,
		`<meta name="ColumnName" content="部门预算公开">`,
		`<meta name="ColumnType" content="财政预决算">`,
		`<meta name="ArticleTitle" content="2024 年昌吉回族自治州人民政府电子政务办公室部门预算">`,
		`<meta name="PubDate" content="2024-02-23">`,
		`<meta name="ContentSource" content="昌吉回族自治州人民政府电子政务办公室">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("department page lacks %s", want)
		}
	}
}

// TestOutputFolderIsNeverSomethingElse refuses outputs whose replacement
// would destroy what the build did not make, and leaves them untouched.
func TestOutputFolderIsNeverSomethingElse(t *testing.T) {
	site := copySite(t, nil)
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "report.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "out.txt")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct{ name, out, want string }{
		{"the site itself", site, "holds the site itself"},
		{"a folder above the site", filepath.Dir(site), "holds the site itself"},
		{"the content folder", filepath.Join(site, "content"), "is inside the site's content/ folder"},
		{"inside the data folder", filepath.Join(site, "data", "2024"), "is inside the site's data/ folder"},
		{"a folder of other files", other, "already holds files that are not a budgetpress build (such as report.docx)"},
		{"a file", file, "is a file, not a folder"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := readTree(t, site)
			res := Run(Options{Dir: site, Out: tc.out})
			found := false
			for _, d := range res.Diags {
				found = found || d.Severity == diag.Error && strings.Contains(d.Message, tc.want)
			}
			if !found {
				t.Fatalf("build --out %s: %v; want an error saying %q", tc.out, res.Diags, tc.want)
			}
			after := readTree(t, site)
			if len(after) != len(before) {
				t.Errorf("the site changed: %d files before, %d after", len(before), len(after))
			}
			if _, err := os.Stat(filepath.Join(other, "report.docx")); err != nil {
				t.Error("report.docx is gone")
			}
		})
	}
	// An earlier build is replaced, as every day.
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: site, Out: out})
	mustBuild(t, Options{Dir: site, Out: out})
}

// portalLinks reads the links of site.yaml's portal: (url, correction,
// mark, and the registers the ICP and police records link to): the only
// links of a page that may leave the site.
func portalLinks(t *testing.T, siteYAML string) func(link string) bool {
	t.Helper()
	data, err := os.ReadFile(siteYAML)
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Portal struct{ URL, Correction, Mark, ICP, Police string }
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatal(err)
	}
	p := cfg.Portal
	if p.URL == "" || p.Correction == "" || p.Mark == "" || p.ICP == "" || p.Police == "" {
		t.Fatalf("%s: the test wants every portal link set: %+v", siteYAML, p)
	}
	return func(link string) bool {
		switch {
		case link == p.URL, link == p.Correction, link == p.Mark:
			return true
		case link == render.ICPRegister:
			return p.ICP != ""
		case strings.HasPrefix(link, "https://beian.mps.gov.cn/"):
			return p.Police != ""
		}
		return false
	}
}
