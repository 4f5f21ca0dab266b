package classify

import (
	"bytes"
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

//go:embed data/terms.yaml
var termsYAML []byte

// Translation is one term of the site's English terminology: the English
// wording of a Chinese budget term, optionally a note explaining it, and
// the wordings of it the site must not use.
type Translation struct {
	ZH, EN, Note string
	Avoid        []string
}

// Spelling is an American spelling the site's British English does not
// use, and the British one it writes instead.
type Spelling struct {
	US, GB string
}

// termsFile is data/terms.yaml.
type termsFile struct {
	Terms    []Translation
	Spelling []Spelling
}

var loadFile = sync.OnceValue(func() termsFile {
	var f termsFile
	dec := yaml.NewDecoder(bytes.NewReader(termsYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		// The bundled file is tested; this is a build mistake.
		panic("classify: data/terms.yaml: " + err.Error())
	}
	return f
})

func loadTerms() []Translation { return loadFile().Terms }

// Terms returns the terminology of data/terms.yaml, in the file's order.
func Terms() []Translation {
	return append([]Translation(nil), loadTerms()...)
}

// Term returns the English wording of the Chinese term zh, and false when
// zh is not a term.
func Term(zh string) (en string, ok bool) {
	for _, t := range loadTerms() {
		if t.ZH == zh {
			return t.EN, true
		}
	}
	return "", false
}

// MissingTerms returns the terms that apply to the Chinese text zh but
// whose English wording its translation en lacks. A term applies when zh
// contains it, unless it lies inside a longer term that also applies
// (行政事业单位, not 事业单位). Case and quotation marks are ignored, and a
// term whose English ends in a plural "s" is also found in the singular.
func MissingTerms(zh, en string) []Translation {
	zh = unquote(zh)
	en = strings.ToLower(unquote(en))
	terms := loadTerms()
	type span struct{ from, to int }
	var found []span
	var which []Translation
	for _, t := range terms {
		for from := 0; ; {
			i := strings.Index(zh[from:], t.ZH)
			if i < 0 {
				break
			}
			found = append(found, span{from + i, from + i + len(t.ZH)})
			which = append(which, t)
			from += i + len(t.ZH)
		}
	}
	var out []Translation
	seen := map[string]bool{}
	for i, s := range found {
		inside := false
		for j, o := range found {
			if j != i && o.from <= s.from && s.to <= o.to && o.to-o.from > s.to-s.from {
				inside = true
				break
			}
		}
		t := which[i]
		if inside || seen[t.ZH] || strings.Contains(en, stem(strings.ToLower(t.EN))) {
			continue
		}
		seen[t.ZH] = true
		out = append(out, t)
	}
	return out
}

// stem drops a plural "s" from the end of an English term, so that the
// term also matches its singular.
func stem(en string) string {
	if strings.HasSuffix(en, "s") && !strings.HasSuffix(en, "ss") {
		return en[:len(en)-1]
	}
	return en
}

// unquote removes the quotation marks a title may put around a term, such
// as 财政拨款“三公”经费.
func unquote(s string) string {
	return strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", `"`, "").Replace(s)
}

// Variant is a wording of an English text that the terminology avoids:
// what the text says, and what it should say instead.
type Variant struct {
	Found string // as the text has it
	Want  string // the terminology's wording
	ZH    string // the term, "" for a spelling
	Note  string // the term's note, if it has one
	At    int    // the byte offset of Found in the text
}

// Variants returns the wordings of the English text en that the
// terminology avoids, in the order they occur: a term's avoided wording
// (official reception for 公务接待) and an American spelling (defense).
// A wording is matched whole, ignoring case, in the singular or with a
// plural "s". A wording inside another that is found is found once.
func Variants(en string) []Variant {
	type hit struct {
		at, end int
		v       Variant
	}
	var hits []hit
	low := strings.ToLower(en)
	find := func(wrong, want, zh, note string) {
		wrong = strings.ToLower(wrong)
		for from := 0; ; {
			i := strings.Index(low[from:], wrong)
			if i < 0 {
				return
			}
			i += from
			end := i + len(wrong)
			if end < len(low) && low[end] == 's' {
				end++
			}
			from = i + len(wrong)
			if wordByte(low, i-1) || wordByte(low, end) {
				continue
			}
			hits = append(hits, hit{i, end, Variant{Found: en[i:end], Want: want, ZH: zh, Note: note, At: i}})
		}
	}
	for _, t := range loadTerms() {
		for _, a := range t.Avoid {
			find(a, t.EN, t.ZH, t.Note)
		}
	}
	for _, s := range loadFile().Spelling {
		find(s.US, s.GB, "", "")
	}
	// By position, the longer first: a wording inside another found
	// (defense in national defense) is not found again.
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].at != hits[j].at {
			return hits[i].at < hits[j].at
		}
		return hits[i].end > hits[j].end
	})
	var out []Variant
	end := -1
	for _, h := range hits {
		if h.at < end {
			continue
		}
		out = append(out, h.v)
		end = h.end
	}
	return out
}

// wordByte reports whether s has a letter, digit or hyphen at byte i, so
// that a match there would be part of a longer word.
func wordByte(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c >= 0x80 && isLetterAt(s, i)
}

// isLetterAt reports whether the rune that holds byte i of s is a letter
// (a Latin letter with an accent continues a word; Chinese is not
// written with spaces and ends an English word).
func isLetterAt(s string, i int) bool {
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) && !unicode.Is(unicode.Han, r)
}
