package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/testsite"
)

// TestSnapshotCommandsNeedTheirFlag: restore without --to and export
// without --bag say what to add, with the snapshot's year, and exit 2.
func TestSnapshotCommandsNeedTheirFlag(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("..", ".."))
	if code, out, errs := run("archive", "--year", "2024", dir); code != 0 {
		t.Fatalf("archive: %s %s", out, errs)
	}
	_, out, _ := run("archive", "list", dir)
	id := strings.Fields(out)[0]
	for _, tc := range []struct{ cmd, want string }{
		{"restore", "budgetpress archive restore: say where to restore it, like --to restored-2024\n"},
		{"export", "budgetpress archive export: say where to write the bag, like --bag bag-2024\n"},
	} {
		code, out, errs := run("archive", tc.cmd, id, dir)
		if code != 2 || out != "" || errs != tc.want {
			t.Errorf("archive %s without its folder: %d %q %q, want %q", tc.cmd, code, out, errs, tc.want)
		}
	}
}
