package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Reader reads a file of an index by its name ("i/meta.js").
type Reader func(name string) ([]byte, error)

// Filter narrows a query to a year or a department (its id); zero
// values do not narrow.
type Filter struct {
	Year int
	Dept string
}

// Hit is one result of a query.
type Hit struct {
	Page, Doc int // the page's position in the index, the document's on it
	Year      int
	Dept      string // the department's id
	Kind      Kind
	Anchor    string
	Title     string
	Score     int
	// Partial is set when the hit lacks some of the query's terms: no
	// document has all of them.
	Partial bool
}

// Link is the hit's link from the search page.
func (h Hit) Link() string {
	l := "../" + strconv.Itoa(h.Year) + "/" + h.Dept + "/index.html"
	if h.Anchor != "" {
		l += "#" + h.Anchor
	}
	return l
}

// weights are the scores of a term found in each field; a word found
// only as the beginning of a longer one scores half, and a term found
// only in the name of a document's department (or its year) scores
// context.
var weights = [6]int{0, 2, 8, 20, 40, 80}

const context = 1

// Query looks up q in an index as search.js does: every term of the
// query must be on a document, or in the name or year of its department
// (then at least one other term must be on it); when no document has all
// of them, those with the most are returned, marked Partial. Hits come
// best first, at most limit of them with their titles (all when limit is
// 0, titles then not read); loaded names the files read, in order. The
// second value counts every hit.
func Query(read Reader, q string, f Filter, limit int) (hits []Hit, total int, loaded []string, err error) {
	terms := QueryTerms(q)
	if len(terms) == 0 {
		return nil, 0, nil, nil
	}
	get := func(name string, into any) error {
		data, err := read(name)
		if err != nil {
			return err
		}
		loaded = append(loaded, name)
		return decodeScript(name, data, into)
	}
	var meta struct {
		Terms int         `json:"terms"`
		Depts [][2]string `json:"depts"`
		Pages [][2]int    `json:"pages"`
	}
	if err := get("i/meta.js", &meta); err != nil {
		return nil, 0, loaded, err
	}
	if meta.Terms < 1 {
		return nil, 0, loaded, fmt.Errorf("i/meta.js: the index has no term shards")
	}
	shards := map[int]map[string]string{}
	for _, t := range terms {
		k := Shard(t.Text, meta.Terms)
		if shards[k] != nil {
			continue
		}
		m := map[string]string{}
		if err := get("i/t/"+strconv.Itoa(k)+".js", &m); err != nil {
			return nil, 0, loaded, err
		}
		shards[k] = m
	}

	type key struct{ page, doc int }
	var direct []map[key]int
	var ctx []map[int]bool
	for _, t := range terms {
		d, c := map[key]int{}, map[int]bool{}
		for term, enc := range shards[Shard(t.Text, meta.Terms)] {
			exact := term == t.Text
			if !exact && !(t.Prefix && strings.HasPrefix(term, t.Text)) {
				continue
			}
			err := decodePostings(enc, func(page, doc, field int) {
				s := weights[field]
				if !exact {
					s /= 2
				}
				k := key{page, doc}
				if s > d[k] {
					d[k] = s
				}
				if doc == 0 && field == FieldDept {
					c[page] = true
				}
			})
			if err != nil {
				return nil, 0, loaded, fmt.Errorf("term %q: %v", term, err)
			}
		}
		if len(d) > 0 {
			direct, ctx = append(direct, d), append(ctx, c)
		}
	}
	keep := func(page int) bool {
		if page < 0 || page >= len(meta.Pages) {
			return false
		}
		p := meta.Pages[page]
		if f.Year != 0 && p[0] != f.Year {
			return false
		}
		return f.Dept == "" || p[1] >= 0 && p[1] < len(meta.Depts) && meta.Depts[p[1]][0] == f.Dept
	}
	best := 0
	seen := map[key]bool{}
	for _, d := range direct {
		for k := range d {
			if seen[k] || !keep(k.page) {
				continue
			}
			seen[k] = true
			h := Hit{Page: k.page, Doc: k.doc}
			cov := 0
			for i, d2 := range direct {
				if s, ok := d2[k]; ok {
					cov, h.Score = cov+1, h.Score+s
				} else if ctx[i][k.page] {
					cov, h.Score = cov+1, h.Score+context
				}
			}
			h.Partial = cov < len(direct)
			switch {
			case cov > best:
				best, hits = cov, []Hit{h}
			case cov == best:
				hits = append(hits, h)
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Doc < b.Doc
	})
	total = len(hits)
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	docs := map[string][][4]string{}
	for i := range hits {
		h := &hits[i]
		p := meta.Pages[h.Page]
		h.Year, h.Dept = p[0], meta.Depts[p[1]][0]
		if limit == 0 {
			continue
		}
		name := DocFile(h.Page, h.Doc)
		rows, ok := docs[name]
		if !ok {
			if err := get("i/d/"+name+".js", &rows); err != nil {
				return nil, 0, loaded, err
			}
			docs[name] = rows
		}
		i := h.Doc % DocChunk
		if i >= len(rows) {
			return nil, 0, loaded, fmt.Errorf("i/d/%s.js: no document %d", name, h.Doc)
		}
		h.Kind, h.Anchor, h.Title = Kind(rows[i][0]), rows[i][1], rows[i][2]
	}
	return hits, total, loaded, nil
}

// decodeScript reads the JSON value of an index file, the last argument
// of its bpsearch call.
func decodeScript(name string, data []byte, into any) error {
	body, ok := bytes.CutPrefix(data, []byte("bpsearch."))
	open := bytes.IndexByte(body, '(')
	if !ok || open < 0 {
		return fmt.Errorf("%s: not a file of the search index", name)
	}
	body = bytes.TrimSpace(body[open+1:])
	body, ok = bytes.CutSuffix(body, []byte(");"))
	if !ok {
		return fmt.Errorf("%s: not a file of the search index", name)
	}
	if !strings.HasPrefix(name, "i/meta") {
		comma := bytes.IndexByte(body, ',')
		if comma < 0 {
			return fmt.Errorf("%s: not a file of the search index", name)
		}
		body = body[comma+1:]
	}
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

// decodePostings calls fn for each place of a term's postings.
func decodePostings(s string, fn func(page, doc, field int)) error {
	r := postingReader{s: s}
	page := 0
	for !r.done() {
		delta, err := r.number()
		if err != nil {
			return err
		}
		page += delta
		count, err := r.number()
		if err != nil {
			return err
		}
		doc := 0
		for range count {
			v, err := r.number()
			if err != nil {
				return err
			}
			doc += v >> 3
			if f := v & 7; f < FieldText || f > FieldDept {
				return fmt.Errorf("postings: no field %d", f)
			}
			fn(page, doc, v&7)
		}
	}
	return nil
}
