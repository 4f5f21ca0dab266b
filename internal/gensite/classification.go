package gensite

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/classify"
)

// codePrefix is the code a row, a project or a prior line begins with.
var codePrefix = regexp.MustCompile(`^\s*([0-9]{3}(?: [0-9]{2}){0,2})(?:\s|$)`)

// codes returns the classification codes a department file uses: the
// first cell of table rows, projects' functions and allocation lines,
// and last year's functions.
func codes(src []byte) []classify.Code {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) != 1 {
		return nil
	}
	var out []classify.Code
	add := func(n *yaml.Node) {
		if n == nil || n.Kind != yaml.ScalarNode {
			return
		}
		if m := codePrefix.FindStringSubmatch(n.Value); m != nil {
			if c, err := classify.ParseCode(m[1]); err == nil {
				out = append(out, c)
			}
		}
	}
	first := func(rows *yaml.Node) {
		for _, r := range seqItems(rows) {
			if r.Kind == yaml.SequenceNode && len(r.Content) > 0 {
				add(r.Content[0])
			}
		}
	}
	top := pairs(doc.Content[0])
	for _, t := range seqItems(top["tables"]) {
		first(get(t, "rows"))
		first(get(t, "expenditure"))
	}
	for _, p := range seqItems(top["projects"]) {
		add(get(p, "function"))
		first(get(p, "allocation"))
	}
	if f := get(top["prior"], "functions"); f != nil && f.Kind == yaml.MappingNode {
		for i := 0; i < len(f.Content); i += 2 {
			add(f.Content[i])
		}
	}
	return out
}

// classification returns a data/classification.yaml that gives every
// code the sources use a name in each of years, or nil when the bundled
// dictionary names them all. The corpus follows the classification of
// 2019 and later; a site reaching back before it (201 38 市场监督管理事务
// was created in 2019) keeps the codes with their present names, as a
// province would that kept its codes across the reform.
func classification(srcs []*source, years []int) []byte {
	dict := classify.Default()
	missing := map[classify.Scheme]map[classify.Code]classify.Name{}
	for _, s := range srcs {
		for _, c := range codes(s.data) {
			for _, scheme := range []classify.Scheme{classify.Function, classify.Economic} {
				name, ok := dict.Lookup(scheme, c, s.year)
				if !ok {
					continue
				}
				for _, y := range years {
					if _, ok := dict.Lookup(scheme, c, y); !ok {
						if missing[scheme] == nil {
							missing[scheme] = map[classify.Code]classify.Name{}
						}
						missing[scheme][c] = name
					}
				}
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("# Codes of the departments that the classification of their earlier\n")
	b.WriteString("# years lacks (the 2019 reform created them): kept in every year with\n")
	b.WriteString("# their present names. Written by internal/gensite.\n")
	for _, scheme := range []classify.Scheme{classify.Function, classify.Economic} {
		if len(missing[scheme]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "%s:\n", scheme)
		var cs []classify.Code
		for c := range missing[scheme] {
			cs = append(cs, c)
		}
		slices.Sort(cs) // a parent (201 38) before its children (201 38 01)
		for _, c := range cs {
			n := missing[scheme][c]
			zh, _ := json.Marshal(n.ZH)
			en, _ := json.Marshal(n.EN)
			fmt.Fprintf(&b, "  %s: {zh: %s, en: %s}\n", spaced(c), zh, en)
		}
	}
	return []byte(b.String())
}

// spaced writes a code in groups: 2013801 as 201 38 01.
func spaced(c classify.Code) string {
	s := string(c)
	switch len(s) {
	case 5:
		return s[:3] + " " + s[3:]
	case 7:
		return s[:3] + " " + s[3:5] + " " + s[5:]
	}
	return s
}
