package search

import (
	"unicode"
	"unicode/utf8"
)

// MaxWord is the number of characters a word is cut to: longer ones are
// indexed and looked up by their first MaxWord characters.
const MaxWord = 32

// fold maps a character to the one it is indexed as: full-width Latin
// letters, digits and signs to their ASCII forms (Ａ to a), the
// ideographic space to a space, capitals to small letters.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	return unicode.ToLower(r)
}

// isHan reports whether a character is a Chinese character, indexed by
// bigrams rather than as part of a word.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isWord reports whether a character is part of a word.
func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// quotes are the marks skipped inside a run of Chinese characters, so
// that “三公”经费 is found by 三公经费, as readers type it.
var quotes = map[rune]bool{'“': true, '”': true, '‘': true, '’': true, '「': true, '」': true, '『': true, '』': true, '《': true, '》': true, '〈': true, '〉': true, '"': true}

// run is a stretch of text that is looked up as a whole: a word, or
// consecutive Chinese characters.
type run struct {
	han   bool
	chars []rune
}

// runs cuts folded text into words and runs of Chinese characters;
// everything else separates them.
func runs(s string) []run {
	var out []run
	var cur run
	flush := func() {
		if len(cur.chars) > 0 {
			out = append(out, cur)
		}
		cur = run{}
	}
	for _, r := range s {
		if r == utf8.RuneError {
			flush()
			continue
		}
		r = fold(r)
		switch {
		case isHan(r):
			if !cur.han {
				flush()
				cur.han = true
			}
			cur.chars = append(cur.chars, r)
		case cur.han && quotes[r]:
			// skipped: the run goes on
		case isWord(r):
			if cur.han {
				flush()
			}
			if len(cur.chars) < MaxWord {
				cur.chars = append(cur.chars, r)
			}
		default:
			flush()
		}
	}
	flush()
	return out
}

// Terms returns the terms a text is indexed under, each once, in the
// order they first occur: its words, and its Chinese characters by
// pairs (预算 and 算表 for 预算表). With singles, each Chinese character
// is a term too, so that a query of one character finds the text; a
// lone Chinese character always is.
func Terms(text string, singles bool) []string {
	var out []string
	seen := map[string]bool{}
	eachTerm(text, singles, func(t []byte) {
		if !seen[string(t)] {
			s := string(t)
			seen[s] = true
			out = append(out, s)
		}
	})
	return out
}

// eachTerm calls fn with each term of text in order, as Terms finds
// them, a term as often as it occurs. It cuts the text as runs does, but
// into buffers it reuses: t is valid only during the call, and a term
// fn has seen costs no allocation (the index cuts every text of a site).
func eachTerm(text string, singles bool, fn func(t []byte)) {
	var (
		han   []rune // the current run of Chinese characters
		word  []byte // the current word
		chars int    // the characters of word
		inHan bool
		buf   []byte
	)
	flush := func() {
		if !inHan {
			if len(word) > 0 {
				fn(word)
			}
			word, chars = word[:0], 0
			return
		}
		for i, c := range han {
			if singles || len(han) == 1 {
				buf = utf8.AppendRune(buf[:0], c)
				fn(buf)
			}
			if i+1 < len(han) {
				buf = utf8.AppendRune(utf8.AppendRune(buf[:0], c), han[i+1])
				fn(buf)
			}
		}
		han, inHan = han[:0], false
	}
	for _, r := range text {
		if r == utf8.RuneError {
			flush()
			continue
		}
		r = fold(r)
		switch {
		case isHan(r):
			if !inHan {
				flush()
				inHan = true
			}
			han = append(han, r)
		case inHan && quotes[r]:
			// skipped: the run goes on
		case isWord(r):
			if inHan {
				flush()
			}
			if chars < MaxWord {
				word = utf8.AppendRune(word, r)
				chars++
			}
		default:
			flush()
		}
	}
	flush()
}

// QueryTerm is a term of a query.
type QueryTerm struct {
	Text string
	// Prefix terms (words) also find the words they begin: "offic"
	// finds "office" and "officer".
	Prefix bool
}

// QueryTerms returns the terms of what a reader typed, each once: its
// words, which match as prefixes, and its Chinese characters by pairs,
// or the character itself when it stands alone.
func QueryTerms(q string) []QueryTerm {
	var out []QueryTerm
	seen := map[string]bool{}
	add := func(t QueryTerm) {
		if !seen[t.Text] {
			seen[t.Text] = true
			out = append(out, t)
		}
	}
	for _, r := range runs(q) {
		switch {
		case !r.han:
			add(QueryTerm{Text: string(r.chars), Prefix: true})
		case len(r.chars) == 1:
			add(QueryTerm{Text: string(r.chars)})
		default:
			for i := 0; i+1 < len(r.chars); i++ {
				add(QueryTerm{Text: string(r.chars[i : i+2])})
			}
		}
	}
	return out
}

// shardKey is the part of a term that chooses its shard: its first three
// characters.
func shardKey(term string) string {
	n := 0
	for i := range term {
		if n == 3 {
			return term[:i]
		}
		n++
	}
	return term
}

// Shard returns the shard of a term among n.
func Shard(term string, n int) int {
	h := uint32(2166136261)
	for _, b := range []byte(shardKey(term)) {
		h ^= uint32(b)
		h *= 16777619
	}
	return int(h % uint32(n))
}
