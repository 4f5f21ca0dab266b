package load

import (
	"strings"
	"testing"
)

// punctMsg is the message about Chinese punctuation r typed for YAML's
// own, at pos.
func punctMsg(pos, r string) string {
	need := map[string]string{
		"：": "the ASCII ':' followed by a space", "，": "the ASCII ',' followed by a space",
		"［": "the ASCII '['", "］": "the ASCII ']'", "｛": "the ASCII '{'", "｝": "the ASCII '}'",
	}[r]
	return pos + ": error: this line uses the Chinese punctuation '" + r + "'; YAML needs " + need
}

// TestChinesePunctuation edits the smallest department file as a
// Chinese input method would, and checks that the character is named at
// its line and column, without the findings that would follow from it.
func TestChinesePunctuation(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{
			name: "colon after a key, which breaks the file",
			old:  "published: 2024-02-23", new: "published：2024-02-23",
			want: []string{punctMsg("4:10", "：")},
		},
		{
			name: "colon and space after a key",
			old:  "unit: 万元", new: "unit： 万元",
			want: []string{punctMsg("3:5", "：")},
		},
		{
			name: "colon after a key that makes a text of the line",
			old:  "  name: 昌吉州电子政务办公室", new: "  name：昌吉州电子政务办公室",
			want: []string{punctMsg("6:7", "：")},
		},
		{
			name: "colon after a key in a list",
			old:  "  - no: 1", new: "  - no：1",
			want: []string{punctMsg("8:7", "：")},
		},
		{
			name: "comma between the languages of a text",
			old:  "  name: 昌吉州电子政务办公室", new: "  name: {zh: 综合科，en: General Office}",
			want: []string{punctMsg("6:17", "，")},
		},
		{
			name: "colon after a key in a mapping",
			old:  "  name: 昌吉州电子政务办公室", new: "  name: {zh：综合科, en: General Office}",
			want: []string{punctMsg("6:12", "：")},
		},
		{
			name: "comma between cells, which parses as one cell",
			old:  "[total, 604.13]", new: "[total，     604.13]",
			want: []string{punctMsg("11:15", "，")},
		},
		{
			name: "comma between amounts",
			old:  "[total, 604.13]", new: "[total, 604.13，604.13]",
			want: []string{punctMsg("11:23", "，")},
		},
		{
			name: "brackets of a row",
			old:  "[total, 604.13]", new: "［total, 604.13］",
			want: []string{punctMsg("11:9", "［"), punctMsg("11:23", "］")},
		},
		{
			name: "closing bracket of a row, which breaks the file",
			old:  "[total, 604.13]", new: "[total, 604.13］",
			want: []string{punctMsg("11:23", "］")},
		},
		{
			name: "braces of a mapping",
			old:  "  name: 昌吉州电子政务办公室", new: "  name: ｛zh: 综合科, en: General Office｝",
			want: []string{punctMsg("6:9", "｛"), punctMsg("6:37", "｝")},
		},
		{
			name: "closing brace of a mapping",
			old:  "  name: 昌吉州电子政务办公室", new: "  name: {zh: 综合科, en: General Office｝",
			want: []string{punctMsg("6:37", "｝")},
		},
		{
			name: "every one of them",
			old:  "published: 2024-02-23", new: "published：2024-02-23\nprocurement: {total：1, goods: 1，services: 0｝",
			want: []string{punctMsg("4:10", "："), punctMsg("5:20", "："), punctMsg("5:32", "，"), punctMsg("5:44", "｝")},
		},
		{
			name: "another problem after it",
			old:  "published: 2024-02-23", new: "published：2024-02-23\ndepartment:\n  name: x\n short: y",
			want: []string{punctMsg("4:10", "："),
				"7:2: error: the YAML layout is broken near here (did not find expected key)" + yamlHint},
		},
	}
	base := string(read(t, "testdata/minimal.yaml"))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Count(base, tc.old) != 1 {
				t.Fatalf("%q is not once in minimal.yaml", tc.old)
			}
			expectDiags(t, "data/2024/punct.yaml", []byte(strings.Replace(base, tc.old, tc.new, 1)), tc.want...)
		})
	}
}

