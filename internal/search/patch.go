package search

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"budgetpress/internal/parallel"
)

// A Change is a page of an index whose texts changed: the page as the
// index was made of it and as it is now, each with its cut (CutPage).
// Both are the same department's page of the same year.
type Change struct {
	Was, Now       Page
	WasCut, NowCut []byte
}

// ErrRebuild is Patch's answer when the index cannot be patched and
// must be made whole with Build: a page changed is not in the index,
// its department or year changed, or the index would now be split into
// another number of term shards.
var ErrRebuild = errors.New("the search index must be made again")

// meta is the content of i/meta.js.
type meta struct {
	V     int         `json:"v"`
	Terms int         `json:"terms"`
	Depts [][2]string `json:"depts"`
	Pages [][2]int    `json:"pages"`
	// Shards and Docs are the versions of the term shards and of each
	// page's doc files (version), which search.js asks for: a browser
	// that keeps index files keeps none of another index.
	Shards []string `json:"shards"`
	Docs   []string `json:"docs"`
}

// version names the content of index files, in the query that loads
// them: the first 8 bytes of the SHA-256 of their bytes, in hex.
func version(files ...[]byte) string {
	h := sha256.New()
	for _, f := range files {
		h.Write(f)
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// Patch makes again the files of an index that changes touch, from the
// files of the index as it is: every term shard that holds a term of a
// page changed, the doc files of the pages changed, and the meta file
// when a department's name or the version of a file in it changed. It returns those files, and
// the names of the doc files the index no longer has (a page with fewer
// documents). The files are byte for byte those Build would make of the
// pages now; in a build of 2,000 pages it reads and writes a few
// hundred small files instead of cutting every page again.
//
// An error wraps ErrRebuild when the index cannot be patched, and
// names the file when one of the index cannot be read.
func Patch(read Reader, changes []Change) (files []File, gone []string, err error) {
	data, err := read("i/meta.js")
	if err != nil {
		return nil, nil, err
	}
	var m meta
	if err := decodeScript("i/meta.js", data, &m); err != nil {
		return nil, nil, err
	}
	if m.V != 1 || m.Terms < 1 || len(m.Shards) != m.Terms || len(m.Docs) != len(m.Pages) {
		return nil, nil, fmt.Errorf("i/meta.js: %w: version %d, %d shards", ErrRebuild, m.V, m.Terms)
	}
	deptIndex := make(map[string]int, len(m.Depts))
	for i, d := range m.Depts {
		deptIndex[d[0]] = i
	}
	pageIndex := make(map[[2]int]int, len(m.Pages))
	first := make(map[int]int, len(m.Depts)) // a department's first page, whose name meta lists
	for i, p := range m.Pages {
		pageIndex[p] = i
		if _, ok := first[p[1]]; !ok {
			first[p[1]] = i
		}
	}

	// Build chooses the number of shards from the size of all postings,
	// which must come out the same: every shard is read.
	shards := make([]map[string]string, m.Terms)
	errs := make([]error, m.Terms)
	parallel.Each(m.Terms, func(k int) { shards[k], errs[k] = readShard(read, k) })
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	touched := make([]bool, m.Terms)
	metaChanged := false
	for _, c := range changes {
		if c.Was.Year != c.Now.Year || c.Was.Dept != c.Now.Dept {
			return nil, nil, fmt.Errorf("%w: the page of %s %d became that of %s %d", ErrRebuild, c.Was.Dept, c.Was.Year, c.Now.Dept, c.Now.Year)
		}
		di, ok := deptIndex[c.Now.Dept]
		if !ok {
			return nil, nil, fmt.Errorf("%w: %s is not in the index", ErrRebuild, c.Now.Dept)
		}
		pi, ok := pageIndex[[2]int{c.Now.Year, di}]
		if !ok {
			return nil, nil, fmt.Errorf("%w: %s %d is not in the index", ErrRebuild, c.Now.Dept, c.Now.Year)
		}
		if first[di] == pi && m.Depts[di][1] != c.Now.Name {
			m.Depts[di][1] = c.Now.Name
			metaChanged = true
		}
		was, now := uncut(c.Was, c.WasCut), uncut(c.Now, c.NowCut)
		for _, t := range append(append([]string(nil), was.order...), now.order...) {
			if !utf8.ValidString(t) {
				// JSON would not give it back as it is.
				return nil, nil, fmt.Errorf("%w: a term is not UTF-8", ErrRebuild)
			}
			k := Shard(t, m.Terms)
			touched[k] = true
			s, err := splice(shards[k][t], pi, now.places[t])
			if err != nil {
				return nil, nil, fmt.Errorf("i/t/%d.js: %q: %v", k, t, err)
			}
			if s == "" {
				delete(shards[k], t)
			} else {
				shards[k][t] = s
			}
		}
		var docs [][]byte
		for c := 0; c*DocChunk < len(now.docs); c++ {
			name := DocFile(pi, c*DocChunk)
			docs = append(docs, docFile(name, now.docs[c*DocChunk:min((c+1)*DocChunk, len(now.docs))]))
			files = append(files, File{Name: "i/d/" + name + ".js", Data: docs[len(docs)-1]})
		}
		if v := version(docs...); v != m.Docs[pi] {
			m.Docs[pi] = v
			metaChanged = true
		}
		for c := (len(now.docs) + DocChunk - 1) / DocChunk; c*DocChunk < len(was.docs); c++ {
			gone = append(gone, "i/d/"+DocFile(pi, c*DocChunk)+".js")
		}
	}

	total := 0
	for _, sh := range shards {
		for t, p := range sh {
			total += len(t) + len(p) + 6
		}
	}
	if n := shardCount(total); n != m.Terms {
		return nil, nil, fmt.Errorf("%w: the index now needs %d term shards, not %d", ErrRebuild, n, m.Terms)
	}
	made := make([]File, m.Terms)
	parallel.Each(m.Terms, func(k int) {
		if touched[k] {
			made[k] = File{Name: shardFile(k), Data: script("terms", strconv.Itoa(k), shards[k])}
		}
	})
	for k, f := range made {
		if f.Data != nil {
			files = append(files, f)
			if v := version(f.Data); v != m.Shards[k] {
				m.Shards[k] = v
				metaChanged = true
			}
		}
	}
	if metaChanged {
		files = append(files, File{Name: "i/meta.js", Data: script("meta", "", m)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	sort.Strings(gone)
	return files, gone, nil
}

// shardFile names term shard k.
func shardFile(k int) string { return "i/t/" + strconv.Itoa(k) + ".js" }

// shardCount is the number of term shards for postings of total bytes.
func shardCount(total int) int {
	n := 1
	for n < MaxShards && n*ShardBytes < total {
		n *= 2
	}
	return n
}

// readShard reads term shard k of an index.
func readShard(read Reader, k int) (map[string]string, error) {
	name := shardFile(k)
	data, err := read(name)
	if err != nil {
		return nil, err
	}
	sh := map[string]string{}
	if err := decodeScript(name, data, &sh); err != nil {
		return nil, err
	}
	return sh, nil
}

// splice is a term's postings with the places of page replaced by
// places (none: the page no longer has the term).
func splice(postings string, page int, places []place) (string, error) {
	var b strings.Builder
	b.Grow(len(postings) + 8*len(places) + 8)
	lastPage, inserted := 0, false
	insert := func() {
		if len(places) == 0 {
			return
		}
		pl := postingList{last: lastPage}
		pl.add(page, places)
		b.WriteString(pl.b.String())
		lastPage = page
	}
	r := postingReader{s: postings}
	at := 0
	for !r.done() {
		delta, err := r.number()
		if err != nil {
			return "", err
		}
		at += delta
		start := r.i
		count, err := r.number()
		if err != nil {
			return "", err
		}
		for range count {
			if _, err := r.number(); err != nil {
				return "", err
			}
		}
		rest := postings[start:r.i] // the count and the places
		if at >= page && !inserted {
			insert()
			inserted = true
		}
		if at == page {
			continue
		}
		putNumber(&b, at-lastPage)
		b.WriteString(rest)
		lastPage = at
	}
	if !inserted {
		insert()
	}
	return b.String(), nil
}

// postingReader reads the numbers of a term's postings.
type postingReader struct {
	s string
	i int
}

func (r *postingReader) done() bool { return r.i >= len(r.s) }

// number reads one number.
func (r *postingReader) number() (int, error) {
	n := 0
	for r.i < len(r.s) {
		c := r.s[r.i]
		r.i++
		d := digitOf[c]
		switch {
		case d >= 32:
			return n<<5 | int(d-32), nil
		case d >= 0:
			n = n<<5 | int(d)
		default:
			return 0, fmt.Errorf("postings: unexpected %q at %d", c, r.i-1)
		}
	}
	return 0, errors.New("postings end inside a number")
}

// digitOf is the value of each byte as a digit of postings: that of a
// digit of more, 32 + that of a digit of last, -1 for no digit.
var digitOf = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := range 32 {
		t[more[i]], t[last[i]] = int8(i), int8(32+i)
	}
	return t
}()
