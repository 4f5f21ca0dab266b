package load

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"budgetpress/internal/amount"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

const example = "../../data/2024/changji-egov.yaml"

// yamlHint ends every message about broken YAML layout.
const yamlHint = `; check the indentation, that each "key: value" has a space after the colon, ` +
	`and that values starting with > | [ { or a quote are put in quotes`

const saveAsUTF8 = `; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; ` +
	`in WPS or VS Code: "Save with Encoding" > UTF-8)`

// lines returns the diagnostics as the command line prints them, in the
// order it prints them.
func lines(ds diag.List) []string {
	ds = append(diag.List(nil), ds...)
	ds.Sort()
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// expectDiags loads src as the department file at path and checks that it
// reports exactly the diagnostics want, each written without the leading
// "path:".
func expectDiags(t *testing.T, path string, src []byte, want ...string) *model.File {
	t.Helper()
	f, ds := File(path, src, Options{})
	got := lines(ds)
	want = append([]string(nil), want...)
	for i := range want {
		want[i] = path + ":" + want[i]
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics of %s:\n got:\n\t%s\nwant:\n\t%s", path, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	return f
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestFileErrors(t *testing.T) {
	tests := []struct {
		name string // testdata/errors/<name>.yaml, loaded as data/2024/<name>.yaml
		want []string
	}{
		// Keys.
		{"unknown-top-key", []string{`5:1: error: unknown key "projcts" in a department file; did you mean "projects"? ` +
			`(allowed: accept, assets, department, glossary, operating_costs, performance, prior, procurement, projects, published, tables, template, type, unit)`}},
		{"unknown-table-key", []string{`8:5: error: unknown key "titel" in a table; did you mean "title"? ` +
			`(allowed: empty, expenditure, income, kind, no, rows, title)`}},
		{"unknown-project-key", []string{
			`6:5: error: a project is missing "function" (the functional classification 项 it is paid from, like 201 03 99)`,
			`8:5: error: unknown key "fucntion" in a project; did you mean "function"? ` +
				`(allowed: allocation, amount, basis, from, function, id, name, owner, source, to)`}},
		{"unknown-indicator-key", []string{
			`16:13: error: an indicator is missing "weight" (分值权重)`,
			`16:44: error: unknown key "wieght" in an indicator; did you mean "weight"? ` +
				`(allowed: basis, evidence, name, prior, scoring, target, weight)`}},
		{"flow-comma", []string{`16:72: error: unknown key "原始凭证" in an indicator ` +
			`(allowed: basis, evidence, name, prior, scoring, target, weight); ` +
			`if it is part of the value before it, that value contains a comma: put it in quotes`}},
		{"duplicate-key", []string{
			`5:3: error: "name" appears twice in department; keep only one`,
			`11:1: error: "unit" appears twice in a department file; keep only one`}},
		{"missing-keys", []string{
			`2:1: error: a department file is missing "unit" (the unit of all amounts: 万元 or 元)`,
			`2:1: error: a department file is missing "department" (names, functions, units and staff)`,
			`2:1: error: a department file is missing "tables" (the published tables, in order)`}},

		// Values of the wrong kind.
		{"list-for-number", []string{
			`5:26: error: authorized should be a single value, but here is a list`,
			`11:18: error: operating_costs (机关运行经费) should be a single value, but here is a list`}},
		{"mapping-for-text", []string{`5:31: error: phone should be a single value, but here is a group of "key: value" lines`}},
		{"language-tag", []string{
			`4:9: error: department name has no Chinese text: add a "zh:" line`,
			`4:10: error: unknown key "cn" in department name; did you mean "zh"? (allowed: en, zh)`}},
		{"bad-unit", []string{
			`1:7: error: type is "budgte"; write budget (部门预算) or final (部门决算)`,
			`2:7: error: unit is "千元"; amounts are published in 万元 or 元`}},
		{"bad-numbers", []string{
			`5:26: error: authorized should be a whole number, but here is "三十"`,
			`12:17: error: 1,028.96 is read as two amounts, 1 and 028.96, because inside [ ] a comma separates cells; ` +
				`write 1028.96 or "1,028.96" (or, if they are two amounts, put a space after the comma)`,
			`13:21: error: general_vehicles is [count, value], like [1, 28.96]`,
			`15:21: error: 2,007.84 is read as 2 followed by a key 007.84, because inside { } a comma separates entries; ` +
				`write 2007.84 or "2,007.84"`,
			`17:5: error: 201 03 98 is not in the 2024 national functional classification (支出功能分类科目); ` +
				`check the code against the published table. If it is printed so, write its name as printed after it, ` +
				`like [201 03 98 名称, …], and it is kept with a warning; a code your province adds for good goes in data/classification.yaml`}},
		{"bad-date", []string{
			`2:12: error: published: 2024-02-30 is not a day of the calendar; check the month and the day`,
			`15:11: error: from: "2024/01/01" is not a date: write it as YYYY-MM-DD, like 2024-02-23`}},

		// Tables and rows.
		{"bad-amount", []string{
			`9:15: error: amount: "5OO.80" is not an amount: it may contain only digits, a decimal point and thousands separators`,
			`10:15: error: amount: "54.5.0" is not an amount: only digits may follow the decimal point`}},
		{"comma-in-row", []string{`9:17: error: 1,403.71 is read as two amounts, 1 and 403.71, because inside [ ] ` +
			`a comma separates cells; write 1403.71 or "1,403.71" (or, if they are two amounts, put a space after the comma)`}},
		{"too-many-cells", []string{`9:39: error: this row of table 3 has 4 amounts, but the table has 3 columns (合计, 基本支出, 项目支出)`}},
		{"unknown-code", []string{
			`9:10: error: 299 is not in the 2024 national functional classification (支出功能分类科目); ` +
				`check the code against the published table, or add a code your province uses to data/classification.yaml`,
			`10:10: error: "2013" is not a classification code: ` +
				`codes have 3 digits (类), 5 (款) or 7 (项), optionally written in groups like "201 03 50"`,
			`14:10: error: 201 is not in the 2024 national economic classification (支出经济分类科目); ` +
				`check the code against the published table, or add a code your province uses to data/classification.yaml`}},
		{"unknown-item", []string{`9:10: error: table 1 income has no row "genral"; did you mean "general"? ` +
			`(allowed: carryover, carryover.fiscal, carryover.fiscal.fund, carryover.fiscal.general, carryover.fiscal.soe, ` +
			`carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, current, fund, fund.own, fund.transfer, ` +
			`general, general.own, general.transfer, soe, soe.own, soe.transfer, special, total, unit, unit.affiliated, ` +
			`unit.business, unit.grant, unit.operating, unit.other)`}},
		{"unknown-kind", []string{`7:11: error: unknown table kind "sumary"; did you mean "summary"? ` +
			`(allowed: carryover, expenditure, fiscal, fund, general, general-basic, general-project, income, procurement, soe, summary, three-public)`}},
		{"wrong-part", []string{`8:5: error: a summary table has no "rows"; its rows go under income and expenditure`}},
		{"duplicate-table", []string{`10:9: error: two tables are numbered 1`}},
		{"duplicate-row", []string{`10:10: error: table 3 has two rows for 201 03; keep one`}},
		{"empty-row-key", []string{`9:10: error: the first cell of a row of table 7 is empty; write the code, item or project id of the row there`}},

		// Projects and performance targets.
		{"unknown-project-row", []string{`15:10: error: "cloud-opz" is not one of the projects; did you mean "cloud-ops"? (allowed: cloud-ops)`}},
		{"no-projects", []string{`9:10: error: "cloud-ops" is not a project: list the projects under "projects:" and refer to them by id`}},
		{"unknown-performance-project", []string{`17:16: error: "crypto-ops" is not one of the projects (allowed: cloud-ops)`}},
		{"bad-allocation", []string{
			`11:18: error: 1,040 is read as two amounts, 1 and 040, because inside [ ] a comma separates cells; ` +
				`write 1040 or "1,040" (or, if they are two amounts, put a space after the comma)`,
			`12:9: error: an allocation line is [economic code, amount], like [302 06, 40]`,
			`13:10: error: 201 03 is not in the 2024 national economic classification (支出经济分类科目), nor is its 类 201; ` +
				`check the code against the published table, or add a code your province uses to data/classification.yaml`}},
		{"unknown-level", []string{`14:7: error: "产出指数" is not a standard indicator level; did you mean "产出指标"? ` +
			`(allowed: 产出指标, 可持续影响指标, 履职效能, 成本指标, 效益指标, 数量指标, 时效指标, 服务对象满意度指标, 满意度指标, ` +
			`生态效益指标, 生态环境成本指标, 社会成本指标, 社会效应, 社会效益指标, 管理效率, 经济成本指标, 经济效益指标, 质量指标, 运行成本)`}},
		{"bad-target", []string{`16:38: error: target: "≥" has a comparison but no number after it, like ≥90%`}},

		// The file as a whole.
		{"tab-indent", []string{`4:1: error: a tab is used for indentation; YAML needs spaces (replace the tab with spaces)`}},
		{"syntax-flow", []string{`9:7: error: the YAML layout is broken near here (did not find expected ',' or ']')` + yamlHint}},
		{"syntax-first-line", []string{`1:1: error: the YAML layout is broken near here (did not find expected ',' or ']')` + yamlHint}},
		{"syntax-indent", []string{`5:2: error: the YAML layout is broken near here (did not find expected key)` + yamlHint}},
		{"syntax-deep-indent", []string{`9:4: error: the YAML layout is broken near here (did not find expected key)` + yamlHint}},
		{"syntax-colon", []string{`5:3: error: the YAML layout is broken near here (mapping values are not allowed in this context)` + yamlHint}},
		{"syntax-quote", []string{`5:3: error: the YAML layout is broken near here (found unexpected end of stream)` + yamlHint}},
		{"second-document", []string{`10:1: error: a second document starts here (after "---"); a file holds one department-year`}},
		{"second-document-broken", []string{`11:1: error: the YAML layout is broken near here (did not find expected ',' or ']')` + yamlHint}},
		{"alias", []string{`4:9: error: anchors and aliases (& and *) are not supported here; write the value out`}},
		{"empty", []string{`1:1: error: this file is empty`}},
		{"comments-only", []string{`1:1: error: this file is empty`}},
		{"not-a-mapping", []string{`1:1: error: a department file should be a group of "key: value" lines, but here is a list`}},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.name+".yaml"] = true
		t.Run(tc.name, func(t *testing.T) {
			src := read(t, filepath.Join("testdata", "errors", tc.name+".yaml"))
			expectDiags(t, "data/2024/"+tc.name+".yaml", src, tc.want...)
		})
	}
	files, _ := filepath.Glob("testdata/errors/*.yaml")
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s has no test case", f)
		}
	}
}

