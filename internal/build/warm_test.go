package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"budgetpress/internal/testsite"
)

// warmBase is a generated site of 4 departments × 3 years, made once
// and copied for each case.
var (
	warmOnce sync.Once
	warmDir  string
)

func warmSite(t *testing.T) string {
	t.Helper()
	warmOnce.Do(func() {
		dir, err := os.MkdirTemp("", "budgetpress-warm-")
		if err != nil {
			t.Fatal(err)
		}
		warmDir = filepath.Join(dir, "site")
		if err := os.CopyFS(warmDir, os.DirFS(testsite.Generated(t, filepath.Join("..", ".."), 4, 3))); err != nil {
			t.Fatal(err)
		}
	})
	return testsite.Copy(t, warmDir)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if warmDir != "" {
		os.RemoveAll(filepath.Dir(warmDir))
	}
	os.Exit(code)
}

// The department-year the cases change, and its files.
const (
	warmData = "data/2025/changji-egov.yaml"
	warmZH   = "content/zh/2025/changji-egov.md"
	warmEN   = "content/en/2025/changji-egov.md"
)

// TestWarmBuildMatchesCold builds a site with the cache, changes it,
// builds it again with the cache into the same folder, and compares
// every file and the report with those of a cold build of the changed
// site into a new folder.
func TestWarmBuildMatchesCold(t *testing.T) {
	copyFile := func(t *testing.T, dir, from, to string) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(from)))
		if err != nil {
			t.Fatal(err)
		}
		testsite.Write(t, filepath.Join(dir, filepath.FromSlash(to)), data)
	}
	rename := func(t *testing.T, dir, from, to string) {
		if err := os.Rename(filepath.Join(dir, filepath.FromSlash(from)), filepath.Join(dir, filepath.FromSlash(to))); err != nil {
			t.Fatal(err)
		}
	}
	remove := func(t *testing.T, dir string, files ...string) {
		for _, f := range files {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(f))); err != nil {
				t.Fatal(err)
			}
		}
	}
	appendTo := func(t *testing.T, dir, file, text string) {
		p := filepath.Join(dir, filepath.FromSlash(file))
		data, _ := os.ReadFile(p)
		testsite.Write(t, p, append(data, text...))
	}
	theme := func(name string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "..", "layouts", name))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	pdf, err := os.ReadFile(filepath.Join("testdata", "original", "fixture.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		before Options // options of the first build, besides Dir and Out
		opt    Options // options of the second
		change func(t *testing.T, dir, out string)
		want   string // "warm", or the start of the cold build's note
	}{
		{name: "nothing changed", change: func(t *testing.T, dir, out string) {}, want: "warm"},
		{name: "a figure", change: func(t *testing.T, dir, out string) {
			data, _ := os.ReadFile(filepath.Join(dir, warmData))
			s := string(data)
			i := strings.Index(s, "\nprior:")
			j := strings.Index(s[i:], "total: ") + i + len("total: ")
			k := strings.IndexAny(s[j:], ". \n") + j
			testsite.Write(t, filepath.Join(dir, warmData), []byte(s[:j]+"1"+s[j:k]+s[k:]))
		}, want: "warm"},
		{name: "a name", change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "en: Changji Prefecture E-Government", "en: Changji Prefecture e-Government")
		}, want: "warm"},
		{name: "the full name, in an older year", change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, "data/2024/changji-egov.yaml", "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "warm"},
		{name: "the full name, with gzip", before: Options{Gzip: true}, opt: Options{Gzip: true}, change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "warm"},
		{name: "a date", change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "published: 2025-", "published: 2024-")
		}, want: "warm"},
		{name: "an error", change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "published: 2025-", "published: 20x5-")
		}, want: "warm"},
		{name: "a department file added", change: func(t *testing.T, dir, out string) {
			copyFile(t, dir, warmData, "data/2025/zz-copy.yaml")
			copyFile(t, dir, warmZH, "content/zh/2025/zz-copy.md")
		}, want: "warm"},
		{name: "a department file removed", change: func(t *testing.T, dir, out string) {
			remove(t, dir, warmData, warmZH, warmEN)
		}, want: "warm"},
		{name: "a department's year removed", change: func(t *testing.T, dir, out string) {
			remove(t, dir, "data/2024/changji-egov.yaml", "content/zh/2024/changji-egov.md", "content/en/2024/changji-egov.md")
		}, want: "warm"},
		{name: "a department file renamed", change: func(t *testing.T, dir, out string) {
			rename(t, dir, warmData, "data/2025/aa-renamed.yaml")
			rename(t, dir, warmZH, "content/zh/2025/aa-renamed.md")
			rename(t, dir, warmEN, "content/en/2025/aa-renamed.md")
		}, want: "warm"},
		{name: "an explanation in Chinese", change: func(t *testing.T, dir, out string) {
			appendTo(t, dir, warmZH, "\n\n### 补充说明\n\n新增一段说明文字。\n")
		}, want: "warm"},
		{name: "an explanation in English", change: func(t *testing.T, dir, out string) {
			appendTo(t, dir, warmEN, "\n\n### A note\n\nA new paragraph.\n")
		}, want: "warm"},
		{name: "an explanation removed", change: func(t *testing.T, dir, out string) {
			remove(t, dir, warmEN)
		}, want: "warm"},
		{name: "an explanation added", change: func(t *testing.T, dir, out string) {
			remove(t, dir, warmEN)
			Run(Options{Dir: dir, Out: out, Fingerprint: true, Cache: true})
			copyFile(t, dir, warmZH, warmEN)
		}, want: "warm"},
		{name: "an explanation of no department", change: func(t *testing.T, dir, out string) {
			copyFile(t, dir, warmZH, "content/zh/2025/nobody.md")
		}, want: "cold: an explanation"},
		{name: "a published document", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "data", "2025", "changji-egov.pdf"), pdf)
		}, want: "warm"},
		{name: "a published document changed", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "data", "2025", "changji-egov.pdf"), pdf)
			Run(Options{Dir: dir, Out: out, Fingerprint: true, Cache: true})
			testsite.Write(t, filepath.Join(dir, "data", "2025", "changji-egov.pdf"), append(bytes.Clone(pdf), "\n%%EOF\n"...))
		}, want: "warm"},
		{name: "site.yaml", change: func(t *testing.T, dir, out string) {
			appendTo(t, dir, "site.yaml", "\n# a comment\n")
		}, want: "cold: the program"},
		{name: "the classification", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "data", "classification.yaml"), []byte("# nothing added\n"))
		}, want: "cold: the program"},
		{name: "a layout", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "layouts", "department.html"), append(theme("department.html"), "\n"...))
		}, want: "cold: the program"},
		{name: "a page template of its own", before: Options{Dir: "home.html"}, change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "en: Changji Prefecture E-Government", "en: Changji Prefecture e-Government")
		}, want: "cold: the site has its own page template layouts/home.html"},
		{name: "an asset", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "layouts", "assets", "site.css"), append(theme("assets/site.css"), "\n/* more */\n"...))
		}, want: "cold: the program"},
		{name: "a static file", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(dir, "static", "robots.txt"), []byte("User-agent: *\n"))
		}, want: "cold: the program"},
		{name: "the base path", opt: Options{BasePath: "/zwgk/"}, change: func(t *testing.T, dir, out string) {}, want: "cold: the program"},
		{name: "gzip", opt: Options{Gzip: true}, change: func(t *testing.T, dir, out string) {}, want: "cold: the program"},
		{name: "a figure, with gzip", before: Options{Gzip: true}, opt: Options{Gzip: true}, change: func(t *testing.T, dir, out string) {
			appendTo(t, dir, warmZH, "\n\n新增一段说明文字。\n")
		}, want: "warm"},
		{name: "a truncated cache", change: func(t *testing.T, dir, out string) {
			name := cachePath(dir, out)
			data, _ := os.ReadFile(name)
			os.WriteFile(name, data[:len(data)/2], 0o644)
		}, want: "cold: the build cache is damaged"},
		{name: "a garbage cache", change: func(t *testing.T, dir, out string) {
			os.WriteFile(cachePath(dir, out), []byte("garbage\n"), 0o644)
		}, want: "cold: the build cache is damaged"},
		{name: "damaged figures in the cache", change: func(t *testing.T, dir, out string) {
			for _, e := range figureEntries(t, dir, out) {
				data, _ := os.ReadFile(e)
				os.WriteFile(e, data[:len(data)-3], 0o644)
			}
			testsite.Replace(t, dir, warmData, "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "cold: figures of the cache are damaged"},
		// A rule about several files: found among all of them, those not
		// loaded by the names the cache keeps.
		{name: "a department named as another", change: func(t *testing.T, dir, out string) {
			name := filepath.Join(dir, filepath.FromSlash(warmData))
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			zh := regexp.MustCompile(`(?m)^(  name:\n    zh: ).*$`)
			if !zh.Match(src) {
				t.Fatalf("%s: no department name", warmData)
			}
			testsite.Write(t, name, zh.ReplaceAll(src, []byte("${1}"+otherName(t, dir, "zh"))))
		}, want: "warm"},
		{name: "an English name of another", change: func(t *testing.T, dir, out string) {
			testsite.Replace(t, dir, warmData, "    en: E-Government Office of the People's Government of Changji Hui Autonomous Prefecture", "    en: "+otherName(t, dir, "en"))
		}, want: "warm"},
		// Sealed whole, but not figures: the bulk files would lay out
		// those of the summaries that stand for the files not loaded.
		{name: "figures of the cache that do not decode", change: func(t *testing.T, dir, out string) {
			for _, e := range figureEntries(t, dir, out) {
				if err := writeSealed(e, map[string][]byte{"zh": []byte("not figures"), "en": {}}); err != nil {
					t.Fatal(err)
				}
			}
			testsite.Replace(t, dir, warmData, "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "cold: figures of the cache are damaged"},
		{name: "damaged search documents in the cache", change: func(t *testing.T, dir, out string) {
			entries, _ := filepath.Glob(filepath.Join(cacheFolder(dir, out), "search", "*.gob"))
			for _, e := range entries {
				os.WriteFile(e, []byte("garbage"), 0o644)
			}
			testsite.Replace(t, dir, warmData, "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "cold: a search entry of the cache is damaged"},
		{name: "a cache of another version", change: func(t *testing.T, dir, out string) {
			name := cachePath(dir, out)
			c, err := readCache(name)
			if err != nil {
				t.Fatal(err)
			}
			c.Tool = "another"
			writeCache(name, c)
		}, want: "cold: the build cache is damaged"},
		{name: "a page edited by hand", change: func(t *testing.T, dir, out string) {
			appendTo(t, out, "index.html", "<!-- edited -->")
		}, want: "cold: the output folder"},
		{name: "a file left by a killed warm build", change: func(t *testing.T, dir, out string) {
			testsite.Write(t, filepath.Join(out, "2025", tempFile+"123"), []byte("<html>"))
		}, want: "cold: the output folder"},
		{name: "a page removed by hand", change: func(t *testing.T, dir, out string) {
			remove(t, out, "2025/index.html")
		}, want: "cold: the output folder"},
		// The output is stated while the edit is loaded and made: what
		// was made from a damaged folder (the search index is patched
		// from it) is thrown away.
		{name: "a search file edited by hand, and a department", change: func(t *testing.T, dir, out string) {
			shards, _ := filepath.Glob(filepath.Join(out, "search", "i", "t", "*.js"))
			if len(shards) == 0 {
				t.Fatal("no search shards")
			}
			for _, s := range shards {
				os.WriteFile(s, []byte("garbage"), 0o644)
			}
			testsite.Replace(t, dir, warmData, "en: E-Government Office of the People's", "en: The E-Government Office of the People's")
		}, want: "cold: the output folder"},
		{name: "a page removed by hand, and a department edited", change: func(t *testing.T, dir, out string) {
			remove(t, out, "2025/index.html")
			testsite.Replace(t, dir, warmData, "published: 2025-", "published: 2024-")
		}, want: "cold: the output folder"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := warmSite(t)
			out := filepath.Join(t.TempDir(), "public")
			opts := func(o Options, out string, cache bool) Options {
				o.Dir, o.Out, o.Fingerprint, o.Cache = dir, out, true, cache
				return o
			}
			if c.before.Dir != "" {
				// A template of the site's own, before the first build.
				testsite.Write(t, filepath.Join(dir, "layouts", c.before.Dir), append(theme(c.before.Dir), "<!-- ours -->\n"...))
				c.before.Dir = ""
			}
			first := Run(opts(c.before, out, true))
			if first.Diags.HasErrors() || !strings.HasPrefix(first.Cache, "cold: ") {
				t.Fatalf("first build: %q %v", first.Cache, first.Diags)
			}
			c.change(t, dir, out)
			before := readTree(t, out)
			warm := Run(opts(c.opt, out, true))
			if !strings.HasPrefix(warm.Cache, c.want) {
				t.Errorf("the build was %q, want %q", warm.Cache, c.want)
			}
			ref := filepath.Join(t.TempDir(), "public")
			cold := Run(opts(c.opt, ref, false))
			sameReport(t, warm, cold)
			if cold.Diags.HasErrors() {
				// Nothing published: the output is as it was.
				sameFiles(t, readTree(t, out), before)
				return
			}
			sameTree(t, out, ref)
		})
	}
}

// sameReport fails when a warm build reported other findings, texts
// without a translation or counts than a cold one.
func sameReport(t *testing.T, warm, cold Result) {
	t.Helper()
	if w, c := fmt.Sprint(warm.Diags.Grouped()), fmt.Sprint(cold.Diags.Grouped()); w != c {
		t.Errorf("findings differ:\nwarm: %s\ncold: %s", w, c)
	}
	if !reflect.DeepEqual(warm.Untranslated, cold.Untranslated) {
		t.Errorf("untranslated texts differ:\nwarm: %v\ncold: %v", warm.Untranslated, cold.Untranslated)
	}
	if warm.Pages != cold.Pages || warm.Files != cold.Files || warm.Bytes != cold.Bytes {
		t.Errorf("warm build: %d pages, %d files, %d bytes; cold: %d, %d, %d", warm.Pages, warm.Files, warm.Bytes, cold.Pages, cold.Files, cold.Bytes)
	}
}

// sameTree fails when two folders do not hold the same files, byte for
// byte.
func sameTree(t *testing.T, a, b string) {
	t.Helper()
	sameFiles(t, readTree(t, a), readTree(t, b))
}

func sameFiles(t *testing.T, fa, fb map[string][]byte) {
	t.Helper()
	var diffs []string
	for p, d := range fa {
		if e, ok := fb[p]; !ok {
			diffs = append(diffs, "only in the warm build: "+p)
		} else if !bytes.Equal(d, e) {
			diffs = append(diffs, "differs: "+p)
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			diffs = append(diffs, "only in the cold build: "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 10 {
		diffs = append(diffs[:10], fmt.Sprintf("and %d more", len(diffs)-10))
	}
	if len(diffs) > 0 {
		t.Errorf("the warm build's files are not the cold build's:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestWarmBuildKeepsHandMadeFiles: a file put into the output folder by
// hand makes the next build cold, which refuses to replace the folder,
// as without the cache, and leaves the file there.
func TestWarmBuildKeepsHandMadeFiles(t *testing.T) {
	dir := warmSite(t)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Dir: dir, Out: out, Fingerprint: true, Cache: true}
	if res := Run(opt); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	mine := filepath.Join(out, "notice.pdf")
	testsite.Write(t, mine, []byte("%PDF"))
	testsite.Replace(t, dir, warmData, "published: 2025-", "published: 2024-")
	res := Run(opt)
	if !strings.HasPrefix(res.Cache, "cold: the output folder") {
		t.Errorf("the build was %q, want cold", res.Cache)
	}
	if !res.Diags.HasErrors() || !strings.Contains(res.Diags.Grouped()[0].Message, "holds a file that no build wrote") {
		t.Errorf("findings %v, want the refusal to replace a file no build wrote", res.Diags)
	}
	if data, err := os.ReadFile(mine); err != nil || string(data) != "%PDF" {
		t.Errorf("the file put there by hand: %q, %v", data, err)
	}
}

// TestWarmBuildWritesOnlyChanges: after an edit to the English name in
// one department file, a warm build rewrites that department-year's
// English page, and leaves its Chinese page, which does not show the
// English name, and the page of its other years as they were.
func TestWarmBuildWritesOnlyChanges(t *testing.T) {
	dir := warmSite(t)
	out := filepath.Join(t.TempDir(), "public")
	opt := Options{Dir: dir, Out: out, Fingerprint: true, Cache: true}
	if res := Run(opt); res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	mtime := func(rel string) time.Time {
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return st.ModTime()
	}
	edited, other := "en/2025/changji-egov/index.html", "en/2023/changji-egov/index.html"
	zh := "2025/changji-egov/index.html"
	before, otherBefore, zhBefore := mtime(edited), mtime(other), mtime(zh)
	time.Sleep(20 * time.Millisecond)
	testsite.Replace(t, dir, warmData, "en: Changji Prefecture E-Government", "en: Changji Prefecture e-Government")
	if res := Run(opt); res.Cache != "warm" || res.Diags.HasErrors() {
		t.Fatalf("%q %v", res.Cache, res.Diags)
	}
	if mtime(edited).Equal(before) {
		t.Errorf("%s was not written again", edited)
	}
	for rel, was := range map[string]time.Time{other: otherBefore, zh: zhBefore} {
		if !mtime(rel).Equal(was) {
			t.Errorf("%s was written again, though it did not change", rel)
		}
	}
}

// TestCacheFoldersOfGoneOutputs: a cold build removes the cache folders
// of output folders that are gone, and those of older versions, which
// name none; it keeps those of output folders still there.
func TestCacheFoldersOfGoneOutputs(t *testing.T) {
	dir := warmSite(t)
	tmp := t.TempDir()
	one, two := filepath.Join(tmp, "one"), filepath.Join(tmp, "two")
	build := func(out string) {
		t.Helper()
		res := Run(Options{Dir: dir, Out: out, Fingerprint: true, Cache: true})
		if res.Diags.HasErrors() || !strings.HasPrefix(res.Cache, "cold: ") {
			t.Fatalf("build into %s: %q %v", out, res.Cache, res.Diags)
		}
	}
	exists := func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	}
	build(one)
	build(two)
	if !exists(cacheFolder(dir, one)) || !exists(cacheFolder(dir, two)) {
		t.Fatal("the cache folders of two output folders that are there should both be kept")
	}
	older := filepath.Join(dir, filepath.FromSlash(CacheDir), "0123456789ab")
	testsite.Write(t, filepath.Join(older, "build.gob"), []byte("an older version's"))
	if err := os.RemoveAll(one); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(two); err != nil {
		t.Fatal(err)
	}
	build(two) // cold: its output folder is gone
	if exists(cacheFolder(dir, one)) {
		t.Error("the cache folder of a gone output folder is kept")
	}
	if exists(older) {
		t.Error("the cache folder of an older version is kept")
	}
	if !exists(cachePath(dir, two)) {
		t.Error("the cache of the build is gone")
	}
}

// otherName returns the name in lang of another department of the year
// of warmData.
func otherName(t *testing.T, dir, lang string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, filepath.Dir(filepath.FromSlash(warmData)), "*.yaml"))
	name := regexp.MustCompile(`(?m)^  name:\n    zh: (.*)\n    en: (.*)$`)
	for _, f := range files {
		if filepath.Base(f) == filepath.Base(warmData) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := name.FindSubmatch(src); m != nil {
			if lang == "zh" {
				return string(m[1])
			}
			return string(m[2])
		}
	}
	t.Fatalf("no other department file in the year of %s", warmData)
	return ""
}

// figureEntries lists the cache's files of figures of the build of dir
// into out; there must be some.
func figureEntries(t *testing.T, dir, out string) []string {
	t.Helper()
	entries, _ := filepath.Glob(filepath.Join(cacheFolder(dir, out), "figures", "*.gob"))
	if len(entries) == 0 {
		t.Fatal("the cache keeps no figures")
	}
	return entries
}
