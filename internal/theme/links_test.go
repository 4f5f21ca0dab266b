package theme

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"budgetpress/internal/testsite"
)

// TestOpenLinks: a link in the site's layouts/ that leads out of the
// site (to /etc/passwd) or to nothing stops the theme with a message at
// the link; a link to another file of the site is read.
func TestOpenLinks(t *testing.T) {
	if _, err := os.Stat("/etc/passwd"); err != nil {
		t.Skip("no /etc/passwd on this system")
	}
	tests := []struct {
		name, link, target, want string
	}{
		{"outside", "layouts/assets/passwd", "/etc/passwd",
			"layouts/assets/passwd: error: is a link to a file outside the site (/etc/passwd); budgetpress publishes only what is in the site folder: copy the file here instead of linking to it"},
		{"template", "layouts/department.html", "/etc/passwd",
			"layouts/department.html: error: is a link to a file outside the site (/etc/passwd); budgetpress publishes only what is in the site folder: copy the file here instead of linking to it"},
		{"dangling", "layouts/assets/logo.svg", "missing.svg",
			"layouts/assets/logo.svg: error: is a link to a file that does not exist: put the file itself here, or remove the link"},
		{"inside", "layouts/assets/logo.svg", "../../static/logo.svg", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			testsite.Write(t, filepath.Join(dir, "static", "logo.svg"), []byte("<svg/>"))
			link := filepath.Join(dir, filepath.FromSlash(tt.link))
			os.MkdirAll(filepath.Dir(link), 0o755)
			if err := os.Symlink(tt.target, link); err != nil {
				t.Skipf("cannot make links here: %v", err)
			}
			th, ds := Open(dir, []string{"zh", "en"}, true)
			if tt.want == "" {
				if len(ds) > 0 || th == nil {
					t.Fatal(ds)
				}
				if data, err := fs.ReadFile(th.FS, "assets/logo.svg"); err != nil || string(data) != "<svg/>" {
					t.Errorf("assets/logo.svg = %q, %v; want the linked file of the site", data, err)
				}
				return
			}
			if th != nil || len(ds) != 1 || ds[0].String() != tt.want {
				t.Errorf("got %v, want %s", ds, tt.want)
			}
		})
	}
}

// TestFSRefusesEscape: even a link made after the check (a race) is not
// followed out of the site when the theme reads it.
func TestFSRefusesEscape(t *testing.T) {
	dir := t.TempDir()
	testsite.Write(t, filepath.Join(dir, "layouts", "assets", "site.css"), []byte("body {}\n"))
	th, ds := Open(dir, []string{"zh", "en"}, false)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "layouts", "assets", "late")); err != nil {
		t.Skipf("cannot make links here: %v", err)
	}
	if data, err := fs.ReadFile(th.FS, "assets/late"); err == nil {
		t.Errorf("read %d bytes through a link out of the site", len(data))
	}
}
