package opendata

import (
	"bytes"
	"strings"
)

// bom is the UTF-8 byte-order mark: Excel on Chinese Windows reads a
// CSV file without it in the system's code page (GBK), garbling every
// Chinese text.
const bom = "\uFEFF"

// TableCSV is table i of a page as CSV: UTF-8 with a byte-order
// mark, CRLF line ends, quoted as RFC 4180 says; the first row the
// heads (the amount columns with their unit), then the rows of the
// page. Amounts have the decimals the page shows, without grouping;
// codes keep their groups (201 03 50), which no spreadsheet reads as a
// number.
func (l Laid) TableCSV(i int) []byte {
	g := l.grids[i]
	var b bytes.Buffer
	b.WriteString(bom)
	writeRecord(&b, g.Heads)
	rec := make([]string, len(g.Heads))
	for _, r := range g.Rows {
		for i, c := range r {
			rec[i] = c.csv()
		}
		writeRecord(&b, rec[:len(r)])
	}
	return b.Bytes()
}

// csv is the cell's field: an amount as the page states it, a code as
// it is, a text made safe for spreadsheets.
func (c cell) csv() string {
	switch {
	case c.IsNum:
		return c.Num.String()
	case c.Code:
		return c.Text
	}
	return Defuse(c.Text)
}

// Defuse makes a text from a department file safe to open in a
// spreadsheet: one that starts with a character that makes Excel, WPS
// or LibreOffice read the cell as a formula (= + - @, or a tab or
// carriage return before one) gets a leading apostrophe, so that
// "=cmd|' /C calc'!A0" is shown, not run.
func Defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// writeRecord writes one CSV record ending in CRLF. A field is quoted
// when it holds a comma, a quote, a line end, or leading or trailing
// space; quotes inside are doubled (RFC 4180).
func writeRecord(b *bytes.Buffer, fields []string) {
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(',')
		}
		if f == "" || !strings.ContainsAny(f, ",\"\r\n") && f[0] != ' ' && f[len(f)-1] != ' ' {
			b.WriteString(f)
			continue
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(f, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteString("\r\n")
}
