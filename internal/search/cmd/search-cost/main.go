// Command search-cost reports what queries load from a built site's
// search index, as search.js would load it: the files and their bytes,
// as stored and with gzip, and the size of the whole index.
//
//	go run ./internal/search/cmd/search-cost public/search "公安局 三公经费" "车"
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"budgetpress/internal/search"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: search-cost INDEX-FOLDER QUERY...  (the folder of a search page, such as public/search)")
		os.Exit(2)
	}
	dir := os.Args[1]
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))) }
	var total, totalGz, n int64
	filepath.WalkDir(filepath.Join(dir, "i"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			total, totalGz, n = total+int64(len(data)), totalGz+int64(gzipped(data)), n+1
		}
		return nil
	})
	fmt.Printf("index %s: %d files, %s (%s with gzip)\n", dir, n, kb(total), kb(totalGz))
	for _, q := range os.Args[2:] {
		hits, count, loaded, err := search.Query(read, q, search.Filter{}, 10)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%q: %v\n", q, err)
			os.Exit(1)
		}
		var raw, gz int64
		for _, name := range loaded {
			data, _ := read(name)
			raw, gz = raw+int64(len(data)), gz+int64(gzipped(data))
		}
		first := ""
		if len(hits) > 0 {
			first = hits[0].Link() + " " + hits[0].Title
		}
		fmt.Printf("%q: %d results, %d files, %s (%s with gzip); first: %s\n", q, count, len(loaded), kb(raw), kb(gz), first)
	}
}

func gzipped(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

func kb(n int64) string { return fmt.Sprintf("%.1f kB", float64(n)/1000) }
