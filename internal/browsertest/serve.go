package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// BasePath is the sub-path under which ServeDir serves a site, as a
// government portal publishes it: every link of a site built for it must
// stay under it.
const BasePath = "/zwgk/czyjs/"

// ServeDir serves the folder dir at BasePath on 127.0.0.1, until the test
// ends, and returns the URL of that path, such as
// "http://127.0.0.1:41234/zwgk/czyjs/". A missing file is answered with
// dir/404.html and the status 404, as a static host does; so is anything
// outside BasePath, except /favicon.ico, which browsers ask for by
// themselves and the portal that hosts the site has: it gets an empty
// answer.
func ServeDir(t testing.TB, dir string) (baseURL string) {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	notFound := func(w http.ResponseWriter) {
		body, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			body = []byte("404 page not found\n")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(body)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, BasePath)
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if !ok {
			notFound(w)
			return
		}
		name := filepath.Join(dir, filepath.FromSlash(path.Clean("/"+rel)))
		if st, err := os.Stat(name); err != nil || st.IsDir() && !exists(filepath.Join(name, "index.html")) {
			notFound(w)
			return
		}
		r2 := r.Clone(r.Context())
		r2.URL.Path, r2.URL.RawPath = "/"+rel, ""
		files.ServeHTTP(w, r2)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + BasePath
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
