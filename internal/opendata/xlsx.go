package opendata

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"budgetpress/internal/i18n"
	"budgetpress/internal/render"
)

// Props are the document properties of a workbook. They are fixed by
// the data, never the time of the build, so that the same data gives
// the same bytes.
type Props struct {
	Title   string
	Creator string // the department
	// Date is the day of publication, YYYY-MM-DD: the workbook's
	// created and modified times.
	Date string
	Lang string // zh-CN, en
}

// Workbook is a workbook of tables, one sheet each, named by the
// table's number (表3, Table 3). Each sheet has the table's heading,
// department and unit in its first three rows, then the heads, frozen,
// then the rows: amounts are numbers with the decimals the page shows,
// codes are text.
func (l Laid) Workbook(p Props) ([]byte, error) {
	sheets := make([]sheet, len(l.grids))
	for i, g := range l.grids {
		sheets[i] = sheet{Name: l.names[i], Lines: []string{g.Heading, g.Compiler, g.Unit}, Heads: g.Heads, Rows: g.Rows}
	}
	return writeBook(sheets, p)
}

// Laid are the tables of a page laid out once for the downloads: the
// CSV file of each table and the workbook of all.
type Laid struct {
	names []string
	grids []grid
}

// Lay lays out the tables of a page, whose amounts m states.
func Lay(tables []render.DataTable, m i18n.Money) Laid {
	l := Laid{names: make([]string, len(tables)), grids: make([]grid, len(tables))}
	for i, t := range tables {
		l.names[i], l.grids[i] = t.Name, gridOf(t, m)
	}
	return l
}

// sheet is one worksheet: lines of text at the top, heads, rows.
type sheet struct {
	Name  string
	Lines []string
	Heads []string
	Rows  [][]cell
}

// styles are the cell styles of a workbook, made once.
type styles struct {
	f                 *excelize.File
	title, head, code int
	numbers           map[int]int // by decimals
}

func newStyles(f *excelize.File) (*styles, error) {
	s := &styles{f: f, numbers: map[int]int{}}
	var err error
	text := 49 // @, text
	if s.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return nil, err
	}
	if s.head, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}); err != nil {
		return nil, err
	}
	if s.code, err = f.NewStyle(&excelize.Style{NumFmt: text}); err != nil {
		return nil, err
	}
	return s, nil
}

// number is the style of an amount with n decimals: #,##0.00.
func (s *styles) number(n int) (int, error) {
	if id, ok := s.numbers[n]; ok {
		return id, nil
	}
	format := "#,##0"
	if n > 0 {
		format += "." + strings.Repeat("0", n)
	}
	id, err := s.f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return 0, err
	}
	s.numbers[n] = id
	return id, nil
}

// writeBook writes sheets into a workbook.
func writeBook(sheets []sheet, p Props) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	for i, sh := range sheets {
		name := sheetName(sh.Name, i)
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err == nil {
			err = writeSheet(f, st, name, sh)
		}
		if err != nil {
			return nil, fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	date := p.Date + "T00:00:00Z"
	if err := f.SetDocProps(&excelize.DocProperties{Title: p.Title, Creator: p.Creator, LastModifiedBy: p.Creator,
		Created: date, Modified: date, Language: p.Lang}); err != nil {
		return nil, err
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// sortedZip is the zip writer excelize writes a workbook through: it
// deflates each part as it comes, at the fastest level with a pooled
// compressor (the files are small, and most of a workbook's cost was
// their compression), and on Close writes the parts in the order of
// their names, so that the same data gives the same file: excelize
// writes streamed sheets in the order of a map, which changes from run
// to run. A part is held compressed: a year's file of all departments
// has a sheet of tens of megabytes.
type sortedZip struct {
	w     io.Writer
	parts []*zipPart
	cur   *partWriter // the part being written
}

// zipPart is one compressed part.
type zipPart struct {
	name string
	data bytes.Buffer
	crc  uint32
	size uint64
}

// partWriter deflates a part as excelize writes it; a part that most
// workbooks share (sharedParts) is kept whole instead, to be deflated
// once per content.
type partWriter struct {
	p   *zipPart
	fw  *flate.Writer
	crc hash.Hash32
	raw *bytes.Buffer // the part, when shared
}

func (w *partWriter) Write(b []byte) (int, error) {
	w.p.size += uint64(len(b))
	if w.raw != nil {
		return w.raw.Write(b)
	}
	w.crc.Write(b)
	return w.fw.Write(b)
}

// sharedParts are the parts of a workbook that carry no figure: the
// same in most workbooks of a build, two thousand of them on a
// prefecture's site.
var sharedParts = map[string]bool{
	"[Content_Types].xml": true, "_rels/.rels": true, "docProps/app.xml": true,
	"xl/_rels/workbook.xml.rels": true, "xl/styles.xml": true, "xl/theme/theme1.xml": true, "xl/workbook.xml": true,
}

// deflated holds shared parts deflated, by name and content.
var deflated = struct {
	sync.Mutex
	m map[string]*zipPart
}{m: map[string]*zipPart{}}

// maxDeflated bounds the shared parts held: workbooks of many shapes
// (sheet counts, names) do not fill memory.
const maxDeflated = 512

// deflateShared deflates a shared part, or takes it deflated before.
func deflateShared(p *zipPart, raw []byte) error {
	key := p.name + "\x00" + string(raw)
	deflated.Lock()
	done := deflated.m[key]
	deflated.Unlock()
	if done != nil {
		p.data.Write(done.data.Bytes())
		p.crc, p.size = done.crc, done.size
		return nil
	}
	fw := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(fw)
	fw.Reset(&p.data)
	if _, err := fw.Write(raw); err != nil {
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	p.crc = crc32.ChecksumIEEE(raw)
	deflated.Lock()
	if len(deflated.m) < maxDeflated {
		keep := &zipPart{name: p.name, crc: p.crc, size: p.size}
		keep.data.Write(p.data.Bytes())
		deflated.m[key] = keep
	}
	deflated.Unlock()
	return nil
}

// Create starts a part; excelize writes one part after the other.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	for _, p := range z.parts {
		if p.name == name {
			return nil, fmt.Errorf("the workbook part %s is written twice", name)
		}
	}
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	if sharedParts[name] {
		z.cur = &partWriter{p: p, raw: new(bytes.Buffer)}
		return z.cur, nil
	}
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(&p.data)
	z.cur = &partWriter{p: p, fw: fw, crc: crc32.NewIEEE()}
	return z.cur, nil
}

// finish ends the part being written.
func (z *sortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	if z.cur.raw != nil {
		err := deflateShared(z.cur.p, z.cur.raw.Bytes())
		z.cur = nil
		return err
	}
	err := z.cur.fw.Close()
	deflaters.Put(z.cur.fw)
	z.cur.p.crc = z.cur.crc.Sum32()
	z.cur = nil
	return err
}

// AddFS adds the files of fsys as parts.
func (z *sortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		return err
	})
}

