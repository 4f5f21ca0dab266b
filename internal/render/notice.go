package render

// A page that shows texts in Chinese for want of a translation says so
// near its top ({{if .HasFallback $f}}…{{end}} in department.html), but
// whether it does is known only once the whole page is written. Rather
// than write the page twice, New takes the body of that {{if}} out as
// a template of its own and leaves in its place an action that notes
// where the notice goes; Render writes the notice there afterwards when
// the page needs it.

import (
	"bytes"
	"html/template"
	"text/template/parse"
)

// noticeTemplate is the name of the notice's template made from the
// body of the {{if .HasFallback …}} of a page template.
func noticeTemplate(page string) string { return page + "\x00notice" }

// splitNotice takes the {{if .HasFallback …}} out of the page template
// named page, when it stands at the top level of the page between two
// tags, without an {{else}}: the notice is then written in the page's
// text, where a template of its own writes it the same. It reports
// whether it did.
func splitNotice(t *template.Template, page string) bool {
	pt := t.Lookup(page)
	if pt == nil || pt.Tree == nil || pt.Tree.Root == nil {
		return false
	}
	nodes := pt.Tree.Root.Nodes
	for i, n := range nodes {
		in, ok := n.(*parse.IfNode)
		if !ok || in.ElseList != nil || !callsHasFallback(in.Pipe) {
			continue
		}
		if i == 0 || i+1 >= len(nodes) || !endsTag(nodes[i-1]) || !startsText(nodes[i+1]) || usesVariables(in.List) {
			return false
		}
		tree := &parse.Tree{Name: noticeTemplate(page), Root: in.List}
		if _, err := t.AddParseTree(noticeTemplate(page), tree); err != nil {
			return false
		}
		mark := &parse.ActionNode{NodeType: parse.NodeAction, Pos: in.Pos, Line: in.Line,
			Pipe: &parse.PipeNode{NodeType: parse.NodePipe, Pos: in.Pos, Line: in.Line, Cmds: []*parse.CommandNode{{
				NodeType: parse.NodeCommand, Pos: in.Pos,
				Args: []parse.Node{&parse.FieldNode{NodeType: parse.NodeField, Pos: in.Pos, Ident: []string{"NoticeMark"}}},
			}}}}
		nodes[i] = mark
		return true
	}
	return false
}

// usesVariables reports whether a part of a template uses a variable
// ($f, or $ itself), which a template of its own would not have.
func usesVariables(n parse.Node) bool {
	switch n := n.(type) {
	case nil:
		return false
	case *parse.VariableNode:
		return true
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if usesVariables(c) {
				return true
			}
		}
	case *parse.ActionNode:
		return usesVariables(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		if len(n.Decl) > 0 {
			return true
		}
		for _, c := range n.Cmds {
			if usesVariables(c) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if usesVariables(a) {
				return true
			}
		}
	case *parse.ChainNode:
		return usesVariables(n.Node)
	case *parse.IfNode:
		return usesVariables(n.Pipe) || usesVariables(n.List) || usesVariables(n.ElseList)
	case *parse.RangeNode:
		return true // range may declare its own
	case *parse.WithNode:
		return usesVariables(n.Pipe) || usesVariables(n.List) || usesVariables(n.ElseList)
	case *parse.TemplateNode:
		return usesVariables(n.Pipe)
	}
	return false
}

// callsHasFallback reports whether a pipeline is .HasFallback with its
// arguments.
func callsHasFallback(p *parse.PipeNode) bool {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) == 0 {
		return false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	return ok && len(f.Ident) == 1 && f.Ident[0] == "HasFallback"
}

// endsTag reports whether a node is text ending after a tag or a line.
func endsTag(n parse.Node) bool {
	t, ok := n.(*parse.TextNode)
	if !ok {
		return false
	}
	s := bytes.TrimRight(t.Text, "\n")
	return len(s) > 0 && s[len(s)-1] == '>'
}

// startsText reports whether a node is text that starts a line or a tag.
func startsText(n parse.Node) bool {
	t, ok := n.(*parse.TextNode)
	return ok && len(t.Text) > 0 && (t.Text[0] == '\n' || t.Text[0] == '<')
}

// NoticeMark notes where the notice of untranslated texts goes, for the
// page templates whose notice New took out; it writes nothing.
func (v *view) NoticeMark() string {
	if v.out != nil {
		v.noticeAt = v.out.Len()
	}
	return ""
}
