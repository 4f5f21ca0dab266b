package blobstore_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/blobstore"
)

func TestFileDir(t *testing.T) {
	for raw, want := range map[string]string{
		"file://./archive":       "/site/archive",
		"file://archive":         "/site/archive",
		"file:///srv/www":        "/srv/www",
		"file://localhost/a/b":   "/a/b",
		"file://./../shared/arc": "/shared/arc",
	} {
		u, _ := url.Parse(raw)
		if got := blobstore.FileDir(u, "/site"); got != want {
			t.Errorf("%s: %s, want %s", raw, got, want)
		}
	}
}

func TestOpenMistakes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, nil, 0o644)
	for raw, want := range map[string]string{
		"archive":        `"archive" is not a storage address: write file://FOLDER or s3://BUCKET/PREFIX?endpoint=…`,
		"gs://bucket":    `"gs://bucket": budgetpress stores to file://FOLDER or s3://BUCKET/PREFIX?endpoint=…, not gs://`,
		"s3:///prefix":   `"s3:///prefix" names no bucket: write s3://BUCKET/PREFIX?endpoint=…`,
		"file://" + file: "cannot use the folder " + file + ":",
		"s3://b?endpoint=http://127.0.0.1:1&use_path_style=true": "cannot reach s3://b?endpoint=http://127.0.0.1:1&use_path_style=true: nothing answers at that address (connection refused)",
	} {
		t.Setenv("AWS_ACCESS_KEY_ID", "k")
		t.Setenv("AWS_SECRET_ACCESS_KEY", "s")
		t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
		_, err := blobstore.Open(context.Background(), raw, "/site")
		if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v\nwant %s…", raw, err, want)
		}
	}
}

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"index.html": "text/html; charset=utf-8", "a/site.CSS": "text/css; charset=utf-8",
		"data/2024/x.yaml": "application/yaml", "report.pdf": "application/pdf", "noext": "application/octet-stream",
	} {
		if got := blobstore.ContentType(name); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
