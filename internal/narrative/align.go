package narrative

import (
	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// alignedTables is goldmark's table extension with the alignment of a
// column (| ---: |) given as a class, align-left, align-center or
// align-right, which the theme's stylesheet styles: the site's Content
// Security Policy blocks the style attributes goldmark writes by default.
type alignedTables struct{}

func (alignedTables) Extend(m goldmark.Markdown) {
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)).Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alignClasses{}, 0)))
}

// alignClasses gives each aligned table cell its alignment's class.
type alignClasses struct{}

func (alignClasses) Transform(doc *gast.Document, _ text.Reader, _ parser.Context) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok && entering && c.Alignment != east.AlignNone {
			c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
		}
		return gast.WalkContinue, nil
	})
}
