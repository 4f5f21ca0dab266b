package check_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/testsite"
)

const (
	zhFile = "content/zh/2024/changji-egov.md"
	enFile = "content/en/2024/changji-egov.md"
)

// checkContent copies the example site, writes the files of change (a
// nil value removes the file), loads and checks it, and returns what
// the loader and the checker say about content/, as check prints it.
func checkContent(t *testing.T, change map[string][]byte) []string {
	t.Helper()
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	for name, src := range change {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if src == nil {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		testsite.Write(t, p, src)
	}
	s, diags := load.ReadSite(dir)
	diags = append(diags, check.Site(s)...)
	diags.Sort()
	var got []string
	for _, d := range diags {
		if strings.HasPrefix(d.Pos.File, "content/") || d.Severity == diag.Error {
			got = append(got, d.String())
		}
	}
	return got
}

// TestExplanationsAsRendered checks that check finds what the build
// would stop at: each reference of the explanations is resolved against
// its department file.
func TestExplanationsAsRendered(t *testing.T) {
	got := checkContent(t, map[string][]byte{zhFile: []byte("# 收入\n\n" +
		"收入 {{amout income.general}}，一般公共预算 {{amount income.genral}}。\n" +
		"项目 {{amount project.cloud-opps}}\n" +
		"未闭合 {{amount income.general，占 {{share income.general}}。\n")})
	sameLines(t, "findings", got, []string{
		zhFile + `:3:4: error: unknown function "amout"; did you mean "amount"? The functions are amount, share, change, prior, line, year and department, like {{amount income.general}}`,
		zhFile + `:3:36: error: unknown income item "genral" in income.genral; did you mean "income.general"? The items are current, general, general.own, general.transfer, fund, fund.own, fund.transfer, soe, soe.own, soe.transfer, special, unit, unit.business, unit.grant, unit.affiliated, unit.operating, unit.other, carryover, carryover.fiscal, carryover.fiscal.general, carryover.fiscal.fund, carryover.fiscal.soe, carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, total`,
		zhFile + `:4:4: error: unknown project "cloud-opps"; did you mean "project.cloud-ops"? The projects are cloud-ops, media-security, web-security-audit, crypto-ops`,
		zhFile + `:5:5: error: the reference {{amount income.general is not closed with }} on this line; write {{amount income.general}}, or \{{ for literal braces`,
	})
}

func TestExplanationFiles(t *testing.T) {
	zh, err := os.ReadFile(filepath.Join("..", "..", zhFile))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", dataFile))
	if err != nil {
		t.Fatal(err)
	}
	// Other departments' files, of other names.
	renamedTo := func(zh, en string) []byte {
		b := bytes.ReplaceAll(data, []byte("电子政务办公室"), []byte(zh))
		return bytes.ReplaceAll(b, []byte("E-Government Office"), []byte(en))
	}
	const renamed = "content/zh/2024/changji_egov.md"
	tests := []struct {
		name   string
		change map[string][]byte
		want   []string
	}{
		{"explanation renamed", map[string][]byte{zhFile: nil, renamed: zh}, []string{
			renamed + `: error: there is no department file data/2024/changji_egov.yaml for this explanation; rename it after its department file: content/zh/2024/changji-egov.md for data/2024/changji-egov.yaml`,
		}},
		{"department file renamed", map[string][]byte{dataFile: nil, "data/2024/egov.yaml": data}, []string{
			`content/en/2024/changji-egov.md: error: there is no department file data/2024/changji-egov.yaml for this explanation; rename it after its department file: content/en/2024/egov.md for data/2024/egov.yaml`,
			`content/zh/2024/changji-egov.md: error: there is no department file data/2024/changji-egov.yaml for this explanation; rename it after its department file: content/zh/2024/egov.md for data/2024/egov.yaml`,
		}},
		{"an orphan among several departments", map[string][]byte{
			"data/2024/a.yaml": renamedTo("信息中心", "Information Centre"), "data/2024/b.yaml": renamedTo("数据局", "Data Bureau"), "content/zh/2024/c.md": []byte("说明"),
			"content/zh/2024/a.md": []byte("说明"), "content/zh/2024/b.md": []byte("说明"),
			"content/en/2024/a.md": []byte("x"), "content/en/2024/b.md": []byte("x"),
		}, []string{
			`content/zh/2024/c.md: error: there is no department file data/2024/c.yaml for this explanation; rename it after its department file (content/zh/2024/<department>.md for data/2024/<department>.yaml), or delete it`,
		}},
		{"no English explanation", map[string][]byte{enFile: nil}, []string{
			enFile + `: warning: there is no en explanation for data/2024/changji-egov.yaml; write it in this file (until then the en page shows the zh one)`,
		}},
		{"no explanation at all", map[string][]byte{enFile: nil, zhFile: nil}, []string{
			enFile + `: warning: there is no en explanation for data/2024/changji-egov.yaml; write it in this file (until then the en page shows the zh one)`,
			zhFile + `: warning: there is no explanation (第三部分 情况说明) for data/2024/changji-egov.yaml; write it in this file`,
		}},
		{"empty", map[string][]byte{zhFile: []byte(" \n\t\n"), enFile: {}}, []string{
			enFile + `: warning: this explanation is empty: the en department page will have no explanations; write them, or delete the file to show the zh ones`,
			zhFile + `: warning: this explanation is empty: the department page will have no explanations (第三部分 情况说明)`,
		}},
		{"not a language of the site", map[string][]byte{"content/fr/2024/changji-egov.md": []byte("# Budget\n")}, []string{
			`content/fr/2024/changji-egov.md: error: "fr" is not a language of the site (languages in site.yaml: zh, en); put this explanation under content/zh/ or content/en/ (budgetpress publishes only zh and en)`,
		}},
		{"in a sub-folder", map[string][]byte{"content/zh/2024/old/changji-egov.md": zh}, []string{
			`content/zh/2024/old/changji-egov.md: warning: an explanation is the Markdown file content/zh/2024/<department>.md, named after its department file data/2024/<department>.yaml; this file is not published`,
		}},
		{"raw HTML", map[string][]byte{zhFile: []byte("# 说明\n\n收入 <b>{{amount income.general}}</b>\n\n<script>\nalert(1)\n</script>\n")}, []string{
			zhFile + `:3:4: warning: raw HTML is not allowed in the explanations and is left out: <b>; write Markdown instead (**bold**)`,
			zhFile + `:5:1: warning: raw HTML is not allowed in the explanations and is left out: <script>, with everything up to </script>; scripts, styles and frames are never published`,
		}},
		{"byte-order mark", map[string][]byte{zhFile: append([]byte("\uFEFF"), zh...)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sameLines(t, "findings", checkContent(t, tc.change), tc.want)
		})
	}
}

// TestExplanationEncoding checks that an explanation saved in GBK or
// UTF-16 is reported once, by the loader, as a department file would be.
func TestExplanationEncoding(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("# 说明\n\n收入预算 {{amount income.total}}。\n"))
	if err != nil {
		t.Fatal(err)
	}
	var u16 []byte
	for _, u := range utf16.Encode([]rune("\uFEFF# 说明\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	const saveAs = `; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in WPS or VS Code: "Save with Encoding" > UTF-8)`
	sameLines(t, "GBK", checkContent(t, map[string][]byte{zhFile: gbk}), []string{
		zhFile + `:1:4: error: this file is saved in GBK (the default of Chinese Windows), not UTF-8` + saveAs,
	})
	sameLines(t, "UTF-16", checkContent(t, map[string][]byte{enFile: u16}), []string{
		enFile + `:1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)`,
	})
}

// TestOneExplanation checks a Markdown file on its own, as the dev server
// does after a save: without the department files, only its text.
func TestOneExplanation(t *testing.T) {
	cfg, ds := load.SiteConfig(siteFile, readExample(t, siteFile))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	diags := check.Site(&model.Site{Config: cfg, Content: []model.Source{
		{Path: "content/zh/2024/new.md", Text: "{{amount income.nothing}} <i>待补充</i>\n"},
	}})
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	sameLines(t, "findings", got, []string{
		`content/zh/2024/new.md:1:30: error: "待补充" is a placeholder left in the text; write the real text [placeholder]`,
		`content/zh/2024/new.md:1:27: warning: raw HTML is not allowed in the explanations and is left out: <i>; write Markdown instead (*italic*)`,
	})
}

// TestExplanationsAlone checks that Explanations finds what Site finds
// about the explanations, and nothing about the department files: the
// dev server checks a department file it read again once, then its
// explanations with it.
func TestExplanationsAlone(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	testsite.Replace(t, dir, dataFile, "  total: 229.27", "  total: 229.28")
	testsite.Write(t, filepath.Join(dir, filepath.FromSlash(zhFile)), []byte("# 收入\n\n收入 {{amount income.genral}}。\n"))
	s, diags := load.ReadSite(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	var aboutData, aboutContent []string
	for _, d := range check.Site(s) {
		if strings.HasPrefix(d.Pos.File, "content/") {
			aboutContent = append(aboutContent, d.String())
		} else if d.Pos.File == dataFile {
			aboutData = append(aboutData, d.String())
		}
	}
	if len(aboutData) == 0 || len(aboutContent) == 0 {
		t.Fatalf("the broken site should have errors in both files: %q, %q", aboutData, aboutContent)
	}
	var got []string
	for _, d := range check.Explanations(s, nil) {
		got = append(got, d.String())
	}
	sameLines(t, "findings", got, aboutContent)
}
