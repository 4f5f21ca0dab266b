package narrative

import (
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// rawHTML is a piece of HTML typed in the Markdown. The pages leave it
// out (goldmark keeps raw HTML off), so Lint says where it was.
type rawHTML struct {
	offset  int    // where it starts in the source
	tag     string // its first tag, as written (clipped)
	name    string // the tag's name in lower case
	block   *ast.HTMLBlock
	content []ast.Node // what an enclosing tag holds, within its paragraph
}

// enclosing are the tags whose content is not text of the page, so it is
// left out with them.
var enclosing = map[string]bool{"script": true, "style": true, "iframe": true, "noscript": true, "textarea": true}

// markdownFor names the Markdown that does what an HTML tag does.
var markdownFor = map[string]string{
	"b": "**bold**", "strong": "**bold**", "i": "*italic*", "em": "*italic*",
	"a": "[text](https://…)", "br": "a backslash at the end of the line", "hr": "---",
	"p": "a blank line between paragraphs", "div": "a blank line between paragraphs",
	"h1": "# heading", "h2": "## heading", "h3": "### heading", "h4": "#### heading", "h5": "##### heading", "h6": "###### heading",
	"ul": "- item", "ol": "1. item", "li": "- item", "blockquote": "> quotation",
	"table": "a table of | cells |", "tr": "a table of | cells |", "td": "a table of | cells |", "th": "a table of | cells |",
	"code": "`code`", "pre": "lines indented by four spaces",
}

var firstTag = regexp.MustCompile(`^<(/?)([A-Za-z][A-Za-z0-9-]*)?[^>\n]*>?`)

// findRawHTML lists the raw HTML of a document, except comments, which
// editors write to be left out. A closing tag is listed only when no
// opening tag of its name comes before it in its paragraph.
func findRawHTML(doc ast.Node, src []byte) []rawHTML {
	var found []rawHTML
	skip := map[ast.Node]bool{}
	opened := map[ast.Node]map[string]bool{} // by paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || skip[n] {
			return ast.WalkContinue, nil
		}
		var h rawHTML
		var text []byte
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() == 0 {
				return ast.WalkContinue, nil
			}
			first := n.Lines().At(0)
			h.offset, h.block, text = first.Start, n, first.Value(src)
		case *ast.RawHTML:
			if n.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			first := n.Segments.At(0)
			h.offset, text = first.Start, first.Value(src)
		default:
			return ast.WalkContinue, nil
		}
		if strings.HasPrefix(string(text), "<!--") {
			return ast.WalkSkipChildren, nil
		}
		m := firstTag.FindSubmatch(text)
		if m == nil {
			return ast.WalkSkipChildren, nil
		}
		h.tag, h.name = clip(string(m[0])), strings.ToLower(string(m[2]))
		if h.block == nil {
			par := n.Parent()
			if len(m[1]) > 0 { // a closing tag
				if opened[par][h.name] {
					return ast.WalkSkipChildren, nil
				}
			} else {
				if opened[par] == nil {
					opened[par] = map[string]bool{}
				}
				opened[par][h.name] = true
				if enclosing[h.name] {
					h.content = enclosed(n, src, h.name)
					for _, c := range h.content {
						skip[c] = true
					}
				}
			}
		}
		found = append(found, h)
		return ast.WalkSkipChildren, nil
	})
	return found
}

// enclosed returns the siblings after an opening tag up to and with its
// closing tag, or to the end of the paragraph.
func enclosed(open ast.Node, src []byte, name string) []ast.Node {
	var nodes []ast.Node
	for c := open.NextSibling(); c != nil; c = c.NextSibling() {
		nodes = append(nodes, c)
		if r, ok := c.(*ast.RawHTML); ok && r.Segments.Len() > 0 {
			first := r.Segments.At(0)
			if strings.HasPrefix(strings.ToLower(string(first.Value(src))), "</"+name) {
				break
			}
		}
	}
	return nodes
}

// message says what the page leaves out and what to write instead.
func (h rawHTML) message(src []byte) string {
	msg := "raw HTML is not allowed in the explanations and is left out: " + h.tag
	alone := false // the block is the tag alone on its line
	if h.block != nil && h.block.Lines().Len() == 1 {
		first := h.block.Lines().At(0)
		alone = strings.TrimSpace(string(first.Value(src))) == h.tag
	}
	switch {
	case h.block != nil && h.block.HTMLBlockType == ast.HTMLBlockType1:
		msg += ", with everything up to </" + h.name + ">"
	case h.block != nil && !alone:
		msg += ", with the text after it up to the next blank line"
	case len(h.content) > 0:
		msg += ", with what it encloses"
	}
	switch {
	case enclosing[h.name]:
		return msg + "; scripts, styles and frames are never published"
	case markdownFor[h.name] != "":
		return msg + "; write Markdown instead (" + markdownFor[h.name] + ")"
	}
	return msg + "; write Markdown instead"
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
