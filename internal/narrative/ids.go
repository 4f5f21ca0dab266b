package narrative

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs gives headings ids made from their text, keeping Chinese
// (goldmark's own ids keep only ASCII, so every Chinese heading would be
// "heading", "heading-1", …). Ids are unique within a page.
type headingIDs map[string]bool

// next returns the id for a heading's text: letters and digits in lower
// case, spaces and hyphens as one hyphen, other marks left out;
// "二、收入预算 (2024)" gives "二收入预算-2024". A repeated id gets -1, -2….
func (ids headingIDs) next(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range title {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(c))
		case unicode.IsSpace(c) || c == '-' || c == '_':
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
	}
	for i, try := 1, id; ; i++ {
		if !ids[try] {
			ids[try] = true
			return try
		}
		try = id + "-" + strconv.Itoa(i)
	}
}

// plainText writes the text of a node's inline content, with references
// as they read on the page.
func plainText(b *strings.Builder, n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *reference:
			if c.failed {
				b.Write(c.raw)
			} else {
				b.WriteString(c.text)
			}
		default:
			plainText(b, c, src)
		}
	}
}
