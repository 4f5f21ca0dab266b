package build

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/testsite"
)

// TestNavPagesLinkAndAreListed builds a generated site of 3 departments
// in 2024 and 2025: every link of every page (the year pickers, the
// overviews, the comparisons and the links to them) leads to a file of
// the build, each department has its overview and each year its
// comparison in both languages, and the sitemap lists them with their
// alternates.
func TestNavPagesLinkAndAreListed(t *testing.T) {
	dir := testsite.Generated(t, filepath.Join("..", ".."), 3, 2)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out, BaseURL: "https://example.gov.cn", BasePath: "zwgk/czyjs", Fingerprint: true})
	tree := readTree(t, out)
	linked := map[string]bool{}
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range linkAttr.FindAllStringSubmatch(string(data), -1) {
			u, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" || strings.HasPrefix(u.Path, "/") {
				continue // checked by TestLinksResolveUnderSubPathAndFileSystem
			}
			target := path.Clean(path.Join(path.Dir(name), u.Path))
			if _, ok := tree[target]; !ok {
				t.Errorf("%s: link %q leads to %s, which is not in the output", name, m[1], target)
			}
			linked[target] = true
		}
	}
	sitemap := string(tree["sitemap.xml"])
	for _, p := range []string{
		"departments/changji-egov/", "en/departments/changji-egov/",
		"2024/compare/", "en/2024/compare/", "2025/compare/", "en/2025/compare/",
	} {
		if _, ok := tree[p+"index.html"]; !ok {
			t.Errorf("no page %sindex.html", p)
		}
		if !linked[p+"index.html"] {
			t.Errorf("no page links to %s", p)
		}
		if !strings.Contains(sitemap, "<loc>https://example.gov.cn/zwgk/czyjs/"+p+"</loc>") {
			t.Errorf("the sitemap lacks %s", p)
		}
	}
	if !strings.Contains(sitemap, `<url><loc>https://example.gov.cn/zwgk/czyjs/2024/compare/</loc><xhtml:link rel="alternate" hreflang="zh" href="https://example.gov.cn/zwgk/czyjs/2024/compare/"/><xhtml:link rel="alternate" hreflang="en" href="https://example.gov.cn/zwgk/czyjs/en/2024/compare/"/>`) {
		t.Error("the sitemap lacks the alternates of the comparison of 2024")
	}
	// The 2024 page of the example department links to its 2025 page.
	if !strings.Contains(string(tree["2024/changji-egov/index.html"]), `<a href="../../2025/changji-egov/index.html">2025</a>`) {
		t.Error("the 2024 page of changji-egov does not link to its 2025 page")
	}
}
