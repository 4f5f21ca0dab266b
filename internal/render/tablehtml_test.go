package render

import (
	"html/template"
	"strings"
	"testing"

	"budgetpress/internal/model"
)

const hostile = `<script>alert(1)</script>`

// TestTablesEscapeHostileNames: names from the data reach the Go-written
// tables escaped, in the budget tables (project, department, column and
// table titles) and in the indicator tables.
func TestTablesEscapeHostileNames(t *testing.T) {
	s := exampleSite(t)
	f := s.Files[0]
	evil := model.Text{ByLang: map[string]string{"zh": hostile, "en": hostile}}
	if len(f.Projects) == 0 {
		t.Fatal("the example has no projects")
	}
	f.Projects[0].Name = evil
	f.Department.Name = evil
	f.Department.Short = evil
	for _, tb := range f.Tables {
		if tb.HasRows() {
			tb.Title = evil
		}
	}
	perf := f.Performance.Overall
	if perf == nil || len(perf.Indicators) == 0 {
		t.Fatal("the example has no overall indicators")
	}
	perf.Indicators[0].Level1 = hostile
	perf.Indicators[0].Name = evil
	perf.Indicators[0].Evidence = evil

	const escaped = `&lt;script&gt;alert(1)&lt;/script&gt;`
	for _, path := range []string{"2024/changji-egov/index.html", "en/2024/changji-egov/index.html"} {
		html := page(t, s, path)
		if strings.Contains(html, "<script>alert") {
			t.Errorf("%s: a name reaches the page unescaped", path)
		}
		for _, want := range []string{
			`<th scope="row" class="project">` + escaped + `</th>`, // table 7
			`<tr class="level-1"><th scope="row" class="label">` + escaped + `</th><td class="code"></td><th scope="row" class="name">` + escaped + `</th>`, // the unit row
			`<tr><td class="level">` + escaped + `</td>`,
			`<th scope="row"><span class="perf-levels">` + escaped + ` · `, // the levels again, for phones
			`</span> ` + escaped + `</th>`,
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		if n := strings.Count(html, " "+escaped+"<span class=\"unit\">"); n == 0 {
			t.Errorf("%s: no caption carries the escaped table title", path)
		}
	}
}

// TestWriteTextEscapesAsTemplates: the Go-written tables escape texts
// exactly as html/template does, so a page does not change with who
// wrote a cell.
func TestWriteTextEscapesAsTemplates(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`<td title="{{.}}">{{.}}</td>`))
	for _, s := range []string{
		"", "1,403.71", "一般公共预算", hostile, `a & b "c" 'd' + e`, "nul\x00byte", "<<>>&&++",
	} {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		got.WriteString(`<td title="`)
		writeText(&got, s)
		got.WriteString(`">`)
		writeText(&got, s)
		got.WriteString(`</td>`)
		if got.String() != want.String() {
			t.Errorf("writeText(%q):\n got %s\nwant %s", s, got.String(), want.String())
		}
	}
}
