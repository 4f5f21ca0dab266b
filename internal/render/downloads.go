package render

import (
	"path"
	"strconv"
	"strings"

	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
)

// The open-data files of the site (see docs/open-data.md). The files of
// a table and the workbook of a department-year are in a language and
// live beside its page; the rest speak both languages and live under
// opendata/.
const (
	OpenData      = "opendata"
	SchemaFile    = "opendata/schema/department-budget.schema.json"
	CatalogFile   = "opendata/catalog.json"
	ChecksumsFile = "opendata/SHA256SUMS"
	PackageFile   = "datapackage.json"
)

// OriginalExts are the kinds of file an editor may put beside a
// department file as the officially published document (公开文件原件),
// in the order they are looked for.
var OriginalExts = []string{"pdf", "ofd", "docx", "doc", "wps"}

// pageDir is the folder of a department-year's page in lang.
func (s *Renderer) pageDir(lang string, f *model.File) string {
	return path.Dir(s.PagePath(lang, strconv.Itoa(f.Year), f.ID))
}

// TableFile is where a table's download in ext (csv, xlsx) and lang is
// published: beside the page, named after the table's anchor
// (2024/changji-egov/table-3.csv).
func (s *Renderer) TableFile(lang string, f *model.File, no, ext string) string {
	return s.pageDir(lang, f) + "/table-" + no + "." + ext
}

// WorkbookFile is where the workbook of all tables of a department-year
// in lang is published: 2024/changji-egov/changji-egov-2024.xlsx.
func (s *Renderer) WorkbookFile(lang string, f *model.File) string {
	return s.pageDir(lang, f) + "/" + f.ID + "-" + strconv.Itoa(f.Year) + ".xlsx"
}

// DataFile is where the complete data of a department-year is published
// as JSON: opendata/2024/changji-egov.json.
func DataFile(f *model.File) string {
	return OpenData + "/" + strconv.Itoa(f.Year) + "/" + f.ID + ".json"
}

// PackageDir is the folder of a department-year's Fiscal Data Package:
// opendata/2024/changji-egov/, holding datapackage.json and its CSV files.
func PackageDir(f *model.File) string {
	return OpenData + "/" + strconv.Itoa(f.Year) + "/" + f.ID
}

// OriginalFile is where the published document in ext is published:
// opendata/2024/changji-egov.pdf.
func OriginalFile(f *model.File, ext string) string {
	return OpenData + "/" + strconv.Itoa(f.Year) + "/" + f.ID + "." + ext
}

// BulkFile is where all departments' tables of a year in lang are
// published in one file: opendata/2024/all-departments.zh.csv.
func BulkFile(year int, lang, ext string) string {
	return OpenData + "/" + strconv.Itoa(year) + "/all-departments." + lang + "." + ext
}

// The kinds of download.
const (
	DownloadTableCSV = "table-csv"
	DownloadWorkbook = "workbook"
	DownloadJSON     = "json"
	DownloadPackage  = "datapackage"
	DownloadResource = "datapackage-resource"
	DownloadOriginal = "original"
	DownloadBulkCSV  = "bulk-csv"
	DownloadBulkXLSX = "bulk-xlsx"
	DownloadSchema   = "schema"
)

// Download is one published file of open data.
type Download struct {
	Path   string // relative to the site root
	Kind   string // DownloadTableCSV and so on
	Lang   string // the language of its texts; "" for both
	Table  string // the table's number, for the files of one table
	Size   int64
	SHA256 string // hex
}

// Downloads are the open-data files of a build: by department-year
// ("2024/changji-egov"), by year (the bulk files), and the site's own
// (the schema).
type Downloads struct {
	Depts map[string][]Download
	Years map[int][]Download
	Site  []Download
}

// SetDownloads tells the site which open-data files the build
// published, before its pages are rendered: the pages link them with
// their sizes.
func (s *Renderer) SetDownloads(d Downloads) { s.downloads = d }

// DeptKey is the key of a department-year in Downloads.Depts.
func DeptKey(f *model.File) string { return strconv.Itoa(f.Year) + "/" + f.ID }

