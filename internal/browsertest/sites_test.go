package browsertest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"budgetpress/internal/build"
)

// The sites the tests read are built once for the whole run of the
// package, into folders removed when it ends; each test serves them
// itself, on a port of its own, so that what one test stores in the
// browser (the reading modes, kept per origin) does not reach another.
var builds struct {
	sync.Mutex
	root string            // the folder that holds them
	out  map[string]string // the output folder of each site built
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builds.root != "" {
		os.RemoveAll(builds.root)
	}
	os.Exit(code)
}

// buildOnce returns the output folder of the site called key, building
// it with make on the first call of the run: make writes the site into
// out, or fails the test.
func buildOnce(t *testing.T, key string, make func(t *testing.T, out string)) string {
	t.Helper()
	builds.Lock()
	defer builds.Unlock()
	if out, ok := builds.out[key]; ok {
		return out
	}
	if builds.root == "" {
		root, err := os.MkdirTemp("", "browsertest-sites-")
		if err != nil {
			t.Fatal(err)
		}
		builds.root, builds.out = root, map[string]string{}
	}
	out := filepath.Join(builds.root, strings.NewReplacer("/", "_", " ", "_").Replace(key))
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	make(t, out)
	builds.out[key] = out
	return out
}

// buildInto builds the site at dir for BasePath into out, as build
// publishes it (fingerprinted assets) when fingerprint is set.
func buildInto(t *testing.T, dir, out string, fingerprint bool) {
	t.Helper()
	res := build.Run(build.Options{Dir: dir, Out: out, BasePath: BasePath, Fingerprint: fingerprint})
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.Print(&b)
		t.Fatalf("the site %s does not build:\n%s", dir, b.String())
	}
}

// corpusNames lists the sites of testdata/corpus.
func corpusNames(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no site in testdata/corpus")
	}
	return names
}

// sitePage is a page of a built site: its kind ("home", "year",
// "department", "compare", "series", "downloads", "search", "404"), its
// language and its path under the site's root.
type sitePage struct {
	kind, lang, path string
}

func (p sitePage) String() string { return p.kind + "/" + p.lang + " " + p.path }

// searchQuery is what the pages of every kind that are search pages look
// for: a word every department's page has.
var searchQuery = map[string]string{"zh": "%E6%94%AF%E5%87%BA", "en": "expenditure"}

var (
	yearDir  = regexp.MustCompile(`^\d{4}/$`)
	deptDir  = regexp.MustCompile(`^\d{4}/[^/]+/$`)
	compDir  = regexp.MustCompile(`^\d{4}/compare/$`)
	seriesOf = regexp.MustCompile(`^departments/[^/]+/$`)
)

// pagesOf lists the pages of each kind of the site built into out, in
// both languages: every department page when all is set, else the first
// of each language (as every other kind but the years' comparisons,
// which are all listed: their tables differ with the year's
// departments), and the 404 page once.
func pagesOf(t *testing.T, out string, allDepartments bool) []sitePage {
	t.Helper()
	var found []sitePage
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(out, filepath.Dir(p))
		rel = filepath.ToSlash(rel) + "/"
		if rel == "./" {
			rel = ""
		}
		lang := "zh"
		if r, ok := strings.CutPrefix(rel, "en/"); ok || rel == "en/" {
			lang, rel = "en", r
		}
		kind := ""
		switch {
		case rel == "" || rel == "en/":
			kind = "home"
		case yearDir.MatchString(rel):
			kind = "year"
		case compDir.MatchString(rel):
			kind = "compare"
		case deptDir.MatchString(rel):
			kind = "department"
		case seriesOf.MatchString(rel):
			kind = "series"
		case rel == "downloads/":
			kind = "downloads"
		case rel == "search/":
			kind = "search"
			rel += "?q=" + searchQuery[lang]
		default:
			return nil
		}
		if lang == "en" {
			rel = "en/" + rel
		}
		found = append(found, sitePage{kind, lang, rel})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
	seen := map[string]bool{}
	var pages []sitePage
	for _, p := range found {
		k := p.kind + "/" + p.lang
		if p.kind == "department" && !seen["widest/"+p.lang] && widestFigures(t, out, p.path) {
			// A page whose tables have the longest figures (a large
			// budget kept in 元), which leave the frozen label the least
			// room, is measured besides the first.
			seen["widest/"+p.lang] = true
			if seen[k] && !allDepartments {
				pages = append(pages, p)
				continue
			}
		}
		if seen[k] && !(p.kind == "department" && allDepartments) && p.kind != "compare" {
			continue
		}
		seen[k] = true
		pages = append(pages, p)
	}
	pages = append(pages, sitePage{"404", "zh", "no-such-page/"})
	for _, kind := range []string{"home", "year", "department", "compare", "series", "downloads", "search"} {
		for _, lang := range []string{"zh", "en"} {
			if !seen[kind+"/"+lang] {
				t.Fatalf("the site built into %s has no %s page in %s", out, kind, lang)
			}
		}
	}
	return pages
}

// widestFigures reports whether a built page has a table whose figures
// are 13 characters or more (render's figs-xl: 104,638,216.70).
func widestFigures(t *testing.T, out, page string) bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Contains(string(data), "figs-xl")
}

// testedSite is a built site that the tests of every page type read.
type testedSite struct {
	name  string
	out   string
	pages []sitePage
}

// everySite builds (once per run) the example site, every corpus site and
// a generated site of several departments and two years, and lists
// their pages: the example's and the generated site's one of each kind,
// the corpus sites' every department page (their tables have other
// shapes) and one of each other kind.
func everySite(t *testing.T) []testedSite {
	t.Helper()
	sites := []testedSite{{name: "example", out: exampleSite(t)}}
	for _, name := range corpusNames(t) {
		sites = append(sites, testedSite{name: name, out: corpusSite(t, name)})
	}
	gen, _ := twoYearsSite(t)
	sites = append(sites, testedSite{name: "generated", out: gen})
	for i := range sites {
		sites[i].pages = pagesOf(t, sites[i].out, sites[i].name != "example" && sites[i].name != "generated")
	}
	// The generated site has figures in 元 of a hundred million: its
	// pages are to show that even those fit beside the label.
	if n := len(sites) - 1; !slices.ContainsFunc(sites[n].pages, func(p sitePage) bool {
		return p.kind == "department" && widestFigures(t, sites[n].out, p.path)
	}) {
		t.Fatal("the generated site has no table whose figures have 13 characters or more")
	}
	return sites
}

// exampleSite builds the example site of the repository as it is
// published, once per run.
func exampleSite(t *testing.T) string {
	t.Helper()
	return buildOnce(t, "example", func(t *testing.T, out string) {
		buildInto(t, filepath.Join("..", ".."), out, true)
	})
}

// corpusSite builds a site of testdata/corpus, once per run.
func corpusSite(t *testing.T, name string) string {
	t.Helper()
	return buildOnce(t, "corpus/"+name, func(t *testing.T, out string) {
		buildInto(t, filepath.Join("..", "..", "testdata", "corpus", name), out, false)
	})
}

func (s testedSite) String() string { return fmt.Sprintf("%s (%d pages)", s.name, len(s.pages)) }
