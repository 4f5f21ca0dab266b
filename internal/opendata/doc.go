// Package opendata turns a department-year into the files a reader or
// a program downloads: each table as CSV and XLSX in a page's language,
// a workbook of all tables, the complete data as JSON (with its JSON
// Schema), a Fiscal Data Package, and the bulk files, catalogue and
// checksums of a whole site. It lays out no table of its own: the rows,
// names and heads are those of the department page (render.DataTables).
// It reads and writes no files; internal/build publishes what it makes.
// docs/open-data.md describes every file.
package opendata