// TestSyntaxLineInLongFile breaks the indentation of one line near the end
// of the real example, far from where the enclosing mapping starts.
func TestSyntaxLineInLongFile(t *testing.T) {
	src := read(t, example)
	const good, bad = "\n  operating_costs: 12.87", "\n operating_costs: 12.87"
	i := bytes.Index(src, []byte(good))
	if i < 0 {
		t.Fatalf("%q is no longer in the example", good)
	}
	line := bytes.Count(src[:i+1], []byte("\n")) + 1
	expectDiags(t, "data/2024/changji-egov.yaml", bytes.Replace(src, []byte(good), []byte(bad), 1),
		strconv.Itoa(line)+":2: error: the YAML layout is broken near here (did not find expected key)"+yamlHint)
}

// TestThousandsSeparators checks the ways to write 1,403.71 that work.
func TestThousandsSeparators(t *testing.T) {
	src := strings.Replace(string(read(t, "testdata/minimal.yaml")), "      - [total, 604.13]\n",
		"      - [total, \"1,403.71\"]\n  - no: 2\n    kind: income\n    rows:\n      - [total, 1403.71, \"1,403.71\", 1, 403.71]\n", 1)
	src += "operating_costs: 1,403.71\nprocurement: {total: \"1,403.71\"}\n"
	f := expectDiags(t, "data/2024/separators.yaml", []byte(src))
	cells := []amount.Amount{f.Tables[0].Parts["income"][0].Cell(0).Value, f.OperatingCosts.Amount, f.Procurement.Total.Amount}
	for _, c := range f.Tables[1].Parts["rows"][0].Cells {
		cells = append(cells, c.Value)
	}
	var got []string
	for _, c := range cells {
		got = append(got, c.String())
	}
	if want := []string{"1403.71", "1403.71", "1403.71", "1403.71", "1403.71", "1", "403.71"}; !reflect.DeepEqual(got, want) {
		t.Errorf("amounts %v; want %v", got, want)
	}
}

