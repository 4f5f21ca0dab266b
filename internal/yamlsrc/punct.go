package yamlsrc

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/diag"
)

// A Chinese input method types full-width punctuation: "published：",
// "[total，604.13]", "{zh: 综合科，en: …}". YAML does not read it as its
// own, so the file fails to parse with a message that never names the
// character, or, worse, parses into something else ("total，604.13"
// becomes one cell). The same punctuation is normal inside Chinese text,
// so it is named only where YAML syntax is expected:
//
//   - '：' right after a key at the start of a line (an ASCII key, since a
//     line of Chinese text may start with a word and '：');
//   - '，' '［' '］' '｛' '｝' inside a flow list or mapping ([ … ] or
//     { … }), outside quotes, where they stand for YAML's own: a '，'
//     between two words that are not Chinese, or before a key; a '［' or
//     '｛' where a value starts; a '］' or '｝' where the list or mapping
//     would end. A list or mapping opened with '［' or '｛' where a value
//     starts counts when the line ends with its closing bracket.
//
// The flow punctuation is always reported, the file parsing or not. A
// '：' after a key is reported when the file does not parse and writing
// ':' instead changes the problem, or when the file parses and the line
// became a value of its own ("name：昌吉州" under "department:").

// misplaced is one piece of Chinese punctuation typed for YAML's own.
type misplaced struct {
	line, col int  // of the character; col counts characters from 1
	r         rune // the character
	keyCol    int  // for '：' after a key, where the key starts
}

// ascii is what YAML needs instead of each character.
var ascii = map[rune]string{'：': ":", '，': ",", '［': "[", '］': "]", '｛': "{", '｝': "}"}

func (m misplaced) message() string {
	need := fmt.Sprintf("YAML needs the ASCII '%s'", ascii[m.r])
	if m.r == '：' || m.r == '，' {
		need += " followed by a space"
	}
	return fmt.Sprintf("this line uses the Chinese punctuation '%c'; %s", m.r, need)
}

// keyColon matches a line that starts with an ASCII key and '：', after
// any "- " of a list.
var keyColon = regexp.MustCompile(`^\s*(?:-\s+)*([A-Za-z_.0-9]+)：`)

// flowKey matches a key and its colon, ASCII or not, at the start of a
// flow entry; flowKeyColon one with '：'.
var (
	flowKey      = regexp.MustCompile(`^[A-Za-z_][A-Za-z_.0-9-]*\s*(?::(?:\s|$)|：)`)
	flowKeyColon = regexp.MustCompile(`^[A-Za-z_][A-Za-z_.0-9-]*：`)
)

// chinesePunctuation returns the findings about Chinese punctuation in
// src; doc is the parsed document, or nil when src does not parse. The
// findings come with the remaining syntax error, if writing the ASCII
// punctuation does not make src parse.
func chinesePunctuation(file string, src []byte, doc *yaml.Node, parseErr error) diag.List {
	flow, colons := scanPunctuation(src)
	var found []misplaced
	found = append(found, flow...)
	if doc != nil && len(colons) > 0 {
		starts := map[[2]int]bool{}
		plainScalars(doc, starts)
		for _, c := range colons {
			if starts[[2]int{c.line, c.keyCol}] {
				found = append(found, c)
			}
		}
	} else if len(colons) > 0 {
		// Writing ':' must help: the file parses, or fails only later.
		before := syntaxError(file, src, parseErr).Pos.Line
		fixed := replacePunctuation(src, colons)
		if err := firstError(fixed); err == nil || syntaxError(file, fixed, err).Pos.Line > before {
			found = append(found, colons...)
		}
	}
	if len(found) == 0 {
		return nil
	}
	var out diag.List
	for _, m := range found {
		out.Errorf(diag.Pos{File: file, Line: m.line, Col: m.col}, "%s", m.message())
	}
	if doc == nil {
		fixed := replacePunctuation(src, found)
		if err := firstError(fixed); err != nil {
			out = append(out, syntaxError(file, fixed, err))
		}
	}
	out.Sort()
	return out
}

// plainScalars records where each plain scalar of the tree starts.
func plainScalars(n *yaml.Node, starts map[[2]int]bool) {
	if n.Kind == yaml.ScalarNode && n.Style == 0 {
		starts[[2]int{n.Line, n.Column}] = true
	}
	for _, c := range n.Content {
		plainScalars(c, starts)
	}
}

// replacePunctuation writes YAML's own punctuation for the findings, with
// a space after ':' and ','.
func replacePunctuation(src []byte, found []misplaced) []byte {
	at := map[[2]int]rune{}
	for _, m := range found {
		at[[2]int{m.line, m.col}] = m.r
	}
	lines := strings.SplitAfter(string(src), "\n")
	for i, l := range lines {
		var b strings.Builder
		col := 0
		for _, r := range l {
			col++
			if at[[2]int{i + 1, col}] != r {
				b.WriteRune(r)
				continue
			}
			b.WriteString(ascii[r])
			if r == '：' || r == '，' {
				b.WriteByte(' ')
			}
		}
		lines[i] = b.String()
	}
	return []byte(strings.Join(lines, ""))
}

