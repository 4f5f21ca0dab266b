package build

import (
	"bytes"
	"encoding/json"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestSearchIndexLinksToThePage: the index of each language lists every
// department page, and each of its places leads to an element that is
// on that page in that language, whose text holds the place's title.
func TestSearchIndexLinksToThePage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: filepath.Join("..", ".."), Out: out})
	tree := readTree(t, out)
	for _, c := range []struct{ dir, page, table string }{
		{"search", "2024/changji-egov/index.html", "表3 "},
		{"en/search", "en/2024/changji-egov/index.html", "Table 3 "},
	} {
		meta := tree[c.dir+"/i/meta.js"]
		if !bytes.Contains(meta, []byte(`"pages":[[2024,0]]`)) || !bytes.Contains(meta, []byte(`"depts":[["changji-egov",`)) {
			t.Errorf("%s/i/meta.js does not list the department page: %s", c.dir, meta)
		}
		var rows [][4]string
		var docs []byte
		for i := 0; tree[c.dir+"/i/d/0-"+strconv.Itoa(i)+".js"] != nil; i++ {
			d := tree[c.dir+"/i/d/0-"+strconv.Itoa(i)+".js"]
			var part [][4]string
			if err := json.Unmarshal(d[bytes.IndexByte(d, ',')+1:len(d)-3], &part); err != nil {
				t.Fatalf("%s/i/d/0-%d.js: %v", c.dir, i, err)
			}
			rows, docs = append(rows, part...), append(docs, d...)
		}
		html := string(tree[c.page])
		kinds := map[string]int{}
		for _, r := range rows {
			kinds[r[0]]++
			if r[1] == "" {
				continue
			}
			at := strings.Index(html, `id="`+r[1]+`"`)
			if at < 0 {
				t.Errorf("%s: %q leads to #%s, which %s does not have", c.dir, r[2], r[1], c.page)
				continue
			}
			if r[0] == "t" && !strings.HasPrefix(r[2], c.table[:len(c.table)-2]) {
				t.Errorf("%s: table %s is called %q", c.dir, r[1], r[2])
			}
		}
		if kinds["d"] != 1 || kinds["t"] != 11 || kinds["p"] != 4 || kinds["s"] < 20 {
			t.Errorf("%s: the index has %v places of each kind; want the department, its 11 tables, 4 projects and its sections", c.dir, kinds)
		}
		if !regexp.MustCompile(`\["t","table-3","` + regexp.QuoteMeta(c.table)).Match(docs) {
			t.Errorf("%s: no table-3 titled %q…", c.dir, c.table)
		}
		// The search page and every page's search box lead there.
		if !strings.Contains(string(tree[c.dir+"/index.html"]), `id="search-q" name="q"`) {
			t.Errorf("%s/index.html has no search field", c.dir)
		}
		rel := strings.Repeat("../", strings.Count(c.page, "/")) + c.dir + "/index.html"
		if !strings.Contains(html, `action="`+rel+`"`) {
			t.Errorf("%s: the search box does not lead to %s", c.page, rel)
		}
	}
	for name := range tree {
		if path.Ext(name) == ".js" && strings.Contains(name, "/i/t/") {
			if _, err := strconv.Atoi(strings.TrimSuffix(path.Base(name), ".js")); err != nil {
				t.Errorf("unexpected shard name %s", name)
			}
		}
	}
}