// DataTable is a table of a department page as the downloads give it:
// the same rows, names and heads as the page, in its language, as plain
// text, with the amounts as the file gives them.
type DataTable struct {
	No      string
	Name    string // 表3, the name of its sheet
	Heading string // 表3 一般公共预算支出情况表
	// Compiler and Unit are the lines under the heading: 编制部门：…,
	// 单位：万元.
	Compiler, Unit string
	Empty          string // the statement of a table without figures
	// PartHead is the head of the column naming the side (收入, 支出)
	// when a table has two.
	PartHead string
	// UnitSuffix follows the head of an amount column: （万元）.
	UnitSuffix string
	Parts      []PartView
}

// DataTables lays out every table of a file in lang as its page does,
// and returns how the page states money.
func (s *Renderer) DataTables(lang string, f *model.File) ([]DataTable, i18n.Money) {
	v := s.newView(Page{Path: s.PagePath(lang, strconv.Itoa(f.Year), f.ID), Lang: lang, Kind: "department", Year: f.Year, File: f})
	m := v.Money(f)
	var out []DataTable
	for i, tv := range v.Tables(f) {
		dt := DataTable{No: tv.No, Name: v.Tf("table.no", tv.No), Heading: v.Tf("table.no", tv.No) + " " + tv.Title,
			Compiler: v.T("table.compiler") + v.Plain(f.Department.Name),
			Unit:     v.T("table.unit") + m.UnitName(), UnitSuffix: v.Tf("dl.unit.suffix", m.UnitName()), Parts: tv.Parts}
		if len(tv.Parts) > 1 {
			dt.PartHead = v.T("dl.part")
		}
		if tv.Empty != "" {
			dt.Empty = v.Plain(f.Tables[i].Empty)
		}
		out = append(out, dt)
	}
	return out, m
}

// BulkLabels are the texts of a year's bulk files in lang: the name of
// the sheet, the title in its first row, and the heads of the columns.
func (s *Renderer) BulkLabels(lang string, year int) (name, title string, heads []string) {
	v := s.newView(Page{Path: s.PagePath(lang, "downloads"), Lang: lang, Kind: "downloads"})
	for _, k := range []string{"dept", "id", "table", "title", "part", "code", "name", "project", "column", "amount", "unit"} {
		heads = append(heads, v.T("dl.bulk.head."+k))
	}
	return strconv.Itoa(year), v.Tf("dl.bulk.title", year), heads
}

// DownloadLink is a link to a download, for the templates.
type DownloadLink struct {
	Href string
	Text string // names the file for a screen reader out of context: 表3 CSV
	// Hidden is said before Text to a screen reader but not shown: what
	// the page shows around the link, such as the department's name.
	Hidden string
	Size   string // 2.1 KB
	Kind   string
}

// downloadsOf returns the downloads of the page's department-year.
func (v *view) downloadsOf(f *model.File) []Download {
	return v.Site.downloads.Depts[DeptKey(f)]
}

func (v *view) link(d Download, text string) DownloadLink {
	return DownloadLink{Href: v.Link(d.Path), Text: text, Size: FileSize(d.Size), Kind: d.Kind}
}

// TableDownloads links the CSV file of a table in the page's language
// and the workbook that has the table as a sheet of its name; none when
// the build published none.
func (v *view) TableDownloads(f *model.File, t TableView) []DownloadLink {
	var out []DownloadLink
	name := v.Tf("table.no", t.No)
	for _, d := range v.downloadsOf(f) {
		if d.Kind == DownloadTableCSV && d.Table == t.No && d.Lang == v.Lang {
			out = append(out, v.link(d, v.Tf("dl.table.csv", name)))
		}
	}
	if len(out) == 0 {
		return nil
	}
	for _, d := range v.downloadsOf(f) {
		// In Excel the table is a sheet of the department's workbook,
		// named as the table is.
		if d.Kind == DownloadWorkbook && d.Lang == v.Lang {
			out = append(out, v.link(d, v.Tf("dl.table.xlsx", name)))
		}
	}
	return out
}

