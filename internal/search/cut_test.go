package search

import (
	"reflect"
	"testing"
)

// TestBuildCutIsBuild: an index made of pages some of which were cut
// before is the index made of the pages.
func TestBuildCutIsBuild(t *testing.T) {
	pages := readPages(t, nil)
	cuts := make([][]byte, len(pages))
	for i := range pages {
		if i%3 != 0 {
			cuts[i] = CutPage(pages[i])
		}
	}
	if want, got := Build(pages), BuildCut(pages, cuts); !reflect.DeepEqual(got, want) {
		t.Fatalf("BuildCut made %d files, Build %d, or their contents differ", len(got), len(want))
	}
}
