package classify

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed data/terms.yaml
var termsYAML []byte

// Translation is one term of the site's English terminology: the English
// wording of a Chinese budget term, and optionally a note explaining it.
type Translation struct {
	ZH, EN, Note string
}

var loadTerms = sync.OnceValue(func() []Translation {
	var f struct{ Terms []Translation }
	dec := yaml.NewDecoder(bytes.NewReader(termsYAML))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		// The bundled file is tested; this is a build mistake.
		panic("classify: data/terms.yaml: " + err.Error())
	}
	return f.Terms
})

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
