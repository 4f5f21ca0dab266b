package opendata_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/xuri/excelize/v2"

	"budgetpress/internal/build"
	"budgetpress/internal/i18n"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/opendata"
	"budgetpress/internal/render"
	"budgetpress/internal/testsite"
)

// built is a site built once for the tests: its folder, its output and
// its loaded files.
type built struct {
	dir, out string
	files    []*model.File
	tree     map[string][]byte
}

var (
	sitesOnce sync.Once
	sites     map[string]*built
	sitesErr  string
)

// allSites builds the example site and every corpus site.
func allSites(t *testing.T) map[string]*built {
	t.Helper()
	sitesOnce.Do(func() {
		sites = map[string]*built{}
		tmp, err := os.MkdirTemp("", "opendata-test-")
		if err != nil {
			sitesErr = err.Error()
			return
		}
		dirs := map[string]string{"example": "../.."}
		corpus, _ := filepath.Glob("../../testdata/corpus/*")
		for _, c := range corpus {
			dirs[filepath.Base(c)] = c
		}
		for name, dir := range dirs {
			out := filepath.Join(tmp, name)
			res := build.Run(build.Options{Dir: dir, Out: out})
			if res.Diags.HasErrors() {
				var b bytes.Buffer
				res.Diags.Print(&b)
				sitesErr = name + ": " + b.String()
				return
			}
			s, _ := load.ReadSite(dir)
			sites[name] = &built{dir: dir, out: out, files: s.Files, tree: tree(out)}
		}
	})
	if sitesErr != "" {
		t.Fatal(sitesErr)
	}
	return sites
}

func tree(root string) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(rel)], _ = os.ReadFile(p)
		}
		return nil
	})
	return out
}

// pageDir is the folder of a department-year's page in lang.
func pageDir(lang string, f *model.File) string {
	d := strconv.Itoa(f.Year) + "/" + f.ID
	if lang != "zh" {
		d = lang + "/" + d
	}
	return d
}

