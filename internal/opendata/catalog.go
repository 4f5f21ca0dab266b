package opendata

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"budgetpress/internal/model"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
)

// CatalogVersion names the version of the catalogue's structure.
const CatalogVersion = "budgetpress/catalog/1"

// Catalog is the machine-readable list of every open-data file of a
// site (opendata/catalog.json): per department-year its files, each
// with its size and SHA-256, the bulk files of each year, and the
// site's own files. Paths are relative to the site's root.
type Catalog struct {
	Schema      string         `json:"schema"`
	Title       Text           `json:"title"`
	BaseURL     string         `json:"baseUrl,omitempty"`
	Departments []CatalogDept  `json:"departments"`
	Years       []CatalogYear  `json:"years"`
	Files       []CatalogEntry `json:"files"`
}

// CatalogDept is one department-year of the catalogue.
type CatalogDept struct {
	Year  int               `json:"year"`
	ID    string            `json:"id"`
	Name  Text              `json:"name"`
	Type  string            `json:"type"`
	Unit  string            `json:"unit"`
	Pages map[string]string `json:"pages"`
	Files []CatalogEntry    `json:"files"`
}

// CatalogYear is the bulk files of a year.
type CatalogYear struct {
	Year  int            `json:"year"`
	Files []CatalogEntry `json:"files"`
}

// CatalogEntry is one file.
type CatalogEntry struct {
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	Lang      string `json:"lang,omitempty"`
	Table     string `json:"table,omitempty"`
	MediaType string `json:"mediaType"`
	Size      int64  `json:"size"`
	SHA256    string `json:"sha256"`
}

// MediaType is the media type of a published file by its name.
func MediaType(name string) string {
	switch path.Ext(name) {
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".json":
		return "application/json"
	case ".pdf":
		return "application/pdf"
	case ".doc":
		return "application/msword"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".ofd":
		return "application/ofd"
	case ".wps":
		return "application/vnd.ms-works"
	}
	return "text/plain; charset=utf-8"
}

func entries(ds []render.Download) []CatalogEntry {
	out := []CatalogEntry{}
	for _, d := range ds {
		out = append(out, CatalogEntry{Path: d.Path, Kind: d.Kind, Lang: d.Lang, Table: d.Table, MediaType: MediaType(d.Path), Size: d.Size, SHA256: d.SHA256})
	}
	return out
}

// CatalogJSON writes the catalogue of a site's downloads; pages gives
// each department-year's page path by language.
func CatalogJSON(title model.Text, baseURL string, files []*model.File, pages func(f *model.File) map[string]string, years []int, d render.Downloads) []byte {
	c := Catalog{Schema: CatalogVersion, Title: textOrEmpty(title), BaseURL: baseURL, Departments: []CatalogDept{}, Years: []CatalogYear{}, Files: entries(d.Site)}
	var depts []*model.File
	for _, y := range years {
		for _, f := range files {
			if f.Year == y {
				depts = append(depts, f)
			}
		}
		c.Years = append(c.Years, CatalogYear{Year: y, Files: entries(d.Years[y])})
	}
	// The department-years, most of it (a prefecture's lists some 36,000
	// files), are written on every core, each indented as it is in the
	// whole, then put in its place.
	parts := make([][]byte, len(depts))
	parallel.Each(len(depts), func(i int) {
		f := depts[i]
		parts[i], _ = json.MarshalIndent(CatalogDept{Year: f.Year, ID: f.ID, Name: textOrEmpty(f.Department.Name), Type: f.Type, Unit: f.Unit,
			Pages: pages(f), Files: entries(d.Depts[render.DeptKey(f)])}, "  ", " ")
	})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.Encode(c)
	if len(parts) == 0 {
		return b.Bytes()
	}
	// No string of the encoding holds a line break: this is the field.
	const empty = "\n \"departments\": [],\n"
	head, tail, _ := bytes.Cut(b.Bytes(), []byte(empty))
	out := bytes.NewBuffer(make([]byte, 0, b.Len()+len(parts)*(len(parts[0])+4)))
	out.Write(head)
	out.WriteString("\n \"departments\": [\n  ")
	out.Write(bytes.Join(parts, []byte(",\n  ")))
	out.WriteString("\n ],\n")
	out.Write(tail)
	return out.Bytes()
}

// Checksums is a SHA256SUMS file of downloads, as sha256sum writes it
// ("<hex>  <path>"), paths relative to the folder it is published in
// (opendata/), with ../ for files beside the pages, so that
// "sha256sum -c SHA256SUMS" in that folder of a copy of the site checks
// them all.
func Checksums(ds []render.Download) []byte {
	var b bytes.Buffer
	for _, d := range ds {
		rel, ok := strings.CutPrefix(d.Path, render.OpenData+"/")
		if !ok {
			rel = "../" + d.Path
		}
		fmt.Fprintf(&b, "%s  %s\n", d.SHA256, rel)
	}
	return b.Bytes()
}
