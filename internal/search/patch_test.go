package search

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// manyPages is pages.json with pages enough for several term shards
// and a page of more than two doc files.
func manyPages(t testing.TB) []Page {
	pages := readPages(t, nil)
	for y := 2016; y <= 2022; y++ {
		for _, p := range readPages(t, nil) {
			if p.Year != 2024 {
				continue // a department once a year
			}
			p.Year = y
			p.About += fmt.Sprintf(" 第%d年 report%d", y, y)
			pages = append(pages, p)
		}
	}
	for i := range pages {
		var b strings.Builder
		for k := range 200 {
			fmt.Fprintf(&b, " %s%dn%d", pages[i].Dept, pages[i].Year, k)
		}
		pages[i].About += b.String()
	}
	for i := range 40 {
		pages[0].Docs = append(pages[0].Docs, Doc{Kind: Project, Anchor: fmt.Sprintf("project-%d", i), Title: fmt.Sprintf("项目%d 运行维护", i), Text: fmt.Sprintf("维护经费 %d 万元", i)})
	}
	return pages
}

// TestPatchIsBuild: the index patched after pages changed is byte for
// byte the index made again of the pages now.
func TestPatchIsBuild(t *testing.T) {
	tests := []struct {
		name   string
		change func(pages []Page) []int // changes pages, returns those changed
	}{
		{"department renamed in its newest year", func(ps []Page) []int {
			i := find(ps, 2024, "police")
			ps[i].Name += "（改）"
			return []int{i}
		}},
		{"department renamed in an older year", func(ps []Page) []int {
			i := find(ps, 2019, "police")
			ps[i].Name = "旧公安局"
			return []int{i}
		}},
		{"a new word and a word gone", func(ps []Page) []int {
			i := find(ps, 2024, "housing")
			ps[i].About = "zebracrossing 斑马线"
			return []int{i}
		}},
		{"documents removed: a doc file gone", func(ps []Page) []int {
			i := find(ps, 2024, "police")
			ps[i].Docs = ps[i].Docs[:5]
			return []int{i}
		}},
		{"documents added: doc files made", func(ps []Page) []int {
			i := find(ps, 2023, "police")
			for k := range 20 {
				ps[i].Docs = append(ps[i].Docs, Doc{Kind: Section, Anchor: fmt.Sprintf("s%d", k), Title: fmt.Sprintf("第%d节", k), Text: "绩效目标"})
			}
			return []int{i}
		}},
		{"two pages of two years", func(ps []Page) []int {
			i, j := find(ps, 2024, "egov"), find(ps, 2016, "housing")
			ps[i].Docs[0].Text += " 电子政务云"
			ps[j].Docs = nil
			return []int{i, j}
		}},
		{"nothing searchable changed", func(ps []Page) []int {
			return []int{find(ps, 2020, "egov")}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := manyPages(t)
			old := Build(before)
			read, have := files(old)
			if _, ok := have["i/t/3.js"]; !ok {
				t.Fatal("the index has fewer than 4 term shards: the test shows nothing of them")
			}
			now := manyPages(t)
			var changes []Change
			for _, i := range tt.change(now) {
				changes = append(changes, Change{Was: before[i], Now: now[i], WasCut: CutPage(before[i]), NowCut: CutPage(now[i])})
			}
			patched, gone, err := Patch(read, changes)
			if err != nil {
				t.Fatal(err)
			}
			got := maps.Clone(have)
			for _, f := range patched {
				got[f.Name] = f.Data
			}
			for _, name := range gone {
				if _, ok := got[name]; !ok {
					t.Errorf("Patch says %s is gone, but the index had no such file", name)
				}
				delete(got, name)
			}
			_, want := files(Build(now))
			for name := range want {
				if !slices.Equal(got[name], want[name]) {
					t.Errorf("%s: patched index differs from the one made again", name)
				}
			}
			for name := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s: left in the patched index, not in the one made again", name)
				}
			}
			// The meta file names the version of every other: it is new
			// when any is.
			changed := false
			for name := range want {
				changed = changed || !slices.Equal(have[name], want[name])
			}
			if n := strings.Count(fmt.Sprint(names(patched)), "i/meta.js"); (n == 1) != changed {
				t.Errorf("meta file written %d times, though the index changed: %v", n, changed)
			}
		})
	}
}

