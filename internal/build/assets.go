package build

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"budgetpress/internal/diag"
)

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

// compressed are the kinds of files a build can also write gzipped, for
// servers that send a file's .gz copy to browsers that accept it
// (nginx's gzip_static).
var compressed = map[string]bool{".html": true, ".css": true, ".js": true, ".xml": true, ".json": true, ".svg": true, ".txt": true}

// gzipped returns data compressed at the best level, with no name and no
// time in its header, so that the same file always gives the same bytes.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) / 3)
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}
