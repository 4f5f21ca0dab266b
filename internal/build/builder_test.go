package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"budgetpress/internal/check"
	"budgetpress/internal/sitepath"
	"budgetpress/internal/testsite"
)

const (
	dataFile    = "data/2024/changji-egov.yaml"
	contentFile = "content/zh/2024/changji-egov.md"
)

// newBuilder builds a copy of the example site with a Builder.
func newBuilder(t *testing.T) (dir string, b *Builder) {
	t.Helper()
	dir = copySite(t, nil)
	b = NewBuilder(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "serve")})
	t.Cleanup(func() { b.Close() })
	if o := b.Build(); !o.Built || o.Diags.HasErrors() {
		t.Fatalf("first build: built %v, findings:\n%s", o.Built, diagText(o))
	}
	return dir, b
}

func diagText(o Outcome) string {
	var buf bytes.Buffer
	o.Diags.Print(&buf)
	return buf.String()
}

func replace(t testing.TB, dir, file, old, new string) {
	t.Helper()
	testsite.Replace(t, dir, file, old, new)
}

// written returns the files of the current build that differ from before.
func written(before, after map[string][]byte) []string {
	var out []string
	for name, data := range after {
		if old, ok := before[name]; !ok || !bytes.Equal(old, data) {
			out = append(out, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			out = append(out, "-"+name)
		}
	}
	sort.Strings(out)
	return out
}

// sameAsFreshBuild settles the Builder (builds what its updates left
// for later) and fails when its output differs from a build of the site
// from scratch.
func sameAsFreshBuild(t *testing.T, dir string, b *Builder) {
	t.Helper()
	if b.Pending() {
		if o := b.Settle(nil); !o.Built || o.Diags.HasErrors() || b.Pending() {
			t.Fatalf("settling: built %v, still pending %v, findings:\n%s", o.Built, b.Pending(), diagText(o))
		}
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: fresh})
	want := readTree(t, fresh)
	delete(want, Manifest) // only build writes one: the preview's output is not replaced
	if diff := written(want, readTree(t, b.Dir())); len(diff) > 0 {
		t.Errorf("the incremental build differs from a fresh build in %q", diff)
	}
}

// freshTree builds the site in dir from scratch and returns its files,
// but the manifest, which only build writes.
func freshTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: fresh})
	tree := readTree(t, fresh)
	delete(tree, Manifest)
	return tree
}

// yearPage matches the page of a year: 2024/index.html, en/2024/index.html.
var yearPage = regexp.MustCompile(`^(en/)?[0-9]{4}/index\.html$`)

// gathers reports whether an output is one of those Gather makes: the
// pages that gather department-years (home, the years, their
// comparisons, the departments' overviews) and the sitemap.
func gathers(p string) bool {
	return p == "sitemap.xml" || p == "index.html" || p == "en/index.html" || yearPage.MatchString(p) ||
		strings.HasSuffix(p, "/compare/index.html") || strings.HasPrefix(strings.TrimPrefix(p, "en/"), "departments/")
}

// sameAsFresh fails for each output that keep selects and that differs
// between got and want.
func sameAsFresh(t *testing.T, when string, got, want map[string][]byte, keep func(string) bool) {
	t.Helper()
	var diff []string
	for _, f := range written(want, got) {
		if keep(strings.TrimPrefix(f, "-")) {
			diff = append(diff, f)
		}
	}
	if len(diff) > 0 {
		t.Errorf("%s, these differ from a fresh build: %q", when, diff)
	}
}

