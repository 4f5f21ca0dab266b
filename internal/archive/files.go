package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"budgetpress/internal/blobstore"
)

// SourceDirs are the folders of a site that hold its sources, besides
// site.yaml.
var SourceDirs = []string{"data", "content", "layouts", "templates", "static"}

// file is an entry with its bytes.
type file struct {
	Entry
	data []byte
}

// readTree reads every regular file under root, in path order. Hidden
// files (.git, editor backups) are left out; so are links, which are
// never followed out of the folder.
func readTree(root, prefix string, out *[]file) error {
	return blobstore.EachFile(root, prefix, func(rel string, data []byte) error {
		*out = append(*out, newFile(rel, data))
		return nil
	})
}

func newFile(rel string, data []byte) file {
	sum := sha256.Sum256(data)
	return file{Entry{Path: rel, Size: int64(len(data)), SHA256: hex.EncodeToString(sum[:]), ContentType: blobstore.ContentType(rel)}, data}
}

// readSources reads site.yaml and the source folders of a site.
func readSources(dir string) ([]file, error) {
	var out []file
	data, err := os.ReadFile(filepath.Join(dir, "site.yaml"))
	if err != nil {
		return nil, fmt.Errorf("cannot read the site's site.yaml: %v", err)
	}
	out = append(out, newFile("site.yaml", data))
	for _, d := range SourceDirs {
		if err := readTree(dir, d, &out); err != nil {
			return nil, fmt.Errorf("cannot read the site's sources: %v", err)
		}
	}
	sortFiles(out)
	return out, nil
}

// readSite reads a built site.
func readSite(dir string) ([]file, error) {
	var out []file
	if err := readTree(dir, ".", &out); err != nil {
		return nil, fmt.Errorf("cannot read the built site: %v", err)
	}
	sortFiles(out)
	return out, nil
}

func sortFiles(fs []file) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].Path < fs[j].Path })
}

func entries(fs []file) []Entry {
	out := make([]Entry, len(fs))
	for i, f := range fs {
		out[i] = f.Entry
	}
	return out
}
