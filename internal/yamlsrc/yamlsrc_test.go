package yamlsrc

import (
	"strings"
	"testing"
)

// TestParse feeds the problems an editor's file can have; each gives one
// diagnostic at its place, and a good file gives its root mapping.
func TestParse(t *testing.T) {
	const hint = "; check the indentation, that each \"key: value\" has a space after the colon, and that values starting with > | [ { or a quote are put in quotes"
	for _, tc := range []struct{ name, src, want string }{
		{"empty", "", "f.yaml:1:1: error: this file is empty"},
		{"comments only", "# 说明\n", "f.yaml:1:1: error: this file is empty"},
		{"tab", "a:\n\tb: 1\n", "f.yaml:2:1: error: a tab is used for indentation; YAML needs spaces (replace the tab with spaces)"},
		{"second document", "a: 1\n---\nb: 2\n", `f.yaml:2:1: error: a second document starts here (after "---"); a file holds one thing`},
		{"alias", "a: &x 1\nb: *x\n", "f.yaml:1:4: error: anchors and aliases (& and *) are not supported here; write the value out"},
		{"layout", "a: [1, 2\n", "f.yaml:1:1: error: the YAML layout is broken near here (did not find expected ',' or ']')" + hint},
		{"UTF-16", "\xff\xfea\x00", "f.yaml:1:1: error: this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)"},
		{"GBK", "a: \xb2\xbf\xc3\xc5\n", "f.yaml:1:4: error: this file is saved in GBK (the default of Chinese Windows), not UTF-8; save it as UTF-8"},
		{"Chinese colon", "a：1\n", "f.yaml:1:2: error:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, ds := Parse("f.yaml", []byte(tc.src), "one thing")
			if root != nil || len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tc.want) {
				t.Errorf("got %v, %v; want one diagnostic starting %q", root, ds, tc.want)
			}
		})
	}
	root, ds := Parse("f.yaml", []byte("\xef\xbb\xbfa: 1\r\nb: [2, 3]\r\n"), "one thing")
	if len(ds) > 0 || root == nil || len(root.Content) != 4 || root.Content[3].Line != 2 {
		t.Errorf("a file with a byte-order mark and CRLF: %v, %v", root, ds)
	}
}

func TestIsEmpty(t *testing.T) {
	for src, want := range map[string]bool{"": true, "# 说明\n\n": true, "\xef\xbb\xbf": true, "a: 1": false, "[": false, "~": true} {
		if IsEmpty([]byte(src)) != want {
			t.Errorf("IsEmpty(%q) = %v", src, !want)
		}
	}
}
