package gensite

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// amountSpot is one amount of a department file: its scalar node, read
// as an integer number of the file's smallest unit (10^-places).
type amountSpot struct {
	node *yaml.Node
	n    *big.Int
}

// amountNodes returns the scalar nodes of a department file that hold
// amounts, in the places docs/data-format.md gives them: project amounts
// and allocation lines, table cells (every cell after the row's code),
// 机关运行经费, procurement, the values of assets, the funds of the
// performance tables, last year's figures and the figures of
// acceptances. Counts (staffing, vehicles, equipment), areas and weights
// are not amounts and are left out.
func amountNodes(doc *yaml.Node) ([]*yaml.Node, error) {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("a department file is a mapping of sections")
	}
	var out []*yaml.Node
	add := func(n *yaml.Node) {
		if n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" {
			out = append(out, n)
		}
	}
	values := func(m *yaml.Node) { // every scalar value of a mapping
		for _, v := range mapValues(m) {
			add(v)
		}
	}
	cells := func(rows *yaml.Node) { // every cell after the first of each row
		for _, row := range seqItems(rows) {
			if row.Kind == yaml.SequenceNode && len(row.Content) > 1 {
				for _, c := range row.Content[1:] {
					add(c)
				}
			}
		}
	}
	second := func(n *yaml.Node) { // [count or area, value]
		if n != nil && n.Kind == yaml.SequenceNode && len(n.Content) == 2 {
			add(n.Content[1])
		}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 { // in the file's order
		v := doc.Content[i+1]
		switch doc.Content[i].Value {
		case "projects":
			for _, p := range seqItems(v) {
				add(get(p, "amount"))
				cells(get(p, "allocation"))
			}
		case "tables":
			for _, t := range seqItems(v) {
				for _, part := range []string{"income", "expenditure", "rows"} {
					cells(get(t, part))
				}
			}
		case "operating_costs":
			add(v)
		case "procurement":
			values(v)
		case "assets":
			for _, k := range []string{"buildings", "vehicles", "general_vehicles", "enforcement_vehicles", "other_vehicles"} {
				second(get(v, k))
			}
			add(get(v, "furniture"))
			add(get(v, "other"))
		case "performance":
			values(get(get(v, "overall"), "funds"))
			for _, p := range seqItems(get(v, "projects")) {
				values(get(p, "funds"))
			}
		case "prior":
			for _, section := range mapValues(v) {
				if section.Kind == yaml.MappingNode {
					values(section)
				} else {
					add(section)
				}
			}
		case "accept":
			for _, a := range seqItems(v) {
				for _, f := range seqItems(get(a, "figures")) {
					add(f)
				}
			}
		}
	}
	return out, nil
}

// pairs returns the keys and values of a mapping node.
func pairs(m *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if m == nil || m.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		out[m.Content[i].Value] = m.Content[i+1]
	}
	return out
}

func mapValues(m *yaml.Node) []*yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	var out []*yaml.Node
	for i := 1; i < len(m.Content); i += 2 {
		out = append(out, m.Content[i])
	}
	return out
}

func get(m *yaml.Node, key string) *yaml.Node { return pairs(m)[key] }

func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// parseAmount reads an amount as the corpus writes it ("1,403.71", "35",
// "0.00") as an integer number of 10^-places.
func parseAmount(s string, places int) (*big.Int, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	neg := strings.HasPrefix(t, "-")
	t = strings.TrimPrefix(t, "-")
	whole, frac, _ := strings.Cut(t, ".")
	if len(frac) > places || whole == "" {
		return nil, fmt.Errorf("%q is not an amount with at most %d decimal places", s, places)
	}
	digits := whole + frac + strings.Repeat("0", places-len(frac))
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("%q is not an amount", s)
	}
	if neg {
		n.Neg(n)
	}
	return n, nil
}