// TestPatchRefuses: what a patch cannot do is left to Build, and a
// damaged index is reported with the file's name.
func TestPatchRefuses(t *testing.T) {
	tests := []struct {
		name    string
		change  func(was, now *Page)
		damage  string // a file of the index made unreadable
		rebuild bool   // the error wraps ErrRebuild
		want    string
	}{
		{name: "page not in the index", change: func(was, now *Page) { was.Year, now.Year = 2030, 2030 }, rebuild: true, want: "police 2030 is not in the index"},
		{name: "department not in the index", change: func(was, now *Page) { was.Dept, now.Dept = "zoo", "zoo" }, rebuild: true, want: "zoo is not in the index"},
		{name: "another page", change: func(was, now *Page) { now.Year-- }, rebuild: true, want: "became that of police 2023"},
		{name: "more shards needed", change: func(was, now *Page) {
			var b strings.Builder
			for i := range 20000 {
				fmt.Fprintf(&b, " word%dx", i)
			}
			now.About = b.String()
		}, rebuild: true, want: "term shards"},
		{name: "shard damaged", change: func(was, now *Page) { now.Name = "x" }, damage: "i/t/0.js", want: "i/t/0.js: not a file of the search index"},
		{name: "meta damaged", change: func(was, now *Page) {}, damage: "i/meta.js", want: "i/meta.js: not a file of the search index"},
		{name: "meta missing", change: func(was, now *Page) {}, damage: "-i/meta.js", want: "file does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := manyPages(t)
			_, have := files(Build(pages))
			if strings.HasPrefix(tt.damage, "-") {
				delete(have, tt.damage[1:])
			} else if tt.damage != "" {
				have[tt.damage] = []byte("<html>")
			}
			read, _ := files(nil)
			read = func(name string) ([]byte, error) {
				if d, ok := have[name]; ok {
					return d, nil
				}
				return nil, fmt.Errorf("%s: file does not exist", name)
			}
			was, now := pages[find(pages, 2024, "police")], pages[find(pages, 2024, "police")]
			tt.change(&was, &now)
			_, _, err := Patch(read, []Change{{Was: was, Now: now, WasCut: CutPage(was), NowCut: CutPage(now)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one saying %q", err, tt.want)
			}
			if errors.Is(err, ErrRebuild) != tt.rebuild {
				t.Errorf("error %v: wraps ErrRebuild %v, want %v", err, errors.Is(err, ErrRebuild), tt.rebuild)
			}
		})
	}
}

// find is the position of a year's page of a department.
func find(pages []Page, year int, dept string) int {
	for i, p := range pages {
		if p.Year == year && p.Dept == dept {
			return i
		}
	}
	panic(fmt.Sprintf("no page %s %d", dept, year))
}

func names(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// TestVersions: the meta file names the version of each term shard and
// of each page's doc files, which search.js puts in their addresses, so
// that a browser keeping the files of an older index never mixes them
// with this one: it changes with the file's bytes and only then.
func TestVersions(t *testing.T) {
	pages := manyPages(t)
	read, have := files(Build(pages))
	var m meta
	if err := decodeScript("i/meta.js", have["i/meta.js"], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Shards) != m.Terms || len(m.Docs) != len(m.Pages) {
		t.Fatalf("%d shard versions for %d shards, %d doc versions for %d pages", len(m.Shards), m.Terms, len(m.Docs), len(m.Pages))
	}
	for k, v := range m.Shards {
		if data, _ := read(shardFile(k)); v != version(data) {
			t.Errorf("shard %d: version %s, its bytes are %s", k, v, version(data))
		}
	}
	for i, v := range m.Docs {
		var docs [][]byte
		for c := 0; ; c++ {
			data, err := read("i/d/" + DocFile(i, c*DocChunk) + ".js")
			if err != nil {
				break
			}
			docs = append(docs, data)
		}
		if len(docs) == 0 || v != version(docs...) {
			t.Errorf("page %d: version %s of %d doc files, their bytes are %s", i, v, len(docs), version(docs...))
		}
	}
	if distinct := slices.Compact(slices.Sorted(slices.Values(m.Docs))); len(distinct) != len(m.Docs) {
		t.Error("two pages of other documents have the same version")
	}
}