// TestFilePath checks what the loader takes from the path: the year from
// the folder and the department id from the file name.
func TestFilePath(t *testing.T) {
	src := read(t, "testdata/minimal.yaml")
	f := expectDiags(t, "data/2024/changji-egov.yaml", src)
	if f == nil || f.Year != 2024 || f.ID != "changji-egov" {
		t.Fatalf("File = %+v; want year 2024 and id changji-egov", f)
	}
	expectDiags(t, "data/2024/Changji_EGov.yaml", src,
		`1:1: error: the file name "Changji_EGov.yaml" becomes the page address, so it may use only lower-case letters, digits and hyphens (like changji-egov.yaml)`)
	expectDiags(t, "data/2024/昌吉州.yaml", src,
		`1:1: error: the file name "昌吉州.yaml" becomes the page address, so it may use only lower-case letters, digits and hyphens (like changji-egov.yaml)`)
	expectDiags(t, "data/2024/compare.yaml", src,
		`1:1: error: the file name "compare.yaml" would give the department the address of the year's comparison of all departments (2024/compare/); rename the file, like compare-office.yaml`)
	expectDiags(t, "data/changji-egov.yaml", src,
		`1:1: error: department files live in a folder named after their year, like data/2024/changji-egov.yaml`)
	expectDiags(t, "data/24/changji-egov.yaml", src,
		`1:1: error: department files live in a folder named after their year, like data/2024/changji-egov.yaml`)
}

