package cli

import (
	"slices"
	"testing"
)

// TestOpener opens the preview with each system's own opener.
func TestOpener(t *testing.T) {
	const url = "http://127.0.0.1:8384/?a=1&b=2"
	for goos, want := range map[string][]string{
		"windows": {"rundll32", "url.dll,FileProtocolHandler", url},
		"darwin":  {"open", url},
		"linux":   {"xdg-open", url},
		"freebsd": {"xdg-open", url},
	} {
		if got := opener(goos, url); !slices.Equal(got, want) {
			t.Errorf("opener(%s) = %q; want %q", goos, got, want)
		}
	}
}
