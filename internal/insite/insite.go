// Package insite reads the folders of a site (layouts/, static/) without
// ever following a link out of the site: a link whose target lies
// outside the site folder is reported, and the file system it gives
// refuses to open one.
package insite

import (
	"io/fs"
	"os"
	"path/filepath"

	"budgetpress/internal/diag"
)

// Links reports every link under the site's folder sub (such as
// "layouts") that points outside the site folder, or to nothing. A link
// to another file of the site is fine.
func Links(site, sub string) diag.List {
	var diags diag.List
	top := filepath.Join(site, sub)
	realSite, err := filepath.EvalSymlinks(site)
	if err != nil {
		return nil // the site's own problems are told elsewhere
	}
	filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		rel, _ := filepath.Rel(site, p)
		rel = filepath.ToSlash(rel)
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			diags.Errorf(diag.Pos{File: rel}, "is a link to a file that does not exist: put the file itself here, or remove the link")
			return nil
		}
		if !Within(realSite, target) {
			diags.Errorf(diag.Pos{File: rel}, "is a link to a file outside the site (%s); budgetpress publishes only what is in the site folder: copy the file here instead of linking to it", target)
		}
		return nil
	})
	return diags
}

// Within reports whether path p is dir or lies below it.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !filepath.IsAbs(rel) && (len(rel) < 3 || rel[:3] != ".."+string(filepath.Separator))
}

// FS returns the site's folder sub as a file system whose reads stay in
// the site folder: a link to elsewhere in the site is followed, a link
// out of it fails to open. ok is false when the folder does not exist.
func FS(site, sub string) (fsys fs.FS, ok bool, err error) {
	if st, err := os.Stat(filepath.Join(site, sub)); err != nil || !st.IsDir() {
		return nil, false, nil
	}
	root, err := os.OpenRoot(site)
	if err != nil {
		return nil, false, err
	}
	// The Root is closed by its finalizer once the file system is dropped.
	fsys, err = fs.Sub(root.FS(), filepath.ToSlash(sub))
	if err != nil {
		root.Close()
		return nil, false, err
	}
	return fsys, true, nil
}
