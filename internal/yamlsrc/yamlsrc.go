// Package yamlsrc reads the YAML files of a site (department files,
// site.yaml, templates, the classification extension, the interface
// texts): it checks their encoding (UTF-8, with GBK and UTF-16 named), and
// parses them into yaml.v3 nodes, turning every problem into a diagnostic
// at its line and column, Chinese punctuation typed for YAML's own
// included (punct.go).
package yamlsrc

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"gopkg.in/yaml.v3"

	"budgetpress/internal/diag"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Parse checks the encoding of src (see Text) and parses it into a
// document node: the root of the one document a file may hold. Every
// problem comes back as a diagnostic at its line and, where it can be
// found, its column. what names what one document holds, for the
// message about a second one ("one department-year").
func Parse(file string, src []byte, what string) (*yaml.Node, diag.List) {
	src, diags := Text(file, src)
	if diags.HasErrors() {
		return nil, diags
	}
	if p, ok := tabIndent(src); ok {
		diags.Errorf(diag.Pos{File: file, Line: p.Line, Col: p.Col},
			"a tab is used for indentation; YAML needs spaces (replace the tab with spaces)")
		return nil, diags
	}
	if len(bytes.TrimSpace(src)) == 0 {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "this file is empty")
		return nil, diags
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	err := dec.Decode(&doc)
	parsed := &doc
	if err != nil && err != io.EOF {
		parsed = nil
	}
	if p := chinesePunctuation(file, src, parsed, err); len(p) > 0 {
		return nil, append(diags, p...)
	}
	if err == io.EOF {
		// Only comments.
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "this file is empty")
		return nil, diags
	} else if err != nil {
		diags = append(diags, syntaxError(file, src, err))
		return nil, diags
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err != io.EOF {
		if err != nil {
			diags = append(diags, syntaxError(file, src, err))
			return nil, diags
		}
		diags.Errorf(diag.Pos{File: file, Line: extra.Line, Col: extra.Column},
			"a second document starts here (after \"---\"); a file holds %s", what)
		return nil, diags
	}
	if len(doc.Content) == 0 {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1}, "this file is empty")
		return nil, diags
	}
	if a := findAlias(&doc); a != nil {
		diags.Errorf(diag.Pos{File: file, Line: a.Line, Col: a.Column},
			"anchors and aliases (& and *) are not supported here; write the value out")
		return nil, diags
	}
	return doc.Content[0], diags
}

// IsEmpty reports whether src holds no YAML value: nothing, ~, or only
// blank lines and comments. A file that does not parse is not empty.
func IsEmpty(src []byte) bool {
	var doc yaml.Node
	err := yaml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(src, utf8BOM))).Decode(&doc)
	return err == io.EOF || err == nil && (len(doc.Content) == 0 || doc.Content[0].Tag == "!!null")
}

// Text strips a UTF-8 byte-order mark from src and checks that the
// rest is UTF-8 text. GBK and UTF-16 files are recognised and explained,
// because Chinese Windows editors save them.
func Text(file string, src []byte) ([]byte, diag.List) {
	var diags diag.List
	src = bytes.TrimPrefix(src, utf8BOM)
	// UTF-16 text starts with a byte-order mark, or, without one, has a
	// zero byte in every ASCII character; no UTF-8 text has zero bytes.
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.IndexByte(src, 0) >= 0 {
		diags.Errorf(diag.Pos{File: file, Line: 1, Col: 1},
			"this file is saved as UTF-16; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8)")
		return nil, diags
	}
	if !utf8.Valid(src) {
		line, col := firstInvalid(src)
		msg := "this file is not UTF-8 text"
		if isGBK(src) {
			msg = "this file is saved in GBK (the default of Chinese Windows), not UTF-8"
		}
		diags.Errorf(diag.Pos{File: file, Line: line, Col: col},
			"%s; save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in WPS or VS Code: \"Save with Encoding\" > UTF-8)", msg)
		return nil, diags
	}
	return src, nil
}

// firstInvalid returns the line and column of the first byte that is not
// valid UTF-8.
func firstInvalid(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		src = src[size:]
	}
	return line, col
}

// isGBK reports whether src decodes cleanly as GBK with some Chinese text.
func isGBK(src []byte) bool {
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(src)
	return err == nil && utf8.Valid(out) && !bytes.ContainsRune(out, utf8.RuneError)
}

