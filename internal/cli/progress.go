package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress shows the files and bytes of a long transfer on one line of
// the terminal, at most ten times a second; when the output is not a
// terminal it shows nothing.
type progress struct {
	w     io.Writer
	verb  string
	mu    sync.Mutex
	last  time.Time
	shown bool
}

func newProgress(w io.Writer, verb string) *progress {
	p := &progress{verb: verb}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.w = w
		}
	}
	return p
}

func (p *progress) show(files, totalFiles int, bytes, totalBytes int64) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now := time.Now(); now.Sub(p.last) >= 100*time.Millisecond || files == totalFiles {
		p.last = now
		p.shown = true
		fmt.Fprintf(p.w, "\r%s: %d/%d files, %s of %s\033[K", p.verb, files, totalFiles, size(bytes), size(totalBytes))
	}
}

func (p *progress) done() {
	if p.w != nil && p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
