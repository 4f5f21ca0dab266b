package model

import "budgetpress/internal/classify"

// Site is everything read from a site folder: its settings, its
// dictionary and table sets, its department files and their
// explanations. The loader (internal/load) reads it; the checker and the
// build take it.
type Site struct {
	Dir    string
	Config *Settings
	Dict   *classify.Dictionary
	// Templates are the table sets department files may follow, by id:
	// the built-in ones and the site's templates/*.yaml.
	Templates map[string]*Template
	Files     []*File
	// DataFiles holds the path of every department file found, relative
	// to Dir, whether or not it loaded.
	DataFiles []string
	// Content holds the Markdown files under content/, by path relative
	// to Dir, in path order.
	Content []Source
}

// Source is a text file of the site.
type Source struct {
	Path string
	Text string
	// Bad is set when the file could not be read or is not UTF-8 text;
	// the loader has said why, and Text is empty.
	Bad bool
}
