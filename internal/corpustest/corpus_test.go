package corpustest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"budgetpress/internal/amount"
	"budgetpress/internal/check"
	"budgetpress/internal/diag"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

// sites returns the corpus sites and the example site, by name.
func sites(t *testing.T) map[string]string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{"example": filepath.Join("..", "..")}
	for _, d := range dirs {
		if st, err := os.Stat(filepath.Join(d, "site.yaml")); err == nil && !st.IsDir() {
			out[filepath.Base(d)] = d
		}
	}
	if len(out) < 7 {
		t.Errorf("the corpus has %d sites besides the example; it should have at least six", len(out)-1)
	}
	return out
}

func sortedNames(m map[string]string) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// TestCorpusChecksClean checks every corpus site as `budgetpress check`
// does: no errors and no warnings, without any accept: entry.
func TestCorpusChecksClean(t *testing.T) {
	all := sites(t)
	for _, name := range sortedNames(all) {
		if name == "example" {
			continue // its findings are the published document's, pinned in internal/check
		}
		dir := all[name]
		t.Run(name, func(t *testing.T) {
			s, diags := load.ReadSite(dir)
			diags = append(diags, check.Site(s)...)
			diags.Sort()
			for _, d := range diags {
				t.Errorf("%s", d)
			}
			for _, f := range s.Files {
				if len(f.Accepted) > 0 {
					t.Errorf("%s accepts %d findings; the corpus must be consistent without accept:", f.Path, len(f.Accepted))
				}
			}
			if len(s.Files) == 0 {
				t.Error("no department files")
			}
		})
	}
}

// eachFile calls fn for every department file of every site that loads,
// with its source and the options it was read with.
func eachFile(t *testing.T, fn func(site string, s *model.Site, f *model.File, src []byte)) {
	t.Helper()
	all := sites(t)
	for _, name := range sortedNames(all) {
		dir := all[name]
		s, diags := load.ReadSite(dir)
		if diags.HasErrors() {
			t.Errorf("%s does not load: %v", name, diags)
			continue
		}
		for _, f := range s.Files {
			src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
			if err != nil {
				t.Fatal(err)
			}
			fn(name, s, f, src)
		}
	}
}

// figure is an amount of a department file: where it is written, and
// what it is (a path through the model, such as "table 2 rows 2010350
// general").
type figure struct {
	what string
	pos  diag.Pos
	a    amount.Amount
}

// TestEveryFigureIsChecked raises, then lowers, each figure of each
// department file by one unit of its last decimal place and expects a new
// finding each time.
func TestEveryFigureIsChecked(t *testing.T) {
	free := readFree(t)
	seen := map[string]bool{}
	total, freeCount := 0, 0
	eachFile(t, func(name string, s *model.Site, f *model.File, src []byte) {
		opt := load.OptionsOf(s)
		baseline := findings(f, s)
		for _, fig := range figures(f) {
			for _, step := range []string{"0.01", "-0.01"} {
				total++
				key := fig.what
				changed, err := bump(src, fig, step)
				if err != nil {
					t.Errorf("%s: %s at %s: %v", name, fig.what, fig.pos, err)
					continue
				}
				g, ds := load.File(f.Path, changed, opt)
				if ds.HasErrors() || g == nil {
					t.Errorf("%s: changing %s at %s breaks loading: %v", name, fig.what, fig.pos, ds)
					continue
				}
				reported := false
				for d := range findings(g, s) {
					if !baseline[d] {
						reported = true
						break
					}
				}
				switch {
				case !reported && free[key] == "":
					t.Errorf("%s: %s (%s at %s) can change by %s without any finding; add a check, or list it in testdata/free.txt with the reason",
						name, fig.what, fig.a, fig.pos, step)
				case !reported:
					freeCount++
					seen[key] = true
				}
			}
		}
	})
	for key := range free {
		if !seen[key] && !t.Failed() {
			t.Errorf("testdata/free.txt lists %q, but no figure of it is free in the corpus (any more): remove it from the list", key)
		}
	}
	t.Logf("%d changes of one figure at a time; %d of them free, of the %d kinds testdata/free.txt lists", total, freeCount, len(free))
}