// TestChinesePunctuationInText checks that the punctuation of Chinese
// text is left alone, in every place where a text may have it.
func TestChinesePunctuationInText(t *testing.T) {
	base := string(read(t, "testdata/minimal.yaml"))
	for _, text := range []string{
		"  name: 昌吉州：电子政务办公室，综合科",
		"  name: {zh: 提升政民互动的时效性，增强政府工作的透明度公信力, en: More timely interaction}",
		"  name: {zh: 支出 604.13 万元，主要用于运行［一期］, en: Spending}",
		"  name: [昌吉州，电子政务办公室]",
		"  name: \"{zh：综合科，en: x}\"",
		"  name: '[total，604.13]'",
		"  name: 昌吉州电子政务办公室 # 其中：一般，［注］",
		"  name: >-\n    昌吉州电子政务办公室\n    GDP：增长，[total，1]\n    note：{x，y}",
		"  name: |\n    abc：1\n  short: 电子政务办",
	} {
		src := strings.Replace(base, "  name: 昌吉州电子政务办公室", text, 1)
		_, ds := File("data/2024/punct.yaml", []byte(src), Options{})
		for _, d := range ds {
			if strings.Contains(d.Message, "Chinese punctuation") {
				t.Errorf("%s\nreported: %s", text, d)
			}
		}
	}
	// A '：' that is not the problem is left alone: writing ':' there does
	// not help.
	src := strings.Replace(base, "  name: 昌吉州电子政务办公室", "  name: 昌吉州\n    GDP：增长\n short: x", 1)
	expectDiags(t, "data/2024/punct.yaml", []byte(src),
		"8:2: error: the YAML layout is broken near here (did not find expected key)"+yamlHint)
}

// TestSiteConfigChinesePunctuation checks site.yaml, which is read the
// same way.
func TestSiteConfigChinesePunctuation(t *testing.T) {
	_, ds := SiteConfig("site.yaml", []byte("title：{zh: 部门预算, en: Budgets}\nlanguages: [zh，en]\n"))
	want := []string{punctMsg("site.yaml:1:6", "："), punctMsg("site.yaml:2:15", "，")}
	if got := lines(ds); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestSyntaxErrorColumns checks the column of the YAML syntax errors that
// are about one character.
func TestSyntaxErrorColumns(t *testing.T) {
	base := string(read(t, "testdata/minimal.yaml"))
	for _, tc := range []struct{ old, new, want string }{
		{"unit: 万元", "unit: @万元", "3:7: error: the YAML layout is broken near here (found character that cannot start any token)"},
		{"unit: 万元", "unit: `万元`", "3:7: error: the YAML layout is broken near here (found character that cannot start any token)"},
		{"unit: 万元", `unit: "万\元"`, "3:9: error: the YAML layout is broken near here (found unknown escape character)"},
		{"unit: 万元", "unit: 万\x01元", "3:8: error: the YAML layout is broken near here (control characters are not allowed)"},
		{"kind: summary", "kind: - summary", "9:11: error: the YAML layout is broken near here (block sequence entries are not allowed in this context)"},
	} {
		src := strings.Replace(base, tc.old, tc.new, 1)
		expectDiags(t, "data/2024/syntax.yaml", []byte(src), tc.want+yamlHint)
	}
}

// FuzzChinesePunctuation starts from files with Chinese punctuation in
// every place the scan looks at.
func FuzzChinesePunctuation(f *testing.F) {
	for _, s := range []string{
		"a：1\nb: {zh：x，en: y｝\nc: [total，1］\nd: ［1, 2］ # ：，\n",
		"a: >-\n  x：y\n  [a，b]\nb: \"［，\nc：d\"\n- ｛a: 1，b: 2}\n",
		"a: [x,\n  y，\n  z］\nb: 'it''s，［'\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const path = "data/2024/fuzz.yaml"
		file, ds := File(path, src, Options{})
		if file == nil && !ds.HasErrors() {
			t.Fatal("no file and no error")
		}
		checkPositions(t, path, ds)
	})
}
