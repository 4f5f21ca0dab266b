package search

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// FuzzPatch: a warm build patches the index from the files in the output
// folder, which anyone may have changed. Whatever one of them holds, Patch
// returns an error or an index, and never panics.
func FuzzPatch(f *testing.F) {
	pages := readPages(f, nil)
	_, built := files(Build(pages))
	names := slices.Sorted(maps.Keys(built))
	for i, n := range names {
		if n == "i/meta.js" || i%40 == 0 {
			f.Add(uint16(i), built[n])
		}
	}
	f.Add(uint16(0), []byte(`bpsearch.meta({"v":1,"terms":1,"shards":[""],"pages":[[2024,0]],"docs":[[5]]})`))
	f.Add(uint16(0), []byte(`bpsearch.terms(0,{"a":"zzzz"})`))
	was := pages[find(pages, 2024, "police")]
	now := was
	now.Name = "公安局 改"
	now.About += " 新词 fresh"
	f.Fuzz(func(t *testing.T, which uint16, data []byte) {
		name := names[int(which)%len(names)]
		read := func(n string) ([]byte, error) {
			if n == name {
				return data, nil
			}
			if d, ok := built[n]; ok {
				return d, nil
			}
			return nil, fmt.Errorf("%s: no such file", n)
		}
		Patch(read, []Change{{Was: was, Now: now, WasCut: CutPage(was), NowCut: CutPage(now)}})
	})
}