// findings checks a department file in its site and returns what check
// prints, without positions (a changed figure may move nothing, but the
// set of findings must change).
func findings(f *model.File, s *model.Site) map[string]bool {
	out := map[string]bool{}
	for _, d := range check.File(f, s.Config, s.Dict) {
		out[d.Severity.String()+" "+d.Message+" ["+d.Rule+"]"] = true
	}
	return out
}

// readFree reads testdata/free.txt: "what: reason" per line, what
// naming a figure as figures does (Assets.Furniture).
func readFree(t *testing.T) map[string]string {
	t.Helper()
	fh, err := os.Open(filepath.Join("testdata", "free.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, reason, ok := strings.Cut(line, ": ")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Fatalf("testdata/free.txt: %q needs a reason after \": \"", line)
		}
		out[key] = reason
	}
	return out
}

// figures lists every amount of a file that has a position: table cells,
// projects and their allocations, performance funds, procurement, assets,
// 机关运行经费 and the prior year's figures. It walks the model by
// reflection, so a figure added to the model is changed too.
func figures(f *model.File) []figure {
	var out []figure
	var walk func(v reflect.Value, what string)
	walk = func(v reflect.Value, what string) {
		switch x := v.Interface().(type) {
		case model.Money:
			if x.Pos.Line > 0 {
				out = append(out, figure{what, x.Pos, x.Amount})
			}
			return
		case model.Table:
			for _, part := range x.Kind.Parts {
				for _, r := range x.Parts[part.Key] {
					for i, cl := range r.Cells {
						if !cl.Empty && i < len(part.Columns) {
							out = append(out, figure{fmt.Sprintf("table %s %s %s %s", x.No, part.Key, r.Key, part.Columns[i].Key), cl.Pos, cl.Value})
						}
					}
				}
			}
			return
		case diag.Pos, model.Text:
			return
		}
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), what)
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i), join(what, name(v, i)))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", what, i))
			}
		case reflect.Map:
			keys := v.MapKeys()
			sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
			for _, k := range keys {
				walk(v.MapIndex(k), fmt.Sprintf("%s[%v]", what, k))
			}
		}
	}
	walk(reflect.ValueOf(f).Elem(), "")
	sort.Slice(out, func(i, j int) bool {
		if out[i].pos.Line != out[j].pos.Line {
			return out[i].pos.Line < out[j].pos.Line
		}
		return out[i].pos.Col < out[j].pos.Col
	})
	return out
}

// name names a struct field in a figure's path; a project or a project's
// targets is named by its id instead of its index.
func name(v reflect.Value, i int) string {
	n := v.Type().Field(i).Name
	switch x := v.Interface().(type) {
	case model.Project:
		return "project " + x.ID + "." + n
	case model.ProjectTargets:
		return "targets " + x.Project + "." + n
	}
	return n
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	if strings.HasSuffix(a, "]") && strings.Contains(b, " ") {
		// Projects[2].project x.Amount reads better as project x.Amount.
		return a[:strings.LastIndex(a, "[")] + "." + b
	}
	return a + "." + b
}

// bump returns src with the figure at fig.pos raised (step "0.01") or
// lowered ("-0.01") by one unit of its last decimal place, written the
// way it was (grouped or not). A figure of 0 is not lowered below zero,
// which no table prints: it is raised twice.
func bump(src []byte, fig figure, step string) ([]byte, error) {
	unit := amount.MustParse("1").Shift(-fig.a.Places())
	b := fig.a.Add(unit)
	if strings.HasPrefix(step, "-") {
		b = fig.a.Sub(unit)
		if b.Sign() < 0 {
			b = fig.a.Add(unit).Add(unit)
		}
	}
	return replaceAt(src, fig.pos, fig.a, b.WithPlaces(fig.a.Places()))
}

