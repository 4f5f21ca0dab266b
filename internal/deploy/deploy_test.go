package deploy_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"budgetpress/internal/blobstore"
	"budgetpress/internal/build"
	"budgetpress/internal/deploy"
	"budgetpress/internal/s3test"
	"budgetpress/internal/testsite"
)

// target is a web root or bucket, with the raw bucket to look at what a
// reader would be served.
type target struct {
	url  string
	root string // for file://, the web root
	raw  string // for s3://, the bucket itself
}

func eachTarget(t *testing.T, test func(t *testing.T, tg target)) {
	t.Run("file", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "www")
		test(t, target{url: "file://" + dir, root: dir})
	})
	s3test.Each(t, func(t *testing.T, srv *s3test.Server) {
		test(t, target{url: srv.URL("www"), raw: strings.Replace(srv.URL(""), "/?", "?", 1) + "&request_checksum_calculation=when_required&response_checksum_validation=when_required"})
	})
}

func builtExample(t *testing.T) string {
	t.Helper()
	site := testsite.Copy(t, filepath.Join("..", ".."))
	out := filepath.Join(t.TempDir(), "public")
	if res := build.Run(build.ForPublication(site, out, "", "")); res.Diags.HasErrors() {
		t.Fatalf("the example site does not build: %v", res.Diags)
	}
	return out
}

// open opens a destination for the test.
func open(t *testing.T, url string) *blobstore.Store { return s3test.Open(t, url) }

func deployOnce(t *testing.T, st *blobstore.Store, dir string, opt deploy.Options) *deploy.Plan {
	t.Helper()
	plan, err := deploy.MakePlan(context.Background(), st, dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(context.Background(), st, nil); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestDeployTwice deploys the example site, then deploys it again: the
// second uploads nothing. Then one page changes and only it goes up.
func TestDeployTwice(t *testing.T) {
	public := builtExample(t)
	eachTarget(t, func(t *testing.T, tg target) {
		st := open(t, tg.url)
		opt := deploy.Options{Delete: true, MaxDeletes: deploy.DefaultMaxDeletes}
		first := deployOnce(t, st, public, opt)
		n, _ := first.Uploads()
		if n == 0 || len(first.Assets) == 0 || len(first.Pages) == 0 {
			t.Fatalf("first deploy: %d assets, %d pages", len(first.Assets), len(first.Pages))
		}
		for _, a := range first.Assets {
			if strings.HasSuffix(a.Key, ".html") {
				t.Errorf("%s is sent with the assets, before the pages", a.Key)
			}
		}
		second := deployOnce(t, st, public, opt)
		total := len(first.Assets) + len(first.Pages) + first.Unchanged
		if n, _ := second.Uploads(); n != 0 || len(second.Deletes) != 0 || second.Unchanged != total {
			t.Errorf("second deploy uploads %d files, deletes %d, %d unchanged", n, len(second.Deletes), second.Unchanged)
		}

		page := filepath.Join(public, "2024", "index.html")
		src, _ := os.ReadFile(page)
		os.WriteFile(page, append(src, ' '), 0o644)
		defer os.WriteFile(page, src, 0o644)
		third := deployOnce(t, st, public, opt)
		if len(third.Pages) != 1 || third.Pages[0].Key != "2024/index.html" || third.Pages[0].Reason != "changed" || len(third.Assets) != 0 {
			t.Errorf("after changing one page, the deploy sends %d assets and %v", len(third.Assets), third.Pages)
		}

		if tg.root != "" {
			filepath.WalkDir(tg.root, func(p string, e fs.DirEntry, err error) error {
				if strings.HasSuffix(p, ".attrs") || strings.HasSuffix(p, ".tmp") {
					t.Errorf("the web root holds %s, which is not part of the site", p)
				}
				return nil
			})
			return
		}
		b, err := blob.OpenBucket(context.Background(), tg.raw)
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		// The stylesheet is published under a name made from its content,
		// which may be cached for a year.
		css, _ := filepath.Glob(filepath.Join(public, "assets", "site.*.css"))
		if len(css) != 1 {
			t.Fatalf("the built site has stylesheets %q, want one fingerprinted site.*.css", css)
		}
		for key, want := range map[string][2]string{
			"www/index.html":                      {"text/html; charset=utf-8", deploy.Revalidate},
			"www/assets/" + filepath.Base(css[0]): {"text/css; charset=utf-8", deploy.Immutable},
		} {
			a, err := b.Attributes(context.Background(), key)
			if err != nil {
				t.Fatal(err)
			}
			if a.ContentType != want[0] || a.CacheControl != want[1] || a.Metadata[blobstore.MetaSHA256] == "" {
				t.Errorf("%s is served as %q, %q, sha256 %q; want %q, %q", key, a.ContentType, a.CacheControl, a.Metadata[blobstore.MetaSHA256], want[0], want[1])
			}
		}
	})
}

// TestDeleteGuard puts files on the target that the site does not have:
// without --delete they stay; with more than --max-deletes of them the
// whole deploy is refused and nothing changes; within it they go.
func TestDeleteGuard(t *testing.T) {
	public := builtExample(t)
	eachTarget(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		st := open(t, tg.url)
		for _, k := range []string{"old/a.html", "old/b.html", "old/c.pdf"} {
			if err := st.Put(ctx, k, []byte("old"), blobstore.Attrs{}); err != nil {
				t.Fatal(err)
			}
		}
		_, err := deploy.MakePlan(ctx, st, public, deploy.Options{Delete: true, MaxDeletes: 2})
		want := "3 files would be deleted from " + tg.url + ", more than --max-deletes 2: nothing was deployed"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("over the limit: %v; want %q", err, want)
		}
		if objs, _ := st.List(ctx, ""); len(objs) != 3 {
			t.Errorf("a refused deploy changed the target: %d files there", len(objs))
		}
		kept := deployOnce(t, st, public, deploy.Options{MaxDeletes: 2})
		if len(kept.Extra) != 3 || len(kept.Deletes) != 0 {
			t.Errorf("without --delete: extra %v, deletes %v", kept.Extra, kept.Deletes)
		}
		gone := deployOnce(t, st, public, deploy.Options{Delete: true, MaxDeletes: 3})
		if len(gone.Deletes) != 3 {
			t.Errorf("with --delete: deletes %v", gone.Deletes)
		}
		if ok, _ := st.Exists(ctx, "old/c.pdf"); ok {
			t.Error("old/c.pdf is still there")
		}
	})
}

// TestCacheControl: fingerprinted assets are cached long, the rest revalidated.
func TestCacheControl(t *testing.T) {
	for key, want := range map[string]string{
		"index.html":               deploy.Revalidate,
		"assets/site.css":          deploy.Revalidate,
		"assets/site.3f9a1c2b.css": deploy.Immutable,
		"assets/app-3f9a1c2b4d.js": deploy.Immutable,
		"sitemap.xml":              deploy.Revalidate,
		"2024/a.3f9a1c2b.html":     deploy.Revalidate,
	} {
		if got := deploy.CacheControl(key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
