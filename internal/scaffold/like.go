package scaffold

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

// Like is the department-year a new one is made from.
type Like struct {
	Year int
	ID   string
}

// ParseLike reads the --like argument: 2024/changji-egov, changji-egov
// (its latest year in the site in dir), or the path of a department file,
// data/2024/changji-egov.yaml, with either separator.
func ParseLike(dir, s string) (Like, error) {
	p := strings.TrimSuffix(strings.ReplaceAll(s, `\`, "/"), ".yaml")
	parts := strings.Split(p, "/")
	if n := len(parts); n >= 3 && parts[n-3] == "data" {
		parts = parts[n-2:]
	}
	switch len(parts) {
	case 1:
		if err := CheckID(parts[0]); err != nil {
			return Like{}, fmt.Errorf("--like %s: %v", s, err)
		}
		year, ok := latestYear(dir, parts[0])
		if !ok {
			return Like{}, fmt.Errorf("--like %s: the site has no department %s (no data/<year>/%s.yaml)", s, parts[0], parts[0])
		}
		return Like{year, parts[0]}, nil
	case 2:
		year, err := strconv.Atoi(parts[0])
		if err != nil || len(parts[0]) != 4 || CheckID(parts[1]) != nil {
			break
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(DataPath(year, parts[1])))); err != nil {
			return Like{}, fmt.Errorf("--like %s: the site has no %s", s, filepath.FromSlash(DataPath(year, parts[1])))
		}
		return Like{year, parts[1]}, nil
	}
	return Like{}, fmt.Errorf("--like %s: give the department to start from as <year>/<id>, like 2024/changji-egov, or as <id> for its latest year", s)
}

// latestYear returns the last year folder of dir's data/ that holds id.
func latestYear(dir, id string) (int, bool) {
	paths, _ := filepath.Glob(filepath.Join(dir, "data", "*", id+".yaml"))
	var years []int
	for _, p := range paths {
		if y, err := strconv.Atoi(filepath.Base(filepath.Dir(p))); err == nil {
			years = append(years, y)
		}
	}
	if len(years) == 0 {
		return 0, false
	}
	return slices.Max(years), true
}

// DepartmentLike adds the department id of year to the site in dir,
// made from the department-year like: its structure is kept (codes,
// items, projects, indicators and texts), its figures are emptied (table
// cells become ~, other amounts 0), its dates move to year, its
// acceptances of figures are dropped and, when like is the same
// department the year before, its figures become the new file's
// prior-year figures (otherwise the new file has none). The explanations are
// the template's skeletons. It returns the paths written, relative to
// dir, with slashes.
func DepartmentLike(dir, id string, year int, like Like) ([]string, error) {
	if err := checkDepartment(dir, id, year); err != nil {
		return nil, err
	}
	from := filepath.Join(dir, filepath.FromSlash(DataPath(like.Year, like.ID)))
	src, err := os.ReadFile(from)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", from, reason(err))
	}
	// Its figures are the new file's prior-year ones when it is the same
	// department the year before, in tables of every column.
	withPrior := like.ID == id && like.Year == year-1 && builtinTemplate(dir, src)
	out, err := Emptied(string(src), like.Year, year, withPrior)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", from, err)
	}
	files := append([]file{{DataPath(year, id), []byte(out)}}, skeletons(id, year)...)
	return write(dir, files)
}

// Emptied returns the department file src of the year from with its
// figures emptied and its dates moved on to the year to, as
// DepartmentLike describes. withPrior says whether its figures become
// the prior-year figures (it is the same department the year before,
// and its tables have every column of their kind: a built-in template);
// otherwise its prior-year figures are dropped.
// Comments and layout are kept: only the figures, the dates and the
// sections accept and prior change.
func Emptied(src string, from, to int, withPrior bool) (string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		return "", fmt.Errorf("the file does not load (%v): run budgetpress check on it and fix it first", err)
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return "", fmt.Errorf("the file is not a department file (it has no sections like unit: and tables:)")
	}
	e := &emptier{years: to - from, from: from, to: to}
	root := doc.Content[0]
	if withPrior {
		e.prior = priorFigures(root)
	}
	e.walkTop(root)
	lines := strings.SplitAfter(src, "\n")
	// From the right of each line, so that the columns of the edits still
	// to make stay right.
	slices.SortFunc(e.edits, func(a, b edit) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return b.col - a.col
	})
	for _, ed := range e.edits {
		line := []rune(lines[ed.line-1])
		at, n := ed.col-1, len([]rune(ed.old))
		if at < 0 || at+n > len(line) || string(line[at:at+n]) != ed.old {
			return "", fmt.Errorf("line %d: cannot find %q where the file has it; empty the figures by hand", ed.line, ed.old)
		}
		lines[ed.line-1] = string(line[:at]) + pad(ed.new, n, line[at+n:]) + string(line[at+n:])
	}
	// The year in the heading comment and in the empty-table statements
	// (空表说明), which name it.
	if from != to {
		for i := 0; i < root.Content[0].Line-1; i++ {
			if strings.HasPrefix(lines[i], "#") {
				lines[i] = e.moveYear(lines[i])
			}
		}
		for _, r := range e.emptyText {
			for i := r[0]; i < r[1] && i < len(lines); i++ {
				lines[i] = e.moveYear(lines[i])
			}
		}
	}
	// Whole sections and acceptances replaced or dropped, from the last so
	// that earlier line numbers stay right.
	type cut struct {
		start, end int
		with       string
	}
	var cuts []cut
	for i := 0; i+1 < len(root.Content); i += 2 {
		switch root.Content[i].Value {
		case "accept":
			all := items(root.Content[i+1])
			var keep int
			for j, a := range all {
				if get(a, "figures") == nil {
					keep++
					continue
				}
				_, end := sectionLines(root, i, lines)
				if j+1 < len(all) {
					end = above(all[j+1])
				}
				start, end := span(above(a), end, lines)
				cuts = append(cuts, cut{start, end, ""})
			}
			if keep == 0 {
				start, end := sectionLines(root, i, lines)
				cuts = slices.DeleteFunc(cuts, func(c cut) bool { return c.start >= start && c.end <= end })
				cuts = append(cuts, cut{start, end, ""})
			}
		case "prior":
			start, end := sectionLines(root, i, lines)
			with := ""
			if e.prior != nil {
				with = e.priorSection()
			}
			cuts = append(cuts, cut{start, end, with})
		}
	}
	slices.SortFunc(cuts, func(a, b cut) int { return b.start - a.start })
	for _, c := range cuts {
		lines = slices.Replace(lines, c.start, c.end, c.with)
	}
	out := strings.Join(lines, "")
	if e.prior != nil && !hasKey(root, "prior") {
		if !strings.HasSuffix(out, "\n") {
			out += "\n"
		}
		out += "\n" + e.priorSection()
	}
	return out, nil
}

// sectionLines returns the lines, as a half-open range of 0-based line
// indexes, of the top-level section whose key is root.Content[i], with
// the comments above its key and without the blank lines at its end.
func sectionLines(root *yaml.Node, i int, lines []string) (start, end int) {
	end = len(lines)
	if i+2 < len(root.Content) {
		end = above(root.Content[i+2])
	}
	return span(above(root.Content[i]), end, lines)
}

// above returns the 0-based index of the first line of n with the
// comments above it.
func above(n *yaml.Node) int {
	start := n.Line - 1
	if n.HeadComment != "" {
		start -= strings.Count(n.HeadComment, "\n") + 1
	}
	return start
}

// span returns start and end with the blank lines at the end left out.
func span(start, end int, lines []string) (int, int) {
	for end > start+1 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	return start, end
}

func hasKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return true
		}
	}
	return false
}

// An edit replaces the token old at line:col (1-based, in characters) by
// new.
type edit struct {
	line, col int
	old, new  string
}

type emptier struct {
	years     int
	emptyText [][2]int // 0-based half-open line ranges of the empty-table statements
	from, to  int      // the years of the file emptied and of the new one
	edits     []edit
	prior     *prior
}

// walkTop empties the figures of each top-level section.
func (e *emptier) walkTop(root *yaml.Node) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		v := root.Content[i+1]
		switch root.Content[i].Value {
		case "published":
			e.date(v)
		case "tables":
			end := 1 << 30 // the line after the last table
			if i+2 < len(root.Content) {
				end = root.Content[i+2].Line - 1
			}
			for j, t := range items(v) {
				if em := get(t, "empty"); em != nil {
					stop := end
					if j+1 < len(v.Content) {
						stop = v.Content[j+1].Line - 1
					}
					if k := slices.Index(t.Content, em); k+1 < len(t.Content) {
						stop = min(stop, t.Content[k+1].Line-1)
					}
					e.emptyText = append(e.emptyText, [2]int{em.Line - 1, stop})
				}
				for _, side := range []string{"rows", "income", "expenditure"} {
					for _, row := range items(get(t, side)) {
						if row.Kind == yaml.SequenceNode && len(row.Content) > 0 {
							for _, cell := range row.Content[1:] {
								e.set(cell, "~")
							}
						}
					}
				}
			}
		case "projects":
			for _, p := range items(v) {
				e.zero(get(p, "amount"))
				e.date(get(p, "from"))
				e.date(get(p, "to"))
				for _, a := range items(get(p, "allocation")) {
					if a.Kind == yaml.SequenceNode && len(a.Content) > 1 {
						e.zero(a.Content[1])
					}
				}
			}
		case "operating_costs":
			e.zero(v)
		case "procurement":
			e.zeroAll(v)
		case "assets":
			for j := 0; j+1 < len(v.Content); j += 2 {
				if v.Content[j].Value == "as_of" {
					e.date(v.Content[j+1])
				} else {
					e.zeroAll(v.Content[j+1])
				}
			}
		case "performance":
			e.zeroAll(get(get(v, "overall"), "funds"))
			for _, p := range items(get(v, "projects")) {
				e.zeroAll(get(p, "funds"))
			}
		}
	}
}

// get returns the value of key in the mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// items returns the elements of the sequence n.
func items(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

var number = regexp.MustCompile(`^[0-9０-９][0-9０-９,，]*([.．]([0-9０-９]*))?$`)

// isNumber reports whether the scalar n holds a figure.
func isNumber(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag != "!!null" && number.MatchString(n.Value)
}

// zeroAll sets every figure of n (a mapping, a list or a scalar) to 0.
func (e *emptier) zeroAll(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind == yaml.ScalarNode {
		e.zero(n)
		return
	}
	for i, c := range n.Content {
		if n.Kind == yaml.MappingNode && i%2 == 0 {
			continue
		}
		e.zeroAll(c)
	}
}

// zero sets the figure n to 0, with its decimal places.
func (e *emptier) zero(n *yaml.Node) {
	if !isNumber(n) {
		return
	}
	z := "0"
	if m := number.FindStringSubmatch(n.Value); m[1] != "" {
		z += "." + strings.Repeat("0", len([]rune(m[2])))
	}
	e.set(n, z)
}

// set replaces the figure n by to.
func (e *emptier) set(n *yaml.Node, to string) {
	if !isNumber(n) {
		return
	}
	e.edits = append(e.edits, edit{n.Line, n.Column, token(n), to})
}

// token returns n as the file spells it.
func token(n *yaml.Node) string {
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		return `"` + n.Value + `"`
	case yaml.SingleQuotedStyle:
		return "'" + n.Value + "'"
	}
	return n.Value
}

var datePattern = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// date moves the date n on by e.years.
func (e *emptier) date(n *yaml.Node) {
	if n == nil || n.Kind != yaml.ScalarNode || e.years == 0 {
		return
	}
	m := datePattern.FindStringSubmatch(n.Value)
	if m == nil {
		return
	}
	y, _ := strconv.Atoi(m[1])
	y += e.years
	day := m[3]
	if m[2] == "02" && day == "29" && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		day = "28"
	}
	e.edits = append(e.edits, edit{n.Line, n.Column, token(n), fmt.Sprintf("%04d-%s-%s", y, m[2], day)})
}

// builtinTemplate reports whether the department file src of the site in
// dir follows a built-in template, whose tables have every column of
// their kind.
func builtinTemplate(dir string, src []byte) bool {
	id := model.TemplateNational
	if site, _ := load.ReadSettings(dir); site.Config != nil && site.Config.Template != "" {
		id = site.Config.Template
	}
	var f struct{ Template string }
	if yaml.Unmarshal(src, &f) == nil && f.Template != "" {
		id = f.Template
	}
	_, ok := model.BuiltinTemplates()[id]
	return ok
}

// moveYear writes the new year for the old one in a line of text.
func (e *emptier) moveYear(line string) string {
	old := regexp.MustCompile(`(^|[^0-9])` + strconv.Itoa(e.from) + `([^0-9]|$)`)
	return old.ReplaceAllString(line, "${1}"+strconv.Itoa(e.to)+"${2}")
}

// pad widens the figure new to the n characters of the one it replaces,
// so that the columns of the file stay aligned: on the left inside a
// row (figures are aligned on the right), on the right before a comment.
func pad(new string, n int, rest []rune) string {
	w := n - len([]rune(new))
	switch {
	case w <= 0:
		return new
	case len(rest) > 0 && (rest[0] == ',' || rest[0] == ']'):
		return strings.Repeat(" ", w) + new
	case len(rest) > 0 && rest[0] == ' ':
		return new + strings.Repeat(" ", w)
	}
	return new
}
