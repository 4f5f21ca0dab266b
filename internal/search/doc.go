// Package search builds the site's search index at build time: it cuts
// the texts of every department page into terms (lower-cased words, and
// Chinese by character bigrams and single characters), and writes the
// postings sharded by term, so that a query in the browser loads only
// the few files its terms fall into. layouts/assets/search.js reads it;
// Query is the same lookup in Go, for the tests and for measuring what a
// query loads.
//
// # Files
//
// An index is one language's: the files below, relative to the folder of
// that language's search page (search/ or en/search/). Each is a script
// that hands one JSON value to a function of search.js, so that it loads
// through a <script> element: from a web server, from file:// (where
// browsers refuse fetch) and under the Content-Security-Policy
// script-src 'self' alike.
//
//	i/meta.js        bpsearch.meta({"v":1,"terms":N,"depts":[[id,name]…],"pages":[[year,dept]…],"shards":[version…],"docs":[version…]})
//	i/t/<k>.js       bpsearch.terms(k,{"<term>":"<postings>",…})  for k in [0, N)
//	i/d/<page>-<c>.js  bpsearch.docs("<page>-<c>",[[kind,anchor,title,text]…])
//
// shards has the version of each term shard, docs that of each page's
// doc files together: the first 8 bytes of the SHA-256 of their bytes, in
// hex. search.js asks for a file with its version as the query
// (t/3.js?v=…), so that a browser keeping index files never mixes those
// of two builds.
//
// pages lists the department-year pages, newest year first, then by
// department id; a page is its position in that list, and dept is a
// position in depts. A page's link is ../<year>/<id>/index.html from the
// search page, followed by #anchor when the anchor is not empty.
//
// A term is in shard k = FNV-1a (32 bits) of the UTF-8 bytes of its first
// three characters, modulo N: a word typed in part ("offic") finds the
// shard of every word it begins. N is a power of two chosen so that a
// shard holds about ShardBytes of postings.
//
// A term's postings list where it occurs: for each page, in increasing
// order, the page's distance from the previous one (from 0 for the
// first), the number of places on it, and for each place, in increasing
// order, (distance from the previous place, from 0) × 8 + field. Places
// are the documents of the page, numbered from 0, the department itself;
// document n is at position n mod DocChunk of doc file <page>-<n div
// DocChunk>, so that a result loads the text of only DocChunk documents. Fields say where on the place
// the term is, the best one kept: 5 the department's name or the year, 4
// a table's title, 3 a project's name, 2 a section heading or a row's
// name (the classification names of a table), 1 the text. Numbers are
// written in base 32, most significant digit first, each digit but the
// last from "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_" and the last from
// "0123456789abcdefghijklmnopqrstuv".
//
// A doc's kind is "d" (the department), "t" (a table), "p" (a project)
// or "s" (a section of the text); its text, shortened to MaxText
// characters, is what a result quotes around the words found.
package search
