package search

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func readJSON(t testing.TB, name string, into any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatalf("testdata/%s: %v", name, err)
	}
}

func TestTerms(t *testing.T) {
	var cases []struct {
		Name    string
		Text    string
		Singles bool
		Want    []string
	}
	readJSON(t, "terms.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			got := Terms(c.Text, c.Singles)
			if len(got) == 0 && len(c.Want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, c.Want) {
				t.Errorf("Terms(%q, %v) = %q; want %q", c.Text, c.Singles, got, c.Want)
			}
		})
	}
}

func TestQueryTerms(t *testing.T) {
	var cases []struct {
		Name string
		Q    string
		Want []QueryTerm
	}
	readJSON(t, "queries.json", &cases)
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			if got := QueryTerms(c.Q); !reflect.DeepEqual(got, c.Want) {
				t.Errorf("QueryTerms(%q) = %+v; want %+v", c.Q, got, c.Want)
			}
		})
	}
}

// TestQueryFindsWhatTheIndexHolds: every term of a text, typed as a
// query, finds the text: the tokenisers of the index and the query agree.
func TestQueryFindsWhatTheIndexHolds(t *testing.T) {
	var cases []struct{ Text string }
	readJSON(t, "terms.json", &cases)
	for _, c := range cases {
		for _, q := range QueryTerms(c.Text) {
			if !containsTerm(Terms(c.Text, true), q.Text) {
				t.Errorf("the query term %q of %q is not among the text's terms %q", q.Text, c.Text, Terms(c.Text, true))
			}
		}
	}
}

func containsTerm(terms []string, t string) bool {
	for _, x := range terms {
		if x == t {
			return true
		}
	}
	return false
}

func TestShard(t *testing.T) {
	// A word and the words it begins share a shard, so that a prefix
	// finds them all.
	for _, n := range []int{1, 16, 512} {
		for _, w := range []string{"official", "officials", "office"} {
			if Shard(w, n) != Shard("off", n) {
				t.Errorf("Shard(%q, %d) = %d, but Shard(\"off\") = %d", w, n, Shard(w, n), Shard("off", n))
			}
		}
	}
	// FNV-1a (32 bits) of "a" is 0xe40c292c, as search.js computes it.
	if got := Shard("a", 1<<30); got != 0xe40c292c%(1<<30) {
		t.Errorf("Shard(a) = %#x", got)
	}
	// Terms spread over the shards.
	var terms []string
	readPages(t, func(p Page) {
		for _, d := range p.Docs {
			terms = append(terms, Terms(d.Title+" "+d.Text, true)...)
		}
	})
	used := map[int]bool{}
	for _, term := range terms {
		used[Shard(term, 16)] = true
	}
	if len(used) < 12 {
		t.Errorf("%d terms fall into only %d of 16 shards", len(terms), len(used))
	}
}
