package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The Hugo comparison: the pages budgetpress built, each page's <main>
// taken as the content of a Hugo page (HTML content files, which Hugo
// publishes as they are) and wrapped by a layout with the same head,
// header and footer. Hugo then writes the same pages, bytes and folders
// without computing a single table: a lower bound of what Hugo would take
// for this site, so the ratio flatters Hugo.

var (
	mainRe  = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
	titleRe = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
)

// hugoSite writes into dir a Hugo site made of the built pages in public.
func hugoSite(public, dir string) (pages int, err error) {
	layout := ""
	err = filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(public, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m := mainRe.FindSubmatch(data)
		t := titleRe.FindSubmatch(data)
		if m == nil || t == nil {
			return nil
		}
		if layout == "" {
			// One page's head, header and footer make the layout.
			before, after, _ := bytes.Cut(data, m[0])
			layout = string(before) + "{{ .Content }}" + string(after)
			layout = strings.Replace(layout, string(t[1]), "{{ .Title }}", 1)
		}
		// Every page a branch bundle, so that pages below pages (a year's
		// departments) are published too.
		target := filepath.Join(dir, "content", filepath.FromSlash(path.Dir(rel)), "_index.html")
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		front := fmt.Sprintf("---\ntitle: %q\n---\n", string(t[1]))
		pages++
		return os.WriteFile(target, append([]byte(front), m[1]...), 0o644)
	})
	if err != nil {
		return 0, err
	}
	for _, name := range []string{"single.html", "list.html"} {
		p := filepath.Join(dir, "layouts", "_default", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return 0, err
		}
		if err := os.WriteFile(p, []byte(layout), 0o644); err != nil {
			return 0, err
		}
	}
	// The assets as static files, as budgetpress copies them.
	if err := os.CopyFS(filepath.Join(dir, "static", "assets"), os.DirFS(filepath.Join(public, "assets"))); err != nil {
		return 0, err
	}
	cfg := "baseURL = 'https://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n"
	return pages, os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(cfg), 0o644)
}

// compareHugo measures hugo building the pages of the site last built
// into public, median of runs.
func compareHugo(hugo, tmp, public string, runs int) error {
	dir := filepath.Join(tmp, "hugo-site")
	pages, err := hugoSite(public, dir)
	if err != nil {
		return fmt.Errorf("making the Hugo site: %v", err)
	}
	var ss []sample
	for range runs {
		out := filepath.Join(tmp, "hugo-public")
		os.RemoveAll(out)
		cmd := exec.Command(hugo, "--quiet", "--source", dir, "--destination", out)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("hugo: %v\n%s", err, stderr.String())
		}
		wall := time.Since(start)
		st := cmd.ProcessState
		ss = append(ss, sample{wall: wall, cpu: st.UserTime() + st.SystemTime(), rssMB: peakMB(st)})
	}
	version, _ := exec.Command(hugo, "version").Output()
	h := median(ss)
	fmt.Printf("\nHugo (%s) writing the same %d pages from their finished HTML (no tables computed; a lower bound for Hugo): %s wall, %s CPU, %.0f MB peak\n",
		strings.Fields(string(version))[1], pages, secs(h.wall), secs(h.cpu), h.rssMB)
	return nil
}
