package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/opendata"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
	"budgetpress/internal/sitepath"
)

// openData publishes the open-data files of a site (docs/open-data.md)
// before its pages, which link them with their sizes. A Builder keeps
// one between builds, so that an update makes again only the files of
// the department-years and years that changed; the catalogue and the
// checksums, which list them all, are written every time.
type openData struct {
	depts map[string][]render.Download // by render.DeptKey
	years map[int][]render.Download
	site  []render.Download // the schema, the catalogue, the checksums
}

// produced is one file made for the downloads.
type produced struct {
	path, kind, lang, table string
	data                    []byte
}

// publish writes the open-data files that t needs (all when full) and
// tells r what the build published. dir is the site folder, where the
// original documents are.
func (o *openData) publish(r *render.Renderer, dir string, t Target, full bool, w *writer, diags *diag.List) {
	if o.depts == nil || full {
		o.depts, o.years, o.site = map[string][]render.Download{}, map[int][]render.Download{}, nil
	}
	live := map[string]bool{}
	var todo []*model.File
	for _, f := range r.Files {
		key := render.DeptKey(f)
		live[key] = true
		if _, ok := o.depts[key]; !ok || t.All || t.OpenData[key] {
			todo = append(todo, f)
		}
	}
	gone := 0
	for key := range o.depts {
		if !live[key] {
			delete(o.depts, key)
			gone++
		}
	}
	made := make([][]render.Download, len(todo))
	found := make([]diag.List, len(todo))
	parallel.Each(len(todo), func(i int) {
		made[i] = writeAll(w, deptFiles(r, dir, todo[i], &found[i]), &found[i])
	})
	for i, f := range todo {
		*diags = append(*diags, found[i]...)
		o.depts[render.DeptKey(f)] = made[i]
	}
	years := r.Years()
	for y := range o.years {
		if !slices.Contains(years, y) {
			delete(o.years, y)
			gone++
		}
	}
	var yearTodo []int
	for _, y := range years {
		if _, ok := o.years[y]; !ok || t.All || t.Bulk[y] {
			yearTodo = append(yearTodo, y)
		}
	}
	madeYears := make([][]render.Download, len(yearTodo))
	foundYears := make([]diag.List, len(yearTodo))
	parallel.Each(len(yearTodo), func(i int) {
		madeYears[i] = writeAll(w, yearFiles(r, yearTodo[i], &foundYears[i]), &foundYears[i])
	})
	for i, y := range yearTodo {
		*diags = append(*diags, foundYears[i]...)
		o.years[y] = madeYears[i]
	}
	d := render.Downloads{Depts: o.depts, Years: o.years}
	if len(todo) == 0 && len(yearTodo) == 0 && gone == 0 && o.site != nil {
		// No file changed: the catalogue and the checksums are as they were.
		d.Site = o.site
		r.SetDownloads(d)
		return
	}
	d.Site = writeAll(w, []produced{{path: render.SchemaFile, kind: render.DownloadSchema, data: opendata.Schema}}, diags)
	pages := func(f *model.File) map[string]string {
		out := map[string]string{}
		for _, lang := range r.Config.Languages {
			out[lang] = r.PagePath(lang, strconv.Itoa(f.Year), f.ID)
		}
		return out
	}
	catalog := opendata.CatalogJSON(r.Config.Title, r.Absolute(""), r.Files, pages, years, d)
	d.Site = append(d.Site, writeAll(w, []produced{{path: render.CatalogFile, kind: "catalog", data: catalog}}, diags)...)
	var all []render.Download
	for _, y := range years {
		for _, f := range r.FilesOf(y) {
			all = append(all, o.depts[render.DeptKey(f)]...)
		}
		all = append(all, o.years[y]...)
	}
	all = append(all, d.Site...)
	d.Site = append(d.Site, writeAll(w, []produced{{path: render.ChecksumsFile, kind: "checksums", data: opendata.Checksums(all)}}, diags)...)
	o.site = d.Site
	r.SetDownloads(d)
}

// paths lists every file the open data of the last publish holds.
func (o *openData) paths() []string {
	var out []string
	for _, ds := range o.depts {
		for _, d := range ds {
			out = append(out, d.Path)
		}
	}
	for _, ds := range o.years {
		for _, d := range ds {
			out = append(out, d.Path)
		}
	}
	return append(out, render.SchemaFile, render.CatalogFile, render.ChecksumsFile)
}

