package archive

import (
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"budgetpress/internal/blobstore"
)

// BagInfo are the descriptive fields of an exported bag.
type BagInfo struct {
	SourceOrganization string // the publishing government website
	Contact            string // an e-mail address goes in Contact-Email, anything else in Contact-Name
	Date               time.Time
}

// ManifestTagFile is the tag file of a bag that holds the snapshot's own
// manifest.
const ManifestTagFile = "budgetpress-manifest.json"

// ExportBag writes snapshot m as a BagIt bag (RFC 8493, version 1.0)
// into dir, which must be new or empty: the restored snapshot is the
// payload under data/, listed with SHA-256 and SHA-512 sums; bag-info.txt
// describes it; the snapshot's manifest is a tag file; and
// tagmanifest-sha256.txt lists the tag files.
func ExportBag(ctx context.Context, st *blobstore.Store, m *Manifest, dir string, info BagInfo, progress func(Progress)) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: export into a new or empty folder", dir)
	}
	if err := Restore(ctx, st, m, filepath.Join(dir, "data"), progress); err != nil {
		return err
	}
	var lines256, lines512 []string
	var octets int64
	var count int
	err := eachEntry(m, func(rel string, e Entry) error {
		data, err := os.ReadFile(filepath.Join(dir, "data", filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		s512 := sha512.Sum512(data)
		name := "data/" + bagPath(rel)
		lines256 = append(lines256, e.SHA256+"  "+name)
		lines512 = append(lines512, hex.EncodeToString(s512[:])+"  "+name)
		octets += int64(len(data))
		count++
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(lines256)
	sort.Strings(lines512)
	date := info.Date
	if date.IsZero() {
		date = time.Now()
	}
	var bi strings.Builder
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&bi, "%s: %s\n", k, strings.Join(strings.Fields(v), " "))
		}
	}
	field("Source-Organization", info.SourceOrganization)
	if strings.Contains(info.Contact, "@") {
		field("Contact-Email", info.Contact)
	} else {
		field("Contact-Name", info.Contact)
	}
	field("External-Identifier", m.ID)
	field("External-Description", fmt.Sprintf("budgetpress snapshot of the %d department budgets: the published website (public/) and its sources; %s", m.Year, m.Tool))
	field("Bagging-Date", date.Format("2006-01-02"))
	field("Payload-Oxum", fmt.Sprintf("%d.%d", octets, count))
	field("Bag-Size", bagSize(octets))
	tags := []struct {
		name string
		data []byte
	}{
		{"bagit.txt", []byte("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")},
		{"bag-info.txt", []byte(bi.String())},
		{"manifest-sha256.txt", []byte(strings.Join(lines256, "\n") + "\n")},
		{"manifest-sha512.txt", []byte(strings.Join(lines512, "\n") + "\n")},
		{ManifestTagFile, m.encode()},
	}
	var tagLines []string
	for _, t := range tags {
		if err := os.WriteFile(filepath.Join(dir, t.name), t.data, 0o644); err != nil {
			return err
		}
		sum := sha256.Sum256(t.data)
		tagLines = append(tagLines, hex.EncodeToString(sum[:])+"  "+t.name)
	}
	sort.Strings(tagLines)
	return os.WriteFile(filepath.Join(dir, "tagmanifest-sha256.txt"), []byte(strings.Join(tagLines, "\n")+"\n"), 0o644)
}

// bagPath encodes a path for a manifest line as RFC 8493 §2.1.3 asks:
// percent signs, carriage returns and line feeds percent-encoded.
func bagPath(p string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(p)
}

func bagSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
