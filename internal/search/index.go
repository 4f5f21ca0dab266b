package search

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"budgetpress/internal/parallel"
)

// Kind is what a document of the index is.
type Kind string

// The kinds of documents.
const (
	Department Kind = "d" // the department-year page itself
	Table      Kind = "t" // a budget table
	Project    Kind = "p" // a project
	Section    Kind = "s" // a section of the text: explanations, performance targets, glossary
)

// Fields, by weight: where on a document a term is.
const (
	FieldText    = 1
	FieldName    = 2 // a section's heading, a table row's name
	FieldProject = 3
	FieldTable   = 4
	FieldDept    = 5
)

// titleField is the field of a document's title, by its kind.
var titleField = map[Kind]int{Department: FieldDept, Table: FieldTable, Project: FieldProject, Section: FieldName}

// Doc is a place on a department page that a result links to.
type Doc struct {
	Kind   Kind
	Anchor string   // the id of the element on the page, "table-3"
	Title  string   // what the result is called: "表3 一般公共预算支出情况表"
	Names  []string // the names of a table's rows (功能分类 names)
	Text   string   // the text, without markup
}

// Page is one department-year page of a language, and what is on it.
type Page struct {
	Year  int
	Dept  string // the department's id
	Name  string // the department's name in the page's language
	About string // the department's overview (its functions), or ""
	Docs  []Doc  // the tables, projects and sections, in page order
}

// File is one file of an index.
type File struct {
	Name string // relative to the folder of the search page: "i/t/12.js"
	Data []byte
}

// Tuning of the index.
const (
	// ShardBytes is how many bytes of postings a term shard holds, about.
	ShardBytes = 24 << 10
	// MaxShards bounds the number of term shards.
	MaxShards = 4096
	// DocChunk is the number of documents of a page in one doc file: a
	// result loads the text of its own and of few others.
	DocChunk = 16
	// MaxText is the number of characters of a document's text kept for
	// quoting in results; all of it is indexed.
	MaxText = 2000
)

// Build makes the index of one language's pages. Its files are in a
// fixed order, and the same pages always give the same bytes.
func Build(pages []Page) []File { return BuildCut(pages, nil) }

// BuildCut is Build of pages some of which were cut into terms before
// (CutPage): cuts[i], when not nil, is the cut of pages[i]. A build
// cache keeps the cuts of the pages that did not change.
func BuildCut(pages []Page, cuts [][]byte) []File {
	order := make([]int, len(pages))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := pages[order[i]], pages[order[j]]
		if a.Year != b.Year {
			return a.Year > b.Year
		}
		return a.Dept < b.Dept
	})
	sorted := make([]Page, len(pages))
	for i, k := range order {
		sorted[i] = pages[k]
	}
	pages = sorted
	cutOf := func(i int) pageTerms {
		if k := order[i]; k < len(cuts) && cuts[k] != nil {
			return uncut(pages[i], cuts[k])
		}
		return termsOf(pages[i])
	}
	files := make([]File, 0, 3*len(pages)+MaxShards+1)
	postings := map[string]*postingList{}
	deptIndex := map[string]int{}
	var depts [][2]string
	var pageRefs [][2]int
	for _, p := range pages {
		di, ok := deptIndex[p.Dept]
		if !ok {
			di = len(depts)
			deptIndex[p.Dept] = di
			depts = append(depts, [2]string{p.Dept, p.Name})
		}
		pageRefs = append(pageRefs, [2]int{p.Year, di})
	}
	// The pages are cut into terms on every core, a batch at a time so
	// that only a batch's terms are held; their postings are then added
	// in page order.
	const batch = 64
	docVersions := make([]string, 0, len(pages))
	cut := make([]pageTerms, batch)
	for start := 0; start < len(pages); start += batch {
		n := min(batch, len(pages)-start)
		parallel.Each(n, func(i int) { cut[i] = cutOf(start + i) })
		for i := range n {
			pi := start + i
			for _, t := range cut[i].order {
				pl := postings[t]
				if pl == nil {
					pl = &postingList{}
					postings[t] = pl
				}
				pl.add(pi, cut[i].places[t])
			}
			var docs [][]byte
			for c := 0; c*DocChunk < len(cut[i].docs); c++ {
				part := cut[i].docs[c*DocChunk : min((c+1)*DocChunk, len(cut[i].docs))]
				name := DocFile(pi, c*DocChunk)
				docs = append(docs, docFile(name, part))
				files = append(files, File{Name: "i/d/" + name + ".js", Data: docs[len(docs)-1]})
			}
			docVersions = append(docVersions, version(docs...))
			cut[i] = pageTerms{}
		}
	}

	total := 0
	for t, pl := range postings {
		total += len(t) + pl.b.Len() + 6
	}
	n := shardCount(total)
	shards := make([]map[string]string, n)
	for i := range shards {
		shards[i] = map[string]string{}
	}
	for t, pl := range postings {
		shards[Shard(t, n)][t] = pl.b.String()
	}
	shardVersions := make([]string, n)
	for k, m := range shards {
		data := script("terms", strconv.Itoa(k), m)
		files = append(files, File{Name: shardFile(k), Data: data})
		shardVersions[k] = version(data)
	}
	files = append(files, File{Name: "i/meta.js", Data: script("meta", "", meta{1, n, depts, pageRefs, shardVersions, docVersions})})
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