// figures lists the non-empty figures of a model table as a page in
// lang states them, sorted.
func figures(f *model.File, tb *model.Table, lang string) []string {
	m := i18n.ForFile(lang, f.Unit)
	var out []string
	for _, rows := range tb.Parts {
		for _, r := range rows {
			for _, c := range r.Cells {
				if !c.Empty {
					out = append(out, m.Value(c.Value).String())
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

var decimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// TestTableCSVHasEveryFigure reads back every table's CSV of every site
// in every language: UTF-8 with a byte-order mark, CRLF line ends, one
// field count, and the same figures as the data file.
func TestTableCSVHasEveryFigure(t *testing.T) {
	for name, s := range allSites(t) {
		for _, f := range s.files {
			for _, lang := range []string{"zh", "en"} {
				for _, tb := range f.Tables {
					p := pageDir(lang, f) + "/table-" + tb.No + ".csv"
					data, ok := s.tree[p]
					if !ok {
						t.Errorf("%s: %s is missing", name, p)
						continue
					}
					if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
						t.Errorf("%s: %s has no byte-order mark", name, p)
					}
					if n := bytes.Count(data, []byte("\n")); n == 0 || n != bytes.Count(data, []byte("\r\n")) {
						t.Errorf("%s: %s has line ends other than CRLF", name, p)
					}
					recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
					if err != nil {
						t.Errorf("%s: %s: %v", name, p, err)
						continue
					}
					var got []string
					for _, rec := range recs[1:] {
						for _, field := range rec {
							if decimal.MatchString(field) && strings.Contains(field, ".") {
								got = append(got, field)
							}
						}
					}
					slices.Sort(got)
					if want := figures(f, tb, lang); tb.HasRows() && !slices.Equal(got, want) {
						t.Errorf("%s: %s has the figures\n%q\nwant those of the data file\n%q", name, p, got, want)
					}
				}
			}
		}
	}
}

// TestTableCSVBytes pins the bytes of a table: heads with the unit,
// codes in their groups, amounts with the published decimals.
func TestTableCSVBytes(t *testing.T) {
	s := allSites(t)["example"]
	got := string(s.tree["2024/changji-egov/table-3.csv"])
	for _, want := range []string{
		"\uFEFF科目编码,功能分类科目名称,合计（万元）,基本支出（万元）,项目支出（万元）\r\n",
		"\r\n,总计,604.13,364.13,240.00\r\n",
		"\r\n201 03 50,事业运行,260.80,260.80,\r\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("table-3.csv lacks %q:\n%s", want, got)
		}
	}
	en := string(s.tree["en/2024/changji-egov/table-3.csv"])
	for _, want := range []string{
		"\uFEFFCode,Functional classification,Total (thousand yuan),Basic expenditure (thousand yuan),Project expenditure (thousand yuan)\r\n",
		"\r\n,Total,6041.3,3641.3,2400.0\r\n",
		"\r\n201 03 50,Operations of public institutions,2608.0,2608.0,\r\n",
	} {
		if !strings.Contains(en, want) {
			t.Errorf("en table-3.csv lacks %q:\n%s", want, en)
		}
	}
}

// TestHostileTextIsDefused puts texts that a spreadsheet would run as a
// formula, and texts that need quoting, into the example's project
// names and department name, and reads them back.
func TestHostileTextIsDefused(t *testing.T) {
	dir := testsite.Copy(t, "../..")
	testsite.Replace(t, dir, testsite.Example, "      zh: 昌吉州政府网站和云平台运维经费\n", "      zh: \"=cmd|' /C calc'!A0\"\n")
	testsite.Replace(t, dir, testsite.Example, "      zh: 政府网站等保测评和运维经费\n", "      zh: \"@SUM(1+1), \\\"quoted\\\"\\nsecond line\"\n")
	out := filepath.Join(t.TempDir(), "public")
	if res := build.Run(build.Options{Dir: dir, Out: out}); res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.Print(&b)
		t.Fatal(b.String())
	}
	data, err := os.ReadFile(filepath.Join(out, "2024/changji-egov/table-7.csv"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	for _, want := range []string{",'=cmd|' /C calc'!A0,", `,"'@SUM(1+1), ""quoted""` + "\nsecond line\","} {
		if !strings.Contains(got, want) {
			t.Errorf("table-7.csv lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, ",=cmd") || strings.Contains(got, ",@SUM") || strings.Contains(got, `,"@SUM`) {
		t.Errorf("table-7.csv has a field that starts a formula:\n%s", got)
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatalf("table-7.csv does not read back: %v", err)
	}
	found := false
	for _, r := range recs {
		found = found || slices.Contains(r, "'@SUM(1+1), \"quoted\"\nsecond line")
	}
	if !found {
		t.Error("the quoted field does not read back whole")
	}
	for _, p := range []string{"opendata/2024/changji-egov/expenditure.csv", "opendata/2024/all-departments.zh.csv"} {
		d, _ := os.ReadFile(filepath.Join(out, p))
		if !bytes.Contains(d, []byte(",'=cmd|")) || bytes.Contains(d, []byte(",=cmd|")) {
			t.Errorf("%s does not defuse the formula", p)
		}
	}
	// In the workbook, the text is a text, not a formula.
	x, err := excelize.OpenFile(filepath.Join(out, "2024/changji-egov/changji-egov-2024.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("表7")
	inBook := false
	for i, r := range rows {
		for j, v := range r {
			if !strings.HasPrefix(v, "=cmd") {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if formula, _ := x.GetCellFormula("表7", ref); formula != "" {
				t.Errorf("%s is a formula: %s", ref, formula)
			}
			if typ, _ := x.GetCellType("表7", ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s has type %v, want a string", ref, typ)
			}
			inBook = true
		}
	}
	if !inBook {
		t.Error("the hostile text is not in the workbook")
	}
}

func checkSheet(t *testing.T, where string, x *excelize.File, sheet string, f *model.File, tb *model.Table, lang string) {
	t.Helper()
	want := "表" + tb.No
	if lang == "en" {
		want = "Table " + tb.No
	}
	if sheet != want {
		t.Errorf("%s: sheet %q, want %q", where, sheet, want)
	}
	panes, err := x.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("%s: panes %+v (%v), want the 4 rows above the figures frozen", where, panes, err)
	}
	rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 4 {
		t.Fatalf("%s: %d rows (%v)", where, len(rows), err)
	}
	dept, _ := f.Department.Name.In(lang)
	if !strings.Contains(rows[1][0], dept) || !strings.Contains(rows[2][0], i18n.ForFile(lang, f.Unit).UnitName()) {
		t.Errorf("%s: first rows %q, want the department and the unit", where, rows[:3])
	}
	var got []string
	for i, r := range rows[4:] {
		for j, v := range r {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, i+5)
			typ, _ := x.GetCellType(sheet, ref)
			isString := typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
			if !isString {
				got = append(got, v)
				style, _ := x.GetCellStyle(sheet, ref)
				st, _ := x.GetStyle(style)
				if st == nil || st.CustomNumFmt == nil || !strings.HasPrefix(*st.CustomNumFmt, "#,##0") {
					t.Errorf("%s: %s = %s has no number format", where, ref, v)
				}
				continue
			}
			if regexp.MustCompile(`^[0-9]{3}( [0-9]{2}){0,2}$`).MatchString(v) {
				// A code: text, with the text format.
				style, _ := x.GetCellStyle(sheet, ref)
				st, _ := x.GetStyle(style)
				if st == nil || st.NumFmt != 49 {
					t.Errorf("%s: code %s at %s is not formatted as text", where, v, ref)
				}
			}
		}
	}
	// Numbers read back as the figures of the data file, with the
	// decimals dropped that a number has no need of.
	var want2 []string
	for _, w := range figures(f, tb, lang) {
		want2 = append(want2, canonical(w))
	}
	for i := range got {
		got[i] = canonical(got[i])
	}
	slices.Sort(got)
	slices.Sort(want2)
	if tb.HasRows() && !slices.Equal(got, want2) {
		t.Errorf("%s: numbers %q, want %q", where, got, want2)
	}
}

// canonical is a decimal without trailing zeros: 240.00 is 240.
func canonical(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// TestWorkbookHasEveryTable opens the workbook of each department-year,
// which the Excel link beside each table leads to: one sheet per table,
// in order, each with the heading, department and unit rows, frozen
// heads, amounts that are numbers with the published decimals, codes
// that are text.
func TestWorkbookHasEveryTable(t *testing.T) {
	for name, s := range allSites(t) {
		for _, f := range s.files {
			for _, lang := range []string{"zh", "en"} {
				p := pageDir(lang, f) + "/" + f.ID + "-" + strconv.Itoa(f.Year) + ".xlsx"
				x, err := excelize.OpenReader(bytes.NewReader(s.tree[p]))
				if err != nil {
					t.Errorf("%s: %s: %v", name, p, err)
					continue
				}
				sheets := x.GetSheetList()
				if len(sheets) != len(f.Tables) {
					t.Errorf("%s: %s has sheets %q for %d tables", name, p, sheets, len(f.Tables))
				}
				for i, tb := range f.Tables {
					if i < len(sheets) {
						checkSheet(t, name+": "+p, x, sheets[i], f, tb, lang)
					}
				}
				if props, err := x.GetDocProps(); err != nil || !strings.HasPrefix(props.Created, published(f)) {
					t.Errorf("%s: %s created %q, want the day of publication %s", name, p, props.Created, published(f))
				}
				x.Close()
			}
		}
	}
}

func published(f *model.File) string {
	if f.Published.IsZero() {
		return strconv.Itoa(f.Year) + "-01-01"
	}
	return f.Published.String()
}

// compile compiles a JSON Schema; the Fiscal Data Package's path
// pattern uses look-ahead, which Go's regexp lacks, so that one pattern
// is matched by hand.
func compile(t *testing.T, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseRegexpEngine(func(s string) (jsonschema.Regexp, error) {
		if s == `^(?=^[^./~])(^((?!\.{2}).)*$).*$` {
			return posixPath{s}, nil
		}
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, err
		}
		return re, nil
	})
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// posixPath matches the Data Package's relative path: it does not
// start with . / or ~ and has no "..".
type posixPath struct{ s string }

func (p posixPath) MatchString(s string) bool {
	return s != "" && !strings.ContainsAny(s[:1], "./~") && !strings.Contains(s, "..")
}
func (p posixPath) String() string { return p.s }

func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(doc)
}

// TestJSONValidates validates every department-year's JSON against the
// published schema, and the schema notices a figure that is a number.
func TestJSONValidates(t *testing.T) {
	s0 := allSites(t)["example"]
	if !bytes.Equal(s0.tree[render.SchemaFile], opendata.Schema) {
		t.Fatalf("%s is not the schema", render.SchemaFile)
	}
	sch := compile(t, "department-budget.schema.json", opendata.Schema)
	for name, s := range allSites(t) {
		for _, f := range s.files {
			p := render.DataFile(f)
			if err := validate(t, sch, s.tree[p]); err != nil {
				t.Errorf("%s: %s does not validate: %v", name, p, err)
			}
			var doc opendata.Document
			if err := json.Unmarshal(s.tree[p], &doc); err != nil || doc.Schema != opendata.SchemaVersion || len(doc.Tables) != len(f.Tables) {
				t.Errorf("%s: %s: schema %q, %d tables (%v)", name, p, doc.Schema, len(doc.Tables), err)
			}
		}
	}
	bad := bytes.Replace(s0.tree["opendata/2024/changji-egov.json"], []byte(`"604.13"`), []byte(`604.13`), 1)
	if err := validate(t, sch, bad); err == nil || !strings.Contains(err.Error(), "want string") {
		t.Errorf("a figure written as a JSON number: %v, want a type error", err)
	}
}

// TestDataPackageValidates validates every data package against the
// Fiscal Data Package schema and reads its resources back.
func TestDataPackageValidates(t *testing.T) {
	schema, err := os.ReadFile("testdata/fiscal-data-package.json")
	if err != nil {
		t.Fatal(err)
	}
	sch := compile(t, "fiscal-data-package.json", schema)
	for name, s := range allSites(t) {
		for _, f := range s.files {
			dir := render.PackageDir(f)
			data := s.tree[dir+"/datapackage.json"]
			if err := validate(t, sch, data); err != nil {
				t.Errorf("%s: %s does not validate: %v", name, dir, err)
				continue
			}
			var pkg struct {
				FiscalPeriod struct{ Start string }
				Model        struct {
					Measures map[string]struct {
						Currency, Direction, Phase string
						Factor                     int
					}
					Dimensions map[string]struct{ ClassificationType string }
				}
				Resources []struct{ Path string }
			}
			json.Unmarshal(data, &pkg)
			if pkg.FiscalPeriod.Start != strconv.Itoa(f.Year)+"-01-01" {
				t.Errorf("%s: %s: fiscal period %q", name, dir, pkg.FiscalPeriod.Start)
			}
			for k, m := range pkg.Model.Measures {
				if m.Currency != "CNY" || m.Direction != k || m.Factor != opendata.Factor(f.Unit) || m.Phase != map[string]string{"budget": "approved", "final": "executed"}[f.Type] {
					t.Errorf("%s: %s: measure %s is %+v", name, dir, k, m)
				}
			}
			for _, c := range []string{"functional", "economic", "administrative"} {
				if pkg.Model.Dimensions[c].ClassificationType != c {
					t.Errorf("%s: %s: no %s classification", name, dir, c)
				}
			}
			rows := 0
			for _, r := range pkg.Resources {
				recs, err := csv.NewReader(bytes.NewReader(s.tree[dir+"/"+r.Path])).ReadAll()
				if err != nil {
					t.Errorf("%s: %s/%s: %v", name, dir, r.Path, err)
				}
				rows += len(recs) - 1
			}
			want := 0
			for _, tb := range f.Tables {
				want += len(figures(f, tb, "zh"))
			}
			if rows != want {
				t.Errorf("%s: %s has %d figures, the data file %d", name, dir, rows, want)
			}
		}
	}
}

// TestCatalogMatchesTheFiles checks that the catalogue and SHA256SUMS
// list every open-data file with its right size and hash.
func TestCatalogMatchesTheFiles(t *testing.T) {
	for name, s := range allSites(t) {
		var cat opendata.Catalog
		if err := json.Unmarshal(s.tree[render.CatalogFile], &cat); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		// Indented by one space a level, as encoding/json writes it.
		var again bytes.Buffer
		enc := json.NewEncoder(&again)
		enc.SetIndent("", " ")
		enc.Encode(cat)
		if again.String() != string(s.tree[render.CatalogFile]) {
			t.Errorf("%s: the catalogue is not written as encoding/json indents it:\n%.400s", name, s.tree[render.CatalogFile])
		}
		listed := map[string]bool{}
		check := func(e opendata.CatalogEntry) {
			data, ok := s.tree[e.Path]
			sum := sha256.Sum256(data)
			if !ok || int64(len(data)) != e.Size || hex.EncodeToString(sum[:]) != e.SHA256 {
				t.Errorf("%s: catalogue entry %s (%d bytes, %s) does not match the file", name, e.Path, e.Size, e.SHA256)
			}
			listed[e.Path] = true
		}
		if len(cat.Departments) != len(s.files) {
			t.Errorf("%s: the catalogue has %d department-years, the site %d", name, len(cat.Departments), len(s.files))
		}
		for _, d := range cat.Departments {
			for _, e := range d.Files {
				check(e)
			}
			for _, p := range d.Pages {
				if _, ok := s.tree[p]; !ok {
					t.Errorf("%s: the catalogue's page %s is not in the output", name, p)
				}
			}
		}
		for _, y := range cat.Years {
			for _, e := range y.Files {
				check(e)
			}
		}
		for _, e := range cat.Files {
			check(e)
		}
		for p := range s.tree {
			if strings.HasPrefix(p, "opendata/") && p != render.CatalogFile && p != render.ChecksumsFile || strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, ".xlsx") {
				if !listed[p] {
					t.Errorf("%s: %s is not in the catalogue", name, p)
				}
			}
		}
		// SHA256SUMS, as sha256sum -c in opendata/ would check it.
		lines := strings.Split(strings.TrimSuffix(string(s.tree[render.ChecksumsFile]), "\n"), "\n")
		if len(lines) != len(listed)+1 {
			t.Errorf("%s: SHA256SUMS has %d lines for %d files and the catalogue", name, len(lines), len(listed))
		}
		for _, l := range lines {
			sum, rel, ok := strings.Cut(l, "  ")
			p := filepath.ToSlash(filepath.Clean(filepath.Join("opendata", rel)))
			data, found := s.tree[p]
			h := sha256.Sum256(data)
			if !ok || !found || hex.EncodeToString(h[:]) != sum {
				t.Errorf("%s: SHA256SUMS line %q does not match %s", name, l, p)
			}
		}
	}
}

// TestBulkFiles reads back a year's bulk CSV and workbook: every figure
// of every department of the year.
func TestBulkFiles(t *testing.T) {
	for name, s := range allSites(t) {
		years := map[int][]*model.File{}
		for _, f := range s.files {
			years[f.Year] = append(years[f.Year], f)
		}
		for y, files := range years {
			for _, lang := range []string{"zh", "en"} {
				var want []string
				for _, f := range files {
					for _, tb := range f.Tables {
						want = append(want, figures(f, tb, lang)...)
					}
				}
				slices.Sort(want)
				p := render.BulkFile(y, lang, "csv")
				recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(s.tree[p], []byte("\xEF\xBB\xBF")))).ReadAll()
				if err != nil {
					t.Errorf("%s: %s: %v", name, p, err)
					continue
				}
				var got []string
				for _, r := range recs[1:] {
					got = append(got, r[9])
				}
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("%s: %s has %d figures, want %d", name, p, len(got), len(want))
				}
				x, err := excelize.OpenReader(bytes.NewReader(s.tree[render.BulkFile(y, lang, "xlsx")]))
				if err != nil {
					t.Errorf("%s: %v", name, err)
					continue
				}
				rows, _ := x.GetRows(strconv.Itoa(y))
				if len(rows) != len(recs)+1 {
					t.Errorf("%s: the bulk workbook has %d rows, the CSV %d records and the workbook a title", name, len(rows), len(recs))
				}
				x.Close()
			}
		}
	}
}

// TestCatalogOfManyDepartments checks that the catalogue of several
// years of several departments lists each once, in the order of the
// years and the files given, written as encoding/json indents it (the
// department-years are written apart, then put together).
func TestCatalogOfManyDepartments(t *testing.T) {
	var files []*model.File
	d := render.Downloads{Depts: map[string][]render.Download{}, Years: map[int][]render.Download{}}
	for _, y := range []int{2023, 2024} {
		for _, id := range []string{"a-dept", "b-dept", "c-<&>"} {
			f := &model.File{Year: y, ID: id, Type: "budget", Unit: "万元",
				Department: model.Department{Name: model.Text{ByLang: map[string]string{"zh": "部门 " + id, "en": "Dept \"" + id + "\"\n"}}}}
			files = append(files, f)
			d.Depts[render.DeptKey(f)] = []render.Download{{Path: fmt.Sprintf("%d/%s/t.csv", y, id), Kind: "table-csv", Lang: "zh", Size: 10, SHA256: "ab"}}
		}
		d.Years[y] = []render.Download{{Path: fmt.Sprintf("opendata/%d/all.csv", y), Kind: "bulk-csv", Size: 20, SHA256: "cd"}}
	}
	pages := func(f *model.File) map[string]string {
		return map[string]string{"zh": fmt.Sprintf("%d/%s/index.html", f.Year, f.ID), "en": fmt.Sprintf("en/%d/%s/index.html", f.Year, f.ID)}
	}
	got := opendata.CatalogJSON(model.Text{ByLang: map[string]string{"zh": "预算"}}, "https://example.org/", files, pages, []int{2024, 2023}, d)
	var cat opendata.Catalog
	if err := json.Unmarshal(got, &cat); err != nil {
		t.Fatalf("%v:\n%s", err, got)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", " ")
	enc.Encode(cat)
	if want.String() != string(got) {
		t.Errorf("the catalogue is not written as encoding/json indents it:\n%s\nwant:\n%s", got, want.String())
	}
	var listed []string
	for _, c := range cat.Departments {
		listed = append(listed, fmt.Sprintf("%d %s %s", c.Year, c.ID, c.Files[0].Path))
	}
	wantListed := []string{
		"2024 a-dept 2024/a-dept/t.csv", "2024 b-dept 2024/b-dept/t.csv", "2024 c-<&> 2024/c-<&>/t.csv",
		"2023 a-dept 2023/a-dept/t.csv", "2023 b-dept 2023/b-dept/t.csv", "2023 c-<&> 2023/c-<&>/t.csv",
	}
	if strings.Join(listed, "\n") != strings.Join(wantListed, "\n") {
		t.Errorf("department-years:\n%s\nwant:\n%s", strings.Join(listed, "\n"), strings.Join(wantListed, "\n"))
	}
}