func TestUpdateRendersOnlyWhatDependsOnTheChange(t *testing.T) {
	dir, b := newBuilder(t)
	deptPages := []string{"2024/changji-egov/index.html", "en/2024/changji-egov/index.html"}
	tests := []struct {
		name     string
		file     string
		old, new string
		pages    int // pages rendered at once: the department-year's
		gathered int // pages rendered right after: home, the year, its comparison, the overview
		later    int // pages rendered when the preview settles: search, downloads, and the pages that state the sizes of new open data
		// sizes is set when the department's open data changes size,
		// which its pages state only once the preview settles.
		sizes bool
		// first are the pages the update changes (when not changed):
		// only those that show the change, not those that state sizes.
		first   []string
		changed []string
		indexes []string // the search indexes that change with it, when it settles
		// data are the open-data files that change; the downloads pages,
		// which state their sizes, are compared with a fresh build.
		data []string
	}{
		{
			name: "a department's text", file: dataFile,
			// Over 300 bytes shorter: the JSON's size, which both languages'
			// pages state to one decimal of a kB, changes too.
			old: "    zh: >-\n      昌吉州人民政府电子政务办公室主要职能是：负责全州政府系统有关电子政务的组织、规划、协调和指导工作；负责自治州统一的电子政务专网和应用系统的建设和应用管理工作；负责为自治州政府领导和政府办公室机关服务的电子政务系统的组织、规划、建设和应用保障工作；", new: "    zh: >-\n      本办公室主要职能是：",
			pages: 2, gathered: 8, later: 6, sizes: true, first: deptPages[:1], changed: deptPages, indexes: []string{"search/i/"},
			data: []string{"opendata/2024/changji-egov.json", "opendata/SHA256SUMS", "opendata/catalog.json"},
		},
		{
			name: "a figure of the department", file: dataFile,
			old: "authorized: 30", new: "authorized: 31",
			pages: 2, gathered: 8, later: 6, changed: deptPages, indexes: []string{"en/search/i/", "search/i/"},
			data: []string{"opendata/2024/changji-egov.json", "opendata/SHA256SUMS", "opendata/catalog.json"},
		},
		{
			name: "an explanation", file: contentFile,
			old: "收入预算包括：一般公共预算。", new: "收入预算包括：一般公共预算（已核对）。",
			pages: 2, later: 2, changed: deptPages[:1], indexes: []string{"search/i/"},
		},
		{
			name: "a stylesheet", file: "layouts/assets/site.css",
			old: "--accent: #8c1c13;", new: "--accent: #8c1c14;",
			pages: 0, changed: []string{"assets/site.css"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := readTree(t, b.Dir())
			replace(t, dir, tc.file, tc.old, tc.new)
			want := freshTree(t, dir)
			o := b.Update([]string{tc.file})
			if !o.Built || o.Diags.HasErrors() {
				t.Fatalf("built %v, findings:\n%s", o.Built, diagText(o))
			}
			if o.Pages != tc.pages {
				t.Errorf("rendered %d pages; want %d", o.Pages, tc.pages)
			}
			if o.StylesOnly != (tc.pages == 0) {
				t.Errorf("StylesOnly = %v", o.StylesOnly)
			}
			now := readTree(t, b.Dir())
			if got := written(before, now); !slices.Equal(o.Changed, got) || o.Full {
				t.Errorf("the update says it changed %q (full %v); it changed %q", o.Changed, o.Full, got)
			}
			first := tc.first
			if first == nil {
				first = tc.changed
			}
			if !slices.Equal(o.Changed, first) {
				t.Errorf("the update changed %q; want %q", o.Changed, first)
			}
			// The department's pages are right at once: as a fresh build
			// has them, but for the sizes of the open data that follows.
			if !tc.sizes {
				sameAsFresh(t, "after the update", now, want, func(f string) bool { return slices.Contains(deptPages, f) })
			}

			g := b.Gather()
			if g.Built != (tc.gathered > 0) || g.Pages != tc.gathered || g.Diags.HasErrors() {
				t.Errorf("gathering: built %v, %d pages; want %d, findings:\n%s", g.Built, g.Pages, tc.gathered, diagText(g))
			}
			second := readTree(t, b.Dir())
			if got := written(now, second); !slices.Equal(g.Changed, got) {
				t.Errorf("gathering says it changed %q; it changed %q", g.Changed, got)
			}
			for _, f := range g.Changed {
				if !gathers(f) {
					t.Errorf("gathering changed %s, which gathers no department-years", f)
				}
			}
			sameAsFresh(t, "after gathering", second, want, gathers)
			for _, f := range written(before, second) {
				if strings.Contains(f, "search/i/") || strings.HasSuffix(f, "downloads/index.html") || strings.HasPrefix(f, "opendata/") ||
					strings.HasSuffix(f, ".csv") || strings.HasSuffix(f, ".xlsx") {
					t.Errorf("the update wrote %s before the preview settled", f)
				}
			}
			if b.Pending() != (tc.later > 0) {
				t.Errorf("Pending() = %v after gathering; want %v", b.Pending(), tc.later > 0)
			}
			if s := b.Settle(nil); s.Pages != tc.later || s.Built != (tc.later > 0) || b.Pending() {
				t.Errorf("settling rendered %d pages (built %v, still pending %v); want %d", s.Pages, s.Built, b.Pending(), tc.later)
			}
			var got, data, indexes []string
			for _, f := range written(before, readTree(t, b.Dir())) {
				if dir, _, ok := strings.Cut(f, "/i/"); ok && strings.HasSuffix(dir, "search") {
					if !slices.Contains(indexes, dir+"/i/") {
						indexes = append(indexes, dir+"/i/")
					}
					continue
				}
				switch {
				case strings.HasPrefix(f, "opendata/"):
					data = append(data, f)
				case !strings.HasSuffix(f, "downloads/index.html") && !gathers(f):
					got = append(got, f)
				}
			}
			if !slices.Equal(got, tc.changed) {
				t.Errorf("changed files %q; want %q", got, tc.changed)
			}
			if !slices.Equal(data, tc.data) {
				t.Errorf("changed open-data files %q; want %q", data, tc.data)
			}
			if !slices.Equal(indexes, tc.indexes) {
				t.Errorf("changed search indexes %q; want %q", indexes, tc.indexes)
			}
			sameAsFreshBuild(t, dir, b)
		})
	}
}

