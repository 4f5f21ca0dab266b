package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// build builds the release for targets into a new folder and returns it.
func build(t *testing.T, targets ...Target) string {
	t.Helper()
	out := t.TempDir()
	_, err := Build(Options{Version: "1.2.3", Root: filepath.Join("..", ".."), Out: out, Targets: targets,
		Time: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func needGo(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to cross-compile with")
	}
	if testing.Short() {
		t.Skip("builds budgetpress; skipped with -short")
	}
}

// TestReproducible builds twice and compares the bytes of the archives
// and of SHA256SUMS.
func TestReproducible(t *testing.T) {
	needGo(t)
	target := Target{"linux", "arm64"}
	if runtime.GOOS == "windows" {
		target = Target{"windows", "amd64"}
	}
	a, b := build(t, target), build(t, target)
	for _, name := range []string{"budgetpress-1.2.3-" + target.OS + "-" + target.Arch + ext(target), "SHA256SUMS"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same source", name)
		}
	}
}

func ext(t Target) string {
	if t.OS == "windows" {
		return ".zip"
	}
	return ".tar.gz"
}

// TestArchives checks what an editor unpacks: the program, the
// installation text and the licences, under one folder, and the
// program's version.
func TestArchives(t *testing.T) {
	needGo(t)
	host := Target{runtime.GOOS, runtime.GOARCH}
	win := Target{"windows", "amd64"}
	targets := []Target{win}
	if host != win {
		targets = append(targets, host)
	}
	out := build(t, targets...)
	sums, err := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		base := "budgetpress-1.2.3-" + tg.OS + "-" + tg.Arch
		if !strings.Contains(string(sums), "  "+base+ext(tg)+"\n") {
			t.Errorf("SHA256SUMS lacks %s:\n%s", base+ext(tg), sums)
		}
		files := unpack(t, filepath.Join(out, base+ext(tg)))
		exe := "budgetpress"
		if tg.OS == "windows" {
			exe += ".exe"
		}
		for _, want := range []string{exe, "README.txt", "licenses/go/LICENSE", "licenses/echarts/LICENSE",
			"licenses/echarts/NOTICE", "licenses/gopkg.in/yaml.v3/LICENSE", "licenses/github.com/yuin/goldmark/LICENSE"} {
			if _, ok := files[base+"/"+want]; !ok {
				t.Errorf("%s lacks %s; it has %v", base, want, keys(files))
			}
		}
		if !strings.Contains(string(files[base+"/README.txt"]), "new site 预算公开") {
			t.Errorf("%s/README.txt does not say how to start a site", base)
		}
		if tg == host {
			bin := filepath.Join(t.TempDir(), exe)
			if err := os.WriteFile(bin, files[base+"/"+exe], 0o755); err != nil {
				t.Fatal(err)
			}
			v, err := exec.Command(bin, "version").Output()
			if err != nil || !strings.HasPrefix(string(v), "budgetpress 1.2.3 (") {
				t.Errorf("%s version = %q, %v; want budgetpress 1.2.3 (…", exe, v, err)
			}
		}
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// unpack returns the files of an archive by name.
func unpack(t *testing.T, name string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if strings.HasSuffix(name, ".zip") {
		r, err := zip.OpenReader(name)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for _, f := range r.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			files[f.Name], _ = io.ReadAll(rc)
			rc.Close()
		}
		return files
	}
	fh, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	gz, err := gzip.NewReader(fh)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" {
			t.Errorf("%s is owned by %d/%d %q; want nobody in particular", h.Name, h.Uid, h.Gid, h.Uname)
		}
		files[h.Name], _ = io.ReadAll(tr)
	}
	return files
}

// TestBadVersion refuses a version that would make odd file names.
func TestBadVersion(t *testing.T) {
	_, err := Build(Options{Version: "1.2 beta", Out: t.TempDir()})
	if err == nil || err.Error() != `"1.2 beta" is not a version: give one like 1.2.0` {
		t.Errorf("Build(1.2 beta) = %v", err)
	}
}
