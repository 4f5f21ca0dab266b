package archive

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"budgetpress/internal/blobstore"
	"budgetpress/internal/build"
)

// Problem is a file of a snapshot that is not as its manifest says.
type Problem struct {
	Path   string // as a restore writes it: public/… for the site, the source's path otherwise
	Reason string
}

func (p Problem) String() string { return p.Path + ": " + p.Reason }

// Verify re-reads every object of snapshot m and checks its size and
// SHA-256 against the manifest. The problems are in path order.
func Verify(ctx context.Context, st *blobstore.Store, m *Manifest, progress func(Progress)) ([]Problem, error) {
	var problems []Problem
	checked := map[string]string{} // sha256 → reason, "" when sound
	p := Progress{TotalFiles: m.Files(), TotalBytes: m.Bytes()}
	err := eachEntry(m, func(rel string, e Entry) error {
		reason, ok := checked[e.SHA256]
		if !ok {
			data, err := st.Read(ctx, objectKey(e.SHA256))
			switch {
			case blobstore.IsNotFound(err):
				reason = "missing from the archive"
			case err != nil:
				return err
			default:
				reason = check(e, data)
			}
			checked[e.SHA256] = reason
		}
		if reason != "" {
			problems = append(problems, Problem{rel, reason})
		}
		p.Files++
		p.Bytes += e.Size
		if progress != nil {
			progress(p)
		}
		return nil
	})
	return problems, err
}

// check says how data differs from what e records, or "".
func check(e Entry, data []byte) string {
	sum := sha256.Sum256(data)
	switch {
	case int64(len(data)) != e.Size:
		return fmt.Sprintf("altered: %d bytes instead of %d", len(data), e.Size)
	case hex.EncodeToString(sum[:]) != e.SHA256:
		return "altered: its SHA-256 is not the one recorded"
	}
	return ""
}

// eachEntry calls fn with each file of m and where a restore puts it.
func eachEntry(m *Manifest, fn func(rel string, e Entry) error) error {
	for _, e := range m.Sources {
		if err := fn(e.Path, e); err != nil {
			return err
		}
	}
	for _, e := range m.Site {
		if err := fn("public/"+e.Path, e); err != nil {
			return err
		}
	}
	return nil
}

// Restore writes snapshot m into dir, which must be new or empty: the
// sources as a site folder, and the published site in dir/public. Each
// file is checked against the manifest on the way; a restore that meets
// a damaged file stops there and says so.
func Restore(ctx context.Context, st *blobstore.Store, m *Manifest, dir string, progress func(Progress)) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: restore into a new or empty folder", dir)
	}
	p := Progress{TotalFiles: m.Files(), TotalBytes: m.Bytes()}
	return eachEntry(m, func(rel string, e Entry) error {
		data, err := st.Read(ctx, objectKey(e.SHA256))
		if blobstore.IsNotFound(err) {
			return fmt.Errorf("%s is missing from the archive; nothing more was restored (budgetpress archive verify lists every problem)", rel)
		}
		if err != nil {
			return err
		}
		if reason := check(e, data); reason != "" {
			return fmt.Errorf("%s is %s; nothing more was restored (budgetpress archive verify lists every problem)", rel, reason)
		}
		out := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
		p.Files++
		p.Bytes += e.Size
		if progress != nil {
			progress(p)
		}
		return nil
	})
}

// Rebuild restores the sources of m into a temporary folder, builds them
// with the options m was built with, and compares the result with the
// archived site byte for byte. It returns the files that differ, are
// missing from the rebuild, or are new in it.
func Rebuild(ctx context.Context, st *blobstore.Store, m *Manifest) ([]Problem, error) {
	tmp, err := os.MkdirTemp("", "budgetpress-rebuild-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	src := filepath.Join(tmp, "site")
	for _, e := range m.Sources {
		data, err := st.Read(ctx, objectKey(e.SHA256))
		if err != nil {
			return nil, fmt.Errorf("cannot read the archived source %s: %v", e.Path, err)
		}
		if reason := check(e, data); reason != "" {
			return nil, fmt.Errorf("the archived source %s is %s; it cannot be rebuilt", e.Path, reason)
		}
		out := filepath.Join(src, filepath.FromSlash(e.Path))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return nil, err
		}
	}
	out := filepath.Join(tmp, "public")
	res := build.Run(build.ForPublication(src, out, m.Build.BaseURL, m.Build.BasePath))
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.Print(&b)
		return nil, fmt.Errorf("the archived sources do not build:\n%s", bytes.TrimSpace(b.Bytes()))
	}
	rebuilt, err := readSite(out)
	if err != nil {
		return nil, err
	}
	byPath := map[string]file{}
	for _, f := range rebuilt {
		byPath[f.Path] = f
	}
	var problems []Problem
	for _, e := range m.Site {
		f, ok := byPath[e.Path]
		delete(byPath, e.Path)
		if !ok {
			problems = append(problems, Problem{"public/" + e.Path, "archived, but the rebuild does not make it"})
			continue
		}
		data, err := st.Read(ctx, objectKey(e.SHA256))
		if err != nil {
			return nil, err
		}
		if !bytes.Equal(data, f.data) {
			problems = append(problems, Problem{"public/" + e.Path, "the rebuild differs from the archived file" + firstDifference(data, f.data)})
		}
	}
	for p := range byPath {
		problems = append(problems, Problem{"public/" + p, "the rebuild makes it, but it is not archived"})
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	return problems, nil
}

// firstDifference says where two files first differ.
func firstDifference(a, b []byte) string {
	line, col := 1, 1
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return fmt.Sprintf(" (first at line %d, column %d)", line, col)
		}
		if a[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf(" (one ends at line %d)", line)
}