func TestUpdateWithErrorsKeepsTheLastGoodBuild(t *testing.T) {
	dir, b := newBuilder(t)
	good := readTree(t, b.Dir())
	steps := []struct {
		name, file, old, new string
		finding              string // a finding of the failed build
	}{
		{"broken YAML", dataFile, "unit: 万元", "unit: [万元", dataFile + ":10:"},
		{"a failing check", dataFile, "unit: [万元", "unit: 万元", ""}, // fixes the YAML
		{"a failing check", dataFile, "actual: 23", "actual: 24", dataFile + ":33:5: error: 实有人数 is 24"},
		{"a failing check", dataFile, "actual: 24", "actual: 23", ""},
		{"a broken reference", contentFile, "收支总预算 {{amount income.total}}", "收支总预算 {{amount income.nothing}}", contentFile},
		// While the data has errors, the pages are not rendered, so the
		// broken reference is not reported.
		{"a failing check and a broken reference", dataFile, "actual: 23", "actual: 24", dataFile + ":33:5: error: 实有人数 is 24"},
	}
	for _, s := range steps {
		replace(t, dir, s.file, s.old, s.new)
		o := b.Update([]string{s.file})
		if s.finding == "" {
			continue
		}
		if o.Built || !o.Diags.HasErrors() {
			t.Fatalf("%s: built %v with findings\n%s", s.name, o.Built, diagText(o))
		}
		if !strings.Contains(diagText(o), s.finding) {
			t.Errorf("%s: findings lack %q:\n%s", s.name, s.finding, diagText(o))
		}
		if diff := written(good, readTree(t, b.Dir())); len(diff) > 0 {
			t.Errorf("%s: the failed build changed %q", s.name, diff)
		}
	}
	// The broken reference is still there: the data fix alone fails.
	replace(t, dir, dataFile, "actual: 24", "actual: 23")
	if o := b.Update([]string{dataFile}); o.Built || !strings.Contains(diagText(o), contentFile) {
		t.Errorf("with the reference still broken: built %v, findings:\n%s", o.Built, diagText(o))
	}
	// Fixing the last error renders everything that changed meanwhile.
	replace(t, dir, contentFile, "income.nothing", "income.total")
	o := b.Update([]string{contentFile})
	if !o.Built || o.Diags.HasErrors() {
		t.Fatalf("after the fix: built %v, findings:\n%s", o.Built, diagText(o))
	}
	if o.Pages != 2 || !b.Pending() {
		t.Errorf("rendered %d pages after the fix (pending %v); want the department's 2, the rest left for later", o.Pages, b.Pending())
	}
	// While the file did not load, the department had no year: its
	// pages of every year, whose year pickers link the years, come again.
	if g := b.Gather(); g.Pages != 10 || !b.Pending() {
		t.Errorf("gathered %d pages after the fix (pending %v); want the 8 that list the department-year (home, the year, its comparison and the overview) and the department's 2, the search and downloads pages left for later", g.Pages, b.Pending())
	}
	sameAsFreshBuild(t, dir, b)
}

