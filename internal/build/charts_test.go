package build

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var anyURL = regexp.MustCompile(`(?i)(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*`)

// TestNothingLoadsFromElsewhere: the site is self-hosted. No page,
// stylesheet or script names another host (no CDN for ECharts, such as
// the one go-echarts falls back to), except the site's own address in
// canonical links and the sitemap; the vendored ECharts names only its
// licence and XML namespaces.
func TestNothingLoadsFromElsewhere(t *testing.T) {
	dir := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out, BaseURL: "https://example.gov.cn"})
	tree := readTree(t, out)
	for _, name := range []string{"assets/vendor/echarts/echarts.min.js", "assets/vendor/echarts/LICENSE", "assets/vendor/echarts/NOTICE", "assets/charts.js"} {
		if _, ok := tree[name]; !ok {
			t.Errorf("the output lacks %s", name)
		}
	}
	// The vendored ECharts is the pinned release (npm echarts@6.1.0),
	// built by scripts/echarts-bundle as VERSION records it.
	js := tree["assets/vendor/echarts/echarts.min.js"]
	if !strings.Contains(string(js), `="6.1.0"`) {
		t.Error("assets/vendor/echarts/echarts.min.js is not ECharts 6.1.0")
	}
	version, err := os.ReadFile(filepath.Join("..", "..", "layouts", "assets", "vendor", "echarts", "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	if sum := fmt.Sprintf("%x", sha256.Sum256(js)); !strings.Contains(string(version), "sha256 of echarts.min.js: "+sum) {
		t.Errorf("echarts.min.js (sha256 %s) is not the build VERSION records:\n%s", sum, version)
	}
	allowed := map[string]bool{
		"http://www.sitemaps.org/schemas/sitemap/0.9": true,
		"http://www.w3.org/1999/xhtml":                true,
	}
	vendor := map[string]bool{
		"http://www.apache.org/licenses/LICENSE-2.0":            true,
		"http://www.w3.org/1999/xlink":                          true,
		"http://www.w3.org/2000/svg":                            true,
		"http://www.w3.org/2000/xmlns/":                         true,
		"http://www.w3.org/XML/1998/namespace":                  true,
		"https://github.com/ecomfe/zrender/blob/master/LICENSE": true,
	}
	for name, data := range tree {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".js") && !strings.HasSuffix(name, ".css") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, u := range anyURL.FindAllString(string(data), -1) {
			u = strings.TrimRight(u, ".,;")
			switch {
			case strings.HasPrefix(u, "https://example.gov.cn/"), allowed[u]:
			case strings.HasPrefix(name, "assets/vendor/echarts/") && vendor[u]:
			default:
				t.Errorf("%s names another host: %s", name, u)
			}
		}
	}
}