// writeAll writes files through w and describes them.
func writeAll(w *writer, files []produced, diags *diag.List) []render.Download {
	out := make([]render.Download, 0, len(files))
	for _, p := range files {
		w.write(p.path, p.data, diags)
		sum := sha256.Sum256(p.data)
		out = append(out, render.Download{Path: p.path, Kind: p.kind, Lang: p.lang, Table: p.table, Size: int64(len(p.data)), SHA256: hex.EncodeToString(sum[:])})
	}
	return out
}

// deptFiles makes the open-data files of a department-year: in each
// language the CSV and XLSX of each table and the workbook of all;
// the JSON, the data package and the original documents.
func deptFiles(r *render.Renderer, dir string, f *model.File, diags *diag.List) []produced {
	var out []produced
	for _, lang := range r.Config.Languages {
		tables, m := r.DataTables(lang, f)
		name, _ := f.Department.Name.In(lang)
		props := opendata.Props{Creator: name, Date: published(f), Lang: render.LangTag(lang)}
		// Each table as CSV; in Excel, each is a sheet of the workbook
		// (about 12 files fewer per department-year and language, which
		// a prefecture's hundred departments over ten years feel).
		laid := opendata.Lay(tables, m)
		for i, t := range tables {
			out = append(out, produced{path: r.TableFile(lang, f, t.No, "csv"), kind: render.DownloadTableCSV, lang: lang, table: t.No, data: laid.TableCSV(i)})
		}
		props.Title = name + " " + strconv.Itoa(f.Year)
		data, err := laid.Workbook(props)
		if err != nil {
			diags.Errorf(diag.Pos{File: f.Path}, "cannot make the Excel workbook: %v", err)
		} else {
			out = append(out, produced{path: r.WorkbookFile(lang, f), kind: render.DownloadWorkbook, lang: lang, data: data})
		}
	}
	out = append(out, produced{path: render.DataFile(f), kind: render.DownloadJSON, data: opendata.JSON(f, r.Dict)})
	for _, p := range opendata.Package(f, r.Dict) {
		kind := render.DownloadResource
		if p.Name == render.PackageFile {
			kind = render.DownloadPackage
		}
		out = append(out, produced{path: render.PackageDir(f) + "/" + p.Name, kind: kind, data: p.Data})
	}
	for _, ext := range render.OriginalExts {
		rel := sitepath.Original(f.Year, f.ID, ext)
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			diags.Errorf(diag.Pos{File: rel}, "cannot read the published document: %v", err)
			continue
		}
		out = append(out, produced{path: render.OriginalFile(f, ext), kind: render.DownloadOriginal, data: data})
	}
	return out
}

// yearFiles makes the bulk files of a year in each language.
func yearFiles(r *render.Renderer, year int, diags *diag.List) []produced {
	var out []produced
	for _, lang := range r.Config.Languages {
		var depts []opendata.Dept
		for _, f := range r.FilesOf(year) {
			tables, m := r.DataTables(lang, f)
			name, _ := f.Department.Name.In(lang)
			depts = append(depts, opendata.Dept{ID: f.ID, Name: name, Tables: tables, Money: m})
		}
		sheet, title, heads := r.BulkLabels(lang, year)
		figures := opendata.YearFigures(depts)
		out = append(out, produced{path: render.BulkFile(year, lang, "csv"), kind: render.DownloadBulkCSV, lang: lang, data: opendata.BulkCSV(heads, figures)})
		data, err := opendata.BulkXLSX(sheet, title, heads, figures, opendata.Props{Title: title, Date: latest(r.FilesOf(year)), Lang: render.LangTag(lang)})
		if err != nil {
			diags.Errorf(diag.Pos{File: sitepath.Data + "/" + strconv.Itoa(year)}, "cannot make the Excel file of all departments: %v", err)
			continue
		}
		out = append(out, produced{path: render.BulkFile(year, lang, "xlsx"), kind: render.DownloadBulkXLSX, lang: lang, data: data})
	}
	return out
}

// latest is the latest day of publication of files.
func latest(files []*model.File) string {
	d := ""
	for _, f := range files {
		d = max(d, published(f))
	}
	return d
}

// published is a file's day of publication, or the first day of its
// year when it gives none: the date of its workbooks.
func published(f *model.File) string {
	if f.Published.IsZero() {
		return strconv.Itoa(f.Year) + "-01-01"
	}
	return f.Published.String()
}
