package build

import (
	"bytes"
	"compress/gzip"
)

// compressed are the kinds of files a build can also write gzipped, for
// servers that send a file's .gz copy to browsers that accept it
// (nginx's gzip_static).
var compressed = map[string]bool{".html": true, ".css": true, ".js": true, ".xml": true, ".json": true, ".svg": true, ".txt": true}

// gzipped returns data compressed at the best level, with no name and no
// time in its header, so that the same file always gives the same bytes.
func gzipped(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data) / 3)
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}