func TestEncodings(t *testing.T) {
	const text = "published: 2024-02-23\ndepartment:\n  name: 昌吉州电子政务办公室\nunit: 万元\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	// The first byte that is not UTF-8 is the first byte of 昌, line 3 column 9.
	expectDiags(t, "data/2024/gbk.yaml", gbk,
		"3:9: error: this file is saved in GBK (the default of Chinese Windows), not UTF-8"+saveAsUTF8)

	latin1 := []byte("unit: 万元\n# caf\xe9\n")
	expectDiags(t, "data/2024/latin1.yaml", latin1, "2:6: error: this file is not UTF-8 text"+saveAsUTF8)

	const utf16Msg = "1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)"
	le, be, bare := []byte{0xFF, 0xFE}, []byte{0xFE, 0xFF}, []byte{}
	for _, u := range utf16.Encode([]rune(text)) {
		le = append(le, byte(u), byte(u>>8))
		be = append(be, byte(u>>8), byte(u))
		bare = append(bare, byte(u), byte(u>>8))
	}
	expectDiags(t, "data/2024/utf16le.yaml", le, utf16Msg)
	expectDiags(t, "data/2024/utf16be.yaml", be, utf16Msg)
	expectDiags(t, "data/2024/utf16.yaml", bare, utf16Msg)
}