// decimals returns the number of decimal places an amount is written with.
func decimals(s string) int {
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

// formatAmount writes n (in 10^-places) with places decimals, grouping
// thousands with commas when grouped is set.
func formatAmount(n *big.Int, places int, grouped bool) string {
	neg := n.Sign() < 0
	digits := new(big.Int).Abs(n).String()
	if len(digits) <= places {
		digits = strings.Repeat("0", places-len(digits)+1) + digits
	}
	whole, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	if grouped {
		var b strings.Builder
		for i, r := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		whole = b.String()
	}
	s := whole
	if places > 0 {
		s += "." + frac
	}
	if neg {
		s = "-" + s
	}
	return s
}

// scalable is a department file read for scaling: its source and its
// amounts as integers of 10^-places of the file's unit.
type scalable struct {
	src    []byte
	spots  []amountSpot
	places int
}

// readScalable finds the amounts of a department file.
func readScalable(name string, src []byte) (*scalable, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	nodes, err := amountNodes(&doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	s := &scalable{src: src}
	for _, n := range nodes {
		s.places = max(s.places, decimals(n.Value))
	}
	for _, n := range nodes {
		v, err := parseAmount(n.Value, s.places)
		if err != nil {
			return nil, fmt.Errorf("%s:%d:%d: %v", name, n.Line, n.Column, err)
		}
		s.spots = append(s.spots, amountSpot{node: n, n: v})
	}
	return s, nil
}

// gcd is the largest integer that divides every amount (in 10^-places,
// times mul): a factor p/q keeps every amount exact when q divides it.
func (s *scalable) gcd(mul int64) int64 {
	g := new(big.Int)
	m := big.NewInt(mul)
	for _, sp := range s.spots {
		v := new(big.Int).Mul(sp.n, m)
		g.GCD(nil, nil, g, v.Abs(v))
	}
	if !g.IsInt64() || g.Sign() == 0 {
		return 1
	}
	return g.Int64()
}

// scaled returns the source with every amount multiplied by mul×p/q,
// exactly (q must divide s.gcd(mul)); the rest of the text, comments
// and layout included, is left as it is. Zero amounts keep their text;
// the others are written with the file's decimal places, with thousands
// separators when the original had them.
func (s *scalable) scaled(mul, p, q int64) ([]byte, error) {
	lines := bytes.SplitAfter(s.src, []byte("\n"))
	type edit struct {
		col  int // rune index of the first character of the number
		old  string
		repl string
	}
	edits := map[int][]edit{}
	num := new(big.Int).Mul(big.NewInt(mul), big.NewInt(p))
	den := big.NewInt(q)
	for _, sp := range s.spots {
		if sp.n.Sign() == 0 {
			continue
		}
		v := new(big.Int).Mul(sp.n, num)
		quo, rem := new(big.Int).QuoRem(v, den, new(big.Int))
		if rem.Sign() != 0 {
			return nil, fmt.Errorf("line %d: %s × %d×%d/%d is not exact", sp.node.Line, sp.node.Value, mul, p, q)
		}
		col := sp.node.Column - 1
		if sp.node.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			col++
		}
		edits[sp.node.Line-1] = append(edits[sp.node.Line-1], edit{col, sp.node.Value, formatAmount(quo, s.places, strings.Contains(sp.node.Value, ","))})
	}
	var out bytes.Buffer
	for i, line := range lines {
		es := edits[i]
		sort.Slice(es, func(a, b int) bool { return es[a].col < es[b].col })
		if len(es) == 0 {
			out.Write(line)
			continue
		}
		r := []rune(string(line))
		for j := len(es) - 1; j >= 0; j-- { // right to left keeps the columns
			e := es[j]
			old := []rune(e.old)
			if e.col+len(old) > len(r) || string(r[e.col:e.col+len(old)]) != e.old {
				return nil, fmt.Errorf("line %d: the amount %q is not at column %d", i+1, e.old, e.col+1)
			}
			r = append(r[:e.col], append([]rune(e.repl), r[e.col+len(old):]...)...)
		}
		out.WriteString(string(r))
	}
	return out.Bytes(), nil
}
