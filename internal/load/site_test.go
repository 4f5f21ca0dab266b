package load

import (
	"budgetpress/internal/model"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLanguages checks that languages: takes only the languages
// budgetpress can publish, zh first, and that a wrong one is reported
// once, at its place in site.yaml, instead of at every name of every
// department file.
func TestLanguages(t *testing.T) {
	const (
		names  = `: budgetpress names its languages zh (Chinese) and en (English)`
		cannot = `site.yaml:1:17: error: budgetpress cannot publish in %q: it publishes only zh (Chinese) and en (English); remove %q ` +
			`(another language needs its own way of writing amounts and units, and its interface texts, added to budgetpress first)`
		zhFirst = `error: languages must start with zh (Chinese is the language of the published document), like [zh, en]`
	)
	tests := []struct {
		name, src string
		want      []string
	}{
		{"three letters", "languages: [zh, eng]\ntitle: {zh: 预算公开, en: Budgets}\n",
			[]string{`site.yaml:1:17: error: write en instead of "eng"` + names}},
		{"capitals", "languages:\n  - zh\n  - EN\n",
			[]string{`site.yaml:3:5: error: write en instead of "EN"` + names}},
		{"a country for Chinese", "languages: [cn, en]\n",
			[]string{`site.yaml:1:13: error: write zh instead of "cn"` + names}},
		{"a regional tag", "languages: [zh-CN, en]\n",
			[]string{`site.yaml:1:13: error: write zh instead of "zh-CN"` + names}},
		{"a name", "languages: [zh, English]\n",
			[]string{`site.yaml:1:17: error: write en instead of "English"` + names}},
		{"a language of China", "languages: [zh, ug]\n", []string{fmt.Sprintf(cannot, "ug", "ug")}},
		{"a name of one", "languages: [zh, uyghur]\n", []string{fmt.Sprintf(cannot, "uyghur", "uyghur")}},
		{"not a language", "languages: [zh, xx]\n", []string{fmt.Sprintf(cannot, "xx", "xx")}},
		{"each one", "languages: [zh, ko, ru]\n", []string{
			fmt.Sprintf(cannot, "ko", "ko"),
			strings.Replace(fmt.Sprintf(cannot, "ru", "ru"), ":1:17:", ":1:21:", 1)}},
		{"a title in it", "languages: [zh, fr]\ntitle: {zh: 预算公开, fr: Budgets}\n", []string{fmt.Sprintf(cannot, "fr", "fr")}},
		{"instead of English", "languages: [zh, fr]\ntitle: {zh: 预算公开, en: Budgets}\nportal:\n  site_name: {zh: 州政府, en: Government}\n",
			[]string{fmt.Sprintf(cannot, "fr", "fr")}},
		{"without Chinese", "languages: [en]\n", []string{`site.yaml:1:12: ` + zhFirst}},
		{"only another", "languages: [ja]\n", []string{
			`site.yaml:1:12: ` + zhFirst,
			strings.Replace(fmt.Sprintf(cannot, "ja", "ja"), ":1:17:", ":1:13:", 1)}},
		{"Chinese second", "languages: [en, zh]\n", []string{`site.yaml:1:12: ` + zhFirst}},
		{"none", "languages: []\n", []string{`site.yaml:1:12: ` + zhFirst}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := SiteConfig("site.yaml", []byte(tc.src))
			if got := lines(ds); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			// A language named wrong gives no settings, so that no
			// department file is read in it; the right languages in the
			// wrong order are only an error.
			if order := map[string]bool{"without Chinese": true, "Chinese second": true, "none": true}; cfg != nil && !order[tc.name] {
				t.Errorf("settings %+v returned for wrong languages; want none", cfg)
			}
		})
	}
	for src, want := range map[string][]string{
		"languages: [zh]\n":            {"zh"},
		"languages: [zh, en]\n":        {"zh", "en"},
		"languages: [zh, en, zh]\n":    {"zh", "en"},
		"title: 部门预算公开\n":              {"zh", "en"},
		"languages:\n  - zh\n  - en\n": {"zh", "en"},
	} {
		cfg, ds := SiteConfig("site.yaml", []byte(src))
		if len(ds) > 0 || cfg == nil || !reflect.DeepEqual(cfg.Languages, want) {
			t.Errorf("%s: settings %+v, %v; want languages %v", src, cfg, ds, want)
		}
	}

	// The whole site: one error, at site.yaml.
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", []byte("languages: [zh, ug]\n"))
	writeFile(t, dir, "data/2024/changji-egov.yaml", read(t, example))
	s, ds := ReadSite(dir)
	want := []string{fmt.Sprintf(cannot, "ug", "ug")}
	if got := lines(ds); !reflect.DeepEqual(got, want) || s.Config != nil || len(s.Files) != 0 {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestContent checks that Markdown files get the encoding checks of the
// YAML files, and lose a UTF-8 byte-order mark.
func TestContent(t *testing.T) {
	const path = "content/zh/2024/changji-egov.md"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("## 一、说明\n\n收入预算 {{amount income.total}}。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var u16 []byte
	for _, u := range utf16.Encode([]rune("## 一、说明\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	tests := []struct {
		name string
		src  []byte
		text string
		want []string
	}{
		{"UTF-8", []byte("## 一、说明\n"), "## 一、说明\n", nil},
		{"byte-order mark", []byte("\uFEFF## 一、说明\n"), "## 一、说明\n", nil},
		{"GBK", gbk, "", []string{path + `:1:5: error: this file is saved in GBK (the default of Chinese Windows), not UTF-8` + saveAsUTF8}},
		{"UTF-16", u16, "", []string{path + `:1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)`}},
		{"UTF-16 with its mark", append([]byte{0xFF, 0xFE}, u16...), "", []string{path + `:1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)`}},
		{"not text", []byte("## 说明\n\xff\xfe\xfd\n"), "", []string{path + `:2:1: error: this file is not UTF-8 text` + saveAsUTF8}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ds := Content(path, tc.src)
			if got := lines(ds); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if c.Path != path || c.Text != tc.text || c.Bad != (tc.want != nil) {
				t.Errorf("source %+v; want text %q, bad %v", c, tc.text, tc.want != nil)
			}
		})
	}

	// ReadSite reads content/ the same way, and lists every department
	// file found, loaded or not.
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", []byte("languages: [zh, en]\n"))
	writeFile(t, dir, "data/2024/changji-egov.yaml", read(t, example))
	writeFile(t, dir, "data/2024/broken.yaml", []byte("type: [\n"))
	writeFile(t, dir, path, []byte("\uFEFF## 说明\n"))
	writeFile(t, dir, "content/en/2024/changji-egov.md", u16)
	s, ds := ReadSite(dir)
	var contentDiags []string
	for _, l := range lines(ds) {
		if strings.HasPrefix(l, "content/") {
			contentDiags = append(contentDiags, l)
		}
	}
	want := []string{`content/en/2024/changji-egov.md:1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)`}
	if !reflect.DeepEqual(contentDiags, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(contentDiags, "\n\t"), strings.Join(want, "\n\t"))
	}
	wantContent := []model.Source{{Path: "content/en/2024/changji-egov.md", Bad: true}, {Path: path, Text: "## 说明\n"}}
	if !reflect.DeepEqual(s.Content, wantContent) {
		t.Errorf("content %+v; want %+v", s.Content, wantContent)
	}
	if want := []string{"data/2024/broken.yaml", "data/2024/changji-egov.yaml"}; !reflect.DeepEqual(s.DataFiles, want) {
		t.Errorf("department files %v; want %v", s.DataFiles, want)
	}
}

func writeFile(t *testing.T, dir, name string, src []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckBaseURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.cj.gov.cn", ""},
		{"http://www.cj.gov.cn/", ""},
		{"ftp://x", `base_url "ftp://x" must start with http:// or https://, like https://www.cj.gov.cn`},
		{"www.cj.gov.cn", `base_url "www.cj.gov.cn" must start with http:// or https://, like https://www.cj.gov.cn`},
		{"https://", `base_url "https://" has no host name; write it like https://www.cj.gov.cn`},
		{"https://www.cj.gov.cn/zwgk/", `base_url "https://www.cj.gov.cn/zwgk/" has a path (/zwgk/); give only the website's address, like https://www.cj.gov.cn, and put the path in base_path`},
		{"https://www.cj.gov.cn?a=1", `base_url "https://www.cj.gov.cn?a=1" has more than a website's address; give only the address, like https://www.cj.gov.cn`},
		{"https://a b", `base_url "https://a b" is not a web address; write it like https://www.cj.gov.cn`},
	} {
		err := CheckBaseURL(tc.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("CheckBaseURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
