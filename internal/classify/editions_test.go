package classify

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// editionYears are the budget years the bundled dictionary covers.
var editionYears = []int{2023, 2024, 2025, 2026}

func TestEditions(t *testing.T) {
	eds := Editions()
	var years []int
	for _, e := range eds {
		years = append(years, e.Year)
		if e.Basis.ZH == "" || e.Basis.EN == "" || e.Note.ZH == "" || e.Note.EN == "" {
			t.Errorf("edition %d: basis %+v, note %+v; want both languages", e.Year, e.Basis, e.Note)
		}
		if want := "《" + itoa(e.Year) + "年政府收支分类科目》"; !strings.Contains(e.Basis.ZH, want) {
			t.Errorf("edition %d rests on %q; want the %s", e.Year, e.Basis.ZH, want)
		}
		for _, s := range Schemes() {
			got := e.Counts[s]
			if want := Default().Count(s, e.Year); got != want {
				t.Errorf("edition %d %s counts %+v; the dictionary has %+v", e.Year, s, got, want)
			}
			if got.Classes == 0 || got.Categories == 0 {
				t.Errorf("edition %d %s has %+v; want 类 and 款", e.Year, s, got)
			}
		}
		// Only the functional classification has 项.
		if e.Counts[Function].Items == 0 || e.Counts[Economic].Items != 0 || e.Counts[GovEconomic].Items != 0 {
			t.Errorf("edition %d: 项 counts %d, %d, %d; want 项 in the functional classification only",
				e.Year, e.Counts[Function].Items, e.Counts[Economic].Items, e.Counts[GovEconomic].Items)
		}
	}
	if !slices.Equal(years, editionYears) {
		t.Errorf("editions %v; want %v", years, editionYears)
	}
	// Editions returns a copy: changing it changes nothing.
	eds[0].Counts[Function] = Counts{}
	if Editions()[0].Counts[Function] == (Counts{}) {
		t.Error("changing the result of Editions changed the next result")
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestCount(t *testing.T) {
	d, err := (&Dictionary{}).Extend("count.yaml", []byte(`function:
  201: {zh: 一般公共服务支出, en: General public services}
  201 01: {zh: 人大事务, en: People's congress affairs}
  201 01 01: {zh: 行政运行, en: Administrative operations, from: 2020}
  201 02: {zh: 政协事务, en: CPPCC affairs, until: 2019}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		year int
		want Counts
	}{
		{2019, Counts{1, 2, 0}},
		{2020, Counts{1, 1, 1}},
	} {
		if got := d.Count(Function, tc.year); got != tc.want {
			t.Errorf("Count(%d) = %+v; want %+v", tc.year, got, tc.want)
		}
	}
	if got := d.Codes(Function, 2019, 2); !slices.Equal(got, []Code{"20101", "20102"}) {
		t.Errorf("Codes(2019, 款) = %v", got)
	}
}

// TestEditionStructure checks every edition of every scheme: each 项 has
// its 款 and each 款 its 类 in that year, and every name has both
// languages, with English that is English.
func TestEditionStructure(t *testing.T) {
	d := Default()
	for _, year := range editionYears {
		for _, s := range Schemes() {
			for level := 1; level <= 3; level++ {
				for _, c := range d.Codes(s, year, level) {
					if p := c.Parent(); p != "" {
						if _, ok := d.Lookup(s, p, year); !ok {
							t.Errorf("%d %s %s has no parent %s that year", year, s, c, p)
						}
					}
					n, _ := d.Lookup(s, c, year)
					checkName(t, s, c, n)
				}
			}
		}
	}
}

// checkName reports a name that lacks a language or whose English is not
// a translation.
func checkName(t *testing.T, s Scheme, c Code, n Name) {
	t.Helper()
	switch {
	case n.ZH == "" || n.EN == "":
		t.Errorf("%s %s: %+v; want a Chinese and an English name", s, c, n)
	case n.EN == n.ZH:
		t.Errorf("%s %s: the English name is the Chinese one, %q", s, c, n.EN)
	case strings.ContainsFunc(n.EN, func(r rune) bool { return unicode.Is(unicode.Han, r) }):
		t.Errorf("%s %s: the English name %q has Chinese in it", s, c, n.EN)
	case strings.TrimSpace(n.EN) != n.EN || strings.Contains(n.EN, "  "):
		t.Errorf("%s %s: the English name %q has stray spaces", s, c, n.EN)
	case !unicode.IsUpper([]rune(n.EN)[0]) && !strings.HasPrefix(n.EN, "People's"):
		t.Errorf("%s %s: the English name %q does not start with a capital", s, c, n.EN)
	}
}

// TestNamesFollowTerms checks that every name of every year uses the
// English of each term its Chinese contains.
func TestNamesFollowTerms(t *testing.T) {
	d := Default()
	for _, s := range Schemes() {
		for c, es := range d.codes[s] {
			for _, e := range es {
				for _, term := range MissingTerms(e.ZH, e.EN) {
					t.Errorf("%s %s %s: %q lacks %q, the English of %s", s, c, e.ZH, e.EN, term.EN, term.ZH)
				}
			}
		}
	}
}

// TestOtherItems checks the pattern of the catch-all 项 "其他…支出": it
// belongs to the 款 it is numbered under, so its English starts "Other".
func TestOtherItems(t *testing.T) {
	d := Default()
	for _, year := range editionYears {
		for _, c := range d.Codes(Function, year, 3) {
			n, _ := d.Lookup(Function, c, year)
			if strings.HasPrefix(n.ZH, "其他") && !strings.HasPrefix(n.EN, "Other") {
				t.Errorf("%s %s is %q in English; want it to start with Other", c, n.ZH, n.EN)
			}
		}
	}
}
