package insite

import (
	"path/filepath"
	"testing"
)

// TestWithin tells paths in a folder from those beside or above it.
func TestWithin(t *testing.T) {
	dir := filepath.FromSlash("/srv/site")
	for p, want := range map[string]bool{
		"/srv/site":                   true,
		"/srv/site/layouts/a.css":     true,
		"/srv/site/..hidden":          true,
		"/srv/site-2/x":               false,
		"/srv":                        false,
		"/etc/passwd":                 false,
		"/srv/site/../other/file.txt": false,
	} {
		if got := Within(dir, filepath.Clean(filepath.FromSlash(p))); got != want {
			t.Errorf("Within(%s, %s) = %v, want %v", dir, p, got, want)
		}
	}
}
