package narrative

import (
	"bytes"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"budgetpress/internal/diag"
)

var utf8BOM = []byte("\uFEFF")

// Markdown renders an explanation written in Markdown to HTML for a page
// in lang, replacing each reference with what it says. path names the
// file in diagnostics; each reference that does not resolve is an error
// at the line and column of its {{. Raw HTML is left out without a word,
// as a page is rendered once per language: Lint says where it is.
// What Keep rendered for the same input is returned without rendering
// it again.
func (r *Renderer) Markdown(path string, src []byte, lang string) (template.HTML, diag.List) {
	if html, diags, ok := r.take(path, src, lang); ok {
		return html, diags
	}
	return r.render(path, src, lang)
}

func (r *Renderer) render(path string, src []byte, lang string) (template.HTML, diag.List) {
	var diags diag.List
	if err := checkLang(lang); err != nil {
		diags.Errorf(diag.Pos{File: path}, "%v", err)
		return "", diags
	}
	src = bytes.TrimPrefix(src, utf8BOM)
	doc := r.md.Parser().Parse(text.NewReader(src))
	for _, h := range findRawHTML(doc, src) {
		for _, c := range h.content {
			c.Parent().RemoveChild(c.Parent(), c)
		}
	}
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
			if !n.closed {
				err = unclosed(n.expr)
			}
			if err != nil {
				n.failed = true
				diags.Errorf(position(path, src, lines, n.offset), "%v", err)
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

// Lint reports each piece of raw HTML of an explanation, which the pages
// leave out, as a warning.
func Lint(path string, src []byte) diag.List {
	var diags diag.List
	src = bytes.TrimPrefix(src, utf8BOM)
	doc := markdown().Parser().Parse(text.NewReader(src))
	lines := lineStarts(src)
	for _, h := range findRawHTML(doc, src) {
		diags.Warnf(position(path, src, lines, h.offset), "%s", h.message(src))
	}
	return diags
}

// unclosed explains a {{ without its }} on the same line, given what
// follows it: "the reference {{amount income.general is not closed …".
func unclosed(after string) error {
	// The reference is the function and the words it takes, up to the
	// first character that no reference has (Chinese text, a comma).
	words := strings.Fields(after[:len(after)-len(strings.TrimLeft(after, refChars))])
	n := 2
	switch {
	case len(words) == 0:
		return fmt.Errorf("this {{ is not closed with }} on this line; a reference ends on the line it starts on, like {{amount income.general}}; write \\{{ for literal braces")
	case words[0] == "year" || words[0] == "department":
		n = 1
	case words[0] == "share" && len(words) >= 4 && words[2] == "of":
		n = 4
	}
	if len(words) < n {
		return fmt.Errorf("the reference {{%s is not closed with }} on this line; a reference ends on the line it starts on, like {{amount income.general}}; write \\{{ for literal braces", strings.Join(words, " "))
	}
	ref := strings.Join(words[:n], " ")
	return fmt.Errorf("the reference {{%s is not closed with }} on this line; write {{%s}}, or \\{{ for literal braces", ref, ref)
}

const refChars = " \tabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"

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