// pageTerms is a page cut into terms: where each is, and its documents.
type pageTerms struct {
	order  []string // the terms, in the order they first occur
	places map[string][]place
	docs   []Doc
}

// termsOf cuts a page into terms.
func termsOf(p Page) pageTerms {
	docs := append([]Doc{{Kind: Department, Title: p.Name, Text: p.About}}, p.Docs...)
	pt := pageTerms{places: map[string][]place{}, docs: docs}
	best := map[string]int{}
	var terms []string
	for local, d := range docs {
		clear(best)
		terms = terms[:0]
		mark := func(text string, singles bool, field int) {
			eachTerm(text, singles, func(t []byte) {
				if f, ok := best[string(t)]; !ok {
					s := string(t)
					terms = append(terms, s)
					best[s] = field
				} else if field > f {
					best[string(t)] = field
				}
			})
		}
		mark(d.Title, true, titleField[d.Kind])
		if local == 0 {
			mark(strconv.Itoa(p.Year), false, FieldDept)
		}
		for _, n := range d.Names {
			mark(n, true, FieldName)
		}
		mark(d.Text, false, FieldText)
		for _, t := range terms {
			if _, ok := pt.places[t]; !ok {
				pt.order = append(pt.order, t)
			}
			pt.places[t] = append(pt.places[t], place{local: local, field: best[t]})
		}
	}
	return pt
}

// place is where a term is on a page: a document and the best field.
type place struct{ local, field int }

// postingList is a term's postings, encoded as they are added.
type postingList struct {
	b    strings.Builder
	last int // the last page added
}

func (pl *postingList) add(page int, places []place) {
	putNumber(&pl.b, page-pl.last)
	pl.last = page
	putNumber(&pl.b, len(places))
	prev := 0
	for _, p := range places {
		putNumber(&pl.b, (p.local-prev)*8+p.field)
		prev = p.local
	}
}

// The digits of numbers in postings: all but the last of a number from
// more, the last from last.
const (
	more = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_"
	last = "0123456789abcdefghijklmnopqrstuv"
)

func putNumber(b *strings.Builder, n int) {
	var digits [8]byte
	i := len(digits) - 1
	digits[i] = last[n&31]
	for n >>= 5; n > 0; n >>= 5 {
		i--
		digits[i] = more[n&31]
	}
	b.Write(digits[i:])
}

// DocFile names the doc file that holds a page's document doc, without
// its folder and extension: "12-0" holds the first DocChunk documents of
// page 12, "12-1" the next ones.
func DocFile(page, doc int) string { return strconv.Itoa(page) + "-" + strconv.Itoa(doc/DocChunk) }

// docFile is a doc file: some of a page's documents.
func docFile(name string, docs []Doc) []byte {
	rows := make([][4]string, len(docs))
	for i, d := range docs {
		text := strings.Join(d.Names, " · ")
		if text != "" && d.Text != "" {
			text += " · "
		}
		text += d.Text
		rows[i] = [4]string{string(d.Kind), d.Anchor, d.Title, cut(text, MaxText)}
	}
	return script("docs", strconv.Quote(name), rows)
}

// cut shortens a text to n characters.
func cut(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// script writes a call of bpsearch.<fn> with the arguments arg (when not
// empty) and v as JSON.
func script(fn, arg string, v any) []byte {
	var b bytes.Buffer
	b.WriteString("bpsearch." + fn + "(")
	if arg != "" {
		b.WriteString(arg + ",")
	}
	data, _ := json.Marshal(v) // strings, numbers, slices and maps of them always encode
	b.Write(data)
	b.WriteString(");\n")
	return b.Bytes()
}
