package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"budgetpress/internal/diag"
	"budgetpress/internal/parallel"
	"budgetpress/internal/render"
)

// CacheDir is the folder, in the site folder, where builds keep what a
// warm build needs of the last one. It is not part of the site: the
// site's .gitignore leaves it out.
const CacheDir = ".budgetpress/cache"

// cacheFormat names the layout of the cache file; a cache of another
// layout, or written by another build of the program, is ignored.
const cacheFormat = "budgetpress build cache 2"

// cache is what a build keeps for the next one (the file CacheDir/
// build-<output>.gob, one per output folder).
type cache struct {
	Tool   string // the program's build (toolID)
	Global string // hash of the site-wide inputs and the options
	Out    string // the output folder, absolute
	Years  []int  // the site's years, newest first
	// Sources are the size, time and hash of every input file read.
	Sources map[string]source
	Units   map[string]*unit // by department file path
	// YearFiles are the bulk files of each year, and YearKeys the keys
	// of the department-years they were made from.
	YearFiles map[int][]render.Download
	YearKeys  map[int]string
	// Pages are what rendering each page reported, for the pages that
	// reported anything (texts without translation, warnings).
	Pages map[string]render.Result
	Fixed []string // output files every build writes the same way: assets, static files
	Index []string // the files of the search indexes
	// Outputs are the files of the output folder, with their size and
	// modification time after the build.
	Outputs map[string]outFile
	// Report is what the build reported: a build in which nothing
	// changed reports it again.
	Report       diag.List
	Untranslated map[string][]render.Missing
	PageCount    int
	Files        int
	Bytes        int64
}

// source is an input file as a build last saw it.
type source struct {
	Size  int64
	MTime int64 // UnixNano
	Hash  string
}

// outFile is an output file as the build left it.
type outFile struct {
	Size  int64
	MTime int64
}

// unit is what the cache keeps of a department-year.
type unit struct {
	Key       string // hash of its inputs (see unitKey)
	Diags     diag.List
	Summary   summary
	Downloads []render.Download
}

// cacheFolder is the folder of the cache of builds into out, and
// cachePath its main file; beside it, search/ holds the search
// documents of each department-year (searchEntry).
func cacheFolder(site, out string) string {
	sum := sha256.Sum256([]byte(out))
	return filepath.Join(site, filepath.FromSlash(CacheDir), hex.EncodeToString(sum[:6]))
}

func cachePath(site, out string) string { return filepath.Join(cacheFolder(site, out), "build.gob") }

// searchEntry is the file holding the search documents, by language,
// of a department-year of the given key in a build of the given global
// key.
func searchEntry(folder, global, key string) string {
	return filepath.Join(folder, "search", hashOf(global, key)[:32]+".gob")
}

// figuresEntry is the file holding the figures, by language, that the
// bulk files of its year take of a department-year (deptFigures).
func figuresEntry(folder, global, key string) string {
	return filepath.Join(folder, "figures", hashOf(global, key)[:32]+".gob")
}

// errCache is a cache file that cannot be used.
var errCache = errors.New("the build cache is damaged or was written by another version")

// readCache reads the main file of a cache.
func readCache(name string) (*cache, error) {
	var c cache
	if err := readSealed(name, &c); err != nil {
		return nil, err
	}
	if c.Tool != toolID() {
		return nil, errCache
	}
	return &c, nil
}

// writeCache writes the main file of a cache.
func writeCache(name string, c *cache) error { return writeSealed(name, c) }

// readSealed reads a file of the cache into v: a header line naming the
// format and the program, the SHA-256 of the rest, then the rest (gob).
// A damaged, truncated or foreign file is errCache.
func readSealed(name string, v any) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	head, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok || string(head) != cacheFormat+" "+toolID() {
		return errCache
	}
	sumHex, body, ok := bytes.Cut(rest, []byte("\n"))
	sum := sha256.Sum256(body)
	if !ok || string(sumHex) != hex.EncodeToString(sum[:]) {
		return errCache
	}
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(v); err != nil {
		return errCache
	}
	return nil
}

// writeSealed writes a file of the cache, through a temporary file
// renamed into place, so that a killed build leaves the old one or the
// new one.
func writeSealed(name string, v any) error {
	var body bytes.Buffer
	if err := gob.NewEncoder(&body).Encode(v); err != nil {
		return err
	}
	sum := sha256.Sum256(body.Bytes())
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = io.WriteString(tmp, cacheFormat+" "+toolID()+"\n"+hex.EncodeToString(sum[:])+"\n")
	if err == nil {
		_, err = tmp.Write(body.Bytes())
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// outputFile is the file of a cache folder that names the output folder
// its builds went to.
const outputFile = "output"

// pruneFolders removes the cache folders of the site other than keep
// whose output folder is gone (a build into a temporary folder, or one
// since moved away) or that name none (written by an older version):
// each keeps the search documents and figures of the whole site, tens
// of megabytes for a prefecture's.
func pruneFolders(site, keep string) {
	root := filepath.Join(site, filepath.FromSlash(CacheDir))
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		if !e.IsDir() || dir == keep {
			continue
		}
		out, err := os.ReadFile(filepath.Join(dir, outputFile))
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			continue
		default:
			if st, err := os.Stat(string(out)); err == nil && st.IsDir() {
				continue
			}
		}
		os.RemoveAll(dir)
	}
}

