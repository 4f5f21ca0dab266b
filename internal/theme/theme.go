// Package theme is a site's theme: the default one, embedded in the
// binary, with the files of the site's own layouts/ over it. It holds the
// page templates, the interface texts of each language and the assets,
// with the names they are published under.
package theme

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"budgetpress"
	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/insite"
)

// Theme is the theme of one build.
type Theme struct {
	// FS holds the templates (*.html), the interface texts (i18n/) and
	// the assets (assets/): the site's layouts/ over the default theme.
	FS fs.FS
	// Catalog holds the interface texts of the site's languages.
	Catalog *i18n.Catalog
	// Assets maps each asset (assets/site.css) to the name it is
	// published under (assets/site.3f2a9c01d4.css).
	Assets map[string]string
}

// Open reads the theme of the site in dir for its languages (the first is
// the default). With fingerprint, stylesheets and scripts are published
// under names made from their content.
func Open(dir string, langs []string, fingerprint bool) (*Theme, diag.List) {
	var diags diag.List
	lower, err := fs.Sub(budgetpress.DefaultLayouts, "layouts")
	if err != nil {
		diags.Errorf(diag.Pos{File: "layouts"}, "the default theme is missing: %v", err)
		return nil, diags
	}
	// The site's layouts/ is read without following a link out of the
	// site: a link to /etc/passwd in layouts/assets/ would publish it.
	if diags = insite.Links(dir, "layouts"); diags.HasErrors() {
		return nil, diags
	}
	var upper fs.FS
	if fsys, ok, err := insite.FS(dir, "layouts"); err != nil {
		diags.Errorf(diag.Pos{File: "layouts"}, "cannot read: %v", err)
		return nil, diags
	} else if ok {
		upper = fsys
	}
	t := &Theme{FS: overlay{upper: upper, lower: lower}, Catalog: i18n.New(langs[0])}
	for _, lang := range langs {
		for _, layer := range []fs.FS{lower, upper} {
			if layer == nil {
				continue
			}
			if src, err := fs.ReadFile(layer, "i18n/"+lang+".yaml"); err == nil {
				diags = append(diags, t.Catalog.Add(lang, "layouts/i18n/"+lang+".yaml", src)...)
			}
		}
	}
	var ds diag.List
	t.Assets, ds = assetNames(t.FS, fingerprint)
	return t, append(diags, ds...)
}

// fingerprinted are the kinds of theme files that pages link to: a
// published build names each after its content, so that a portal may
// cache it for a year and a change reaches readers at once.
var fingerprinted = map[string]bool{".css": true, ".js": true}

// assetNames returns the names the theme's assets are published under,
// by their names in the theme ("assets/site.css" →
// "assets/site.3f2a9c01d4.css"). Without fingerprint every asset keeps
// its name: the preview server swaps a changed stylesheet in place.
func assetNames(theme fs.FS, fingerprint bool) (map[string]string, diag.List) {
	names := map[string]string{}
	var diags diag.List
	fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		names[p] = p
		ext := path.Ext(p)
		if !fingerprint || !fingerprinted[ext] {
			return nil
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			diags.Errorf(diag.Pos{File: "layouts/" + p}, "cannot read: %v", err)
			return nil
		}
		sum := sha256.Sum256(data)
		names[p] = strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		return nil
	})
	return names, diags
}
