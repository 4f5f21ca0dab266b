package render

import (
	"sort"
	"strings"
)

// SearchLink links to the search page in the page's language: the
// search box of every page sends its query there.
func (v *view) SearchLink() string { return v.PageLink(v.Lang, "search") }

// SearchDept is a department in the search page's filter.
type SearchDept struct {
	ID, Name string
}

// SearchDepts lists every department of the site once, by its latest
// name, in the order of the names, for the search page's filter.
func (v *view) SearchDepts() []SearchDept {
	seen := map[string]bool{}
	var out []SearchDept
	for _, y := range v.Site.years {
		for _, f := range v.Site.byYear[y] {
			if !seen[f.ID] {
				seen[f.ID] = true
				out = append(out, SearchDept{ID: f.ID, Name: v.Plain(f.Department.Name)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.Compare(out[i].Name, out[j].Name) < 0 })
	return out
}
