package archive

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
)

// Format names the manifest's layout, for the readers of years to come.
const Format = "budgetpress-snapshot/1"

// Entry is one archived file.
type Entry struct {
	Path        string `json:"path"` // slash-separated, relative to the published site or the site folder
	Size        int64  `json:"size"`
	SHA256      string `json:"sha256"` // hex
	ContentType string `json:"content_type"`
}

// BuildOptions are the overrides the archived site was built with.
type BuildOptions struct {
	BaseURL  string `json:"base_url,omitempty"`
	BasePath string `json:"base_path,omitempty"`
}

// Manifest describes a snapshot.
type Manifest struct {
	Format string `json:"format"`
	ID     string `json:"id"`
	Year   int    `json:"year"`
	Time   string `json:"time"` // RFC 3339, UTC
	Tool   string `json:"tool"`
	// SourcesSHA256 is the SHA-256 of the sources' list (see digest).
	SourcesSHA256 string       `json:"sources_sha256"`
	Build         BuildOptions `json:"build"`
	// Site is the published website, paths relative to its root.
	Site []Entry `json:"site"`
	// Sources are site.yaml, data/, content/, layouts/ and templates/,
	// paths relative to the site folder.
	Sources []Entry `json:"sources"`
}

// Files is the number of files of the snapshot.
func (m *Manifest) Files() int { return len(m.Site) + len(m.Sources) }

// Bytes is their total size.
func (m *Manifest) Bytes() int64 {
	var n int64
	for _, e := range m.Site {
		n += e.Size
	}
	for _, e := range m.Sources {
		n += e.Size
	}
	return n
}

// digest is the SHA-256 of a list of entries, one "sha256  path" line
// each, in the order given (path order).
func digest(entries []Entry) string {
	h := sha256.New()
	for _, e := range entries {
		fmt.Fprintf(h, "%s  %s\n", e.SHA256, e.Path)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// encode is the manifest's stored form.
func (m *Manifest) encode() []byte {
	b, _ := json.MarshalIndent(m, "", "  ")
	return append(b, '\n')
}

// decodeManifest reads a stored manifest and refuses one whose paths or
// hashes could not have been written by archive: a path leaving the
// folder it is restored into, or a hash that is not one.
func decodeManifest(key string, data []byte) (*Manifest, error) {
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s is damaged: %v", key, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s is not a budgetpress snapshot manifest (format %q)", key, m.Format)
	}
	for _, list := range [][]Entry{m.Site, m.Sources} {
		for _, e := range list {
			if !filepath.IsLocal(filepath.FromSlash(e.Path)) || path.Clean(e.Path) != e.Path || strings.Contains(e.Path, "\\") {
				return nil, fmt.Errorf("%s lists a file outside the snapshot, %q: it has been tampered with", key, e.Path)
			}
			if !isHash(e.SHA256) {
				return nil, fmt.Errorf("%s lists %s with a damaged SHA-256 %q", key, e.Path, e.SHA256)
			}
		}
	}
	return &m, nil
}

func isHash(s string) bool {
	if len(s) != 64 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// objectKey is where the file with this SHA-256 is stored.
func objectKey(sum string) string { return "objects/sha256/" + sum[:2] + "/" + sum }

func pendingKey(id string) string  { return "snapshots/" + id + "/pending.json" }
func manifestKey(id string) string { return "snapshots/" + id + "/manifest.json" }

// Tool is this program's name and version as manifests record it:
// budgetpress, its module version and commit when built with them, and
// the Go release.
func Tool() string {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok {
		if info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" {
				v += " " + s.Value
			}
		}
	}
	return "budgetpress " + v + " " + runtime.Version()
}
