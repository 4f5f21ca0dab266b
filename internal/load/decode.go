package load

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/amount"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/spell"
)

// decoder walks a parsed YAML tree, collecting diagnostics as it goes so
// that one run reports every mistake of a file, not just the first.
type decoder struct {
	file    string
	diags   diag.List
	strings []model.Located
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.pos(n), format, args...)
}

// kindName says in plain words what kind of YAML value a node is.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a group of \"key: value\" lines"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// object is a YAML mapping whose keys have been checked against the keys
// allowed at that place.
type object struct {
	d    *decoder
	node *yaml.Node
	what string
	vals map[string]*yaml.Node
	keys map[string]*yaml.Node
}

// object checks that n is a mapping with no duplicate and no unknown
// keys. It returns nil (after reporting) when n is not a mapping.
func (d *decoder) object(n *yaml.Node, what string, allowed ...string) *object {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a group of \"key: value\" lines, but here is %s", what, kindName(n))
		return nil
	}
	o := &object{d: d, node: n, what: what, vals: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s must be a plain word", what)
			continue
		}
		if _, dup := o.vals[k.Value]; dup {
			d.errorf(k, "%q appears twice in %s; keep only one", k.Value, what)
			continue
		}
		if !contains(allowed, k.Value) {
			if n.Style&yaml.FlowStyle != 0 && isNull(v) && i > 0 && isSplit(n.Content[i-1], k) {
				a, b := n.Content[i-1].Value, k.Value
				d.errorf(n.Content[i-1], "%s,%s is read as %s followed by a key %s, because inside { } a comma separates entries; "+
					"write %s%s or \"%s,%s\"", a, b, a, b, a, b, a, b)
				continue
			}
			msg := unknownKey(k.Value, what, allowed)
			if n.Style&yaml.FlowStyle != 0 && isNull(v) {
				msg += `; if it is part of the value before it, that value contains a comma: put it in quotes`
			}
			d.errorf(k, "%s", msg)
			continue
		}
		o.vals[k.Value], o.keys[k.Value] = v, k
	}
	return o
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unknownKey explains an unknown key and suggests the closest allowed one.
func unknownKey(key, what string, allowed []string) string {
	return fmt.Sprintf("unknown key %q in %s", key, what) + suggest(key, allowed)
}

// suggest names the allowed word closest to name, if one is close, and
// lists them all: "; did you mean "general"? (allowed: …)".
func suggest(name string, allowed []string) string {
	sorted := append([]string(nil), allowed...)
	sort.Strings(sorted)
	best := spell.Closest(strings.ToLower(name), allowed, 3)
	if contains(allowed, "zh") && chineseTags[strings.ToLower(name)] {
		best = "zh"
	}
	msg := ""
	if best != "" {
		msg = fmt.Sprintf("; did you mean %q?", best)
	}
	return msg + " (allowed: " + strings.Join(sorted, ", ") + ")"
}

// chineseTags are other ways of naming Chinese that editors write instead
// of zh; "cn" would otherwise be taken for a typo of "en".
var chineseTags = map[string]bool{"cn": true, "zh-cn": true, "zh_cn": true, "zh-hans": true, "chinese": true, "中文": true}

// get returns the value of key, or nil when it is absent.
func (o *object) get(key string) *yaml.Node {
	if o == nil {
		return nil
	}
	return o.vals[key]
}

// key returns the node of key itself, or nil when it is absent.
func (o *object) key(key string) *yaml.Node {
	if o == nil {
		return nil
	}
	return o.keys[key]
}

// require returns the value of key, reporting it when absent.
func (o *object) require(key, meaning string) *yaml.Node {
	if o == nil {
		return nil
	}
	v := o.vals[key]
	if v == nil {
		o.d.errorf(o.node, "%s is missing %q (%s)", o.what, key, meaning)
	}
	return v
}

