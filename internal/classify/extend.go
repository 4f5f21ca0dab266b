package classify

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/yamlsrc"
)

// Error is a problem in a dictionary file, at a position that counts lines
// and columns from 1; zero means the position is not known.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error returns "file:line:col: message", leaving out unknown parts.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Extend returns a new dictionary: d with the codes of a YAML file added.
// The file has the format of the bundled data files: sections "function",
// "economic" and "gov-economic" (any of them may be left out) mapping codes
// to names:
//
//	function:
//	  201 03 50: {zh: 事业运行, en: Operations of public institutions}
//	  210:
//	    - {zh: 医疗卫生与计划生育支出, en: Medical and health care and family planning, until: 2018}
//	    - {zh: 卫生健康支出, en: Health care, from: 2019}
//
// A code in the file replaces all of that code's names in d. The first
// problem found is returned as an *Error; d itself is never changed.
func (d *Dictionary) Extend(file string, src []byte) (*Dictionary, error) {
	p := parser{file: file, seen: map[Scheme]map[Code]int{}}
	if !yamlsrc.IsEmpty(src) {
		root, diags := yamlsrc.Parse(file, src, "one dictionary")
		if len(diags) > 0 {
			d := diags[0]
			return nil, &Error{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Msg: d.Message}
		}
		if err := p.document(root); err != nil {
			return nil, err
		}
	}
	nd := d.clone()
	for _, a := range p.added {
		nd.codes[a.scheme][a.code] = a.entries
	}
	for _, a := range p.added {
		if parent := a.code.Parent(); parent != "" && len(nd.codes[a.scheme][parent]) == 0 {
			return nil, p.errorf(a.key, "%s: its parent %s is not in the dictionary; add the parent too", a.code, parent)
		}
	}
	return nd, nil
}

// parser reads one dictionary file into a list of added codes.
type parser struct {
	file  string
	seen  map[Scheme]map[Code]int // line of each code, to report duplicates
	added []added
}

type added struct {
	scheme  Scheme
	code    Code
	key     *yaml.Node
	entries []entry
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) *Error {
	return &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)}
}

func (p *parser) document(root *yaml.Node) error {
	if isNull(root) {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return p.errorf(root, `expected the sections "function:", "economic:" or "gov-economic:"`)
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		s := Scheme(k.Value)
		if k.Kind != yaml.ScalarNode || !slices.Contains(schemes, s) {
			return p.errorf(k, `unknown section %q: expected "function", "economic" or "gov-economic"`, k.Value)
		}
		if p.seen[s] != nil {
			return p.errorf(k, "section %q appears twice", s)
		}
		p.seen[s] = map[Code]int{}
		if err := p.section(s, v); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) section(s Scheme, n *yaml.Node) error {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "section %q must map codes to names, like 201: {zh: 一般公共服务支出, en: General public services}", s)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return p.errorf(k, "expected a classification code")
		}
		c, err := ParseCode(k.Value)
		if err != nil {
			return p.errorf(k, "%s", err)
		}
		if line, dup := p.seen[s][c]; dup {
			return p.errorf(k, "%s appears twice in section %q (first at line %d)", c, s, line)
		}
		p.seen[s][c] = k.Line
		es, err := p.names(c, v)
		if err != nil {
			return err
		}
		p.added = append(p.added, added{scheme: s, code: c, key: k, entries: es})
	}
	return nil
}

// names reads the value of a code: one name, or a list of names for
// different years.
func (p *parser) names(c Code, n *yaml.Node) ([]entry, error) {
	var items []*yaml.Node
	switch n.Kind {
	case yaml.MappingNode:
		items = []*yaml.Node{n}
	case yaml.SequenceNode:
		items = n.Content
		if len(items) == 0 {
			return nil, p.errorf(n, "%s: the list of names is empty", c)
		}
	default:
		return nil, p.errorf(n, "%s: expected a name like {zh: 行政运行, en: Administrative operations}, or a list of them", c)
	}
	var es []entry
	for _, item := range items {
		e, err := p.entry(c, item)
		if err != nil {
			return nil, err
		}
		for _, prev := range es {
			if overlap(prev, e) {
				return nil, p.errorf(item, "%s: two names apply to the same year; separate them with from and until", c)
			}
		}
		es = append(es, e)
	}
	return es, nil
}

func overlap(a, b entry) bool {
	before := func(x, y entry) bool { return x.until != 0 && y.from != 0 && x.until < y.from }
	return !before(a, b) && !before(b, a)
}

func (p *parser) entry(c Code, n *yaml.Node) (entry, error) {
	var e entry
	if n.Kind != yaml.MappingNode {
		return e, p.errorf(n, "%s: expected a name like {zh: 行政运行, en: Administrative operations}", c)
	}
	given := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "zh", "en", "from", "until":
		default:
			return e, p.errorf(k, "%s: unknown key %q: expected zh, en, from or until", c, k.Value)
		}
		if given[k.Value] {
			return e, p.errorf(k, "%s: %s is given twice", c, k.Value)
		}
		given[k.Value] = true
		if v.Kind != yaml.ScalarNode {
			return e, p.errorf(v, "%s: %s must be a single value", c, k.Value)
		}
		var err error
		switch k.Value {
		case "zh":
			e.ZH = text(v)
		case "en":
			e.EN = text(v)
		case "from":
			e.from, err = p.year(c, k.Value, v)
		case "until":
			e.until, err = p.year(c, k.Value, v)
		}
		if err != nil {
			return e, err
		}
	}
	if e.ZH == "" {
		return e, p.errorf(n, "%s: missing zh, the Chinese name", c)
	}
	if e.from != 0 && e.until != 0 && e.from > e.until {
		return e, p.errorf(n, "%s: from %d is later than until %d", c, e.from, e.until)
	}
	return e, nil
}

func (p *parser) year(c Code, key string, v *yaml.Node) (int, error) {
	y, err := strconv.Atoi(v.Value)
	if err != nil || len(v.Value) != 4 || v.Value[0] < '1' || v.Value[0] > '9' {
		return 0, p.errorf(v, "%s: %s must be a year like 2019, not %q", c, key, v.Value)
	}
	return y, nil
}

func text(n *yaml.Node) string {
	if isNull(n) {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
