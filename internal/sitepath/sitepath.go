// Package sitepath owns the layout of a site folder: where the settings,
// the department files, their explanations, the templates and the theme
// live, and what a path in it names. Paths are relative to the site
// folder and use forward slashes, as diagnostics print them.
package sitepath

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// The files and folders of a site.
const (
	Settings       = "site.yaml"                // the site's settings
	Classification = "data/classification.yaml" // codes the site adds to the dictionary
	Data           = "data"                     // data/<year>/<id>.yaml
	Content        = "content"                  // content/<lang>/<year>/<id>.md
	Templates      = "templates"                // templates/<id>.yaml, table sets
	Layouts        = "layouts"                  // the site's theme over the default one
)

// DataFile returns the path of a department-year's file:
// data/2024/changji-egov.yaml.
func DataFile(year int, id string) string {
	return fmt.Sprintf("%s/%d/%s.yaml", Data, year, id)
}

// DataFiles lists the department files of the site in dir under the
// year folder year, or under every one when year is "*", as sorted
// site-relative paths: data/2024/changji-egov.yaml. Whether each names a
// department-year the loader says.
func DataFiles(dir, year string) []string {
	paths, _ := filepath.Glob(filepath.Join(dir, Data, year, "*.yaml"))
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if rel, err := filepath.Rel(dir, p); err == nil {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	sort.Strings(out)
	return out
}

// Explanation returns the path of a department-year's explanation in a
// language: content/zh/2024/changji-egov.md.
func Explanation(lang string, year int, id string) string {
	return fmt.Sprintf("%s/%s/%d/%s.md", Content, lang, year, id)
}

// ParseDataFile reads data/<year>/<id>.yaml. ok is false for any other
// path, such as data/classification.yaml; the year is not checked to be
// a number.
func ParseDataFile(rel string) (year, id string, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 || parts[0] != Data || parts[1] == "" || path.Ext(parts[2]) != ".yaml" || parts[2] == ".yaml" {
		return "", "", false
	}
	return parts[1], strings.TrimSuffix(parts[2], ".yaml"), true
}

// ParseExplanation reads content/<lang>/<year>/<id>.md. ok is false for
// any other path; a Markdown file right under the year folder's parent
// (content/<lang>/<year>.md) is not an explanation either.
func ParseExplanation(rel string) (lang, year, id string, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 4 || parts[0] != Content || path.Ext(parts[3]) != ".md" || parts[3] == ".md" {
		return "", "", "", false
	}
	return parts[1], parts[2], strings.TrimSuffix(parts[3], ".md"), true
}

// CompareFolder is the folder of a year's comparison of its departments
// in the built site (<year>/compare/), beside the department folders
// (<year>/<id>/): no department may take its name.
const CompareFolder = "compare"

// ReservedID reports whether a department id names a page of the site
// other than the department's own (the year's comparison page), so that
// no department file may have it as its name.
func ReservedID(id string) bool { return id == CompareFolder }

// Original returns the path of a department-year's officially published
// document of the given kind (pdf, docx …), kept beside its department
// file: data/2024/changji-egov.pdf.
func Original(year int, id, ext string) string {
	return fmt.Sprintf("%s/%d/%s.%s", Data, year, id, ext)
}

// ParseOriginal reads data/<year>/<id>.<ext>, for any ext but yaml.
func ParseOriginal(rel string) (year, id, ext string, ok bool) {
	parts := strings.Split(rel, "/")
	if len(parts) != 3 || parts[0] != Data || parts[1] == "" {
		return "", "", "", false
	}
	ext = strings.TrimPrefix(path.Ext(parts[2]), ".")
	id = strings.TrimSuffix(parts[2], path.Ext(parts[2]))
	if ext == "" || ext == "yaml" || id == "" {
		return "", "", "", false
	}
	return parts[1], id, ext, true
}