// isNull reports whether n is an empty value (~, null or nothing).
func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// scalar returns the text of a scalar node, reporting anything else.
func (d *decoder) scalar(n *yaml.Node, what string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s should be a single value, but here is %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// str reads a plain string and remembers it for the placeholder check.
func (d *decoder) str(n *yaml.Node, what string) string {
	s, ok := d.scalar(n, what)
	if !ok {
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	d.strings = append(d.strings, model.Located{S: s, Pos: d.pos(n)})
	return s
}

// text reads a Text: a plain string (Chinese) or a mapping by language.
func (d *decoder) text(n *yaml.Node, what string, langs []string) model.Text {
	if n == nil {
		return model.Text{}
	}
	t := model.Text{ByLang: map[string]string{}, Pos: d.pos(n)}
	if n.Kind == yaml.MappingNode {
		o := d.object(n, what, langs...)
		if o == nil {
			return model.Text{}
		}
		for _, l := range langs {
			if v := o.get(l); v != nil {
				if s := d.str(v, what); s != "" {
					t.ByLang[l] = s
					d.strings[len(d.strings)-1].Lang = l
				}
			}
		}
		if _, ok := t.ByLang["zh"]; !ok {
			d.errorf(n, "%s has no Chinese text: add a \"zh:\" line", what)
		}
		return t
	}
	s := d.str(n, what)
	if s != "" {
		t.ByLang["zh"] = s
	}
	return t
}

// integer reads a whole number such as a headcount.
func (d *decoder) integer(n *yaml.Node, what string) int {
	s, ok := d.scalar(n, what)
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(strings.TrimPrefix(s, "+"))
	if err != nil || n.Tag == "!!str" && strings.TrimSpace(s) != s {
		d.errorf(n, "%s should be a whole number, but here is %q", what, s)
		return 0
	}
	return v
}

// money reads an amount.
func (d *decoder) money(n *yaml.Node, what string) model.Money {
	s, ok := d.scalar(n, what)
	if !ok {
		return model.Money{}
	}
	a, err := amount.Parse(s)
	if err != nil {
		d.errorf(n, "%s: %v", what, err)
		return model.Money{Pos: d.pos(n)}
	}
	return model.Money{Amount: a, Pos: d.pos(n)}
}

var dateForm = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// date reads a YYYY-MM-DD date.
func (d *decoder) date(n *yaml.Node, what string) model.Date {
	s, ok := d.scalar(n, what)
	if !ok {
		return model.Date{}
	}
	dt, err := model.ParseDate(s)
	if err != nil && dateForm.MatchString(s) {
		d.errorf(n, "%s: %s is not a day of the calendar; check the month and the day", what, s)
		return model.Date{}
	}
	if err != nil {
		d.errorf(n, "%s: %v", what, err)
		return model.Date{}
	}
	dt.Pos = d.pos(n)
	return dt
}

// list checks that n is a sequence and returns its items.
func (d *decoder) list(n *yaml.Node, what string) []*yaml.Node {
	if n == nil {
		return nil
	}
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s should be a list (lines starting with \"- \"), but here is %s", what, kindName(n))
		return nil
	}
	return n.Content
}

// pairs returns the key and value nodes of a mapping, reporting duplicate
// keys; the keys are free (codes, item keys), not a fixed set.
func (d *decoder) pairs(n *yaml.Node, what string) [][2]*yaml.Node {
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a group of \"key: value\" lines, but here is %s", what, kindName(n))
		return nil
	}
	seen := map[string]bool{}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s must be a plain word", what)
			continue
		}
		if seen[k.Value] {
			d.errorf(k, "%q appears twice in %s; keep only one", k.Value, what)
			continue
		}
		seen[k.Value] = true
		out = append(out, [2]*yaml.Node{k, n.Content[i+1]})
	}
	return out
}

var (
	upToThreeDigits = regexp.MustCompile(`^-?[0-9]{1,3}$`)
	threeDigits     = regexp.MustCompile(`^[0-9]{3}(\.[0-9]+)?$`)
)

// splitAmount reports an amount such as 1,403.71 written with a thousands
// separator inside [ ], where a comma separates cells: YAML reads it as two
// cells, 1 and 403.71, with no space between them. It reports true when it
// found one.
func (d *decoder) splitAmount(cells []*yaml.Node) bool {
	for i := 1; i < len(cells); i++ {
		if isSplit(cells[i-1], cells[i]) {
			a, b := cells[i-1].Value, cells[i].Value
			d.errorf(cells[i-1], "%s,%s is read as two amounts, %s and %s, because inside [ ] a comma separates cells; "+
				"write %s%s or \"%s,%s\" (or, if they are two amounts, put a space after the comma)", a, b, a, b, a, b, a, b)
			return true
		}
	}
	return false
}

// isSplit reports whether a and b are the two halves of an amount split at
// its thousands separator.
func isSplit(a, b *yaml.Node) bool {
	return a.Kind == yaml.ScalarNode && b.Kind == yaml.ScalarNode && a.Style == 0 && b.Style == 0 &&
		a.Line == b.Line && b.Column == a.Column+utf8.RuneCountInString(a.Value)+1 &&
		upToThreeDigits.MatchString(a.Value) && threeDigits.MatchString(b.Value)
}