func TestUpdateAddsAndRemovesDepartments(t *testing.T) {
	dir, b := newBuilder(t)
	src, err := os.ReadFile(filepath.Join(dir, dataFile))
	if err != nil {
		t.Fatal(err)
	}
	copyTo := func(file string) {
		p := filepath.Join(dir, filepath.FromSlash(file))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, otherOffice(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyTo("data/2024/other-office.yaml")
	if o := b.Update([]string{"data/2024/other-office.yaml"}); !o.Built || o.Pages != 2 || !slices.Contains(o.Changed, "en/2024/other-office/index.html") {
		t.Fatalf("adding a department: built %v, %d pages, changed %q, findings:\n%s", o.Built, o.Pages, o.Changed, diagText(o))
	}
	// With the department's pages of every year (here the one), whose
	// year pickers link the years it has: rendered again, the same.
	if g := b.Gather(); !g.Built || g.Pages != 10 || !slices.Contains(g.Changed, "2024/index.html") || slices.Contains(g.Changed, "2024/other-office/index.html") {
		t.Fatalf("adding a department, the pages that list it: built %v, %d pages, changed %q, findings:\n%s", g.Built, g.Pages, g.Changed, diagText(g))
	}
	if _, err := os.Stat(filepath.Join(b.Dir(), "en", "2024", "other-office", "index.html")); err != nil {
		t.Errorf("the new department's page is missing: %v", err)
	}
	sameAsFreshBuild(t, dir, b)

	os.Remove(filepath.Join(dir, "data", "2024", "other-office.yaml"))
	if o := b.Update([]string{"data/2024/other-office.yaml"}); !o.Built || !slices.Contains(o.Changed, "2024/other-office/index.html") {
		t.Fatalf("removing a department: changed %q, findings:\n%s", o.Changed, diagText(o))
	}
	if _, err := os.Stat(filepath.Join(b.Dir(), "2024", "other-office")); err == nil {
		t.Error("the removed department's folder is still there")
	}
	sameAsFreshBuild(t, dir, b)
}

// TestOnlyDepartmentFileComesBack takes the only department file away
// and puts it back, as an editor moving it out of the folder and back
// does, or a deletion that is then undone: the finding that there is no
// department file must go once it is back.
func TestOnlyDepartmentFileComesBack(t *testing.T) {
	const none = "data: error: no department files found: put them in data/<year>/<department>.yaml\n"
	for _, how := range []string{"moved", "deleted"} {
		t.Run(how, func(t *testing.T) {
			dir, b := newBuilder(t)
			file := filepath.Join(dir, filepath.FromSlash(dataFile))
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			away := filepath.Join(t.TempDir(), "changji-egov.yaml")
			good := readTree(t, b.Dir())
			for i := range 2 { // the second time round, from a build that had the finding
				if how == "moved" {
					err = os.Rename(file, away)
				} else {
					err = os.Remove(file)
				}
				if err != nil {
					t.Fatal(err)
				}
				if o := b.Update([]string{dataFile}); o.Built || diagText(o) != none {
					t.Fatalf("round %d, without the file: built %v, findings:\n%s\nwant:\n%s", i, o.Built, diagText(o), none)
				}
				if how == "moved" {
					err = os.Rename(away, file)
				} else {
					err = os.WriteFile(file, src, 0o644)
				}
				if err != nil {
					t.Fatal(err)
				}
				o := b.Update([]string{dataFile})
				if !o.Built || o.Diags.HasErrors() {
					t.Fatalf("round %d, with the file back: built %v, findings:\n%s", i, o.Built, diagText(o))
				}
				if pages := len(readTreeGlob(t, b.Dir(), ".html")); o.Pages != pages {
					t.Errorf("round %d: rendered %d pages; want all %d", i, o.Pages, pages)
				}
				if diff := written(good, readTree(t, b.Dir())); len(diff) > 0 {
					t.Errorf("round %d: the pages differ from the first build in %q", i, diff)
				}
			}
			// Nothing is left over: a save after that is an ordinary update.
			replace(t, dir, dataFile, "authorized: 30", "authorized: 31")
			if o := b.Update([]string{dataFile}); !o.Built || o.Pages != 2 {
				t.Errorf("the next save: built %v, %d pages; want 2, findings:\n%s", o.Built, o.Pages, diagText(o))
			}
			sameAsFreshBuild(t, dir, b)
		})
	}
}

func TestLayoutChangeRebuildsEverything(t *testing.T) {
	dir, b := newBuilder(t)
	first := b.Dir()
	replace(t, dir, "layouts/home.html", `<p class="lead">`, `<p class="lead intro">`)
	o := b.Update([]string{"layouts/home.html"})
	if !o.Built || o.Pages != len(readTreeGlob(t, b.Dir(), ".html")) {
		t.Fatalf("built %v, %d pages, findings:\n%s", o.Built, o.Pages, diagText(o))
	}
	if b.Dir() == first {
		t.Error("a full build was written over the current one; want a new folder")
	}
	sameAsFreshBuild(t, dir, b)
	// A template error fails the build and keeps the last good one.
	good := readTree(t, b.Dir())
	replace(t, dir, "layouts/home.html", `{{.SiteTitle}}`, `{{.NoSuchField}}`)
	if o := b.Update([]string{"layouts/home.html"}); o.Built || !strings.Contains(diagText(o), "layouts/home.html") {
		t.Errorf("a template error: built %v, findings:\n%s", o.Built, diagText(o))
	}
	if diff := written(good, readTree(t, b.Dir())); len(diff) > 0 {
		t.Errorf("the failed build changed %q", diff)
	}
}

func TestUnrelatedChangeBuildsNothing(t *testing.T) {
	_, b := newBuilder(t)
	if o := b.Update([]string{"README.md", "data/2024/notes.txt"}); o.Built || o.Pages != 0 || o.Diags.HasErrors() {
		t.Errorf("built %v, %d pages, findings:\n%s", o.Built, o.Pages, diagText(o))
	}
}

func readTreeGlob(t *testing.T, dir, ext string) []string {
	var out []string
	for name := range readTree(t, dir) {
		if strings.HasSuffix(name, ext) {
			out = append(out, name)
		}
	}
	return out
}

// TestUpdateKeepsTheOtherYears edits, removes and restores one year of
// a department on a site of two years: its page of the other year is
// rendered again only when the years it links change.
func TestUpdateKeepsTheOtherYears(t *testing.T) {
	dir := testsite.Generated(t, filepath.Join("..", ".."), 3, 2)
	files, _ := filepath.Glob(filepath.Join(dir, "data", "*", "changji-egov.yaml"))
	if len(files) != 2 {
		t.Fatalf("the generated site has changji-egov in %d years; want 2", len(files))
	}
	oldRel := filepath.ToSlash(files[0][len(dir)+1:])
	newRel := filepath.ToSlash(files[1][len(dir)+1:])
	oldPage := strings.TrimSuffix(strings.TrimPrefix(oldRel, "data/"), ".yaml") + "/index.html"
	newPage := strings.TrimSuffix(strings.TrimPrefix(newRel, "data/"), ".yaml") + "/index.html"
	b := NewBuilder(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "serve")})
	t.Cleanup(func() { b.Close() })
	if o := b.Build(); !o.Built || o.Diags.HasErrors() {
		t.Fatalf("first build: built %v, findings:\n%s", o.Built, diagText(o))
	}

	before := readTree(t, b.Dir())
	replace(t, dir, newRel, "authorized: 30", "authorized: 31")
	o := b.Update([]string{newRel})
	// Its pages at once; then its overview, the year's page and
	// comparison, and the home page, in both languages.
	if !o.Built || o.Pages != 2 {
		t.Errorf("a figure: built %v, %d pages; want 2, findings:\n%s", o.Built, o.Pages, diagText(o))
	}
	if g := b.Gather(); !g.Built || g.Pages != 8 {
		t.Errorf("a figure, the pages that list it: built %v, %d pages; want 8, findings:\n%s", g.Built, g.Pages, diagText(g))
	}
	after := readTree(t, b.Dir())
	if !bytes.Equal(before[oldPage], after[oldPage]) || bytes.Equal(before[newPage], after[newPage]) {
		t.Errorf("a figure of %s changed the page of the other year, or not its own", newRel)
	}
	sameAsFreshBuild(t, dir, b)

	// The year's data file alone: its explanations are left without it.
	year, id, _ := sitepath.ParseDataFile(oldRel)
	explanations := []string{"content/zh/" + year + "/" + id + ".md", "content/en/" + year + "/" + id + ".md"}
	saved := map[string][]byte{}
	for _, rel := range append([]string{oldRel}, explanations...) {
		src, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		saved[rel] = src
	}
	os.Remove(files[0])
	o = b.Update([]string{oldRel})
	if o.Built || !strings.Contains(diagText(o), explanations[0]+": error: there is no department file "+oldRel) {
		t.Errorf("removing only the data file: built %v, findings:\n%s", o.Built, diagText(o))
	}
	// With its explanations.
	before = readTree(t, b.Dir())
	for _, rel := range explanations {
		os.Remove(filepath.Join(dir, rel))
	}
	if o := b.Update(explanations); !o.Built || o.Diags.HasErrors() {
		t.Fatalf("removing a year: built %v, findings:\n%s", o.Built, diagText(o))
	}
	// The department's page of the other year links the years it has:
	// it is among the pages that gather department-years.
	if g := b.Gather(); !g.Built || !slices.Contains(g.Changed, newPage) {
		t.Errorf("removing a year: gathering changed %q; want %s among them, findings:\n%s", g.Changed, newPage, diagText(g))
	}
	if after := readTree(t, b.Dir()); bytes.Equal(before[newPage], after[newPage]) {
		t.Errorf("removing %s left the year picker of %s as it was", oldRel, newPage)
	}
	sameAsFreshBuild(t, dir, b)

	// Put back, the data file first.
	for _, rel := range append([]string{oldRel}, explanations...) {
		testsite.Write(t, filepath.Join(dir, rel), saved[rel])
		if o := b.Update([]string{rel}); !o.Built || o.Diags.HasErrors() {
			t.Fatalf("restoring %s: built %v, findings:\n%s", rel, o.Built, diagText(o))
		}
	}
	sameAsFreshBuild(t, dir, b)
}