// scanPunctuation finds the flow punctuation, and the '：' after a key at
// the start of a line, outside comments, quotes and block scalars (the
// text under "key: |" or "key: >").
func scanPunctuation(src []byte) (flow, colons []misplaced) {
	var (
		stack  []rune // the open flow lists and mappings: '[' or '{'
		quote  rune   // the quote of a string that goes on to the next line
		block  = -1   // inside a block scalar: the indentation of its owner
		expect bool   // inside a flow: the next character starts a value
	)
	for n, text := range strings.Split(string(src), "\n") {
		line := n + 1
		text = strings.TrimSuffix(text, "\r")
		indent := len(text) - len(strings.TrimLeft(text, " "))
		if block >= 0 {
			if indent == len(text) || indent > block {
				continue
			}
			block = -1
		}
		if quote == 0 && len(stack) == 0 && !strings.ContainsAny(text, "[{［｛\"'|>：") {
			continue // nothing to find, and nothing that goes on to the next line
		}
		hasColon := strings.ContainsRune(text, '：')
		r := []rune(text)
		keyColonAt := -1
		if quote == 0 && len(stack) == 0 {
			expect = true
			if m := keyColonMatch(text, hasColon); m != nil {
				keyCol := utf8.RuneCountInString(text[:m[2]])
				keyColonAt = utf8.RuneCountInString(text[:m[3]])
				colons = append(colons, misplaced{line: line, col: keyColonAt + 1, r: '：', keyCol: keyCol + 1})
			}
		}
		owner := indent // the key or "-" that a block scalar on this line belongs to
		token := indent // where the current plain value or key started
		for i := 0; i < len(r); i++ {
			c := r[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i++
				case c == quote && quote == '\'' && i+1 < len(r) && r[i+1] == '\'':
					i++
				case c == quote:
					quote = 0
				}
				continue
			}
			if c == ' ' || c == '\t' {
				continue
			}
			if c == '#' && (i == 0 || r[i-1] == ' ' || r[i-1] == '\t') {
				break
			}
			inFlow := len(stack) > 0
			if expect {
				expect = false
				token = i
				switch {
				case c == '"' || c == '\'':
					quote = c
					continue
				case c == '[' || c == '{':
					stack = append(stack, c)
					expect = true
					continue
				case (c == '［' || c == '｛') && (inFlow || closesLine(r, i, c)):
					flow = append(flow, misplaced{line: line, col: i + 1, r: c})
					stack = append(stack, []rune(ascii[c])[0])
					expect = true
					continue
				case !inFlow && c == '-' && (i+1 == len(r) || r[i+1] == ' '):
					owner = i
					expect = true
					continue
				case !inFlow && (c == '|' || c == '>'):
					block = owner
					i = len(r)
					continue
				case hasColon && inFlow && stack[len(stack)-1] == '{':
					if m := flowKeyColon.FindStringIndex(string(r[i:])); m != nil {
						flow = append(flow, misplaced{line: line, col: i + utf8.RuneCountInString(string(r[i:])[:m[1]]), r: '：'})
					}
				}
			}
			if !inFlow {
				if (c == ':' && (i+1 == len(r) || r[i+1] == ' ')) || i == keyColonAt {
					owner = token
					expect = true
				}
				continue
			}
			switch c {
			case ',':
				expect = true
			case ':', '：':
				if i+1 == len(r) || strings.ContainsRune(" ,]}", r[i+1]) {
					expect = true
				}
			case ']', '}':
				stack = stack[:len(stack)-1]
			case '，':
				if flowKey.MatchString(strings.TrimLeft(string(r[i+1:]), " ")) ||
					!chinese(before(r, i)) && !chinese(after(r, i)) {
					flow = append(flow, misplaced{line: line, col: i + 1, r: c})
					expect = true
				}
			case '］', '｝':
				open := map[rune]rune{'］': '[', '｝': '{'}[c]
				if next := after(r, i); stack[len(stack)-1] == open && (next == 0 || strings.ContainsRune(",]}，］｝#", next)) {
					flow = append(flow, misplaced{line: line, col: i + 1, r: c})
					stack = stack[:len(stack)-1]
				}
			}
		}
	}
	return flow, colons
}

// keyColonMatch matches keyColon when the line has a '：'.
func keyColonMatch(text string, hasColon bool) []int {
	if !hasColon {
		return nil
	}
	return keyColon.FindStringSubmatchIndex(text)
}

// closesLine reports whether the line, a value opened at i with '［' or
// '｛', ends with the bracket that closes it, ASCII or not.
func closesLine(r []rune, i int, open rune) bool {
	text := string(r[i+1:])
	if k := strings.Index(text, " #"); k >= 0 {
		text = text[:k]
	}
	text = strings.TrimRight(text, " ")
	if open == '［' {
		return strings.HasSuffix(text, "］") || strings.HasSuffix(text, "]")
	}
	return strings.HasSuffix(text, "｝") || strings.HasSuffix(text, "}")
}

// before returns the character before r[i], skipping spaces; 0 at the
// start of the line.
func before(r []rune, i int) rune {
	for i--; i >= 0; i-- {
		if r[i] != ' ' {
			return r[i]
		}
	}
	return 0
}

// after returns the character after r[i], skipping spaces; 0 at the end
// of the line, and '#' at a comment.
func after(r []rune, i int) rune {
	for i++; i < len(r); i++ {
		if r[i] != ' ' {
			return r[i]
		}
	}
	return 0
}

// chinese reports whether r is part of Chinese text: a Han character, or
// CJK or full-width punctuation.
func chinese(r rune) bool {
	return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
