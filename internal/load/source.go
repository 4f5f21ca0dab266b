package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"

	"budgetpress/internal/diag"
)

// The largest files budgetpress reads. A real department file is about
// 45 kB (the example, a whole department budget of 691 lines, is 46 kB)
// and an explanation about 15 kB. Checking a YAML file takes some 30 to
// 50 times its size in memory (a 50 MB list took 1.6 GB; a department
// file of 2 MB with a row repeated 46,000 times, 110 MB), and Markdown
// a similar multiple. These limits, 40 and 60 times the real files,
// leave room for the largest department while keeping any one file near
// 100 MB: a file beyond them is the wrong file, or one that a tool wrote
// the same lines into many times.
const (
	MaxYAMLSize     = 2 << 20 // site.yaml, data/classification.yaml, a department file
	MaxMarkdownSize = 1 << 20 // an explanation under content/
)

// ReadFile reads the file rel (a slash-separated path relative to the
// site folder dir, as diagnostics name it). It looks at the file's size
// before reading it and refuses one larger than MaxMarkdownSize (.md
// files) or MaxYAMLSize (any other), so that a huge file costs no
// memory. found is false when there is no such file, with no
// diagnostic; otherwise src is nil when diags says why the file cannot
// be read.
func ReadFile(dir, rel string) (src []byte, found bool, diags diag.List) {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	pos := diag.Pos{File: rel}
	st, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		diags.Errorf(pos, "cannot read: %v", err)
		return nil, true, diags
	case st.IsDir():
		diags.Errorf(pos, "this is a folder, not a file: rename it so that its name does not end in %s", path.Ext(rel))
		return nil, true, diags
	}
	limit := int64(MaxYAMLSize)
	if path.Ext(rel) == ".md" {
		limit = MaxMarkdownSize
	}
	if st.Size() > limit {
		diags = append(diags, tooLarge(pos, st.Size(), limit))
		return nil, true, diags
	}
	f, err := os.Open(name)
	if err != nil {
		diags.Errorf(pos, "cannot read: %v", err)
		return nil, true, diags
	}
	defer f.Close()
	// The file may have grown since it was looked at, or be a device
	// that never ends: read no more than one byte past the limit.
	src, err = io.ReadAll(io.LimitReader(f, limit+1))
	switch {
	case err != nil:
		diags.Errorf(pos, "cannot read: %v", err)
		return nil, true, diags
	case int64(len(src)) > limit:
		size := int64(len(src))
		if st, err := f.Stat(); err == nil && st.Size() > size {
			size = st.Size()
		}
		diags = append(diags, tooLarge(pos, size, limit))
		return nil, true, diags
	}
	return src, true, nil
}

// tooLarge explains that a file of size bytes is over the limit.
func tooLarge(pos diag.Pos, size, limit int64) diag.Diagnostic {
	what := "YAML files may be up to %s (a whole department budget is about 50 kB)"
	if limit == MaxMarkdownSize {
		what = "Markdown files may be up to %s (an explanation is about 15 kB)"
	}
	return diag.Diagnostic{Pos: pos, Severity: diag.Error, Message: fmt.Sprintf(
		"this file is %s, more than budgetpress reads: "+what+"; check that this is the right file",
		megabytes(size, math.Ceil), megabytes(limit, math.Round))}
}

// megabytes writes a size in MB with one decimal, or none for a whole
// number: "2 MB", "50.1 MB". round rounds the tenths; a file's size is
// rounded up, so that it never reads as the limit it is over.
func megabytes(n int64, round func(float64) float64) string {
	tenths := round(float64(n) * 10 / (1 << 20))
	if math.Mod(tenths, 10) == 0 {
		return fmt.Sprintf("%.0f MB", tenths/10)
	}
	return fmt.Sprintf("%.1f MB", tenths/10)
}
