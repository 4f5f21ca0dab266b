package archive_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/archive"
	"budgetpress/internal/blobstore"
	"budgetpress/internal/build"
	"budgetpress/internal/s3test"
	"budgetpress/internal/testsite"
)

// destination is a place to archive to, with a way to reach its objects
// behind the store's back, as someone tampering with them would.
type destination struct {
	url  string
	path func(key string) string // the file that holds key
}

// eachDestination runs test against the file:// default and a real
// S3-compatible server over plain HTTP and over TLS.
func eachDestination(t *testing.T, test func(t *testing.T, d destination)) {
	t.Run("file", func(t *testing.T) {
		dir := t.TempDir()
		test(t, destination{url: "file://" + dir, path: func(k string) string { return filepath.Join(dir, filepath.FromSlash(k)) }})
	})
	s3test.Each(t, func(t *testing.T, srv *s3test.Server) {
		test(t, destination{url: srv.URL("archive/cj"), path: func(k string) string {
			return filepath.Join(srv.Root, s3test.Bucket, "archive", "cj", filepath.FromSlash(k))
		}})
	})
}

// built is the example site, built once per test.
type built struct {
	site, out string
}

func buildExample(t *testing.T) built {
	t.Helper()
	site := testsite.Copy(t, filepath.Join("..", ".."))
	out := filepath.Join(t.TempDir(), "public")
	res := build.Run(build.ForPublication(site, out, "", ""))
	if res.Diags.HasErrors() {
		t.Fatalf("the example site does not build: %v", res.Diags)
	}
	return built{site, out}
}

// open opens a destination for the test.
func open(t *testing.T, url string) *blobstore.Store { return s3test.Open(t, url) }

