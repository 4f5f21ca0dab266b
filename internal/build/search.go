package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
	"budgetpress/internal/search"
)

// writeSearch writes the search index of each language whose search
// page is among the pages rendered, into the folder of that page
// (search/i/…, en/search/i/…): the index changes with any department
// page, and the search page is rendered again whenever one is.
// The documents of the department pages among todo are those their
// rendering made (results). With keep, it returns the pages each index
// was made of, and their terms, by language, for the build cache.
func writeSearch(r *render.Renderer, w *writer, todo []render.Page, results []render.Result, keep bool, memo *searchMemo, diags *diag.List) map[string][]searchDoc {
	if memo != nil {
		memo.keep(todo, results)
	}
	made := map[string][]searchDoc{}
	rendered := map[memoKey]*search.Page{}
	for i, p := range todo {
		if p.Kind == "department" && results[i].Search != nil {
			rendered[memoKey{p.Lang, render.DeptKey(p.File)}] = results[i].Search
		}
	}
	for _, p := range todo {
		if p.Kind != "search" {
			continue
		}
		if memo != nil {
			pages, cuts := memo.pages(r, p.Lang)
			writeIndex(w, p, pages, cuts, diags)
			continue
		}
		var files []*model.File
		for _, y := range r.Years() {
			files = append(files, r.FilesOf(y)...)
		}
		pages := make([]search.Page, len(files))
		parallel.Each(len(files), func(i int) {
			if sp := rendered[memoKey{p.Lang, render.DeptKey(files[i])}]; sp != nil {
				pages[i] = *sp
			} else {
				pages[i] = r.SearchPage(p.Lang, files[i])
			}
		})
		var cuts [][]byte
		if keep {
			cuts = make([][]byte, len(pages))
			parallel.Each(len(pages), func(i int) { cuts[i] = search.CutPage(pages[i]) })
			for i, sp := range pages {
				made[p.Lang] = append(made[p.Lang], searchDoc{Page: sp, Cut: cuts[i]})
			}
		}
		writeIndex(w, p, pages, cuts, diags)
	}
	return made
}

// writeIndex writes the search index of pages beside the search page p;
// cuts, when given, are the pages' terms (search.BuildCut).
func writeIndex(w *writer, p render.Page, pages []search.Page, cuts [][]byte, diags *diag.List) {
	dir := path.Dir(p.Path)
	for _, f := range search.BuildCut(pages, cuts) {
		name := path.Join(dir, f.Name)
		w.write(name, f.Data, diags)
		w.index = append(w.index, name)
	}
}

// pruneIndex removes from the current build the files of the search
// index that the index just written no longer has (the doc file of a
// department removed), so that a preview holds what a fresh build
// would. written is nil when no index was written.
func (b *Builder) pruneIndex(written []string) error {
	if written == nil {
		return nil
	}
	now := map[string]bool{}
	for _, f := range written {
		now[f] = true
	}
	dir := b.Dir()
	for f := range b.index {
		if now[f] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	b.index = now
	return nil
}

// searchMemo keeps, between the preview's builds, what each department
// page gives the search index of its language: its documents and their
// terms. An entry holds while the page's department file is the same
// loaded file and its explanations have not changed (forget).
type searchMemo struct {
	m map[memoKey]memoEntry
}

type memoKey struct{ lang, dept string } // dept: render.DeptKey

type memoEntry struct {
	f    *model.File
	page search.Page
	cut  []byte
}

// pages returns the search pages of a language, newest year first and
// in the order of Renderer.FilesOf, and their terms, making only those
// it does not hold.
func (m *searchMemo) pages(r *render.Renderer, lang string) ([]search.Page, [][]byte) {
	if m.m == nil {
		m.m = map[memoKey]memoEntry{}
	}
	var files []*model.File
	for _, y := range r.Years() {
		files = append(files, r.FilesOf(y)...)
	}
	pages := make([]search.Page, len(files))
	cuts := make([][]byte, len(files))
	var todo []int
	made := make([]bool, len(files)) // the page is held, not its terms
	for i, f := range files {
		e, ok := m.m[memoKey{lang, render.DeptKey(f)}]
		if ok && e.f == f {
			pages[i], cuts[i], made[i] = e.page, e.cut, true
		}
		if cuts[i] == nil {
			todo = append(todo, i)
		}
	}
	parallel.Each(len(todo), func(j int) {
		i := todo[j]
		if !made[i] {
			pages[i] = r.SearchPage(lang, files[i])
		}
		cuts[i] = search.CutPage(pages[i])
	})
	live := make(map[memoKey]bool, len(files))
	for i, f := range files {
		k := memoKey{lang, render.DeptKey(f)}
		live[k] = true
		m.m[k] = memoEntry{f: f, page: pages[i], cut: cuts[i]}
	}
	for k := range m.m {
		if k.lang == lang && !live[k] {
			delete(m.m, k)
		}
	}
	return pages, cuts
}

// keep takes what the department pages among pages gave the search
// index as they rendered (results): their terms are cut when the index
// is made.
func (m *searchMemo) keep(pages []render.Page, results []render.Result) {
	if m.m == nil {
		m.m = map[memoKey]memoEntry{}
	}
	for i, p := range pages {
		if sp := results[i].Search; p.Kind == "department" && sp != nil {
			m.m[memoKey{p.Lang, render.DeptKey(p.File)}] = memoEntry{f: p.File, page: *sp}
		}
	}
}

// forget drops what the memo holds of a department-year, whose
// explanation changed, in every language.
func (m *searchMemo) forget(dept string) {
	for k := range m.m {
		if k.dept == dept {
			delete(m.m, k)
		}
	}
}

// reset drops everything: the settings, the dictionary or the theme
// changed, which every page's words may follow.
func (m *searchMemo) reset() { m.m = nil }
