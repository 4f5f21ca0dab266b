// Package render turns loaded department-years into the pages of the
// static site: it lays out the URL scheme, builds the view of each page
// (tables, overview, explanations, performance targets, glossary) in each
// language and executes the html/template layouts. It reads no files:
// the layouts, translations and Markdown sources are handed to it.
package render
