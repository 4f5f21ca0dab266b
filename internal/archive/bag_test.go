package archive_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"budgetpress/internal/archive"
)

// TestExportBag exports a snapshot as a BagIt bag, checks it as an
// archivist's validator would (RFC 8493), and checks that the validator
// catches a payload file changed afterwards.
func TestExportBag(t *testing.T) {
	b := buildExample(t)
	st := open(t, "file://"+t.TempDir())
	m := snapshot(t, st, b).Manifest
	dir := filepath.Join(t.TempDir(), "bag")
	info := archive.BagInfo{SourceOrganization: "昌吉回族自治州人民政府", Contact: "archive@cj.gov.cn", Date: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)}
	if err := archive.ExportBag(context.Background(), st, m, dir, info, nil); err != nil {
		t.Fatal(err)
	}
	fields := validateBag(t, dir)
	want := map[string]string{
		"Source-Organization": "昌吉回族自治州人民政府",
		"Contact-Email":       "archive@cj.gov.cn",
		"External-Identifier": m.ID,
		"Bagging-Date":        "2025-03-01",
		"Payload-Oxum":        fmt.Sprintf("%d.%d", m.Bytes(), m.Files()),
	}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("bag-info.txt %s: %q, want %q", k, fields[k], v)
		}
	}
	if err := archive.ExportBag(context.Background(), st, m, dir, info, nil); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("export into a full folder: %v", err)
	}

	// The validator can fail: change one payload byte.
	page := filepath.Join(dir, "data", "public", "index.html")
	src, _ := os.ReadFile(page)
	src[len(src)-2] ^= 1
	os.WriteFile(page, src, 0o644)
	if errs := bagErrors(dir); len(errs) != 2 || !strings.Contains(errs[0], "data/public/index.html") {
		t.Errorf("after changing a payload file the validator says %q; want the SHA-256 and SHA-512 of data/public/index.html wrong", errs)
	}
}

// validateBag fails the test unless dir is a valid bag, and returns the
// fields of bag-info.txt.
func validateBag(t *testing.T, dir string) map[string]string {
	t.Helper()
	for _, e := range bagErrors(dir) {
		t.Error(e)
	}
	fields := map[string]string{}
	for _, line := range lines(t, filepath.Join(dir, "bag-info.txt")) {
		k, v, _ := strings.Cut(line, ": ")
		fields[k] = v
	}
	return fields
}

// bagErrors checks a bag as RFC 8493 §3 asks: bagit.txt first; every
// payload file in every payload manifest with the right checksum and
// nothing listed that is not there; the Payload-Oxum; and the tag
// manifest's checksums of the tag files.
func bagErrors(dir string) []string {
	var errs []string
	bagit, err := os.ReadFile(filepath.Join(dir, "bagit.txt"))
	if err != nil || string(bagit) != "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n" {
		errs = append(errs, fmt.Sprintf("bagit.txt is %q (%v)", bagit, err))
	}
	payload := map[string]bool{}
	var octets int64
	filepath.WalkDir(filepath.Join(dir, "data"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			payload[filepath.ToSlash(rel)] = true
			st, _ := e.Info()
			octets += st.Size()
		}
		return nil
	})
	for _, alg := range []struct {
		name string
		h    func() hash.Hash
	}{{"sha256", sha256.New}, {"sha512", sha512.New}} {
		listed := map[string]bool{}
		for _, line := range readLines(filepath.Join(dir, "manifest-"+alg.name+".txt"), &errs) {
			sum, name, ok := strings.Cut(line, "  ")
			name = decodeBagPath(name)
			if !ok || !strings.HasPrefix(name, "data/") {
				errs = append(errs, "manifest-"+alg.name+".txt: bad line "+line)
				continue
			}
			if listed[name] {
				errs = append(errs, "manifest-"+alg.name+".txt lists "+name+" twice")
			}
			listed[name] = true
			if got := fileSum(filepath.Join(dir, filepath.FromSlash(name)), alg.h); got != sum {
				errs = append(errs, fmt.Sprintf("%s: %s is %s, the manifest says %s", name, alg.name, got, sum))
			}
		}
		for p := range payload {
			if !listed[p] {
				errs = append(errs, "manifest-"+alg.name+".txt does not list "+p)
			}
		}
	}
	for _, line := range readLines(filepath.Join(dir, "bag-info.txt"), &errs) {
		if v, ok := strings.CutPrefix(line, "Payload-Oxum: "); ok && v != strconv.FormatInt(octets, 10)+"."+strconv.Itoa(len(payload)) {
			errs = append(errs, "Payload-Oxum "+v+" does not match the payload")
		}
	}
	tagged := map[string]bool{}
	for _, line := range readLines(filepath.Join(dir, "tagmanifest-sha256.txt"), &errs) {
		sum, name, _ := strings.Cut(line, "  ")
		tagged[name] = true
		if got := fileSum(filepath.Join(dir, name), sha256.New); got != sum {
			errs = append(errs, "tagmanifest-sha256.txt: "+name+" does not match")
		}
	}
	for _, f := range []string{"bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"} {
		if !tagged[f] {
			errs = append(errs, "tagmanifest-sha256.txt does not list "+f)
		}
	}
	return errs
}

func decodeBagPath(p string) string {
	return strings.NewReplacer("%0A", "\n", "%0D", "\r", "%25", "%").Replace(p)
}

func fileSum(p string, h func() hash.Hash) string {
	data, err := os.ReadFile(p)
	if err != nil {
		return "(missing)"
	}
	x := h()
	x.Write(data)
	return hex.EncodeToString(x.Sum(nil))
}

func readLines(p string, errs *[]string) []string {
	data, err := os.ReadFile(p)
	if err != nil {
		*errs = append(*errs, err.Error())
		return nil
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

func lines(t *testing.T, p string) []string {
	var errs []string
	out := readLines(p, &errs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return out
}
