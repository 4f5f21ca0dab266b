package build

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
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
	// figures are what the bulk files of its year take of each
	// department-year, by render.DeptKey: a year's files are made again
	// from those of the department-years that did not change (a warm
	// build has them from the cache, without loading their files).
	figures map[string]deptFigures
}

// deptFigures are a department-year's figures in each language, encoded
// (opendata.Figures.MarshalBinary), and the file they are of; decoded
// too when they come from the cache (decode).
type deptFigures struct {
	f       *model.File
	byLang  map[string][]byte
	decoded map[string]opendata.Figures
}

// decode decodes the figures of every language of langs.
func (d *deptFigures) decode(langs []string) error {
	d.decoded = map[string]opendata.Figures{}
	for _, lang := range langs {
		var fg opendata.Figures
		if err := fg.UnmarshalBinary(d.byLang[lang]); err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		d.decoded[lang] = fg
	}
	return nil
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
		o.figures = nil
	}
	if o.figures == nil {
		o.figures = map[string]deptFigures{}
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
	for key := range o.figures {
		if !live[key] {
			delete(o.figures, key)
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
	// A year's files in each language, the workbooks being most of the
	// work, on every core.
	langs := r.Config.Languages
	madeYears := make([][]render.Download, len(yearTodo)*len(langs))
	foundYears := make([]diag.List, len(yearTodo)*len(langs))
	figures := make([]map[string][]byte, len(yearTodo)*len(langs))
	parallel.Each(len(madeYears), func(i int) {
		y, lang := yearTodo[i/len(langs)], langs[i%len(langs)]
		var files []produced
		files, figures[i] = yearFiles(r, y, lang, o.figures, &foundYears[i])
		madeYears[i] = writeAll(w, files, &foundYears[i])
	})
	for i := range madeYears {
		y, lang := yearTodo[i/len(langs)], langs[i%len(langs)]
		*diags = append(*diags, foundYears[i]...)
		if i%len(langs) == 0 {
			o.years[y] = nil
		}
		o.years[y] = append(o.years[y], madeYears[i]...)
		for _, f := range r.FilesOf(y) {
			key := render.DeptKey(f)
			if data, ok := figures[i][key]; ok {
				e := o.figures[key]
				if e.f != f {
					e = deptFigures{f: f, byLang: map[string][]byte{}}
				}
				e.byLang[lang] = data
				o.figures[key] = e
			}
		}
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

// yearFiles makes the bulk files of a year in a language, from the
// figures of its department-years: those have holds of the same file,
// the others laid out and returned, encoded, by render.DeptKey.
func yearFiles(r *render.Renderer, year int, lang string, have map[string]deptFigures, diags *diag.List) ([]produced, map[string][]byte) {
	files := r.FilesOf(year)
	parts := make([]opendata.Figures, len(files))
	made := map[string][]byte{}
	for i, f := range files {
		key := render.DeptKey(f)
		if e, ok := have[key]; ok && e.f == f {
			if fg, ok := e.decoded[lang]; ok {
				parts[i] = fg
				continue
			}
			// Those the preview kept of a file it has whole: laid out
			// again, right, when they do not decode.
			if e.byLang[lang] != nil && parts[i].UnmarshalBinary(e.byLang[lang]) == nil {
				continue
			}
		}
		var data []byte
		var err error
		if parts[i], data, err = layFigures(r, lang, f); err != nil {
			diags.Errorf(diag.Pos{File: f.Path}, "cannot keep the figures of the files of all departments: %v", err)
			continue
		}
		made[key] = data
	}
	sheet, title, heads := r.BulkLabels(lang, year)
	figures := opendata.Join(parts...)
	out := []produced{{path: render.BulkFile(year, lang, "csv"), kind: render.DownloadBulkCSV, lang: lang, data: opendata.BulkCSV(heads, figures)}}
	data, err := opendata.BulkXLSX(sheet, title, heads, figures, opendata.Props{Title: title, Date: latest(files), Lang: render.LangTag(lang)})
	if err != nil {
		diags.Errorf(diag.Pos{File: sitepath.Data + "/" + strconv.Itoa(year)}, "cannot make the Excel file of all departments: %v", err)
		return out, made
	}
	return append(out, produced{path: render.BulkFile(year, lang, "xlsx"), kind: render.DownloadBulkXLSX, lang: lang, data: data}), made
}

// layFigures lays out the figures of a department-year in a language
// for the files of all departments of its year, and encodes them for
// the cache.
func layFigures(r *render.Renderer, lang string, f *model.File) (opendata.Figures, []byte, error) {
	tables, m := r.DataTables(lang, f)
	name, _ := f.Department.Name.In(lang)
	figures := opendata.DeptFigures(opendata.Dept{ID: f.ID, Name: name, Tables: tables, Money: m})
	data, err := figures.MarshalBinary()
	return figures, data, err
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
