package deploy_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/blobstore"
	"budgetpress/internal/deploy"
	"budgetpress/internal/s3test"
)

// TestTransientErrorsRetried: a server that fails requests now and then
// (500, 503, a dropped connection, an upload cut half-way) does not stop
// a deploy: each is retried, with a growing wait, and the site arrives
// whole, with no object cut short.
func TestTransientErrorsRetried(t *testing.T) {
	public := builtExample(t)
	srv := s3test.Start(t, false)
	for _, tc := range []struct {
		name  string
		fault s3test.Fault
	}{{"500", s3test.Fail500}, {"503", s3test.Fail503}, {"reset", s3test.Reset}, {"cut body", s3test.CutBody}} {
		t.Run(tc.name, func(t *testing.T) {
			// The first uploads of each key fail four times in a row:
			// more than the storage library's own three attempts.
			tries := map[string]int{}
			px := s3test.NewProxy(t, srv, func(r s3test.Request) s3test.Fault {
				if r.Method == "PUT" && (strings.HasSuffix(r.Key, "/index.html") && strings.Count(r.Key, "/") == 1 || strings.HasSuffix(r.Key, "/object")) {
					tries[r.Key]++
					if tries[r.Key] <= 4 {
						return tc.fault
					}
				}
				return s3test.Pass
			})
			prefix := "retry-" + strings.ReplaceAll(tc.name, " ", "-")
			st := open(t, px.URL(prefix))
			deployOnce(t, st, public, deploy.Options{})
			if px.Faults() == 0 {
				t.Fatal("no fault was injected")
			}
			// Every file is there, byte for byte.
			direct := open(t, srv.URL(prefix))
			err := blobstore.EachFile(public, "", func(rel string, data []byte) error {
				got, err := direct.Read(context.Background(), rel)
				if err != nil || string(got) != string(data) {
					t.Errorf("%s: %d bytes stored, want %d (%v)", rel, len(got), len(data), err)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			// An archive's write, which must not replace what is there:
			// a body cut short must not have been kept as the object.
			data := []byte(strings.Repeat("预算公开 ", 40000))
			if err := st.Create(context.Background(), "object", data, blobstore.Attrs{}); err != nil {
				t.Fatal(err)
			}
			if got, err := direct.Read(context.Background(), "object"); err != nil || string(got) != string(data) {
				t.Errorf("the object holds %d bytes, want %d (%v)", len(got), len(data), err)
			}
		})
	}
}

// TestLastingErrorStops: a server that keeps failing stops the deploy
// after a few tries, with one line naming the file.
func TestLastingErrorStops(t *testing.T) {
	public := builtExample(t)
	srv := s3test.Start(t, false)
	px := s3test.NewProxy(t, srv, func(r s3test.Request) s3test.Fault {
		if r.Method == "PUT" {
			return s3test.Fail503
		}
		return s3test.Pass
	})
	st := open(t, px.URL("www"))
	plan, err := deploy.MakePlan(context.Background(), st, public, deploy.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = plan.Apply(context.Background(), st, nil)
	// The first upload to fail is a file the pages link (an asset, a
	// table's CSV), never a page: those go up after them.
	if err == nil || !strings.HasPrefix(err.Error(), "cannot write "+px.URL("www")+": ") || strings.Contains(err.Error(), ".html:") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("got %v", err)
	}
	// Tried more than once, and not forever: 4 tries of ours, each of up
	// to 3 attempts of the storage library.
	if n := px.Count("PUT"); n < 4 || n > 8*12 {
		t.Errorf("%d uploads were tried", n)
	}
}

// TestSecondDeployAsksNothingPerFile: on S3, a second deploy tells the
// unchanged files from the listing alone: no HEAD request per file.
func TestSecondDeployAsksNothingPerFile(t *testing.T) {
	public := builtExample(t)
	srv := s3test.Start(t, false)
	px := s3test.NewProxy(t, srv, nil)
	st := open(t, px.URL("www"))
	deployOnce(t, st, public, deploy.Options{})
	px.SetRule(nil)
	plan := deployOnce(t, st, public, deploy.Options{})
	if n, _ := plan.Uploads(); n != 0 || plan.Unchanged == 0 {
		t.Errorf("the second deploy uploads %d files, %d unchanged", n, plan.Unchanged)
	}
	if heads, gets, puts := px.Count("HEAD"), px.Count("GET"), px.Count("PUT"); heads+gets+puts > 0 {
		t.Errorf("the second deploy made %d HEAD, %d GET and %d PUT requests; want only listings", heads, gets, puts)
	}
	if px.Count("LIST") == 0 {
		t.Error("the second deploy did not list the bucket")
	}
}

// TestKilledFileDeployLeavesNothingToFetch: while a file is being
// written to a web root, the only trace is in the hidden, owner-only
// upload folder; what a killed deploy leaves there is removed by the
// next one.
func TestKilledFileDeployLeavesNothingToFetch(t *testing.T) {
	public := builtExample(t)
	root := filepath.Join(t.TempDir(), "www")
	os.MkdirAll(filepath.Join(root, blobstore.UploadDir), 0o700)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(root, blobstore.UploadDir, strconv.Itoa(cmd.Process.Pid)+"-123") // a killed deploy's
	os.WriteFile(leftover, []byte("half"), 0o600)
	st := open(t, "file://"+root)
	deployOnce(t, st, public, deploy.Options{})
	var visible []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(root, p)
		if err == nil && !d.IsDir() && !strings.HasPrefix(rel, blobstore.UploadDir) {
			if _, err := os.Stat(filepath.Join(public, rel)); err != nil {
				visible = append(visible, rel)
			}
		}
		return nil
	})
	if len(visible) > 0 {
		t.Errorf("the web root holds files the site has not: %v", visible)
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Error("the killed deploy's half-written file is still there")
	}
	if st, err := os.Stat(filepath.Join(root, blobstore.UploadDir)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("the upload folder: %v, %v; want it readable by its owner only", st, err)
	}
}
