package scaffold

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// prior holds the figures of a department-year that become the next
// year's prior-year figures (上年预算数), as the file spells them.
type prior struct {
	income, expenditure, general, functions, threePublic [][2]string
	operatingCosts                                       string
}

// priorFigures reads the prior-year figures of the next year from the
// department file root, whose tables have every column of their kind
// (a built-in template). It returns nil when the file has none of them.
func priorFigures(root *yaml.Node) *prior {
	p := &prior{}
	for _, t := range items(get(root, "tables")) {
		kind := get(t, "kind")
		if kind == nil {
			continue
		}
		switch kind.Value {
		case "summary":
			for _, row := range items(get(t, "income")) {
				if key, cells := split(row); key != "current" && key != "carryover" && len(cells) > 0 {
					p.income = append(p.income, [2]string{key, cells[0]})
				}
			}
		case "expenditure":
			if cells := totalRow(get(t, "rows")); cells != nil {
				p.expenditure = columns(cells, "total", "basic", "project")
			}
		case "general":
			if cells := totalRow(get(t, "rows")); cells != nil {
				p.general = columns(cells, "", "basic", "project")
			}
			for _, row := range items(get(t, "rows")) {
				if key, cells := split(row); len(cells) > 0 {
					if code, ok := itemCode(key); ok {
						p.functions = append(p.functions, [2]string{code, cells[0]})
					}
				}
			}
		case "three-public":
			var hasParts bool
			for _, row := range items(get(t, "rows")) {
				key, _ := split(row)
				hasParts = hasParts || strings.HasPrefix(key, "vehicles.")
			}
			for _, row := range items(get(t, "rows")) {
				if key, cells := split(row); key != "" && !(key == "vehicles" && hasParts) {
					p.threePublic = append(p.threePublic, [2]string{key, first(cells)})
				}
			}
		}
	}
	if n := get(root, "operating_costs"); isNumber(n) {
		p.operatingCosts = n.Value
	}
	if p.income == nil && p.expenditure == nil && p.general == nil && p.threePublic == nil && p.operatingCosts == "" {
		return nil
	}
	return p
}

// split returns the key of a table row and its cells, "" for an empty one.
func split(row *yaml.Node) (key string, cells []string) {
	if row == nil || row.Kind != yaml.SequenceNode || len(row.Content) == 0 {
		return "", nil
	}
	for _, c := range row.Content[1:] {
		if isNumber(c) {
			cells = append(cells, c.Value)
		} else {
			cells = append(cells, "")
		}
	}
	return row.Content[0].Value, cells
}

// totalRow returns the cells of the total row of rows, or nil.
func totalRow(rows *yaml.Node) []string {
	for _, row := range items(rows) {
		if key, cells := split(row); key == "total" {
			return append(cells, "", "", "")
		}
	}
	return nil
}

// columns names the first cells; a column named "" is left out.
func columns(cells []string, names ...string) [][2]string {
	var out [][2]string
	for i, name := range names {
		if name != "" {
			out = append(out, [2]string{name, cells[i]})
		}
	}
	return out
}

func first(cells []string) string {
	if len(cells) == 0 {
		return ""
	}
	return cells[0]
}

// itemCode returns the 项 code (7 digits) a row key starts with, written
// in groups, "201 03 50".
func itemCode(key string) (string, bool) {
	var digits []rune
	for _, r := range key {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, r)
		case r >= '０' && r <= '９':
			digits = append(digits, '0'+(r-'０'))
		case r == ' ' || r == '-':
		default:
			if len(digits) == 0 {
				return "", false
			}
			goto done
		}
	}
done:
	if len(digits) != 7 {
		return "", false
	}
	s := string(digits)
	return s[:3] + " " + s[3:5] + " " + s[5:], true
}

// priorSection writes the section prior: of the new file.
func (e *emptier) priorSection() string {
	p := e.prior
	var b strings.Builder
	b.WriteString("# 上年预算数: the figures of the department-year this file was made\n")
	b.WriteString("# from. Check them against the document's \"比上年增加/减少\": a\n")
	b.WriteString("# budget changed during the year is published with other figures.\n")
	b.WriteString("prior:\n")
	group := func(name, comment string, kv [][2]string) {
		if len(kv) == 0 {
			return
		}
		fmt.Fprintf(&b, "  %s:%s\n", name, comment)
		for _, x := range kv {
			v := x[1]
			if v == "" {
				v = e.zeroText()
			}
			fmt.Fprintf(&b, "    %s: %s\n", x[0], v)
		}
	}
	group("income", "", p.income)
	group("expenditure", "", p.expenditure)
	group("general", "               # 一般公共预算当年拨款", p.general)
	group("functions", "             # 一般公共预算当年拨款, by 项", p.functions)
	group("three_public", "", p.threePublic)
	if p.operatingCosts != "" {
		fmt.Fprintf(&b, "  operating_costs: %s\n", p.operatingCosts)
	}
	return b.String()
}

// zeroText is 0 with two decimal places, as the tables are published.
func (e *emptier) zeroText() string { return "0.00" }