// pruneEntries removes the entries of folder (search and figures) that
// keep does not list.
func pruneEntries(folder string, keep map[string]bool) {
	for _, sub := range []string{"search", "figures"} {
		entries, _ := os.ReadDir(filepath.Join(folder, sub))
		for _, e := range entries {
			p := filepath.Join(folder, sub, e.Name())
			if !keep[p] {
				os.Remove(p)
			}
		}
	}
}

var (
	toolOnce sync.Once
	toolSum  string
)

// toolID names this build of the program: the hash of its executable
// (a rebuilt program may render differently), else its module version.
func toolID() string {
	toolOnce.Do(func() {
		h := sha256.New()
		if exe, err := os.Executable(); err == nil {
			if f, err := os.Open(exe); err == nil {
				_, err = io.Copy(h, f)
				f.Close()
				if err == nil {
					toolSum = hex.EncodeToString(h.Sum(nil))
					return
				}
			}
		}
		if bi, ok := debug.ReadBuildInfo(); ok {
			toolSum = bi.Main.Version + " " + bi.GoVersion
		}
	})
	return toolSum
}

// hasher hashes input files, trusting the hash of the last build for a
// file of the same size and modification time, unless that time is so
// close to the last build that an edit in the same tick could hide.
type hasher struct {
	dir  string
	old  map[string]source
	mu   sync.Mutex
	seen map[string]source
	// since is when the last build read its sources.
	since time.Time
}

func newHasher(dir string, old *cache) *hasher {
	h := &hasher{dir: dir, seen: map[string]source{}}
	if old != nil {
		h.old = old.Sources
	}
	return h
}

// hash returns the hash of a site file by its slash path, "" when it
// does not exist, "!" when it cannot be read.
func (h *hasher) hash(rel string) string {
	p := filepath.Join(h.dir, filepath.FromSlash(rel))
	st, err := os.Stat(p)
	if err != nil {
		return ""
	}
	s := source{Size: st.Size(), MTime: st.ModTime().UnixNano()}
	if o, ok := h.old[rel]; ok && o.Size == s.Size && o.MTime == s.MTime && time.Since(st.ModTime()) > 2*time.Second {
		s.Hash = o.Hash
	} else {
		data, err := os.ReadFile(p)
		if err != nil {
			return "!"
		}
		sum := sha256.Sum256(data)
		s.Hash = hex.EncodeToString(sum[:])
	}
	h.mu.Lock()
	h.seen[rel] = s
	h.mu.Unlock()
	return s.Hash
}

// hashAll hashes files on every core.
func (h *hasher) hashAll(rels []string) []string {
	out := make([]string, len(rels))
	parallel.Each(len(rels), func(i int) { out[i] = h.hash(rels[i]) })
	return out
}

// tree lists the files under a folder of the site (slash paths relative
// to the site), hidden ones included, in order.
func tree(dir, top string) []string {
	var out []string
	filepath.WalkDir(filepath.Join(dir, top), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// hashOf is the hash of parts.
func hashOf(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s\n", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// globalKey is the hash of what every page may depend on: the
// program, the options, site.yaml, the classification, the table sets,
// the layouts and the static files.
func globalKey(h *hasher, opt Options, out string) string {
	files := []string{"site.yaml", "data/classification.yaml"}
	for _, top := range []string{"templates", "layouts", Static} {
		files = append(files, tree(h.dir, top)...)
	}
	sums := h.hashAll(files)
	parts := []string{toolID(), opt.BaseURL, opt.BasePath, fmt.Sprint(opt.Fingerprint, opt.Gzip), out}
	for i, f := range files {
		parts = append(parts, f, sums[i])
	}
	return hashOf(parts...)
}

// unitKey is the hash of what the pages and open data of a
// department-year depend on besides the site-wide inputs: its file,
// its explanations, its published documents, the years its department
// has (its year picker) and the site's years.
func unitKey(sums []string, deptYears, siteYears []int) string {
	parts := append([]string(nil), sums...)
	parts = append(parts, fmt.Sprint(deptYears), fmt.Sprint(siteYears))
	return hashOf(parts...)
}

// unitInputs are the files of a department-year, besides its data file:
// its explanation in each language and its published documents.
func unitInputs(rel string, langs []string) []string {
	year, id := yearID(rel)
	out := []string{rel}
	for _, l := range langs {
		out = append(out, "content/"+l+"/"+year+"/"+id+".md")
	}
	for _, ext := range render.OriginalExts {
		out = append(out, "data/"+year+"/"+id+"."+ext)
	}
	return out
}

// yearID splits data/<year>/<id>.yaml.
func yearID(rel string) (year, id string) {
	parts := strings.Split(rel, "/")
	return parts[1], strings.TrimSuffix(parts[2], ".yaml")
}
