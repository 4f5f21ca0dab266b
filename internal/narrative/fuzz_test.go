package narrative

import (
	"os"
	"strings"
	"testing"

	"budgetpress/internal/i18n"
)

// FuzzMarkdown renders and lints arbitrary Markdown: it must never panic,
// every diagnostic must point into the file, and no script may reach the
// page.
func FuzzMarkdown(f *testing.F) {
	for _, c := range goldenCases(f) {
		src, err := os.ReadFile(c.md)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range []string{
		"{{", "}}", "{{}}", "{{{{}}}}", `\{{year}}`, "{{ year }}", "{{share a of}}",
		"{{amount t1.income}}", "{{amount t1..amount}}", "{{amount t5...}}", "{{line general.}}",
		"{{amount general.201-}}", "| {{year}} |\n| - |\n| {{x |", "# {{department}}\n# {{department}}",
		"{{amount income.general}}\r\n{{amount\r\n", "<script>{{year}}</script>", "\xff{{year}}",
		"a <script>{{year}}", "<b>{{year</b>}}", "\uFEFF<p>x</p>", "{{amount {{year}}",
	} {
		f.Add([]byte(s))
	}
	r := New(example(f), nil)
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range Lint("fuzz.md", src) {
			if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Errorf("warning outside the file: %v", d)
			}
		}
		for _, lang := range i18n.Languages() {
			html, diags := r.Markdown("fuzz.md", src, lang)
			for _, d := range diags {
				if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
					t.Errorf("diagnostic outside the file: %v", d)
				}
			}
			if strings.Contains(strings.ToLower(string(html)), "<script") {
				t.Errorf("a script reached the page:\n%s", html)
			}
		}
	})
}
