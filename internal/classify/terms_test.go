package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTermsFile(t *testing.T) {
	terms := Terms()
	if len(terms) < 50 {
		t.Fatalf("only %d terms", len(terms))
	}
	seen := map[string]bool{}
	for _, term := range terms {
		if term.ZH == "" || term.EN == "" {
			t.Errorf("term %+v lacks a language", term)
		}
		if seen[term.ZH] {
			t.Errorf("term %s appears twice", term.ZH)
		}
		seen[term.ZH] = true
		if en, ok := Term(term.ZH); !ok || en != term.EN {
			t.Errorf("Term(%s) = %q, %v; want %q", term.ZH, en, ok, term.EN)
		}
		// A term must agree with itself, and with the longer terms that
		// contain it where both wordings are meant to nest.
		if missing := MissingTerms(term.ZH, term.EN); len(missing) != 0 {
			t.Errorf("term %s %q lacks its own English: %v", term.ZH, term.EN, missing)
		}
	}
	if _, ok := Term("没有的词"); ok {
		t.Error("Term found a word that is not a term")
	}
	// The wordings the site has settled on.
	for zh, want := range map[string]string{
		"一般公共预算":   "general public budget",
		"政府性基金预算":  "government funds budget",
		"国有资本经营预算": "state capital operations budget",
		"事业收入":     "public service revenue",
		"公务接待":     "official hospitality",
		"绩效工资":     "performance-related pay",
		"离休干部":     "retired veteran cadres",
		"退休":       "retired staff",
		"在职":       "serving staff",
		"国防":       "national defence",
	} {
		if got, _ := Term(zh); got != want {
			t.Errorf("Term(%s) = %q; want %q", zh, got, want)
		}
	}
	// Terms() returns a copy.
	terms[0].EN = "changed"
	if Terms()[0].EN == "changed" {
		t.Error("changing the result of Terms changed the terms")
	}
}

func TestMissingTerms(t *testing.T) {
	tests := []struct {
		zh, en string
		want   []string // the Chinese of the terms reported
	}{
		{"绩效工资", "Performance-related pay", nil},
		{"绩效工资", "Performance-based pay", []string{"绩效工资"}},
		// The longer term wins: 行政事业单位 needs its own wording only.
		{"行政事业单位医疗", "Medical care for government agencies and public institutions", nil},
		{"行政事业单位医疗", "Medical care for public institutions", []string{"行政事业单位"}},
		// 离退休 is not 退休 and not 离休.
		{"行政单位离退休", "Retirees of government agencies", nil},
		// Quotation marks are ignored on both sides.
		{"财政拨款“三公”经费支出情况表", "“Three Public Expenses” from Fiscal Appropriations", nil},
		// A plural term is found in the singular.
		{"财政拨款收入", "Fiscal appropriation revenue", nil},
		// Every missing term is reported once.
		{"公务接待费、公务接待费和公务用车", "Reception and cars", []string{"公务接待", "公务用车"}},
		{"办公费", "Office expenses", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, term := range MissingTerms(tc.zh, tc.en) {
			got = append(got, term.ZH)
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("MissingTerms(%s, %q) = %v; want %v", tc.zh, tc.en, got, tc.want)
		}
	}
}

// TestVariants reads testdata/variants.txt: each English text with the
// wordings the terminology avoids that Variants finds in it.
func TestVariants(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "variants.txt"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, want, ok := strings.Cut(line, "=>")
		if !ok {
			t.Fatalf("testdata/variants.txt:%d: no =>", i+1)
		}
		var got []string
		for _, v := range Variants(strings.TrimSpace(text)) {
			got = append(got, v.Found+" -> "+v.Want)
		}
		if g, w := strings.Join(got, " | "), strings.TrimSpace(want); g != w {
			t.Errorf("testdata/variants.txt:%d: Variants(%q) = %q; want %q", i+1, strings.TrimSpace(text), g, w)
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d cases", n)
	}
}

// TestAvoidedWordings: no term's own English, nor a British spelling, is
// a wording the terminology avoids.
func TestAvoidedWordings(t *testing.T) {
	for _, term := range Terms() {
		if v := Variants(term.EN); len(v) != 0 {
			t.Errorf("term %s %q uses an avoided wording: %+v", term.ZH, term.EN, v)
		}
		for _, a := range term.Avoid {
			if strings.EqualFold(a, term.EN) {
				t.Errorf("term %s avoids its own English %q", term.ZH, a)
			}
		}
	}
	for _, s := range loadFile().Spelling {
		if s.US == "" || s.GB == "" || len(Variants(s.GB)) != 0 {
			t.Errorf("spelling %+v: want both, the British one not avoided", s)
		}
	}
}
