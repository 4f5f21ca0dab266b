package build

import (
	"reflect"
	"strings"
	"testing"

	"budgetpress/internal/model"
	"budgetpress/internal/render"
)

func TestAffected(t *testing.T) {
	dept := func(years []int, depts ...string) Target {
		t := Target{Home: true, Years: map[int]bool{}, Depts: map[string]bool{}, Series: map[string]bool{}, Pickers: map[string]bool{}, Search: true, OpenData: map[string]bool{}, Bulk: map[int]bool{}, Downloads: true}
		for _, y := range years {
			t.Years[y], t.Bulk[y] = true, true
		}
		for _, d := range depts {
			t.Depts[d], t.OpenData[d] = true, true
			id := d[strings.Index(d, "/")+1:]
			t.Series[id], t.Pickers[id] = true, true
		}
		return t
	}
	tests := []struct {
		name    string
		changed []string
		want    Target
	}{
		{"nothing", nil, Target{}},
		{"a department's data", []string{"data/2024/changji-egov.yaml"}, dept([]int{2024}, "2024/changji-egov")},
		{"two departments of two years", []string{"data/2023/a.yaml", "data/2024/b.yaml"}, dept([]int{2023, 2024}, "2023/a", "2024/b")},
		{"an explanation", []string{"content/zh/2024/changji-egov.md"}, Target{Depts: map[string]bool{"2024/changji-egov": true}, Search: true}},
		{"its translation", []string{"content/en/2024/changji-egov.md"}, Target{Depts: map[string]bool{"2024/changji-egov": true}, Search: true}},
		{"an explanation and its data", []string{"content/en/2024/a.md", "data/2024/a.yaml"}, dept([]int{2024}, "2024/a")},
		{"a published document", []string{"data/2024/a.pdf"}, Target{Depts: map[string]bool{"2024/a": true}, OpenData: map[string]bool{"2024/a": true}, Downloads: true}},
		{"a stylesheet", []string{"layouts/assets/site.css"}, Target{Assets: true}},
		{"a template", []string{"layouts/department.html"}, Target{All: true}},
		{"a translation catalog", []string{"layouts/i18n/en.yaml"}, Target{All: true}},
		{"the site settings", []string{"site.yaml"}, Target{All: true}},
		{"the classification", []string{"data/classification.yaml"}, Target{All: true}},
		{"a table set", []string{"templates/xinjiang.yaml"}, Target{All: true}},
		{"the templates folder renamed", []string{"templates/"}, Target{All: true}},
		{"not a table set", []string{"templates/notes.txt"}, Target{}},
		{"a folder removed", []string{"data/2023/"}, Target{All: true}},
		{"a content folder renamed", []string{"content/en/"}, Target{All: true}},
		{"not a year folder", []string{"data/old/a.yaml"}, Target{}},
		{"files a build does not read", []string{"data/2024/notes.txt", "data/2024/sedX1b2c3", "content/zh/2024/a.txt", "public/index.html", "README.md"}, Target{}},
		{"Markdown outside a department", []string{"content/zh/about.md"}, Target{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Affected(tc.changed); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Affected(%q) = %+v; want %+v", tc.changed, got, tc.want)
			}
		})
	}
}

