// Package release builds the archives that editors download: budgetpress
// cross-compiled for each target, with the licences of what the program
// contains and a short text on how to install it, packed so that two
// builds of the same source give the same bytes, and their SHA-256 sums.
package release

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Target is an operating system and processor to build for.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// Targets are the builds a release has: Windows PCs, Linux servers of
// both processors, and Macs with Apple processors.
var Targets = []Target{{"windows", "amd64"}, {"linux", "amd64"}, {"linux", "arm64"}, {"darwin", "arm64"}}

// Options say what to build.
type Options struct {
	Version string   // the release, like 1.2.0
	Root    string   // the source tree (the folder of go.mod)
	Out     string   // where the archives and SHA256SUMS are written
	Targets []Target // Targets when empty
	// Time is the modification time of every file in the archives.
	Time time.Time
	Log  io.Writer // progress, one line per archive; nothing when nil
}

var versionPattern = regexp.MustCompile(`^v?[0-9]+(\.[0-9]+)*([-+.][0-9A-Za-z.-]+)?$`)

// Build cross-compiles budgetpress for each target, packs each build into
// Out (a zip for Windows, a tar.gz for the others) and writes
// SHA256SUMS there. It returns the archives' names.
func Build(opt Options) ([]string, error) {
	if !versionPattern.MatchString(opt.Version) {
		return nil, fmt.Errorf("%q is not a version: give one like 1.2.0", opt.Version)
	}
	if len(opt.Targets) == 0 {
		opt.Targets = Targets
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if err := os.MkdirAll(opt.Out, 0o777); err != nil {
		return nil, err
	}
	work, err := os.MkdirTemp("", "budgetpress-release-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(work)
	sums := map[string][]byte{}
	var names []string
	for _, t := range opt.Targets {
		name, data, err := archive(opt, t, work)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", t, err)
		}
		if err := os.WriteFile(filepath.Join(opt.Out, name), data, 0o666); err != nil {
			return nil, err
		}
		sum := sha256.Sum256(data)
		sums[name] = sum[:]
		names = append(names, name)
		fmt.Fprintf(opt.Log, "%s  %d bytes\n", filepath.Join(opt.Out, name), len(data))
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%x  %s\n", sums[n], n)
	}
	if err := os.WriteFile(filepath.Join(opt.Out, "SHA256SUMS"), []byte(b.String()), 0o666); err != nil {
		return nil, err
	}
	return names, nil
}

// An entry is one file of an archive.
type entry struct {
	name string // inside the archive's top folder, with slashes
	data []byte
	exec bool
}

// archive builds the archive of target t: its name and bytes.
func archive(opt Options, t Target, work string) (string, []byte, error) {
	base := fmt.Sprintf("budgetpress-%s-%s-%s", strings.TrimPrefix(opt.Version, "v"), t.OS, t.Arch)
	exe := "budgetpress"
	if t.OS == "windows" {
		exe += ".exe"
	}
	bin := filepath.Join(work, base, exe)
	if err := compile(opt, t, bin); err != nil {
		return "", nil, err
	}
	prog, err := os.ReadFile(bin)
	if err != nil {
		return "", nil, err
	}
	files := []entry{{name: exe, data: prog, exec: true}}
	text := install(opt.Version, t)
	if t.OS == "windows" {
		text = strings.ReplaceAll(text, "\n", "\r\n") // for Notepad
	}
	files = append(files, entry{name: "README.txt", data: []byte(text)})
	lic, err := licences(opt.Root, t)
	if err != nil {
		return "", nil, err
	}
	files = append(files, lic...)
	var data []byte
	if t.OS == "windows" {
		data, err = zipOf(base, files, opt.Time)
		base += ".zip"
	} else {
		data, err = tarGzOf(base, files, opt.Time)
		base += ".tar.gz"
	}
	return base, data, err
}

// compile builds budgetpress for t into bin, reproducibly: no paths of
// this machine, no version-control stamp, an empty build id, no C.
func compile(opt Options, t Target, bin string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X budgetpress/internal/cli.Version="+opt.Version,
		"-o", bin, "./cmd/budgetpress")
	cmd.Dir = opt.Root
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0", "GOFLAGS=-mod=readonly")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	return nil
}

// licences returns the licence files of what the build for t contains:
// Go's own, each module it links, and the ECharts library the theme
// embeds, under licenses/.
func licences(root string, t Target) ([]entry, error) {
	var out []entry
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	if e, ok := read(filepath.Join(strings.TrimSpace(string(goroot)), "LICENSE"), "licenses/go/LICENSE"); ok {
		out = append(out, e)
	}
	cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Dir}}{{end}}{{end}}", "./cmd/budgetpress")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS="+t.OS, "GOARCH="+t.Arch, "CGO_ENABLED=0")
	list, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %v", err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(list)), "\n") {
		mod, dir, ok := strings.Cut(line, "\t")
		if !ok || seen[mod] {
			continue
		}
		seen[mod] = true
		found := false
		for _, name := range []string{"LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING", "NOTICE"} {
			if e, ok := read(filepath.Join(dir, name), path.Join("licenses", mod, name)); ok {
				out = append(out, e)
				found = found || name != "NOTICE"
			}
		}
		if !found {
			return nil, fmt.Errorf("module %s has no licence file in %s", mod, dir)
		}
	}
	echarts := filepath.Join(root, "layouts", "assets", "vendor", "echarts")
	for _, name := range []string{"LICENSE", "NOTICE", "licenses/LICENSE-d3"} {
		e, ok := read(filepath.Join(echarts, filepath.FromSlash(name)), path.Join("licenses", "echarts", name))
		if !ok {
			return nil, fmt.Errorf("missing %s", filepath.Join(echarts, name))
		}
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func read(src, name string) (entry, bool) {
	data, err := os.ReadFile(src)
	return entry{name: name, data: data}, err == nil
}

// zipOf packs files under the folder base into a zip archive.
func zipOf(base string, files []entry, mod time.Time) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: base + "/" + f.name, Method: zip.Deflate, Modified: mod.UTC()}
		h.SetMode(mode(f))
		fw, err := w.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(f.data); err != nil {
			return nil, err
		}
	}
	err := w.Close()
	return buf.Bytes(), err
}

// tarGzOf packs files under the folder base into a gzip-compressed tar
// archive, owned by nobody in particular (uid and gid 0, no names).
func tarGzOf(base string, files []entry, mod time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	w := tar.NewWriter(gz)
	for _, f := range files {
		h := &tar.Header{Typeflag: tar.TypeReg, Name: base + "/" + f.name, Size: int64(len(f.data)),
			Mode: int64(mode(f)), ModTime: mod.UTC().Truncate(time.Second), Format: tar.FormatPAX}
		if err := w.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	err = gz.Close()
	return buf.Bytes(), err
}

func mode(f entry) os.FileMode {
	if f.exec {
		return 0o755
	}
	return 0o644
}
