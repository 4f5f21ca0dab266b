package build

import (
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var assetLink = regexp.MustCompile(`(?:href|src)="([^"]*assets/[^"]+)"`)

// TestFingerprintedAssets builds with fingerprinted assets: pages link to
// stylesheets and scripts named after their content, the files exist
// under those names only, licences keep theirs, and a changed stylesheet
// gets a new name while the scripts keep theirs.
func TestFingerprintedAssets(t *testing.T) {
	names := func(edits map[string][][2]string) (map[string][]byte, []string) {
		dir := copySite(t, edits)
		out := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Dir: dir, Out: out, Fingerprint: true})
		tree := readTree(t, out)
		var links []string
		for _, m := range assetLink.FindAllStringSubmatch(string(tree["2024/changji-egov/index.html"]), -1) {
			links = append(links, m[1])
		}
		return tree, links
	}
	tree, links := names(nil)
	fingerprint := regexp.MustCompile(`^\.\./\.\./assets/(?:vendor/echarts/)?[a-z]+(?:\.min)?\.[0-9a-f]{10}\.(?:css|js)$`)
	if len(links) < 4 {
		t.Fatalf("the department page links to %d assets: %v", len(links), links)
	}
	for _, l := range links {
		if !fingerprint.MatchString(l) {
			t.Errorf("the department page links to %s, which is not named after its content", l)
		}
		if _, ok := tree[strings.TrimPrefix(l, "../../")]; !ok {
			t.Errorf("the department page links to %s, which the build did not write", l)
		}
	}
	for _, plain := range []string{"assets/site.css", "assets/charts.js", "assets/vendor/echarts/echarts.min.js"} {
		if _, ok := tree[plain]; ok {
			t.Errorf("%s is published under its theme name too", plain)
		}
	}
	if _, ok := tree["assets/vendor/echarts/LICENSE"]; !ok {
		t.Error("the ECharts licence is not published as LICENSE")
	}
	_, changed := names(map[string][][2]string{"layouts/assets/site.css": {{":root {", ":root {\n  --budgetpress-test: 1;"}}})
	for i := range links {
		css := strings.Contains(links[i], "assets/site.") && strings.HasSuffix(links[i], ".css")
		if css == (links[i] == changed[i]) {
			t.Errorf("after a stylesheet edit %s became %s", links[i], changed[i])
		}
	}
}

// TestGzipCopies builds with .gz copies: every page, stylesheet, script
// and the sitemap has one that unpacks to the same bytes, and a second
// build writes the same copies.
func TestGzipCopies(t *testing.T) {
	dir := copySite(t, nil)
	build := func() map[string][]byte {
		out := filepath.Join(t.TempDir(), "public")
		mustBuild(t, Options{Dir: dir, Out: out, Fingerprint: true, Gzip: true})
		return readTree(t, out)
	}
	tree, again := build(), build()
	copies := 0
	for name, data := range tree {
		ext := filepath.Ext(name)
		if ext == ".gz" {
			if !bytes.Equal(data, again[name]) {
				t.Errorf("%s differs between two builds", name)
			}
			continue
		}
		z, ok := tree[name+".gz"]
		if !compressed[ext] {
			if ok {
				t.Errorf("%s has a .gz copy, but %s files are not compressed", name, ext)
			}
			continue
		}
		if !ok {
			t.Errorf("%s has no .gz copy", name)
			continue
		}
		r, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			t.Errorf("%s.gz: %v", name, err)
			continue
		}
		plain, err := io.ReadAll(r)
		if err != nil || !bytes.Equal(plain, data) {
			t.Errorf("%s.gz does not unpack to %s (%v)", name, name, err)
		}
		copies++
	}
	if copies < 10 {
		t.Errorf("only %d .gz copies", copies)
	}
}
