package serve

import (
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// contentTypes are the types of the files a site has; others come from
// the system's table, or are sent as bytes.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".json":  "application/json",
	".xml":   "application/xml; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".woff2": "font/woff2",
	".csv":   "text/csv; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".pdf":   "application/pdf",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// serveFile serves a file of the current build. Only files inside the
// build's folder are served: a path with a ".." segment is refused
// before it is looked up, and the lookup goes through os.Root, which
// does not follow a symbolic link out of the folder. A folder is served
// by its index.html, never listed.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	dir := s.builder.Dir()
	if dir == "" {
		s.noBuild(w, r)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || hasDotDot(p) {
		s.notFound(w, r, dir)
		return
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		http.Error(w, "the build is not readable: "+err.Error(), http.StatusInternalServerError)
		return
	}
	defer root.Close()
	name := strings.Trim(path.Clean(p), "/")
	if name == "" {
		name = "."
	}
	f, st, err := open(root, name)
	if err == nil && st.IsDir() {
		f.Close()
		if !strings.HasSuffix(p, "/") {
			// Pages link relatively: the folder's page must be read at
			// its address with the slash. The address is the cleaned
			// path: "//en/" would name the host "en".
			target := "/" + name + "/"
			if name == "." {
				target = "/"
			}
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		f, st, err = open(root, name)
	}
	if err != nil || !st.Mode().IsRegular() {
		if err == nil {
			f.Close()
		}
		s.notFound(w, r, dir)
		return
	}
	defer f.Close()
	s.send(w, r, name, f, st, http.StatusOK)
}

func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// hasDotDot reports whether a path has a ".." segment.
func hasDotDot(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return true
		}
	}
	return false
}

// send writes a file. HTML pages get the live-reload script and are
// never cached: the preview must show the page as it is now.
func (s *Server) send(w http.ResponseWriter, r *http.Request, name string, f *os.File, st fs.FileInfo, status int) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	h.Set("X-Content-Type-Options", "nosniff")
	if path.Ext(name) != ".html" {
		h.Set("Cache-Control", "no-cache")
		if status == http.StatusOK {
			http.ServeContent(w, r, name, st.ModTime(), f)
			return
		}
	}
	body, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "cannot read "+name+": "+err.Error(), http.StatusInternalServerError)
		return
	}
	if path.Ext(name) == ".html" {
		file := name
		if status != http.StatusOK {
			file = "" // a page not found, at any address
		}
		body = s.hub.Inject(body, r.URL.Path, file)
		h.Set("Cache-Control", "no-store")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notFound answers with the site's 404.html and the status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, dir string) {
	root, err := os.OpenRoot(dir)
	if err == nil {
		defer root.Close()
		if f, st, err := open(root, "404.html"); err == nil {
			defer f.Close()
			s.send(w, r, "404.html", f, st, http.StatusNotFound)
			return
		}
	}
	http.NotFound(w, r)
}

// noBuild answers while no build has succeeded yet: an empty page that
// shows the findings, and reloads once the site builds.
func (s *Server) noBuild(w http.ResponseWriter, r *http.Request) {
	page := []byte("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>budgetpress</title>\n</head>\n<body>\n</body>\n</html>\n")
	body := s.hub.Inject(page, r.URL.Path, "")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