// replaceAt returns src with the amount was, written at pos, replaced by
// b, written the way was is (grouped or not).
func replaceAt(src []byte, pos diag.Pos, was, b amount.Amount) ([]byte, error) {
	fig := figure{pos: pos, a: was}
	lines := strings.SplitAfter(string(src), "\n")
	if fig.pos.Line < 1 || fig.pos.Line > len(lines) {
		return nil, fmt.Errorf("no line %d", fig.pos.Line)
	}
	line := lines[fig.pos.Line-1]
	start := 0
	for col := 1; col < fig.pos.Col && start < len(line); col++ {
		_, size := utf8.DecodeRuneInString(line[start:])
		start += size
	}
	quote := ""
	if start < len(line) && (line[start] == '"' || line[start] == '\'') {
		quote = line[start : start+1]
		start++
	}
	end := start
	for end < len(line) && strings.ContainsRune("0123456789.,", rune(line[end])) {
		if line[end] == ',' && quote == "" && !grouping(line[end:]) {
			break // a comma that separates cells
		}
		end++
	}
	token := line[start:end]
	a, err := amount.Parse(token)
	if err != nil || !a.Equal(fig.a) {
		return nil, fmt.Errorf("the text at the figure's position is %q, not %s", token, fig.a)
	}
	text := b.String()
	if strings.Contains(token, ",") {
		text = b.Grouped()
	}
	lines[fig.pos.Line-1] = line[:start] + text + line[end:]
	return []byte(strings.Join(lines, "")), nil
}

// grouping reports whether the comma that s starts with separates
// thousands (three digits follow, and then no digit).
func grouping(s string) bool {
	if len(s) < 4 {
		return false
	}
	for _, c := range s[1:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(s) == 4 || s[4] < '0' || s[4] > '9'
}

// TestEverySourceIsChecked raises the amount of a project of each funding
// source, its allocation with it, and expects the checker to compare it
// with the table of its source. A project paid from special fiscal
// accounts is a unit-funds project of the corpus with its source changed:
// both are checked against table 3.
func TestEverySourceIsChecked(t *testing.T) {
	found := map[string]bool{}
	eachFile(t, func(name string, s *model.Site, f *model.File, src []byte) {
		opt := load.OptionsOf(s)
		for _, p := range f.Projects {
			sources := []string{p.Source}
			if p.Source == model.SourceUnit {
				sources = append(sources, model.SourceSpecial)
			}
			for _, source := range sources {
				if found[source] {
					continue
				}
				changed := raise(t, src, p)
				if source != p.Source {
					changed = setSource(t, changed, p, source)
				}
				g, ds := load.File(f.Path, changed, opt)
				if ds.HasErrors() {
					t.Fatalf("%s: %v", name, ds)
				}
				var rules []string
				for _, d := range check.File(g, s.Config, s.Dict) {
					if d.Rule == "project-table" && d.Severity == diag.Error {
						found[source] = true
					}
					rules = append(rules, d.Rule)
				}
				if !found[source] {
					t.Errorf("%s: project %s (source %s) raised by 1,000,000.00 gives no project-table error; the findings were %v", name, p.ID, source, rules)
					found[source] = true // reported once
				}
			}
		}
	})
	for _, source := range model.Sources {
		if !found[source] {
			t.Errorf("no project of the corpus is paid from %s", source)
		}
	}
}

// raise adds 1,000,000 to a project's amount and to its first allocation
// line, so that the allocation still adds up.
func raise(t *testing.T, src []byte, p *model.Project) []byte {
	t.Helper()
	add := func(src []byte, pos diag.Pos, a amount.Amount) []byte {
		out, err := replaceAt(src, pos, a, a.Add(amount.MustParse("1000000")).WithPlaces(a.Places()))
		if err != nil {
			t.Fatalf("project %s: %v", p.ID, err)
		}
		return out
	}
	src = add(src, p.Amount.Pos, p.Amount.Amount)
	if len(p.Allocation) > 0 {
		src = add(src, p.Allocation[0].Amount.Pos, p.Allocation[0].Amount.Amount)
	}
	return src
}

// setSource writes the project's source (its source: line, or a new one
// after its id).
func setSource(t *testing.T, src []byte, p *model.Project, source string) []byte {
	t.Helper()
	old := "source: " + p.Source
	lines := strings.SplitAfter(string(src), "\n")
	for i := p.Pos.Line - 1; i < len(lines); i++ {
		if strings.Contains(lines[i], old) {
			lines[i] = strings.Replace(lines[i], old, "source: "+source, 1)
			return []byte(strings.Join(lines, ""))
		}
	}
	t.Fatalf("project %s has no %q line", p.ID, old)
	return nil
}
