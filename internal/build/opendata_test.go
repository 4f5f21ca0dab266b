package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fixture is a small file in the form of a PDF that stands for a
// published document in the tests; it is no government document.
func fixture(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/original/fixture.pdf")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOriginalDocumentIsPublished puts a document beside the example's
// department file: it is published under opendata/ and linked on both
// department pages and the downloads pages with its size and SHA-256.
func TestOriginalDocumentIsPublished(t *testing.T) {
	dir := copySite(t, nil)
	doc := fixture(t)
	if err := os.WriteFile(filepath.Join(dir, "data/2024/changji-egov.pdf"), doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	tree := readTree(t, out)
	if got, ok := tree["opendata/2024/changji-egov.pdf"]; !ok || string(got) != string(doc) {
		t.Fatal("the document is not published as opendata/2024/changji-egov.pdf")
	}
	sum := sha256.Sum256(doc)
	hash := hex.EncodeToString(sum[:])
	size := strconv.Itoa(len(doc)) + " B"
	for page, want := range map[string]string{
		"2024/changji-egov/index.html":    `<a href="../../opendata/2024/changji-egov.pdf" download>公开文件原件 PDF</a> <span class="dl-size">(` + size + `)</span> <span class="sha256">SHA-256 <code>` + hash + `</code></span>`,
		"en/2024/changji-egov/index.html": `<a href="../../../opendata/2024/changji-egov.pdf" download>Original published document (PDF)</a> <span class="dl-size">(` + size + `)</span>`,
		"downloads/index.html":            `<a href="../opendata/2024/changji-egov.pdf" download><span class="visually-hidden">昌吉回族自治州人民政府电子政务办公室 </span>公开文件原件 PDF</a>`,
	} {
		if !strings.Contains(string(tree[page]), want) {
			t.Errorf("%s does not link the document as\n%s", page, want)
		}
	}
	if !strings.Contains(string(tree["opendata/catalog.json"]), `"sha256": "`+hash+`"`) || !strings.Contains(string(tree["opendata/SHA256SUMS"]), hash+"  2024/changji-egov.pdf\n") {
		t.Error("the catalogue or SHA256SUMS does not list the document")
	}
}

// TestBuilderFollowsTheOriginalDocument adds, changes and removes a
// published document while serving: each time the output is that of a
// fresh build.
func TestBuilderFollowsTheOriginalDocument(t *testing.T) {
	dir, b := newBuilder(t)
	const rel = "data/2024/changji-egov.pdf"
	if !Reads(rel) {
		t.Fatalf("Reads(%s) is false: the preview would not notice the document", rel)
	}
	doc := fixture(t)
	for _, step := range []struct {
		name string
		data []byte // nil: removed
	}{{"added", doc}, {"changed", append(doc, "% again\n"...)}, {"removed", nil}} {
		if step.data == nil {
			os.Remove(filepath.Join(dir, rel))
		} else if err := os.WriteFile(filepath.Join(dir, rel), step.data, 0o644); err != nil {
			t.Fatal(err)
		}
		o := b.Update([]string{rel})
		if !o.Built || o.Diags.HasErrors() {
			t.Fatalf("%s: built %v, findings:\n%s", step.name, o.Built, diagText(o))
		}
		if o := b.Settle(nil); !o.Built || o.Diags.HasErrors() {
			t.Fatalf("%s: settled %v, findings:\n%s", step.name, o.Built, diagText(o))
		}
		got, err := os.ReadFile(filepath.Join(b.Dir(), "opendata/2024/changji-egov.pdf"))
		if step.data == nil && err == nil || step.data != nil && string(got) != string(step.data) {
			t.Errorf("%s: the published document is %d bytes (%v)", step.name, len(got), err)
		}
		sameAsFreshBuild(t, dir, b)
	}
}

// TestDepartmentPageLinksItsDownloads checks the links beside each
// table and at the top of the page, with names that say which table.
func TestDepartmentPageLinksItsDownloads(t *testing.T) {
	dir := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	tree := readTree(t, out)
	zh, en := string(tree["2024/changji-egov/index.html"]), string(tree["en/2024/changji-egov/index.html"])
	for _, want := range []string{
		`<a href="../../2024/changji-egov/table-3.csv" download>表3 CSV</a>`,
		`<a href="../../2024/changji-egov/changji-egov-2024.xlsx" download>表3 Excel（全部表格工作簿中的“表3”工作表）</a>`,
		`<a href="../../2024/changji-egov/changji-egov-2024.xlsx" download>全部表格 Excel</a>`,
		`<a href="../../opendata/2024/changji-egov.json" download>完整数据 JSON</a>`,
		`<a href="../../opendata/2024/changji-egov/datapackage.json" download>财政数据包</a>`,
		`<a href="../../downloads/index.html">数据下载</a>`,
	} {
		if !strings.Contains(zh, want) {
			t.Errorf("the Chinese page lacks %s", want)
		}
	}
	size := len(tree["en/2024/changji-egov/table-11.csv"])
	for _, want := range []string{
		`<a href="../../../en/2024/changji-egov/table-11.csv" download>Table 11 CSV</a> <span class="dl-size">(` + strconv.Itoa(size) + ` B)</span>`,
		`<a href="../../../en/downloads/index.html">Downloads</a>`,
	} {
		if !strings.Contains(en, want) {
			t.Errorf("the English page lacks %s", want)
		}
	}
	if strings.Count(zh, `class="table-downloads"`) != 11 {
		t.Errorf("the Chinese page has %d download lines for 11 tables", strings.Count(zh, `class="table-downloads"`))
	}
}
