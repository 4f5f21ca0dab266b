package narrative

import (
	"strings"
	"testing"
)

// TestTableAlignmentClasses: a column's alignment in an explanation's
// table is a class the stylesheet styles, never a style attribute, which
// the site's Content Security Policy would block.
func TestTableAlignmentClasses(t *testing.T) {
	src := "| Item | Left | Centre | Amount |\n| --- | :--- | :---: | ---: |\n| a | b | c | {{amount income.general}} |\n"
	got, diags := New(example(t), nil).Markdown("content/en/2024/x.md", []byte(src), "en")
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	html := string(got)
	if strings.Contains(html, "style=") {
		t.Errorf("a style attribute:\n%s", html)
	}
	for _, want := range []string{
		"<th>Item</th>", `<th class="align-left">Left</th>`, `<th class="align-center">Centre</th>`, `<th class="align-right">Amount</th>`,
		"<td>a</td>", `<td class="align-left">b</td>`, `<td class="align-center">c</td>`, `<td class="align-right">6,041.3 thousand yuan</td>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("lacks %s:\n%s", want, html)
		}
	}
}
