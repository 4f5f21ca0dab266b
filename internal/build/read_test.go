package build

import (
	"os"
	"path/filepath"
	"testing"
)

// TestUpdateTooLarge checks that a department file saved far larger
// than any budget is refused unread when the dev server reloads it, as
// in a whole build, and that the last good build stays.
func TestUpdateTooLarge(t *testing.T) {
	dir, b := newBuilder(t)
	if err := os.Truncate(filepath.Join(dir, dataFile), 50<<20); err != nil {
		t.Fatal(err)
	}
	o := b.Update([]string{dataFile})
	want := dataFile + ": error: this file is 50 MB, more than budgetpress reads: YAML files may be up to 2 MB " +
		"(a whole department budget is about 50 kB); check that this is the right file\n"
	if got := diagText(o); got != want || o.Built {
		t.Errorf("after saving a 50 MB file: built %v, findings:\n%s\nwant:\n%s", o.Built, got, want)
	}
}