// Close writes the archive.
func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	w := zip.NewWriter(z.w)
	for _, p := range z.parts {
		dst, err := w.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc,
			CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size})
		if err != nil {
			return err
		}
		if _, err := dst.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return w.Close()
}

// deflaters are compressors at the fastest level, reused: making one
// costs more than deflating a small part. klauspost/compress's deflate
// takes half the time of the standard library's at this level on our
// sheets, for about the same size.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// sheetName makes a sheet's name valid: at most 31 characters, none of
// : \ / ? * [ ], unique by its place.
func sheetName(s string, i int) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if s == "" {
		s = fmt.Sprintf("%d", i+1)
	}
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	return s
}

// writeSheet writes a sheet through excelize's stream writer, which
// writes each row once instead of keeping a tree of every cell: the bulk
// file of a year has a hundred thousand rows. Column widths and the
// frozen heads come first, as the stream writer wants them.
func writeSheet(f *excelize.File, st *styles, name string, sh sheet) error {
	widths := make([]int, len(sh.Heads))
	for j, h := range sh.Heads {
		widths[j] = min(width(h), 24) // heads wrap
	}
	numStyle := map[int]int{} // by decimals
	for _, r := range sh.Rows {
		for j, c := range r {
			if j >= len(widths) {
				widths = append(widths, 0)
			}
			switch {
			case c.IsNum:
				widths[j] = max(widths[j], width(c.Num.Grouped()))
				if _, ok := numStyle[c.Num.Places()]; !ok {
					id, err := st.number(c.Num.Places())
					if err != nil {
						return err
					}
					numStyle[c.Num.Places()] = id
				}
			case c.Text != "":
				widths[j] = max(widths[j], width(c.Text))
			}
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	headRow := len(sh.Lines) + 1
	top, _ := excelize.CoordinatesToCellName(1, headRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headRow, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	for j, w := range widths {
		if err := sw.SetColWidth(j+1, j+1, float64(min(w, 60)+2)); err != nil {
			return err
		}
	}
	row := 1
	put := func(values []any) error {
		ref, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(ref, values)
	}
	for i, line := range sh.Lines {
		c := excelize.Cell{Value: line}
		if i == 0 {
			c.StyleID = st.title
		}
		if err := put([]any{c}); err != nil {
			return err
		}
	}
	heads := make([]any, len(sh.Heads))
	for j, h := range sh.Heads {
		heads[j] = excelize.Cell{StyleID: st.head, Value: h}
	}
	if err := put(heads); err != nil {
		return err
	}
	values := make([]any, len(widths))
	for _, r := range sh.Rows {
		values = values[:len(r)]
		for j, c := range r {
			switch {
			case c.IsNum:
				v, ok := exactNumber(c.Num.String())
				if !ok {
					return fmt.Errorf("the amount %s cannot be stored exactly as a spreadsheet number", c.Num.String())
				}
				values[j] = excelize.Cell{StyleID: numStyle[c.Num.Places()], Value: v}
			case c.Text == "":
				values[j] = nil
			case c.Code:
				values[j] = excelize.Cell{StyleID: st.code, Value: c.Text}
			default:
				values[j] = c.Text
			}
		}
		if err := put(values); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// exactNumber returns the spreadsheet number of a decimal written as
// "1234.50": spreadsheets store numbers as binary floating point, and
// excelize writes the shortest decimal that reads back as the same one.
// It reports false when that decimal would not be the one given (more
// than about 15 significant digits), so that no amount changes on its
// way into a workbook.
func exactNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return f, sameDecimal(strconv.FormatFloat(f, 'f', -1, 64), s)
}

// sameDecimal reports whether two decimals written with a point are the
// same number: "604.10" and "604.1", "-0" and "0".
func sameDecimal(a, b string) bool {
	trim := func(s string) string {
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if s == "-0" {
			s = "0"
		}
		return s
	}
	return trim(a) == trim(b)
}

// width is how many character widths a text takes in a spreadsheet
// column: a Chinese character (or any wide one) counts two.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6):
			n += 2
		default:
			n++
		}
	}
	return n
}