func snapshot(t *testing.T, st *blobstore.Store, b built) *archive.Result {
	t.Helper()
	r, err := archive.Snapshot(context.Background(), st, archive.Input{Year: 2024, SiteDir: b.site, OutDir: b.out})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestArchiveListVerifyRestore archives the example site, lists it,
// verifies it, rebuilds it from the archived sources, restores it and
// compares every file byte for byte, and archives it again without
// storing anything twice.
func TestArchiveListVerifyRestore(t *testing.T) {
	b := buildExample(t)
	eachDestination(t, func(t *testing.T, d destination) {
		ctx := context.Background()
		st := open(t, d.url)
		r := snapshot(t, st, b)
		m := r.Manifest
		if !strings.HasPrefix(m.ID, "2024-") || m.Year != 2024 || m.Tool == "" || len(m.SourcesSHA256) != 64 {
			t.Errorf("manifest: id %q, year %d, tool %q, sources %q", m.ID, m.Year, m.Tool, m.SourcesSHA256)
		}
		if r.Uploaded == 0 {
			t.Error("the first snapshot stored nothing")
		}
		assertHas(t, m.Site, "index.html", "en/index.html", "2024/changji-egov/index.html", "en/2024/changji-egov/index.html", "sitemap.xml")
		assertHas(t, m.Sources, "site.yaml", "data/2024/changji-egov.yaml", "content/zh/2024/changji-egov.md", "content/en/2024/changji-egov.md")
		for _, e := range m.Site {
			if e.Path == "index.html" && e.ContentType != "text/html; charset=utf-8" {
				t.Errorf("index.html has content type %q", e.ContentType)
			}
		}

		snaps, err := archive.List(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 1 || snaps[0].ID != m.ID || !snaps[0].Complete || snaps[0].Files != m.Files() || snaps[0].Bytes != m.Bytes() {
			t.Fatalf("list: %+v", snaps)
		}
		opened, err := archive.Open(ctx, st, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if problems, err := archive.Verify(ctx, st, opened, nil); err != nil || len(problems) > 0 {
			t.Fatalf("verify of an intact snapshot: %v %v", problems, err)
		}
		if diffs, err := archive.Rebuild(ctx, st, opened); err != nil || len(diffs) > 0 {
			t.Fatalf("rebuild: %v %v", diffs, err)
		}

		to := filepath.Join(t.TempDir(), "restored")
		if err := archive.Restore(ctx, st, opened, to, nil); err != nil {
			t.Fatal(err)
		}
		sameTree(t, b.out, filepath.Join(to, "public"))
		for _, e := range m.Sources {
			sameFile(t, filepath.Join(b.site, e.Path), filepath.Join(to, e.Path))
		}
		if err := archive.Restore(ctx, st, opened, to, nil); err == nil || !strings.Contains(err.Error(), "is not empty: restore into a new or empty folder") {
			t.Errorf("restore into a full folder: %v", err)
		}

		again := snapshot(t, st, b)
		if again.Uploaded != 0 || again.Manifest.ID == m.ID {
			t.Errorf("second snapshot: id %s (first %s), %d files stored again", again.Manifest.ID, m.ID, again.Uploaded)
		}
		if snaps, _ := archive.List(ctx, st); len(snaps) != 2 {
			t.Errorf("after two snapshots, list shows %d", len(snaps))
		}
	})
}

// TestVerifyFindsTampering alters one archived file and removes another
// on the server itself, and verify names both.
func TestVerifyFindsTampering(t *testing.T) {
	b := buildExample(t)
	eachDestination(t, func(t *testing.T, d destination) {
		ctx := context.Background()
		st := open(t, d.url)
		m := snapshot(t, st, b).Manifest
		page, data := entry(t, m.Site, "2024/changji-egov/index.html"), entry(t, m.Sources, "data/2024/changji-egov.yaml")
		obj := d.path("objects/sha256/" + page.SHA256[:2] + "/" + page.SHA256)
		src, err := os.ReadFile(obj)
		if err != nil {
			t.Fatal(err)
		}
		tampered := bytes.Replace(src, []byte("<body"), []byte("<body data-x"), 1)
		if err := os.WriteFile(obj, tampered, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(d.path("objects/sha256/" + data.SHA256[:2] + "/" + data.SHA256)); err != nil {
			t.Fatal(err)
		}
		problems, err := archive.Verify(ctx, st, m, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{
			"data/2024/changji-egov.yaml: missing from the archive",
			"public/2024/changji-egov/index.html: altered: " + strconv.Itoa(len(tampered)) + " bytes instead of " + strconv.Itoa(int(page.Size)),
		}
		var got []string
		for _, p := range problems {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("verify found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if err := archive.Restore(ctx, st, m, t.TempDir(), nil); err == nil {
			t.Error("restore of a damaged snapshot succeeded")
		}
	})
}

// TestInterruptedSnapshotIsFinished stops a snapshot after a few files:
// it is listed as incomplete, cannot be verified, and the next run
// finishes it under the same id without storing those files again.
func TestInterruptedSnapshotIsFinished(t *testing.T) {
	b := buildExample(t)
	eachDestination(t, func(t *testing.T, d destination) {
		st := open(t, d.url)
		ctx, cancel := context.WithCancel(context.Background())
		stored := 0
		_, err := archive.Snapshot(ctx, st, archive.Input{Year: 2024, SiteDir: b.site, OutDir: b.out, Progress: func(p archive.Progress) {
			stored = p.Files
			if p.Files == 3 {
				cancel()
			}
		}})
		if err == nil {
			t.Fatal("the interrupted snapshot reported success")
		}
		snaps, err := archive.List(context.Background(), st)
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 1 || snaps[0].Complete {
			t.Fatalf("after the interruption, list shows %+v; want one incomplete snapshot", snaps)
		}
		id := snaps[0].ID
		if _, err := archive.Open(context.Background(), st, id); err == nil || !strings.Contains(err.Error(), "is incomplete") {
			t.Errorf("opening the incomplete snapshot: %v", err)
		}
		r, err := archive.Snapshot(context.Background(), st, archive.Input{Year: 2024, SiteDir: b.site, OutDir: b.out})
		if err != nil {
			t.Fatal(err)
		}
		unique := map[string]bool{}
		for _, e := range append(r.Manifest.Site, r.Manifest.Sources...) {
			unique[e.SHA256] = true
		}
		if !r.Resumed || r.Manifest.ID != id || r.Uploaded > len(unique)-3 || stored < 3 {
			t.Errorf("second run: resumed %v, id %s (want %s), stored %d of %d", r.Resumed, r.Manifest.ID, id, r.Uploaded, len(unique))
		}
		snaps, _ = archive.List(context.Background(), st)
		if len(snaps) != 1 || !snaps[0].Complete {
			t.Errorf("after finishing, list shows %+v", snaps)
		}
		if problems, err := archive.Verify(context.Background(), st, r.Manifest, nil); err != nil || len(problems) > 0 {
			t.Errorf("verify: %v %v", problems, err)
		}
	})
}

// TestNothingArchivedIsOverwritten writes to a key that is taken: the
// store refuses, and the object keeps its bytes.
func TestNothingArchivedIsOverwritten(t *testing.T) {
	eachDestination(t, func(t *testing.T, d destination) {
		ctx := context.Background()
		st := open(t, d.url)
		if err := st.Create(ctx, "snapshots/x/manifest.json", []byte("first"), blobstore.Attrs{}); err != nil {
			t.Fatal(err)
		}
		if err := st.Create(ctx, "snapshots/x/manifest.json", []byte("second"), blobstore.Attrs{}); !errors.Is(err, blobstore.ErrExists) {
			t.Errorf("second write: %v, want ErrExists", err)
		}
		if got, err := st.Read(ctx, "snapshots/x/manifest.json"); err != nil || string(got) != "first" {
			t.Errorf("the object now holds %q (%v)", got, err)
		}
	})
}

// TestTamperedManifestIsRefused changes a manifest behind the store's
// back: opening the snapshot says so, rather than trusting it.
func TestTamperedManifestIsRefused(t *testing.T) {
	b := buildExample(t)
	eachDestination(t, func(t *testing.T, d destination) {
		st := open(t, d.url)
		m := snapshot(t, st, b).Manifest
		p := d.path("snapshots/" + m.ID + "/manifest.json")
		src, _ := os.ReadFile(p)
		os.WriteFile(p, bytes.Replace(src, []byte(`"year": 2024`), []byte(`"year": 2023`), 1), 0o644)
		_, err := archive.Open(context.Background(), st, m.ID)
		if err == nil || !strings.Contains(err.Error(), "differs from the manifest planned when the snapshot was made") {
			t.Errorf("open of a tampered manifest: %v", err)
		}
	})
}

func assertHas(t *testing.T, es []archive.Entry, paths ...string) {
	t.Helper()
	for _, p := range paths {
		entry(t, es, p)
	}
}

func entry(t *testing.T, es []archive.Entry, p string) archive.Entry {
	t.Helper()
	for _, e := range es {
		if e.Path == p {
			return e
		}
	}
	t.Fatalf("the manifest does not list %s", p)
	return archive.Entry{}
}

func sameFile(t *testing.T, a, b string) {
	t.Helper()
	x, err1 := os.ReadFile(a)
	y, err2 := os.ReadFile(b)
	if err1 != nil || err2 != nil || !bytes.Equal(x, y) {
		t.Errorf("%s and %s differ (%v, %v)", a, b, err1, err2)
	}
}

// sameTree compares two folders file by file.
func sameTree(t *testing.T, a, b string) {
	t.Helper()
	count := func(dir string) int {
		n := 0
		filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && e.Name() != build.Manifest { // not archived: the restore command writes it
				n++
				rel, _ := filepath.Rel(dir, p)
				if dir == a {
					sameFile(t, p, filepath.Join(b, rel))
				}
			}
			return nil
		})
		return n
	}
	if na, nb := count(a), count(b); na != nb || na == 0 {
		t.Errorf("%s has %d files, %s has %d", a, na, b, nb)
	}
}
