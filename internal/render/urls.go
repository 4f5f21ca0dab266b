package render

import (
	"path"
	"strings"
)

// PagePath returns the output path of a page, relative to the site root:
// "index.html", "en/index.html", "2024/index.html",
// "en/2024/changji-egov/index.html". The default language lives at the
// root, every other under its code.
func (s *Renderer) PagePath(lang string, parts ...string) string {
	segs := []string{}
	if lang != s.DefaultLang() {
		segs = append(segs, lang)
	}
	segs = append(segs, parts...)
	segs = append(segs, "index.html")
	return path.Join(segs...)
}

// Rel returns the link from the page at from to the file at to, both
// relative to the site root. Links are relative so that the site works
// under any sub-path and when opened from the file system; links to a
// directory name its index.html for the same reason.
func Rel(from, to string) string {
	depth := strings.Count(from, "/")
	return strings.Repeat("../", depth) + to
}

// PrettyURL drops a trailing index.html: the form of canonical links and
// the sitemap, where a web server is there to resolve directories.
func PrettyURL(p string) string {
	if p == "index.html" {
		return ""
	}
	return strings.TrimSuffix(p, "index.html")
}

// Absolute returns the full address of a page for canonical links,
// hreflang alternates and the sitemap.
func (s *Renderer) Absolute(p string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + s.Config.BasePath + PrettyURL(p)
}
