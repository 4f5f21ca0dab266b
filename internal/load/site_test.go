package load

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLanguageCodes checks that languages: takes only language codes,
// and that a wrong one is reported once, at site.yaml, instead of at
// every name of every department file.
func TestLanguageCodes(t *testing.T) {
	const hint = `; use a two-letter code such as `
	tests := []struct {
		name, src string
		want      []string
	}{
		{"three letters", "languages: [zh, eng]\ntitle: {zh: 预算公开, en: Budgets}\n",
			[]string{`site.yaml:1:17: error: "eng" is not a language code budgetpress knows` + hint + `en`}},
		{"capitals", "languages:\n  - zh\n  - EN\n",
			[]string{`site.yaml:3:5: error: "EN" is not a language code budgetpress knows` + hint + `en`}},
		{"a country for Chinese", "languages: [cn, en]\n",
			[]string{`site.yaml:1:13: error: "cn" is not a language code budgetpress knows` + hint + `zh`}},
		{"a name", "languages: [zh, uyghur]\n",
			[]string{`site.yaml:1:17: error: "uyghur" is not a language code budgetpress knows` + hint + `ug`}},
		{"unknown", "languages: [zh, xx]\n",
			[]string{`site.yaml:1:17: error: "xx" is not a language code budgetpress knows` + hint +
				`en (budgetpress knows ar, bo, de, en, es, fa, fr, hi, id, ii, it, ja, kk, km, ko, ky, lo, mn, ms, my, ne, nl, pl, pt, ru, tg, th, tr, ug, ur, uz, vi, za, zh)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, ds := SiteConfig("site.yaml", []byte(tc.src))
			if got := lines(ds); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if cfg != nil {
				t.Errorf("settings %+v returned for wrong languages; want none, so that no department file is read in them", cfg)
			}
		})
	}
	for _, ok := range []string{"languages: [zh]\n", "languages: [zh, en, ug, kk]\n", "languages: [zh, ko, ru]\n"} {
		if cfg, ds := SiteConfig("site.yaml", []byte(ok)); cfg == nil || len(ds) > 0 {
			t.Errorf("%s: %v", ok, ds)
		}
	}

	// The whole site: one error, at site.yaml.
	dir := t.TempDir()
	writeFile(t, dir, "site.yaml", []byte("languages: [zh, eng]\n"))
	writeFile(t, dir, "data/2024/changji-egov.yaml", read(t, example))
	s, ds := ReadSite(dir)
	want := []string{`site.yaml:1:17: error: "eng" is not a language code budgetpress knows; use a two-letter code such as en`}
	if got := lines(ds); !reflect.DeepEqual(got, want) || s.Config != nil {
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
	wantContent := []Source{{Path: "content/en/2024/changji-egov.md", Bad: true}, {Path: path, Text: "## 说明\n"}}
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