// DeptDownloads links the files of a whole department-year: its
// workbook in the page's language, its JSON, its data package and the
// original document.
func (v *view) DeptDownloads(f *model.File) []DownloadLink {
	var out []DownloadLink
	for _, d := range v.downloadsOf(f) {
		switch {
		case d.Kind == DownloadWorkbook && d.Lang == v.Lang:
			out = append(out, v.link(d, v.T("dl.workbook")))
		case d.Kind == DownloadJSON:
			out = append(out, v.link(d, v.T("dl.json")))
		case d.Kind == DownloadPackage:
			out = append(out, v.link(d, v.T("dl.package")))
		}
	}
	return out
}

// Originals links the officially published documents of a
// department-year, with their SHA-256.
func (v *view) Originals(f *model.File) []OriginalLink {
	var out []OriginalLink
	for _, d := range v.downloadsOf(f) {
		if d.Kind == DownloadOriginal {
			ext := strings.ToUpper(strings.TrimPrefix(path.Ext(d.Path), "."))
			out = append(out, OriginalLink{DownloadLink: v.link(d, v.Tf("dl.original", ext)), SHA256: d.SHA256})
		}
	}
	return out
}

// OriginalLink is a link to a published document and its checksum.
type OriginalLink struct {
	DownloadLink
	SHA256 string
}

// DownloadsPage links to the downloads page in the page's language.
func (v *view) DownloadsPage() string { return v.PageLink(v.Lang, "downloads") }

// DownloadGroup is one department-year on the downloads page.
type DownloadGroup struct {
	Year  int
	Title string
	Page  string // link to the department page
	Files []DownloadLink
}

// DownloadYear is one year on the downloads page: its bulk files and
// its departments.
type DownloadYear struct {
	Year  int
	Bulk  []DownloadLink
	Depts []DownloadGroup
}

// DownloadYears lists every year, newest first, with its bulk files and
// every department-year's files, for the downloads page.
func (v *view) DownloadYears() []DownloadYear {
	var out []DownloadYear
	for _, y := range v.Site.years {
		dy := DownloadYear{Year: y}
		for _, d := range v.Site.downloads.Years[y] {
			if d.Lang != v.Lang {
				continue
			}
			key := "dl.bulk.csv"
			if d.Kind == DownloadBulkXLSX {
				key = "dl.bulk.xlsx"
			}
			dy.Bulk = append(dy.Bulk, v.link(d, v.Tf(key, y)))
		}
		for _, f := range v.Site.byYear[y] {
			g := DownloadGroup{Year: y, Title: v.DeptTitle(f), Page: v.DeptLink(f)}
			// The department's name, shown above its files, is said
			// with each for a screen reader, which lists links out of
			// context; on screen it would make the page twice as long.
			name := v.Tf("dl.of", v.Plain(f.Department.Name))
			for _, d := range v.downloadsOf(f) {
				var text string
				switch {
				case d.Kind == DownloadWorkbook && d.Lang == v.Lang:
					text = v.T("dl.workbook")
				case d.Kind == DownloadJSON:
					text = v.T("dl.json")
				case d.Kind == DownloadPackage:
					text = v.T("dl.package")
				case d.Kind == DownloadOriginal:
					text = v.Tf("dl.original", strings.ToUpper(strings.TrimPrefix(path.Ext(d.Path), ".")))
				default:
					continue
				}
				l := v.link(d, text)
				l.Hidden = name
				g.Files = append(g.Files, l)
			}
			dy.Depts = append(dy.Depts, g)
		}
		out = append(out, dy)
	}
	return out
}

// SiteDownloads links the catalogue, the checksums and the schema.
func (v *view) SiteDownloads() []DownloadLink {
	var out []DownloadLink
	for _, d := range v.Site.downloads.Site {
		out = append(out, v.link(d, v.T("dl.site."+d.Kind)))
	}
	return out
}

// FileSize states a size in bytes for readers: 812 B, 2.1 KB, 1.4 MB.
func FileSize(n int64) string {
	switch {
	case n < 1024:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1024*1024:
		return strconv.FormatFloat(float64(n)/1024, 'f', 1, 64) + " KB"
	}
	return strconv.FormatFloat(float64(n)/(1024*1024), 'f', 1, 64) + " MB"
}
