package narrative

import (
	"bytes"
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindReference is the kind of the AST node of a {{…}} reference.
var kindReference = ast.NewNodeKind("Reference")

// reference is a {{…}} in the Markdown. The parser records what was
// written; Markdown resolves it against the data before rendering, so
// the parser and the renderer hold no data and can be shared.
type reference struct {
	ast.BaseInline
	raw    []byte // as written, braces included; just {{ when not closed
	expr   string // the text between the braces, or after an unclosed {{
	closed bool   // false for a {{ without its }} on the same line
	offset int    // byte offset of the {{ in the source
	text   string // what it says, once resolved
	failed bool
}

// Kind implements ast.Node.
func (n *reference) Kind() ast.NodeKind { return kindReference }

// Dump implements ast.Node.
func (n *reference) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Expr": n.expr, "Text": n.text}, nil)
}

// refs is the goldmark extension for references: an inline parser
// triggered by { and a renderer for its nodes. Its renderer also writes
// nothing for raw HTML, where goldmark would leave a comment saying that
// it left it out.
type refs struct{}

// Extend implements goldmark.Extender.
func (refs) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(refParser{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(refHTML{}, 100)))
}

var openBraces, closeBraces = []byte("{{"), []byte("}}")

type refParser struct{}

// Trigger implements parser.InlineParser. goldmark does not call it for
// an escaped \{, so \{{ stays literal.
func (refParser) Trigger() []byte { return []byte{'{'} }

// Parse implements parser.InlineParser: {{ up to the next }} on the same
// line, or an unclosed {{ on its own when the line has no }} before its
// end or the next {{ (which starts the next reference).
func (refParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, openBraces) {
		return nil
	}
	n := &reference{offset: seg.Start}
	rest := line[len(openBraces):]
	if i := bytes.IndexAny(rest, "\r\n"); i >= 0 {
		rest = rest[:i]
	}
	if i := bytes.Index(rest, openBraces); i >= 0 {
		rest = rest[:i]
	}
	end := bytes.Index(rest, closeBraces)
	if end < 0 {
		n.raw = bytes.Clone(openBraces)
		n.expr = string(rest)
		block.Advance(len(openBraces))
		return n
	}
	size := len(openBraces) + end + len(closeBraces)
	n.raw = bytes.Clone(line[:size])
	n.expr = string(rest[:end])
	n.closed = true
	block.Advance(size)
	return n
}

type refHTML struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (refHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindReference, renderReference)
	reg.Register(ast.KindRawHTML, renderNothing)
	reg.Register(ast.KindHTMLBlock, renderNothing)
}

func renderNothing(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// renderReference writes what a reference says, escaped, or what was
// written, marked, when it did not resolve (the diagnostic says why).
func renderReference(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*reference)
	if n.failed {
		_, _ = w.WriteString(`<span class="ref-error">` + html.EscapeString(string(n.raw)) + `</span>`)
	} else {
		_, _ = w.WriteString(html.EscapeString(n.text))
	}
	return ast.WalkSkipChildren, nil
}
