package build

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"budgetpress/internal/diag"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
	"budgetpress/internal/search"
)

// writeSearch writes the search index of each language whose search
// page is among the pages rendered, into the folder of that page
// (search/i/…, en/search/i/…): the index changes with any department
// page, and the search page is rendered again whenever one is.
// With keep, it returns the pages each index was made of, and their
// terms, by language, for the build cache.
func writeSearch(r *render.Renderer, w *writer, todo []render.Page, keep bool, diags *diag.List) map[string][]searchDoc {
	made := map[string][]searchDoc{}
	for _, p := range todo {
		if p.Kind != "search" {
			continue
		}
		pages := r.SearchPages(p.Lang)
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