// TestBOMAndLineEnds checks that a UTF-8 byte-order mark and Windows line
// ends, which Notepad writes, change nothing.
func TestBOMAndLineEnds(t *testing.T) {
	src := read(t, example)
	const path = "data/2024/changji-egov.yaml"
	plain := expectDiags(t, path, src)
	withBOM := expectDiags(t, path, append([]byte("\uFEFF"), src...))
	if !reflect.DeepEqual(plain, withBOM) {
		t.Error("the file with a byte-order mark loads differently")
	}
	crlf := expectDiags(t, path, bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n")))
	if !reflect.DeepEqual(plain, crlf) {
		t.Error("the file with CRLF line ends loads differently")
	}
	// Positions count from after the mark: the error is at 1:1, not 1:2.
	expectDiags(t, "data/2024/bom.yaml", []byte("\uFEFFunti: 万元\n"),
		`1:1: error: unknown key "unti" in a department file; did you mean "unit"? `+
			`(allowed: accept, assets, department, glossary, operating_costs, performance, prior, procurement, projects, published, tables, template, type, unit)`,
		`1:1: error: a department file is missing "unit" (the unit of all amounts: 万元 or 元)`,
		`1:1: error: a department file is missing "published" (the publication date, YYYY-MM-DD)`,
		`1:1: error: a department file is missing "department" (names, functions, units and staff)`,
		`1:1: error: a department file is missing "tables" (the published tables, in order)`)
}

// TestExample loads the real example and checks facts taken from the
// published document.
func TestExample(t *testing.T) {
	f := expectDiags(t, "data/2024/changji-egov.yaml", read(t, example))
	if f == nil {
		t.Fatal("no file")
	}
	if f.Year != 2024 || f.ID != "changji-egov" || f.Unit != "万元" || f.Type != "budget" {
		t.Errorf("year %d, id %s, unit %s, type %s; want 2024, changji-egov, 万元, budget", f.Year, f.ID, f.Unit, f.Type)
	}
	if f.Published.String() != "2024-02-23" {
		t.Errorf("published %s; want 2024-02-23", f.Published)
	}
	if got := f.Department.Name.ZH(); got != "昌吉回族自治州人民政府电子政务办公室" {
		t.Errorf("department name %q", got)
	}
	if s := f.Department.Staffing; s.Authorized != 30 || s.Actual != 23 || s.Active.Count != 22 || s.Active.Change != 14 {
		t.Errorf("staffing %+v; want 30 authorized, 23 actual, 22 active (+14)", s)
	}
	kinds := []string{"summary", "income", "expenditure", "fiscal", "general", "general-basic",
		"general-project", "fund", "soe", "three-public", "carryover"}
	if len(f.Tables) != len(kinds) {
		t.Fatalf("%d tables; want %d", len(f.Tables), len(kinds))
	}
	for i, tb := range f.Tables {
		if want := strconv.Itoa(i + 1); tb.No != want || tb.Kind.ID != kinds[i] {
			t.Errorf("table %d is no %s, kind %s; want no %s, kind %s", i, tb.No, tb.Kind.ID, want, kinds[i])
		}
	}
	var ids []string
	for _, p := range f.Projects {
		ids = append(ids, p.ID)
	}
	if want := []string{"cloud-ops", "media-security", "web-security-audit", "crypto-ops"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("projects %v; want %v", ids, want)
	}
	p := f.Project("cloud-ops")
	if p == nil || p.Amount.String() != "140.00" || p.Function.String() != "201 03 99" || len(p.Allocation) != 6 {
		t.Fatalf("cloud-ops = %+v", p)
	}
	if a := p.Allocation[0]; a.Code.String() != "302 06" || !a.Amount.Equal(amount.MustParse("40")) {
		t.Errorf("first allocation of cloud-ops is %s %s; want 302 06 40", a.Code, a.Amount)
	}
	// Table 7 refers to projects by id; the loader gives those rows the
	// project's functional code.
	for _, row := range f.Table("general-project").Parts["rows"] {
		if row.Project != "" && row.Code.String() != "201 03 99" {
			t.Errorf("row %s of table 7 has code %q; want 201 03 99", row.Key, row.Code)
		}
	}
	if rows := f.Table("summary").Parts["expenditure"]; len(rows) != 5 || rows[0].Cell(0).Value.String() != "500.80" {
		t.Errorf("table 1 expenditure starts %v; want 201 500.80", rows)
	}
	if got := f.Assets.Other.Grouped(); got != "5,938.51" {
		t.Errorf("other assets %s; want 5,938.51", got)
	}
	if got := f.Prior.Income["general"].String(); got != "2007.84" {
		t.Errorf("prior general income %s; want 2007.84", got)
	}
	if n := len(f.Performance.Projects); n != 4 || f.Performance.Overall == nil || len(f.Performance.Overall.Indicators) != 7 {
		t.Errorf("performance: %d project tables, overall %+v", n, f.Performance.Overall)
	}
}

func TestSiteConfig(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"languages-en-first", "languages: [en, zh]\n",
			[]string{`site.yaml:1:12: error: languages must start with zh (Chinese is the language of the published document), like [zh, en]`}},
		{"languages-empty", "languages: []\n",
			[]string{`site.yaml:1:12: error: languages must start with zh (Chinese is the language of the published document), like [zh, en]`}},
		{"tolerance-negative", "check:\n  tolerance: -0.05\n",
			[]string{`site.yaml:2:14: error: tolerance is auto, or an amount such as 0.05 in the unit of each file`}},
		{"tolerance-word", "check:\n  tolerance: half\n",
			[]string{`site.yaml:2:14: error: tolerance is auto, or an amount such as 0.05 in the unit of each file`}},
		{"unknown-key", "check:\n  tolerence: auto\n",
			[]string{`site.yaml:2:3: error: unknown key "tolerence" in check; did you mean "tolerance"? ` +
				`(allowed: indicator_weights, tolerance)`}},
		{"weights", "check:\n  indicator_weights: 90%\n",
			[]string{`site.yaml:2:22: error: indicator_weights should be a whole number, but here is "90%"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := SiteConfig("site.yaml", []byte(tc.src))
			if got := lines(ds); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
	cfg, ds := SiteConfig("site.yaml", read(t, "../../site.yaml"))
	if len(ds) != 0 || !reflect.DeepEqual(cfg.Languages, []string{"zh", "en"}) || cfg.Tolerance != nil || cfg.IndicatorWeights != 90 {
		t.Errorf("site.yaml: %+v, %v", cfg, ds)
	}
	cfg, _ = SiteConfig("site.yaml", []byte("check: {tolerance: 0.05}\n"))
	if cfg.Tolerance == nil || cfg.Tolerance.String() != "0.05" {
		t.Errorf("tolerance 0.05 read as %v", cfg.Tolerance)
	}
}

// TestReadSite checks that a whole site loads with paths relative to it.
func TestReadSite(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, src []byte) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", []byte("languages: [zh, en]\n"))
	write("data/2024/changji-egov.yaml", read(t, example))
	write("data/2024/broken.yaml", read(t, "testdata/errors/bad-unit.yaml"))
	s, ds := ReadSite(dir)
	want := []string{
		`data/2024/broken.yaml:1:7: error: type is "budgte"; write budget (部门预算) or final (部门决算)`,
		`data/2024/broken.yaml:2:7: error: unit is "千元"; amounts are published in 万元 or 元`,
	}
	if got := lines(ds); !reflect.DeepEqual(got, want) {
		t.Errorf("got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if len(s.Files) != 2 || s.Files[1].ID != "changji-egov" {
		t.Errorf("files %v", s.Files)
	}
}

func FuzzFile(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	files = append(files, "testdata/minimal.yaml", example, "../../site.yaml")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		const path = "data/2024/fuzz.yaml"
		file, ds := File(path, src, Options{})
		if file == nil && !ds.HasErrors() {
			t.Fatal("no file and no error")
		}
		checkPositions(t, path, ds)
		cfg, ds := SiteConfig("site.yaml", src)
		if cfg == nil && !ds.HasErrors() {
			t.Fatal("no site configuration and no error")
		}
		checkPositions(t, "site.yaml", ds)
	})
}

// checkPositions checks that every diagnostic points into file.
func checkPositions(t *testing.T, file string, ds diag.List) {
	for _, d := range ds {
		if d.Pos.File != file || d.Pos.Line < 1 || d.Pos.Col < 0 || d.Message == "" {
			t.Fatalf("diagnostic without a position: %q", d)
		}
	}
}
