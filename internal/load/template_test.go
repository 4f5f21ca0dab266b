package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/model"
	"budgetpress/internal/testsite"
)

// TestTemplate reads a template that narrows tables to some of their
// columns and renames one.
func TestTemplate(t *testing.T) {
	tp, ds := Template("templates/good.yaml", read(t, "testdata/templates/good.yaml"), []string{"zh", "en"})
	if len(ds) > 0 || tp == nil {
		t.Fatalf("Template: %v", ds)
	}
	if tp.ID != "good" || tp.Basis != "某财预〔2024〕1号" || len(tp.Tables) != 3 {
		t.Fatalf("got %+v", tp)
	}
	income := tp.ByNo("1-1").Kind
	var keys []string
	for _, c := range income.Parts[0].Columns {
		keys = append(keys, c.Key)
	}
	if strings.Join(keys, " ") != "total fiscal general unit" {
		t.Errorf("table 1-1 columns = %v", keys)
	}
	// Identities keep only the printed columns: 总计 = 财政拨款 + 单位资金,
	// 财政拨款 = 一般公共预算.
	var ids []string
	for _, id := range income.Parts[0].Identities {
		ids = append(ids, id.Sum+"="+strings.Join(id.Parts, "+"))
	}
	if strings.Join(ids, " ") != "total=fiscal+unit fiscal=general" {
		t.Errorf("identities = %v", ids)
	}
	if model.Kinds[model.KindIncome].Parts[0].Columns[1].Key != "fiscal" || len(model.Kinds[model.KindIncome].Parts[0].Columns) != 12 {
		t.Error("narrowing a template's table changed the standard kind")
	}
	if got := tp.ByKind(model.KindExpenditure).Title.ZH(); got != "部门支出总表" {
		t.Errorf("title = %q", got)
	}
}

func TestTemplateErrors(t *testing.T) {
	tests := []struct{ name, want string }{
		{"no-tables", "1:1: error: the template lists no tables"},
		{"not-a-mapping", `1:1: error: a template should be a group of "key: value" lines, but here is a list`},
		{"no-name", `1:1: error: a template is missing "name" (the name of the table set, like {zh: 新疆维吾尔自治区部门预算公开表, en: …})`},
		{"duplicate-no", "4:10: error: two tables are numbered 1 (the first at line 3)"},
		{"unknown-kind", `3:21: error: unknown table kind "sumary"; did you mean "summary"? (allowed: carryover, expenditure, fiscal, fund, general, general-basic, general-project, income, procurement, soe, summary, three-public)`},
		{"duplicate-kind", "4:21: error: the template has two summary tables (the first is table 1); a kind is published once"},
		{"columns-not-list", "3:38: error: columns of a income table are a list of column keys, like [total, basic, project]"},
		{"unknown-column", "3:38: error: a income table has no column \"genral\"; its columns are total, fiscal, general, general_transfer, fund, fund_transfer, soe, soe_transfer, special, unit, carryover_fiscal, carryover_nonfiscal"},
		{"twice-column", `3:38: error: column "total" is listed twice`},
		{"no-columns", "3:38: error: a table needs at least one column"},
		{"unknown-side", `3:40: error: unknown key "incomes" in columns of a summary table (one list per side); did you mean "income"? (allowed: expenditure, income)`},
		{"unknown-key", `3:30: error: unknown key "colums" in a table of the template; did you mean "columns"? (allowed: columns, kind, no, title)`},
	}
	files, _ := filepath.Glob("testdata/templates/*.yaml")
	seen := map[string]bool{"good.yaml": true}
	for _, tc := range tests {
		seen[tc.name+".yaml"] = true
		t.Run(tc.name, func(t *testing.T) {
			path := "templates/" + tc.name + ".yaml"
			tp, ds := Template(path, read(t, filepath.Join("testdata", "templates", tc.name+".yaml")), []string{"zh", "en"})
			if got := strings.Join(lines(ds), "\n"); got != path+":"+tc.want {
				t.Errorf("got\n\t%s\nwant\n\t%s", got, path+":"+tc.want)
			}
			if tp != nil {
				t.Error("a broken template was returned")
			}
		})
	}
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("%s has no test case", f)
		}
	}
}

// TestSiteTemplates names templates that do not exist, in site.yaml and
// in a department file, and takes a built-in template's name.
func TestSiteTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { testsite.Write(t, filepath.Join(dir, filepath.FromSlash(rel)), []byte(text)) }
	write("site.yaml", "title: 测试\ntemplate: eight\n")
	write("templates/national.yaml", "name: 国家\ntables:\n  - {no: \"1\", kind: summary}\n")
	write("templates/eight-tables.yaml", "name: 八张表\ntables:\n  - {no: \"1\", kind: summary}\n")
	src := read(t, "testdata/minimal.yaml")
	write("data/2024/x.yaml", "template: nine\n"+string(src))
	_, ds := ReadSite(dir)
	got := strings.Join(lines(ds), "\n")
	for _, want := range []string{
		`site.yaml:2:11: error: there is no template "eight" (allowed: eight-tables, mof-2016, national); national and mof-2016 are built in, a site adds its own as templates/<name>.yaml`,
		`templates/national.yaml:1:1: error: "national" is the name of a built-in template; give your template another file name`,
		`data/2024/x.yaml:1:11: error: there is no template "nine" (allowed: eight-tables, mof-2016, national)`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing\n\t%s\nin\n\t%s", want, strings.ReplaceAll(got, "\n", "\n\t"))
		}
	}
}

func FuzzTemplate(f *testing.F) {
	files, _ := filepath.Glob("testdata/templates/*.yaml")
	files = append(files, "../../testdata/corpus/provincial/templates/eight-tables.yaml")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		tp, ds := Template("templates/f.yaml", src, []string{"zh", "en"})
		if tp == nil && !ds.HasErrors() {
			t.Fatal("no template and no error")
		}
		if tp != nil {
			for _, tt := range tp.Tables {
				for _, p := range tt.Kind.Parts {
					for _, id := range p.Identities {
						if p.Column(id.Sum) < 0 {
							t.Fatalf("identity of a column the table does not print: %+v", id)
						}
					}
				}
			}
		}
	})
}