func TestTargetHas(t *testing.T) {
	a := &model.File{ID: "a", Year: 2024}
	b := &model.File{ID: "b", Year: 2024}
	old := &model.File{ID: "a", Year: 2023}
	pages := []render.Page{
		{Path: "index.html", Kind: "home"},
		{Path: "en/index.html", Kind: "home"},
		{Path: "2024/index.html", Kind: "year", Year: 2024},
		{Path: "2023/index.html", Kind: "year", Year: 2023},
		{Path: "2024/a/index.html", Kind: "department", Year: 2024, File: a},
		{Path: "en/2024/a/index.html", Kind: "department", Year: 2024, File: a},
		{Path: "2024/b/index.html", Kind: "department", Year: 2024, File: b},
		{Path: "2023/a/index.html", Kind: "department", Year: 2023, File: old},
		{Path: "2024/compare/index.html", Kind: "compare", Year: 2024},
		{Path: "2023/compare/index.html", Kind: "compare", Year: 2023},
		{Path: "departments/a/index.html", Kind: "series", File: a},
		{Path: "departments/b/index.html", Kind: "series", File: b},
		{Path: "404.html", Kind: "404"},
		{Path: "search/index.html", Kind: "search"},
		{Path: "en/search/index.html", Kind: "search"},
		{Path: "2024/a/charts/index.html", Kind: "a kind added later"},
	}
	built := func(tg Target) []string {
		var out []string
		for _, p := range pages {
			if tg.Has(p) {
				out = append(out, p.Path)
			}
		}
		return out
	}
	tests := []struct {
		name    string
		changed []string
		want    []string
	}{
		// The department's page of 2023 links to the years it has.
		{"data", []string{"data/2024/a.yaml"}, []string{"index.html", "en/index.html", "2024/index.html", "2024/a/index.html", "en/2024/a/index.html", "2023/a/index.html", "2024/compare/index.html", "departments/a/index.html", "search/index.html", "en/search/index.html", "2024/a/charts/index.html"}},
		{"content", []string{"content/zh/2024/a.md"}, []string{"2024/a/index.html", "en/2024/a/index.html", "search/index.html", "en/search/index.html", "2024/a/charts/index.html"}},
		{"a stylesheet", []string{"layouts/assets/site.css"}, []string{"2024/a/charts/index.html"}},
		{"a template", []string{"layouts/partials.html"}, []string{"index.html", "en/index.html", "2024/index.html", "2023/index.html", "2024/a/index.html", "en/2024/a/index.html", "2024/b/index.html", "2023/a/index.html", "2024/compare/index.html", "2023/compare/index.html", "departments/a/index.html", "departments/b/index.html", "404.html", "search/index.html", "en/search/index.html", "2024/a/charts/index.html"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := built(Affected(tc.changed)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("pages built for %q:\n%q\nwant\n%q", tc.changed, got, tc.want)
			}
		})
	}
}

// TestSplit divides what a save changes into what the previewed pages
// show and what lists the whole site.
func TestSplit(t *testing.T) {
	now, later := Affected([]string{"data/2024/a.yaml", "content/en/2023/b.md"}).Split()
	wantNow := Target{Home: true, Years: map[int]bool{2024: true}, Depts: map[string]bool{"2024/a": true, "2023/b": true}, Series: map[string]bool{"a": true}, Pickers: map[string]bool{"a": true}}
	wantLater := Target{Search: true, Bulk: map[int]bool{2024: true}, Downloads: true, OpenData: map[string]bool{"2024/a": true}, Depts: map[string]bool{"2024/a": true}}
	if !reflect.DeepEqual(now, wantNow) || !reflect.DeepEqual(later, wantLater) {
		t.Errorf("Split() =\n%+v\n%+v\nwant\n%+v\n%+v", now, later, wantNow, wantLater)
	}
	if now, later := (Target{All: true}).Split(); !now.All || !later.Empty() {
		t.Errorf("everything split into %+v and %+v; want it kept whole", now, later)
	}
	if _, later := Affected([]string{"layouts/assets/site.css"}).Split(); !later.Empty() {
		t.Errorf("a stylesheet leaves %+v for later", later)
	}
}

func TestTargetAddAndStylesOnly(t *testing.T) {
	var tg Target
	if !tg.Empty() {
		t.Error("the zero Target is not empty")
	}
	tg.Add(Affected([]string{"layouts/assets/site.css"}))
	if !tg.StylesOnly() {
		t.Errorf("%+v: want styles only", tg)
	}
	tg.Add(Affected([]string{"content/zh/2024/a.md"}))
	if tg.StylesOnly() || tg.Empty() || !tg.Depts["2024/a"] || !tg.Assets {
		t.Errorf("%+v: want the assets and 2024/a", tg)
	}
}

func TestReads(t *testing.T) {
	for p, want := range map[string]bool{
		"site.yaml": true, "data/2024/a.yaml": true, "data/old/a.yaml": true, "content/zh/about.md": true,
		"layouts/home.html": true, "layouts/assets/site.css": true, "data/2023/": true,
		"data/2024/sedX1b2c3": false, "data/2024/notes.txt": false, "public/index.html": false, "README.md": false,
	} {
		if got := Reads(p); got != want {
			t.Errorf("Reads(%q) = %v; want %v", p, got, want)
		}
	}
}