// tabIndent finds a tab in the indentation of a line.
func tabIndent(src []byte) (diag.Pos, bool) {
	for i, line := range bytes.Split(src, []byte("\n")) {
		for j, c := range line {
			if c == '\t' {
				return diag.Pos{Line: i + 1, Col: j + 1}, true
			}
			if c != ' ' {
				break
			}
		}
	}
	return diag.Pos{}, false
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserProblems are the messages of yaml.v3's parser, as opposed to
// its scanner. For these, yaml.v3 reports the line where the unfinished
// list or mapping starts, counted from 0 (or the problem's line when that
// list or mapping starts on the first line); its scanner errors give the
// problem's line, counted from 1.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
}

// syntaxError turns a YAML parser error into a diagnostic with a hint.
// yaml.v3 gives a line but no column; the column is found for the
// problems that are one character (see problemColumn), and is where the
// line's text starts for the others.
func syntaxError(file string, src []byte, err error) diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	if yamlParserProblems[msg] {
		line = problemLine(src, line+1)
	}
	line = max(line, 1)
	col := 0
	if msg == "control characters are not allowed" {
		// Given without a line.
		line, col = firstControl(src)
	} else if lines := bytes.Split(src, []byte("\n")); line <= len(lines) {
		text := []rune(string(lines[line-1]))
		col = problemColumn(msg, text)
		if col == 0 {
			// Where the line's text starts: an editor's cursor lands on
			// the line's content, not its indentation.
			col = len(text) - len([]rune(strings.TrimLeft(string(text), " \t"))) + 1
		}
	}
	return diag.Diagnostic{
		Pos:      diag.Pos{File: file, Line: line, Col: col},
		Severity: diag.Error,
		Message: fmt.Sprintf("the YAML layout is broken near here (%s); check the indentation, "+
			"that each \"key: value\" has a space after the colon, and that values starting "+
			"with > | [ { or a quote are put in quotes", msg),
	}
}

// problemColumn finds on its line the character that a problem is
// about, for the problems that are about one character; 0 when it is
// not found or the problem is not about one.
func problemColumn(msg string, line []rune) int {
	switch msg {
	case "found character that cannot start any token":
		// A value starting with @ or `, which YAML reserves.
		for i, r := range line {
			if (r == '@' || r == '`') && (i == 0 || strings.ContainsRune(" [{,", line[i-1])) {
				return i + 1
			}
		}
	case "found unknown escape character":
		// A backslash in double quotes not followed by one of YAML's escapes.
		in := false
		for i := 0; i < len(line); i++ {
			switch {
			case line[i] == '"':
				in = !in
			case in && line[i] == '\\':
				if i+1 < len(line) && !strings.ContainsRune("0abt\tnvfre \"/\\N_LPxuU", line[i+1]) {
					return i + 1
				}
				i++
			}
		}
	case "block sequence entries are not allowed in this context":
		// A "- " after "key: " on the same line.
		if k := strings.Index(string(line), ": - "); k >= 0 {
			return len([]rune(string(line)[:k])) + 3
		}
	}
	return 0
}

// firstControl returns the line and column of the first control
// character of src other than tab and line ends, which YAML refuses.
func firstControl(src []byte) (line, col int) {
	line, col = 1, 0
	for _, r := range string(src) {
		switch {
		case r == '\n':
			line, col = line+1, 0
			continue
		case r == '\t' || r == '\r':
		case r < 0x20 || r >= 0x7F && r <= 0x9F && r != 0x85 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF:
			return line, col + 1
		}
		col++
	}
	return 1, 0
}

// problemLine finds the line of a parser problem reported at line from:
// the first line at which the file, cut after that line, no longer
// parses. It searches forward from the start of the unfinished list or
// mapping (by bisection, so that a long file stays fast), and back from a
// problem that yaml.v3 placed after it.
func problemLine(src []byte, from int) int {
	lines := bytes.SplitAfter(src, []byte("\n"))
	fails := func(n int) bool { return !parses(bytes.Join(lines[:n], nil)) }
	from = min(max(from, 1), len(lines))
	n := from + sort.Search(len(lines)-from, func(i int) bool { return fails(from + i) })
	for n > 1 && fails(n-1) {
		n--
	}
	return n
}

// parses reports whether every document of src parses.
func parses(src []byte) bool {
	return firstError(src) == nil
}

// firstError returns the error of the first document of src that does
// not parse, or nil.
func firstError(src []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

// findAlias returns the first alias node of the tree, or nil.
func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}
