package narrative

import (
	"bytes"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"budgetpress/internal/diag"
)

const unclosedHelp = "unclosed {{: end the reference with }} on the same line, like {{amount income.general}}, or write \\{{ for literal braces"

// Markdown renders an explanation written in Markdown to HTML for a page
// in lang, replacing each reference with what it says. path names the
// file in diagnostics; each reference that does not resolve is an error
// at the line and column of its {{.
func (r *Renderer) Markdown(path string, src []byte, lang string) (template.HTML, diag.List) {
	var diags diag.List
	if err := checkLang(lang); err != nil {
		diags.Errorf(diag.Pos{File: path}, "%v", err)
		return "", diags
	}
	doc := r.md.Parser().Parse(text.NewReader(src))
	lines := lineStarts(src)
	ids := headingIDs{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *reference:
			if !entering {
				break
			}
			var err error
			if n.closed {
				n.text, err = r.Eval(n.expr, lang)
			}
			if !n.closed || err != nil {
				n.failed = true
				msg := unclosedHelp
				if err != nil {
					msg = err.Error()
				}
				diags.Errorf(position(path, src, lines, n.offset), "%s", msg)
			}
		case *ast.Heading:
			if !entering {
				var b strings.Builder
				plainText(&b, n, src)
				n.SetAttributeString("id", []byte(ids.next(b.String())))
			}
		}
		return ast.WalkContinue, nil
	})
	var out bytes.Buffer
	if err := r.md.Renderer().Render(&out, src, doc); err != nil {
		diags.Errorf(diag.Pos{File: path}, "the Markdown could not be rendered: %v", err)
	}
	return template.HTML(out.String()), diags
}

// lineStarts returns the byte offset at which each line begins.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position turns a byte offset into a line and a column counted in
// characters, as editors count them.
func position(path string, src []byte, starts []int, offset int) diag.Pos {
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > offset })
	col := utf8.RuneCount(src[starts[line-1]:offset]) + 1
	return diag.Pos{File: path, Line: line, Col: col}
}
