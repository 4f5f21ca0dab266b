package build

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"budgetpress/internal/render"
	"budgetpress/internal/sitepath"
)

// Target is a set of outputs to build again.
type Target struct {
	All   bool            // every page and file
	Home  bool            // the home page in every language
	Years map[int]bool    // year pages, in every language
	Depts map[string]bool // department-year pages by "<year>/<id>", in every language
	// Series are departments by id whose overview across years is to be
	// built.
	Series map[string]bool
	// Pickers are departments by id whose pages of every year are to be
	// built: their year pickers link the years the department has.
	Pickers map[string]bool
	Assets  bool // the theme's assets (stylesheets, scripts)
	Search  bool // the search pages and their index, in every language
	// OpenData are department-years by "<year>/<id>" whose open-data
	// files (tables as CSV, workbooks, JSON, data package, published
	// documents) are to be made again.
	OpenData map[string]bool
	// Bulk are years whose files of all departments (opendata/<year>/
	// all-departments.*) are to be made again.
	Bulk map[int]bool
	// Downloads are the downloads pages, which list every open-data
	// file with its size.
	Downloads bool
}

// Empty reports whether nothing is to be built.
func (t Target) Empty() bool {
	return !t.All && !t.Home && !t.Assets && !t.Search && !t.Downloads &&
		len(t.Years) == 0 && len(t.Depts) == 0 && len(t.Series) == 0 && len(t.Pickers) == 0 && len(t.Bulk) == 0 && len(t.OpenData) == 0
}

// StylesOnly reports whether only the assets are to be built: a page
// showing the site can swap its stylesheets instead of reloading.
func (t Target) StylesOnly() bool {
	rest := t
	rest.Assets = false
	return t.Assets && rest.Empty()
}

// Split divides t into what a page an editor previews shows, to be
// built at once, and what costs the most to make again and can wait
// until the editor pauses: what lists the whole site (the search index,
// the files of all departments of a year, the downloads pages) and the
// open data of the department-years, whose pages, which state the
// sizes of their files, are then built again. A target of everything is
// not divided.
func (t Target) Split() (now, later Target) {
	if t.All {
		return t, Target{}
	}
	later = Target{Search: t.Search, Bulk: t.Bulk, Downloads: t.Downloads, OpenData: t.OpenData}
	for key := range t.OpenData {
		later.Depts = union(later.Depts, map[string]bool{key: true})
	}
	now = t
	now.Search, now.Bulk, now.Downloads, now.OpenData = false, nil, false, nil
	return now, later
}

// Add adds the outputs of u to t.
func (t *Target) Add(u Target) {
	t.All = t.All || u.All
	t.Home = t.Home || u.Home
	t.Assets = t.Assets || u.Assets
	t.Search = t.Search || u.Search
	t.Downloads = t.Downloads || u.Downloads
	t.Bulk = union(t.Bulk, u.Bulk)
	t.OpenData = union(t.OpenData, u.OpenData)
	t.Years = union(t.Years, u.Years)
	t.Depts = union(t.Depts, u.Depts)
	t.Series = union(t.Series, u.Series)
	t.Pickers = union(t.Pickers, u.Pickers)
}

// union adds the keys of b to a, which it makes when nil.
func union[K comparable](a, b map[K]bool) map[K]bool {
	for k := range b {
		if a == nil {
			a = map[K]bool{}
		}
		a[k] = true
	}
	return a
}

// Has reports whether a page is to be built. A kind of page that the
// target does not know is always built.
func (t Target) Has(p render.Page) bool {
	if t.All {
		return true
	}
	switch p.Kind {
	case "home":
		return t.Home
	case "year", "compare":
		return t.Years[p.Year]
	case "department":
		return p.File != nil && (t.Depts[strconv.Itoa(p.Year)+"/"+p.File.ID] || t.Pickers[p.File.ID])
	case "series":
		return p.File != nil && t.Series[p.File.ID]
	case "404":
		return false
	case "search":
		return t.Search
	case "downloads":
		return t.Downloads
	}
	return true
}

// Affected returns what depends on the changed files, given by their
// paths relative to the site folder:
//
//   - data/<year>/<id>.yaml: that department-year's pages, the pages
//     that list its figures (that year's pages, its comparison and the
//     home pages), the department's overview across years and its pages
//     of the other years (whose year pickers link to the years it has:
//     a file may have been added or removed), the files of all
//     departments of that year, the downloads pages, and the search
//     pages with their index;
//   - content/<lang>/<year>/<id>.md: that department-year's pages in
//     every language (a language without its own file shows the
//     Chinese one), and the search pages with their index;
//   - data/<year>/<id>.pdf (and .ofd, .docx, .doc, .wps), the published
//     document: that department-year's pages and open data, and the
//     downloads pages;
//   - layouts/assets/…: the assets only, which stylesheets can take
//     without a reload;
//   - site.yaml, data/classification.yaml, templates/<id>.yaml, the rest of layouts/, and a
//     folder under data/ or content/ that was removed or renamed, given
//     with a slash at the end ("data/2023/"): everything.
//
// Other files are not read by a build and change nothing.
func Affected(changed []string) Target {
	var t Target
	for _, p := range changed {
		parts := strings.Split(p, "/")
		switch {
		case p == sitepath.Settings, p == sitepath.Classification:
			t.All = true
		case parts[0] == sitepath.Templates && (len(parts) == 2 && path.Ext(p) == ".yaml" || strings.HasSuffix(p, "/")):
			// A table set: every department file may follow it.
			t.All = true
		case parts[0] == "layouts" && len(parts) >= 3 && parts[1] == "assets":
			t.Assets = true
		case parts[0] == "layouts":
			t.All = true
		case isData(p):
			ys, id, _ := sitepath.ParseDataFile(p)
			year, err := strconv.Atoi(ys)
			if err != nil {
				continue // not a year folder: the loader reports it, no page shows it
			}
			key := ys + "/" + id
			t.Add(Target{Home: true, Years: map[int]bool{year: true}, Depts: map[string]bool{key: true}, Series: map[string]bool{id: true}, Pickers: map[string]bool{id: true}, Search: true,
				OpenData: map[string]bool{key: true}, Bulk: map[int]bool{year: true}, Downloads: true})
		case isOriginal(p):
			// A published document: its department's pages link it.
			ys, id, _, _ := sitepath.ParseOriginal(p)
			t.Add(Target{Depts: map[string]bool{ys + "/" + id: true}, OpenData: map[string]bool{ys + "/" + id: true}, Downloads: true})
		case parts[0] == sitepath.Content && path.Ext(p) == ".md":
			if _, year, id, ok := sitepath.ParseExplanation(p); ok {
				t.Add(Target{Depts: map[string]bool{year + "/" + id: true}, Search: true})
			}
		case (parts[0] == "data" || parts[0] == "content") && strings.HasSuffix(p, "/"):
			// A folder renamed or removed: its files were not reported.
			t.All = true
		}
	}
	return t
}

// isOriginal reports whether a path is a published document beside a
// department file (data/<year>/<id>.pdf and the other kinds).
func isOriginal(p string) bool {
	_, _, ext, ok := sitepath.ParseOriginal(p)
	return ok && slices.Contains(render.OriginalExts, ext)
}

// Reads reports whether a build reads the file or folder at p, a path
// relative to the site folder as Affected takes it.
func Reads(p string) bool {
	return isData(p) || isContent(p) || !Affected([]string{p}).Empty()
}