// TestSettleGivesWayToASave settles in steps, as the preview does when
// a save comes meanwhile: nothing when the save is there at once, the
// open data and downloads but not the search index when it comes after
// them; the index on the next pause.
func TestSettleGivesWayToASave(t *testing.T) {
	dir, b := newBuilder(t)
	replace(t, dir, dataFile, "authorized: 30", "authorized: 31")
	if o := b.Update([]string{dataFile}); !o.Built {
		t.Fatalf("update: findings:\n%s", diagText(o))
	}
	before := readTree(t, b.Dir())
	if o := b.Settle(func() bool { return true }); o.Built || !b.Pending() {
		t.Errorf("with a save waiting, settling built %v (pending %v); want nothing built", o.Built, b.Pending())
	}
	if diff := written(before, readTree(t, b.Dir())); len(diff) > 0 {
		t.Errorf("with a save waiting, settling wrote %q", diff)
	}
	asked := 0
	o := b.Settle(func() bool { asked++; return asked > 1 })
	if !o.Built || !b.Pending() {
		t.Fatalf("a save after the open data: built %v, pending %v; want the open data built and the index pending", o.Built, b.Pending())
	}
	for _, f := range written(before, readTree(t, b.Dir())) {
		if strings.Contains(f, "search/i/") {
			t.Errorf("the search index (%s) was written though a save was waiting", f)
		}
	}
	if o := b.Settle(nil); !o.Built || b.Pending() || o.Pages != 2 {
		t.Errorf("the next pause: built %v, %d pages, pending %v; want the 2 search pages", o.Built, o.Pages, b.Pending())
	}
	sameAsFreshBuild(t, dir, b)
}

