package build

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"budgetpress/internal/classify"
)

var (
	tagRE      = regexp.MustCompile(`<[^>]*>`)
	scriptRE   = regexp.MustCompile(`(?s)<script[^>]*>(.*?)</script>`)
	jsonTextRE = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"\s*[,\]}]`)
	rowLabelRE = regexp.MustCompile(`(?s)<th scope="row"[^>]*>(.*?)</th>`)
	glossaryRE = regexp.MustCompile(`(?s)<dl class="glossary">(.*?)</dl>`)
	termRE     = regexp.MustCompile(`(?s)<dt>(.*?)</dt>`)
)

// wordsOf is the text of a page or a part of one, a space for each tag
// (so that words of two cells do not run together), and the texts of its
// charts: the string values of their options that read as words (with a
// space or a capital letter; not "center", an option's setting).
func wordsOf(page []byte) string {
	var charts []string
	for _, m := range scriptRE.FindAllSubmatch(page, -1) {
		for _, v := range jsonTextRE.FindAllSubmatch(m[1], -1) {
			if s := string(v[1]); strings.ContainsAny(s, " ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				charts = append(charts, s)
			}
		}
	}
	text := scriptRE.ReplaceAll(page, nil)
	return html.UnescapeString(tagRE.ReplaceAllString(string(text), " ")) + "\n" + strings.Join(charts, "\n")
}

// labels returns the row labels of a page's tables and the terms of its
// glossary, in the order of the page.
func labels(page []byte) []string {
	var out []string
	for _, m := range rowLabelRE.FindAllSubmatch(page, -1) {
		out = append(out, strings.TrimSpace(wordsOf(m[1])))
	}
	for _, g := range glossaryRE.FindAllSubmatch(page, -1) {
		for _, m := range termRE.FindAllSubmatch(g[1], -1) {
			out = append(out, strings.TrimSpace(wordsOf(m[1])))
		}
	}
	return out
}

// termProblems lists what the English pages of a built site say against
// the terminology (internal/classify/data/terms.yaml): a wording it
// avoids or an American spelling anywhere on an English page, and a row
// label or glossary term of a department page whose Chinese holds a term
// whose English the English page's label lacks.
func termProblems(t *testing.T, out string) []string {
	t.Helper()
	tree := readTree(t, out)
	var problems []string
	names := make([]string, 0, len(tree))
	for name := range tree {
		names = append(names, name)
	}
	slices.Sort(names)
	pages := 0
	for _, name := range names {
		if !strings.HasPrefix(name, "en/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, v := range classify.Variants(wordsOf(tree[name])) {
			problems = append(problems, name+": “"+v.Found+"”, the terms file says “"+v.Want+"”")
		}
		zh, ok := tree[strings.TrimPrefix(name, "en/")]
		if !ok {
			continue
		}
		zhLabels, enLabels := labels(zh), labels(tree[name])
		if len(zhLabels) != len(enLabels) {
			problems = append(problems, name+": the Chinese page has "+strconv.Itoa(len(zhLabels))+" row labels and glossary terms, the English one "+strconv.Itoa(len(enLabels)))
			continue
		}
		for i, zl := range zhLabels {
			for _, m := range classify.MissingTerms(zl, enLabels[i]) {
				problems = append(problems, name+": “"+enLabels[i]+"” (“"+zl+"”) lacks “"+m.EN+"”, the English of "+m.ZH)
			}
		}
	}
	if pages < 3 {
		t.Fatalf("%s: only %d English pages", out, pages)
	}
	return problems
}

// TestEnglishTerms: every English page of the example site and of the
// corpus sites uses the one terminology of terms.yaml: no wording it
// avoids ("official reception", "performance-based pay", "retired before
// 1949"), British spelling ("defence"), and each table row label and
// glossary term whose Chinese holds a term says the term's English.
func TestEnglishTerms(t *testing.T) {
	sites := map[string]string{"example": copySite(t, nil)}
	corpus, err := os.ReadDir(filepath.Join("..", "..", "testdata", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range corpus {
		if c.IsDir() {
			sites[c.Name()] = filepath.Join("..", "..", "testdata", "corpus", c.Name())
		}
	}
	if len(sites) < 5 {
		t.Fatalf("only %d sites", len(sites))
	}
	for name, dir := range sites {
		t.Run(name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			mustBuild(t, Options{Dir: dir, Out: out})
			for _, p := range termProblems(t, out) {
				t.Error(p)
			}
		})
	}
}

// TestEnglishTermsFindsVariants: the check of TestEnglishTerms notices a
// wording the terms file avoids in an explanation and a glossary term
// translated against it.
func TestEnglishTermsFindsVariants(t *testing.T) {
	dir := copySite(t, map[string][][2]string{
		"content/en/2024/changji-egov.md": {{"and official hospitality is {{change three_public.reception}}", "and official receptions are {{change three_public.reception}}"}},
		"data/2024/changji-egov.yaml":     {{"{zh: 机关运行经费, en: Running costs of government agencies}", "{zh: 机关运行经费, en: Office running costs}"}},
	})
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	got := strings.Join(termProblems(t, out), "\n")
	for _, want := range []string{
		"en/2024/changji-egov/index.html: “official receptions”, the terms file says “official hospitality”",
		"en/2024/changji-egov/index.html: “Office running costs” (“机关运行经费”) lacks “running costs of government agencies”, the English of 机关运行经费",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the problems found:\n%s\nlack:\n%s", got, want)
		}
	}
}
