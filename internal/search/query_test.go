package search

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func readPages(t testing.TB, each func(Page)) []Page {
	t.Helper()
	var pages []Page
	readJSON(t, "pages.json", &pages)
	if each != nil {
		for _, p := range pages {
			each(p)
		}
	}
	return pages
}

// files returns a Reader of an index's files, and the names it holds.
func files(fs []File) (Reader, map[string][]byte) {
	m := map[string][]byte{}
	for _, f := range fs {
		m[f.Name] = f.Data
	}
	return func(name string) ([]byte, error) {
		if d, ok := m[name]; ok {
			return d, nil
		}
		return nil, os.ErrNotExist
	}, m
}

func (h Hit) ref() string {
	s := strconv.Itoa(h.Year) + "/" + h.Dept
	if h.Anchor != "" {
		s += "#" + h.Anchor
	}
	return s
}

func TestRanking(t *testing.T) {
	read, _ := files(Build(readPages(t, nil)))
	var cases []struct {
		Name    string
		Q       string
		Want    []string
		First   string
		Partial bool
	}
	readJSON(t, "ranking.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			hits, total, _, err := Query(read, c.Q, Filter{}, 50)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ref())
			}
			if total != len(hits) {
				t.Errorf("total %d, %d hits", total, len(hits))
			}
			switch {
			case c.First != "":
				if len(got) == 0 || got[0] != c.First {
					t.Errorf("%q finds %q; want %s first", c.Q, got, c.First)
				}
			case len(got) != 0 || len(c.Want) != 0:
				if !reflect.DeepEqual(got, c.Want) {
					t.Errorf("%q finds\n%q\nwant\n%q", c.Q, got, c.Want)
				}
			}
			for _, h := range hits {
				if h.Partial != c.Partial {
					t.Errorf("%s: Partial = %v", h.ref(), h.Partial)
				}
			}
		})
	}
}

func TestFilterAndLinks(t *testing.T) {
	read, _ := files(Build(readPages(t, nil)))
	hits, _, _, err := Query(read, "公务接待费", Filter{Year: 2024, Dept: "police"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	var links []string
	for _, h := range hits {
		links = append(links, h.Link())
	}
	want := []string{"../2024/police/index.html#table-10", "../2024/police/index.html#十三公经费"}
	if !reflect.DeepEqual(links, want) {
		t.Errorf("links %q; want %q", links, want)
	}
}

// TestQueryLoadsLittle: a query reads the meta file, the shards of its
// terms and the doc files of the pages it shows, nothing else.
func TestQueryLoadsLittle(t *testing.T) {
	var pages []Page
	base := readPages(t, nil)
	for i := range 200 {
		for _, p := range base {
			p.Dept = fmt.Sprintf("%s-%03d", p.Dept, i)
			pages = append(pages, p)
		}
	}
	idx := Build(pages)
	read, all := files(idx)
	_, total, loaded, err := Query(read, "公安局 三公经费", Filter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	shards := 0
	for n := range all {
		if strings.HasPrefix(n, "i/t/") {
			shards++
		}
	}
	var terms, docs int
	for _, n := range loaded {
		switch {
		case strings.HasPrefix(n, "i/t/"):
			terms++
		case strings.HasPrefix(n, "i/d/"):
			docs++
		}
	}
	if total == 0 || shards < 16 || terms > 5 || docs > 10 || len(loaded) != 1+terms+docs {
		t.Errorf("%d hits; the query read %d files (%d term shards of %d, %d doc files): %q", total, len(loaded), terms, shards, docs, loaded)
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	pages := readPages(t, nil)
	a := Build(pages)
	shuffled := append([]Page(nil), pages...)
	rand.New(rand.NewSource(1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b := Build(shuffled)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two builds of the same pages", a[i].Name)
		}
	}
}

// TestHostileText: text that looks like markup or script stays data:
// the files are scripts that only call bpsearch, and the text comes
// back as it was.
func TestHostileText(t *testing.T) {
	evil := `</script><script>alert(1)</script>"); bpsearch.meta(0); //` + "\u2028\u2029"
	idx := Build([]Page{{Year: 2024, Dept: "x", Name: evil, Docs: []Doc{{Kind: Table, Anchor: `a"b`, Title: evil, Text: evil}}}})
	for _, f := range idx {
		s := string(f.Data)
		var v any
		if err := decodeScript(f.Name, f.Data, &v); err != nil {
			t.Errorf("%s is not one call of bpsearch with JSON: %v", f.Name, err)
		}
		if strings.ContainsAny(s, "<>\u2028\u2029") {
			t.Errorf("%s holds a raw <, > or line separator: %s", f.Name, s)
		}
	}
	read, _ := files(idx)
	hits, _, _, err := Query(read, "alert", Filter{}, 10)
	if err != nil || len(hits) != 2 || hits[1].Title != evil || hits[1].Anchor != `a"b` {
		t.Errorf("hits %+v, err %v", hits, err)
	}
}

func TestQueryErrors(t *testing.T) {
	good := Build(readPages(t, nil))
	with := func(name string, data string) Reader {
		read, _ := files(good)
		return func(n string) ([]byte, error) {
			if n == name {
				if data == "" {
					return nil, os.ErrNotExist
				}
				return []byte(data), nil
			}
			return read(n)
		}
	}
	shard := "i/t/" + strconv.Itoa(Shard("经费", 1)) + ".js"
	for _, c := range []struct {
		name string
		read Reader
		want string
	}{
		{"no meta", with("i/meta.js", ""), "file does not exist"},
		{"not an index file", with("i/meta.js", "alert(1)"), "i/meta.js: not a file of the search index"},
		{"no shards", with("i/meta.js", `bpsearch.meta({"v":1,"terms":0});`), "i/meta.js: the index has no term shards"},
		{"bad JSON", with(shard, `bpsearch.terms(0,{"经费":);`), shard + ": unexpected end of JSON input"},
		{"bad digit", with(shard, `bpsearch.terms(0,{"经费":"0!"});`), `term "经费": postings: unexpected '!' at 1`},
		{"cut short", with(shard, `bpsearch.terms(0,{"经费":"0A"});`), `term "经费": postings end inside a number`},
		{"bad field", with(shard, `bpsearch.terms(0,{"经费":"017"});`), `term "经费": postings: no field 7`},
		{"no such document", with(shard, `bpsearch.terms(0,{"经费":"01Bt"});`), "i/d/0-0.js: no document 7"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, err := Query(c.read, "经费", Filter{}, 10)
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v; want %q", err, c.want)
			}
		})
	}
}
