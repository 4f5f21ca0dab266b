package classify

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const codeHelp = `codes have 3 digits (类), 5 (款) or 7 (项), optionally written in groups like "201 03 50"`

func TestParseCode(t *testing.T) {
	accepted := []struct{ in, want string }{
		{"201", "201"},
		{"20103", "20103"},
		{"2010350", "2010350"},
		{"201 03 50", "2010350"},
		{"201-03-50", "2010350"},
		{"201 03", "20103"},
		{"  201  03  50 ", "2010350"},
		{"２０１ ０３ ５０", "2010350"},
		{"２０１　０３　５０", "2010350"},
		{"201－03", "20103"},
		{"201\t03", "20103"},
	}
	for _, tc := range accepted {
		got, err := ParseCode(tc.in)
		if err != nil || got != Code(tc.want) {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	rejected := []string{"", "2013", "20", "201035", "20103501", "201 3 50", "2010 3 50", "201--03", "-201", "201-", "20a", "201.03", "二〇一"}
	for _, in := range rejected {
		_, err := ParseCode(in)
		want := quote(in) + " is not a classification code: " + codeHelp
		if err == nil || err.Error() != want {
			t.Errorf("ParseCode(%q) error = %v; want %s", in, err, want)
		}
	}
}

func quote(s string) string { return `"` + s + `"` }

func TestCode(t *testing.T) {
	tests := []struct {
		code   Code
		level  int
		parent Code
		str    string
	}{
		{"201", 1, "", "201"},
		{"20103", 2, "201", "201 03"},
		{"2010350", 3, "20103", "201 03 50"},
		{"2010", 0, "", "2010"},
	}
	for _, tc := range tests {
		if got := tc.code.Level(); got != tc.level {
			t.Errorf("%q.Level() = %d; want %d", tc.code, got, tc.level)
		}
		if got := tc.code.Parent(); got != tc.parent {
			t.Errorf("%q.Parent() = %q; want %q", tc.code, got, tc.parent)
		}
		if got := tc.code.String(); got != tc.str {
			t.Errorf("%q.String() = %q; want %q", tc.code, got, tc.str)
		}
	}
}

func TestBundledDataParses(t *testing.T) {
	d := &Dictionary{}
	for _, name := range bundledFiles() {
		src, err := bundled.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if d, err = d.Extend(name, src); err != nil {
			t.Fatal(err)
		}
	}
	if Default() == nil {
		t.Fatal("Default() = nil")
	}
}

// TestBundledFilesDisjoint checks that no code is in two bundled files (a
// later file would silently replace the earlier one's names), and that each
// file of the functional classification holds the codes of its own 类.
func TestBundledFilesDisjoint(t *testing.T) {
	files := bundledFiles()
	if len(files) < 10 {
		t.Fatalf("only %d bundled files: %v", len(files), files)
	}
	first := map[Scheme]map[Code]string{}
	for _, name := range files {
		src, err := bundled.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := (&Dictionary{}).Extend(name, src)
		if err != nil {
			t.Fatal(err)
		}
		class := strings.TrimSuffix(filepath.Base(name), ".yaml")
		inFunction := strings.HasPrefix(name, "data/function/")
		for s, codes := range d.codes {
			if first[s] == nil {
				first[s] = map[Code]string{}
			}
			for c := range codes {
				if prev, dup := first[s][c]; dup {
					t.Errorf("%s %s is in both %s and %s", s, c, prev, name)
				}
				first[s][c] = name
				if inFunction && (s != Function || string(c[:3]) != class) {
					t.Errorf("%s holds %s %s; a file of the functional classification holds only its own 类", name, s, c)
				}
			}
		}
	}
}

func TestLookupByYear(t *testing.T) {
	tests := []struct {
		code string
		year int
		zh   string // "" when the code has no name that year
	}{
		{"210", 2018, "医疗卫生与计划生育支出"},
		{"210", 2019, "卫生健康支出"},
		{"210", 2024, "卫生健康支出"},
		{"207", 2018, "文化体育与传媒支出"},
		{"207", 2024, "文化旅游体育与传媒支出"},
		{"220", 2018, "国土海洋气象等支出"},
		{"220", 2024, "自然资源海洋气象等支出"},
		{"224", 2018, ""},
		{"224", 2024, "灾害防治及应急管理支出"},
		{"234", 2019, ""},
		{"234", 2024, "抗疫特别国债安排的支出"},
		{"201", 2024, "一般公共服务支出"},
		{"201 03 88", 2024, ""},
	}
	for _, tc := range tests {
		c, err := ParseCode(tc.code)
		if err != nil {
			t.Fatal(err)
		}
		name, ok := Default().Lookup(Function, c, tc.year)
		if name.ZH != tc.zh || ok != (tc.zh != "") {
			t.Errorf("Lookup(%s, %d) = %q, %v; want %q", tc.code, tc.year, name.ZH, ok, tc.zh)
		}
	}
	if name, _ := Default().Lookup(Function, "210", 2024); name.EN != "Health care" {
		t.Errorf("210 in 2024 is %q in English; want Health care", name.EN)
	}
	if _, ok := Default().Lookup(Economic, "210", 2024); ok {
		t.Error("210 found in the economic classification")
	}
}

func TestClasses(t *testing.T) {
	tests := []struct {
		scheme Scheme
		year   int
		want   []Code
	}{
		{Function, 2024, []Code{
			"201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
			"211", "212", "213", "214", "215", "216", "217", "219", "220", "221",
			"222", "223", "224", "227", "229", "230", "231", "232", "233", "234",
		}},
		{Economic, 2024, []Code{"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"}},
		{GovEconomic, 2024, []Code{
			"501", "502", "503", "504", "505", "506", "507", "508", "509", "510",
			"511", "512", "513", "514", "599",
		}},
		{Function, 2018, []Code{
			"201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
			"211", "212", "213", "214", "215", "216", "217", "219", "220", "221",
			"222", "223", "227", "229", "230", "231", "232", "233",
		}},
	}
	for _, tc := range tests {
		if got := Default().Classes(tc.scheme, tc.year); !slices.Equal(got, tc.want) {
			t.Errorf("Classes(%s, %d) = %v; want %v", tc.scheme, tc.year, got, tc.want)
		}
	}
}

// TestExampleCodes checks every code the example site uses, with its exact
// official Chinese name.
func TestExampleCodes(t *testing.T) {
	tests := []struct {
		scheme Scheme
		code   string
		zh     string
	}{
		{Function, "201 03", "政府办公厅（室）及相关机构事务"},
		{Function, "201 03 01", "行政运行"},
		{Function, "201 03 02", "一般行政管理事务"},
		{Function, "201 03 03", "机关服务"},
		{Function, "201 03 50", "事业运行"},
		{Function, "201 03 99", "其他政府办公厅（室）及相关机构事务支出"},
		{Function, "208 05", "行政事业单位养老支出"},
		{Function, "208 05 01", "行政单位离退休"},
		{Function, "208 05 02", "事业单位离退休"},
		{Function, "208 05 05", "机关事业单位基本养老保险缴费支出"},
		{Function, "208 05 06", "机关事业单位职业年金缴费支出"},
		{Function, "208 05 99", "其他行政事业单位养老支出"},
		{Function, "210 11", "行政事业单位医疗"},
		{Function, "210 11 01", "行政单位医疗"},
		{Function, "210 11 02", "事业单位医疗"},
		{Function, "210 11 03", "公务员医疗补助"},
		{Function, "210 11 99", "其他行政事业单位医疗支出"},
		{Function, "221 02", "住房改革支出"},
		{Function, "221 02 01", "住房公积金"},
		{Function, "221 02 02", "提租补贴"},
		{Function, "221 02 03", "购房补贴"},
		{Economic, "301", "工资福利支出"},
		{Economic, "301 01", "基本工资"},
		{Economic, "301 02", "津贴补贴"},
		{Economic, "301 03", "奖金"},
		{Economic, "301 06", "伙食补助费"},
		{Economic, "301 07", "绩效工资"},
		{Economic, "301 08", "机关事业单位基本养老保险缴费"},
		{Economic, "301 09", "职业年金缴费"},
		{Economic, "301 10", "职工基本医疗保险缴费"},
		{Economic, "301 11", "公务员医疗补助缴费"},
		{Economic, "301 12", "其他社会保障缴费"},
		{Economic, "301 13", "住房公积金"},
		{Economic, "301 14", "医疗费"},
		{Economic, "301 99", "其他工资福利支出"},
		{Economic, "302", "商品和服务支出"},
		{Economic, "302 01", "办公费"},
		{Economic, "302 02", "印刷费"},
		{Economic, "302 03", "咨询费"},
		{Economic, "302 04", "手续费"},
		{Economic, "302 05", "水费"},
		{Economic, "302 06", "电费"},
		{Economic, "302 07", "邮电费"},
		{Economic, "302 08", "取暖费"},
		{Economic, "302 09", "物业管理费"},
		{Economic, "302 11", "差旅费"},
		{Economic, "302 12", "因公出国（境）费用"},
		{Economic, "302 13", "维修（护）费"},
		{Economic, "302 14", "租赁费"},
		{Economic, "302 15", "会议费"},
		{Economic, "302 16", "培训费"},
		{Economic, "302 17", "公务接待费"},
		{Economic, "302 18", "专用材料费"},
		{Economic, "302 24", "被装购置费"},
		{Economic, "302 25", "专用燃料费"},
		{Economic, "302 26", "劳务费"},
		{Economic, "302 27", "委托业务费"},
		{Economic, "302 28", "工会经费"},
		{Economic, "302 29", "福利费"},
		{Economic, "302 31", "公务用车运行维护费"},
		{Economic, "302 39", "其他交通费用"},
		{Economic, "302 40", "税金及附加费用"},
		{Economic, "302 99", "其他商品和服务支出"},
		{Economic, "303", "对个人和家庭的补助"},
		{Economic, "303 01", "离休费"},
		{Economic, "303 02", "退休费"},
		{Economic, "303 03", "退职（役）费"},
		{Economic, "303 04", "抚恤金"},
		{Economic, "303 05", "生活补助"},
		{Economic, "303 06", "救济费"},
		{Economic, "303 07", "医疗费补助"},
		{Economic, "303 08", "助学金"},
		{Economic, "303 09", "奖励金"},
		{Economic, "303 99", "其他对个人和家庭的补助"},
		{Economic, "307", "债务利息及费用支出"},
		{Economic, "309", "资本性支出（基本建设）"},
		{Economic, "310", "资本性支出"},
		{Economic, "310 02", "办公设备购置"},
		{Economic, "310 03", "专用设备购置"},
		{Economic, "310 07", "信息网络及软件购置更新"},
		{Economic, "310 13", "公务用车购置"},
		{Economic, "310 99", "其他资本性支出"},
		{Economic, "311", "对企业补助（基本建设）"},
		{Economic, "312", "对企业补助"},
		{Economic, "313", "对社会保障基金补助"},
		{Economic, "399", "其他支出"},
	}
	for _, tc := range tests {
		c, err := ParseCode(tc.code)
		if err != nil {
			t.Fatal(err)
		}
		name, ok := Default().Lookup(tc.scheme, c, 2024)
		if !ok || name.ZH != tc.zh || name.EN == "" {
			t.Errorf("Lookup(%s, %s, 2024) = %+v, %v; want %s with an English name", tc.scheme, tc.code, name, ok, tc.zh)
		}
	}
}

// TestParents checks that in every year a bundled code has a name, so has
// its parent: tables group 项 under 款 under 类.
func TestParents(t *testing.T) {
	d := Default()
	for s, codes := range d.codes {
		for c := range codes {
			if c.Level() == 0 {
				t.Errorf("%s: %q is not canonical", s, c)
			}
			for year := 2010; year <= 2030; year++ {
				if _, ok := d.Lookup(s, c, year); !ok || c.Parent() == "" {
					continue
				}
				if _, ok := d.Lookup(s, c.Parent(), year); !ok {
					t.Errorf("%s %s has a name in %d but its parent %s has none", s, c, year, c.Parent())
				}
			}
		}
	}
}

func TestExtend(t *testing.T) {
	src, err := os.ReadFile("testdata/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Default().Extend("site.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		d      *Dictionary
		scheme Scheme
		code   Code
		want   Name // zero when absent
	}{
		{d, Function, "2010350", Name{"事业运行", "Public institution operations"}},
		{d, Function, "2010377", Name{"信息化建设", "Digital government"}},
		{d, Function, "2050101", Name{"行政运行", "Administrative operations"}},
		{d, Economic, "31302", Name{"对社会保险基金补助", "Subsidies to social insurance funds"}},
		{d, Function, "210", Name{"卫生健康支出", "Health care"}},
		{d, GovEconomic, "50201", Name{"办公经费", "Office costs"}},
		{d, GovEconomic, "51305", Name{"安排预算稳定调节基金", "Budget stabilisation fund"}},
		{d, Economic, "50201", Name{}},
		{Default(), GovEconomic, "50201", Name{"办公经费", "Office running costs"}},
		{Default(), Economic, "50201", Name{}},
		{Default(), GovEconomic, "30201", Name{}},
		{Default(), Function, "2010350", Name{"事业运行", "Operations of public institutions"}},
		{Default(), Function, "2010377", Name{}},
	}
	for _, tc := range tests {
		got, ok := tc.d.Lookup(tc.scheme, tc.code, 2024)
		if got != tc.want || ok != (tc.want != Name{}) {
			t.Errorf("Lookup(%s, %s) = %+v, %v; want %+v", tc.scheme, tc.code, got, ok, tc.want)
		}
	}
}

// yamlHint ends the message of a broken YAML layout, as for every YAML
// file of a site (internal/yamlsrc).
const yamlHint = "; check the indentation, that each \"key: value\" has a space after the colon, and that values starting with > | [ { or a quote are put in quotes"

func TestExtendErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"syntax-flow.yaml", "syntax-flow.yaml:3:3: the YAML layout is broken near here (did not find expected ',' or '}')" + yamlHint},
		{"syntax-block.yaml", "syntax-block.yaml:3:3: the YAML layout is broken near here (did not find expected key)" + yamlHint},
		{"syntax-scanner.yaml", "syntax-scanner.yaml:3:3: the YAML layout is broken near here (mapping values are not allowed in this context)" + yamlHint},
		{"syntax-first-line.yaml", "syntax-first-line.yaml:1:1: the YAML layout is broken near here (did not find expected ',' or '}')" + yamlHint},
		{"unknown-section.yaml", `unknown-section.yaml:1:1: unknown section "functions": expected "function", "economic" or "gov-economic"`},
		{"not-sections.yaml", `not-sections.yaml:1:1: expected the sections "function:", "economic:" or "gov-economic:"`},
		{"duplicate-gov-section.yaml", `duplicate-gov-section.yaml:3:1: section "gov-economic" appears twice`},
		{"gov-no-parent.yaml", "gov-no-parent.yaml:2:3: 515 01: its parent 515 is not in the dictionary; add the parent too"},
		{"duplicate-section.yaml", `duplicate-section.yaml:4:1: section "function" appears twice`},
		{"bad-code.yaml", `bad-code.yaml:2:3: "2013" is not a classification code: ` + codeHelp},
		{"duplicate-code.yaml", `duplicate-code.yaml:3:3: 201 03 77 appears twice in section "function" (first at line 2)`},
		{"scalar-name.yaml", "scalar-name.yaml:2:14: 201 03 77: expected a name like {zh: 行政运行, en: Administrative operations}, or a list of them"},
		{"empty-list.yaml", "empty-list.yaml:2:14: 201 03 77: the list of names is empty"},
		{"missing-zh.yaml", "missing-zh.yaml:2:14: 201 03 77: missing zh, the Chinese name"},
		{"zh-list.yaml", "zh-list.yaml:2:19: 201 03 77: zh must be a single value"},
		{"unknown-key.yaml", `unknown-key.yaml:4:5: 201 03 77: unknown key "name": expected zh, en, from or until`},
		{"duplicate-key.yaml", "duplicate-key.yaml:2:26: 201 03 77: zh is given twice"},
		{"bad-year.yaml", `bad-year.yaml:2:32: 201 03 77: from must be a year like 2019, not "19"`},
		{"year-order.yaml", "year-order.yaml:2:14: 201 03 77: from 2020 is later than until 2019"},
		{"overlap.yaml", "overlap.yaml:4:7: 210: two names apply to the same year; separate them with from and until"},
		{"no-parent.yaml", "no-parent.yaml:2:3: 201 77 01: its parent 201 77 is not in the dictionary; add the parent too"},
		{"alias.yaml", "alias.yaml:2:14: anchors and aliases (& and *) are not supported here; write the value out"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "errors", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Default().Extend(tc.file, src)
			var e *Error
			if !errors.As(err, &e) || d != nil {
				t.Fatalf("Extend = %v, %v; want an *Error", d, err)
			}
			if err.Error() != tc.want {
				t.Errorf("error:\n got %s\nwant %s", err, tc.want)
			}
		})
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"201", "201 03 50", "201-03-50", "２０１　０３", "2013", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			return
		}
		if c.Level() == 0 {
			t.Fatalf("ParseCode(%q) = %q, which has no level", s, c)
		}
		if again, err := ParseCode(c.String()); err != nil || again != c {
			t.Fatalf("ParseCode(%q) = %q, but its display form %q reads back as %q, %v", s, c, c.String(), again, err)
		}
	})
}

func FuzzExtend(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	files = append(files, "testdata/site.yaml")
	files = append(files, bundledFiles()...)
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Default().Extend("f.yaml", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != "f.yaml" {
				t.Fatalf("Extend error %v is not an *Error for f.yaml", err)
			}
			return
		}
		for _, s := range Schemes() {
			d.Classes(s, 2024)
		}
	})
}
