package narrative

import (
	"crypto/sha256"
	"html/template"
	"sync"

	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// Set holds one Renderer per department-year of a site, so that the
// check and the build share them: an explanation the check rendered
// (Keep) is not rendered again for its page (Markdown). It is safe for
// concurrent use.
type Set struct {
	dict *classify.Dictionary
	mu   sync.Mutex
	m    map[string]*Renderer // by the file's path: a file read again replaces its Renderer
}

// NewSet returns an empty Set whose Renderers name classification codes
// from dict (classify.Default() when nil).
func NewSet(dict *classify.Dictionary) *Set {
	return &Set{dict: dict, m: map[string]*Renderer{}}
}

// For returns the Renderer of f, made on first use. The Set holds one
// per path: that of a file read again (by the preview server) replaces
// the one of its earlier version.
func (s *Set) For(f *model.File) *Renderer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if r := s.m[f.Path]; r != nil && r.f == f {
		return r
	}
	r := New(f, s.dict)
	s.m[f.Path] = r
	return r
}

// kept is an explanation rendered ahead of its page.
type kept struct {
	src   [sha256.Size]byte // the source's hash: the source itself would double the memory kept
	html  template.HTML
	diags diag.List
}

type keptKey struct{ path, lang string }

// Keep renders an explanation as Markdown does and keeps the result
// for the next Markdown call with the same path, source and language,
// which returns it without rendering again. The check keeps what it
// renders, so that the build that follows renders each explanation once.
func (r *Renderer) Keep(path string, src []byte, lang string) (template.HTML, diag.List) {
	html, diags := r.render(path, src, lang)
	r.kept.Store(keptKey{path, lang}, &kept{src: sha256.Sum256(src), html: html, diags: diags})
	return html, diags
}

// take returns and forgets the result Keep kept for this input.
func (r *Renderer) take(path string, src []byte, lang string) (template.HTML, diag.List, bool) {
	v, ok := r.kept.LoadAndDelete(keptKey{path, lang})
	if !ok {
		return "", nil, false
	}
	k := v.(*kept)
	if k.src != sha256.Sum256(src) {
		return "", nil, false
	}
	return k.html, append(diag.List(nil), k.diags...), true
}
