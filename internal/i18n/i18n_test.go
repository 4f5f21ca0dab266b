package i18n

import (
	"strings"
	"testing"
)

// TestAddErrors feeds broken translation files: each problem is named at
// its line and column, as for the other YAML files of a site.
func TestAddErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"layout", "title: 部门预算\nnav: [首页, 年度\n", "layouts/i18n/zh.yaml:2:1: error: the YAML layout is broken near here (did not find expected ',' or ']')"},
		{"list", "- 首页\n- 年度\n", `layouts/i18n/zh.yaml:1:1: error: a translation file is a list of "key: text" lines`},
		{"not a text", "title: 部门预算\nnav: {home: 首页}\n", `layouts/i18n/zh.yaml:2:6: error: the translation of "nav" should be a text`},
		{"Chinese colon", "title：部门预算\n", "layouts/i18n/zh.yaml:1:6: error:"},
		{"GBK", "title: \xb2\xbf\xc3\xc5\n", "layouts/i18n/zh.yaml:1:8: error: this file is saved in GBK"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New("zh")
			ds := c.Add("zh", "layouts/i18n/zh.yaml", []byte(tc.src))
			if len(ds) == 0 || !strings.HasPrefix(ds[0].String(), tc.want) {
				t.Errorf("got %v, want a line starting %q", ds, tc.want)
			}
		})
	}
	c := New("zh")
	if ds := c.Add("zh", "layouts/i18n/zh.yaml", []byte("# nothing yet\n")); len(ds) > 0 {
		t.Errorf("a file of comments only: %v", ds)
	}
	if ds := c.Add("zh", "layouts/i18n/zh.yaml", []byte("title: 部门预算\n")); len(ds) > 0 {
		t.Fatal(ds)
	}
	if s, ok := c.Get("zh", "title"); !ok || s != "部门预算" {
		t.Errorf("Get(title) = %q, %v", s, ok)
	}
}