// TestClosedBuilderWritesNowhere: a save's second step or the settling
// that ends after the preview was closed writes nothing, and never into
// the folder the program runs in (the closed preview has no build to
// put the pages in).
func TestClosedBuilderWritesNowhere(t *testing.T) {
	dir, b := newBuilder(t)
	cwd := t.TempDir()
	t.Chdir(cwd)
	replace(t, dir, dataFile, "authorized: 30", "authorized: 31")
	if o := b.Update([]string{dataFile}); !o.Built || o.Diags.HasErrors() {
		t.Fatalf("update: built %v, findings:\n%s", o.Built, diagText(o))
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	o := b.Gather()
	if o.Built {
		t.Error("the pages that gather department-years were built after Close")
	}
	if !strings.Contains(diagText(o), "the preview was closed") {
		t.Errorf("Gather after Close says:\n%s\nwant it to say the preview was closed", diagText(o))
	}
	b.Settle(nil)
	entries, _ := os.ReadDir(cwd)
	for _, e := range entries {
		t.Errorf("%s written into the current folder after Close", e.Name())
	}
}

// otherOffice is a department file of the example's renamed as another
// department's.
func otherOffice(src []byte) []byte {
	src = bytes.ReplaceAll(src, []byte("电子政务办公室"), []byte("信息中心"))
	return bytes.ReplaceAll(src, []byte("E-Government Office"), []byte("Information Centre"))
}

// TestSameNameAmongAllFiles: two department files of a year naming one
// department is found whichever of them is saved, and gone once either
// is renamed.
func TestSameNameAmongAllFiles(t *testing.T) {
	dir, b := newBuilder(t)
	src, err := os.ReadFile(filepath.Join(dir, dataFile))
	if err != nil {
		t.Fatal(err)
	}
	const other = "data/2024/other-office.yaml"
	testsite.Write(t, filepath.Join(dir, filepath.FromSlash(other)), otherOffice(src))
	if o := b.Update([]string{other}); !o.Built || o.Diags.HasErrors() {
		t.Fatalf("another department: built %v, findings:\n%s", o.Built, diagText(o))
	}
	sameName := func(o Outcome) []string {
		var out []string
		for _, d := range o.Diags {
			if d.Rule == check.RuleSameName {
				out = append(out, d.String())
			}
		}
		return out
	}
	// The example renamed as the other: the finding is at the later file.
	replace(t, dir, dataFile, "    zh: 昌吉回族自治州人民政府电子政务办公室\n", "    zh: 昌吉回族自治州人民政府信息中心\n")
	o := b.Update([]string{dataFile})
	if got := sameName(o); o.Built || len(got) != 1 || !strings.HasPrefix(got[0], other+":16:5: error: this department file names the same department as "+dataFile) {
		t.Fatalf("the example named as the other: built %v, same-name findings %q", o.Built, got)
	}
	// The other renamed: the finding goes, though the example was not saved.
	replace(t, dir, other, "    zh: 昌吉回族自治州人民政府信息中心\n", "    zh: 昌吉回族自治州数据局\n")
	if o := b.Update([]string{other}); !o.Built || o.Diags.HasErrors() || len(sameName(o)) > 0 {
		t.Fatalf("the other renamed: built %v, findings:\n%s", o.Built, diagText(o))
	}
	sameAsFreshBuild(t, dir, b)
}
