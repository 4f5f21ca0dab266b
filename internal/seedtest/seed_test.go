package seedtest

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
)

const (
	docFile  = "testdata/changji-egov-2024.txt"
	dataFile = "../../data/2024/changji-egov.yaml"
)

// TestTables rebuilds every row of every table from the data and finds it,
// in order, in that table of the document; then no figure of the table
// may be left over.
func TestTables(t *testing.T) {
	s := loadSeed(t)
	for _, tb := range s.f.Tables {
		t.Run("表"+tb.No, func(t *testing.T) {
			expect(t, s.region(t, "表"+tb.No), tableWants(s.f, tb))
		})
	}
	for _, sec := range s.sections {
		no, ok := strings.CutPrefix(sec.name, "表")
		if ok && !slices.ContainsFunc(s.f.Tables, func(tb *model.Table) bool { return tb.No == no }) {
			t.Errorf("the document has %s (line %d), the data has no table %s", sec.name, sec.line, no)
		}
	}
}

// TestOverview checks part 1, the department, its units and staff, whole.
func TestOverview(t *testing.T) {
	s := loadSeed(t)
	r := s.region(t, "第一部分")
	expect(t, r, overviewWants(s.f))
	exhausted(t, r)
}

// TestExplanations checks part 3, the explanations: every total and share
// it states, every change on the prior year, the projects, the 三公
// spending, operating costs, procurement, assets and performance summary.
func TestExplanations(t *testing.T) {
	s := loadSeed(t)
	expect(t, s.region(t, "第三部分"), explanationWants(t, s.f))
}

// TestPerformance compares each performance-target table with the text
// rebuilt from the data, whole: every indicator with its target, basis,
// prior-year value, weight, scoring rule and evidence, in order.
func TestPerformance(t *testing.T) {
	s := loadSeed(t)
	f := s.f
	if f.Performance.Overall == nil {
		t.Fatal("the data has no overall performance targets; the document has 部门整体绩效目标表")
	}
	same(t, "部门整体绩效目标表", s.region(t, "部门整体绩效目标表").text, overallTable(f))
	secs := s.all("项目支出绩效目标表")
	if len(secs) != len(f.Performance.Projects) {
		t.Errorf("the document has %d 项目支出绩效目标表, the data %d", len(secs), len(f.Performance.Projects))
	}
	for i, pt := range f.Performance.Projects {
		if i < len(secs) {
			same(t, fmt.Sprintf("项目支出绩效目标表 %d (%s, line %d)", i+1, pt.Project, secs[i].line),
				secs[i].text, projectTable(f, pt))
		}
	}
}

// TestGlossary checks part 4: the glossary and the date at the foot.
func TestGlossary(t *testing.T) {
	s := loadSeed(t)
	f := s.f
	ws := []want{{what: "heading", text: "第四部分名词解释"}}
	for i, g := range f.Glossary {
		ws = append(ws, want{what: "term " + g.Term.ZH(), text: zhNumeral(i+1) + "、" + g.Term.ZH() + ":" + g.Text.ZH()})
	}
	ws = append(ws, want{what: "foot", text: f.Department.Name.ZH() + zhDate(f.Published)})
	for i := range ws {
		ws[i].text, ws[i].seq = squeeze(ws[i].text), "part 4"
	}
	r := s.region(t, "第四部分")
	expect(t, r, ws)
	exhausted(t, r)
}

// TestEveryFigureAccountedFor reads every decimal figure of the document
// and requires it to be a figure of the data, the change between a figure
// and its prior-year figure, or a percentage computed from the data.
func TestEveryFigureAccountedFor(t *testing.T) {
	s := loadSeed(t)
	known := accounted(s.f)
	var missing []string
	for i, line := range strings.Split(s.doc, "\n") {
		for _, n := range figure.FindAllString(line, -1) {
			if !known[n] {
				missing = append(missing, fmt.Sprintf("line %d: %s", i+1, n))
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d figures of the document are neither in the data nor computable from it:\n%s",
			len(missing), strings.Join(missing, "\n"))
	}
}

// seed is the document and the data it was encoded as.
type seed struct {
	f        *model.File
	doc      string
	sections []section
}

// section is a part of the document from one heading to the next.
type section struct {
	name string // the heading, squeezed: "第三部分", "表3", "项目支出绩效目标表"
	line int
	text string // squeezed
}

// heading finds where the parts, the tables and the performance-target
// tables of the document begin. The part 3 text that follows the
// performance tables starts at "(五)".
var heading = regexp.MustCompile(`(?m)^[ \t]*(第[一二三四]部分|表[ \t]*\d+[ \t]*$|部门整体绩效目标表|项目支出绩效目标表|\(五\))`)

func loadSeed(t *testing.T) *seed {
	t.Helper()
	doc, err := os.ReadFile(docFile)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(dataFile)
	if err != nil {
		t.Fatal(err)
	}
	f, diags := load.File(dataFile, src, load.Options{})
	if f == nil || diags.HasErrors() {
		t.Fatalf("loading %s:\n%v", dataFile, diags)
	}
	s := &seed{f: f, doc: string(doc)}
	marks := heading.FindAllStringSubmatchIndex(s.doc, -1)
	for i, m := range marks {
		end := len(s.doc)
		if i+1 < len(marks) {
			end = marks[i+1][0]
		}
		s.sections = append(s.sections, section{
			name: squeeze(s.doc[m[2]:m[3]]),
			line: strings.Count(s.doc[:m[2]], "\n") + 1,
			text: squeeze(s.doc[m[2]:end]),
		})
	}
	return s
}

// all returns the sections with the given heading.
func (s *seed) all(name string) []section {
	var out []section
	for _, sec := range s.sections {
		if sec.name == name {
			out = append(out, sec)
		}
	}
	return out
}

// region returns the one section with the given heading, ready to be
// matched against.
func (s *seed) region(t *testing.T, name string) *region {
	t.Helper()
	secs := s.all(name)
	if len(secs) != 1 {
		t.Fatalf("the document has %d sections headed %s, want 1", len(secs), name)
	}
	return &region{name: fmt.Sprintf("%s (line %d)", name, secs[0].line), text: secs[0].text,
		used: make([]bool, len(secs[0].text)), at: map[string]int{}}
}

// folds writes the comparison signs of indicator targets one way: the
// document has >=, ＜= and <=, the data ≥ and ≤.
var folds = map[rune]string{'≥': ">=", '≤': "<=", '＞': ">", '＜': "<", '＝': "=", '％': "%"}

// squeeze deletes whitespace, which the PDF extraction scatters through
// words and table rows, except that whitespace between two digits becomes
// one space, so that neighbouring figures ("604.13 364.13") and the levels
// of a code ("201 03 50") stay apart. Both the document and the text
// rebuilt from the data are squeezed before they are compared.
func squeeze(s string) string {
	var b strings.Builder
	var prev rune
	gap := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			gap = true
			continue
		}
		if gap && isDigit(prev) && isDigit(r) {
			b.WriteByte(' ')
		}
		gap = false
		if f, ok := folds[r]; ok {
			b.WriteString(f)
			r = rune(f[len(f)-1])
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numeric reports whether b can be part of a figure.
func numeric(b byte) bool { return isDigit(rune(b)) || b == '.' || b == ',' }

// figure matches a decimal figure as the document prints it: 69.91,
// 1,403.71.
var figure = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+`)

// want is a text the document must contain. Wants of the same seq must
// appear in the order given.
type want struct {
	what string
	text string
	seq  string
}

// region is a section of the document whose text is taken piece by
// piece, so that what no piece took can be checked afterwards.
type region struct {
	name string
	text string
	used []bool
	at   map[string]int // where each sequence continues
}

// take finds w's text after the previous piece of its sequence, not as
// part of a longer figure and not overlapping a piece already taken.
func (r *region) take(w want) bool {
	if w.text == "" {
		return false
	}
	for from := r.at[w.seq]; from <= len(r.text); {
		i := strings.Index(r.text[from:], w.text)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(w.text)
		if r.whole(i, j) && !slices.Contains(r.used[i:j], true) {
			for k := i; k < j; k++ {
				r.used[k] = true
			}
			r.at[w.seq] = j
			return true
		}
		from = i + 1
	}
	return false
}

// whole reports whether text[i:j] does not cut through a figure or code.
func (r *region) whole(i, j int) bool {
	s := r.text
	if i > 0 && numeric(s[i-1]) && numeric(s[i]) {
		return false
	}
	return j == len(s) || !numeric(s[j-1]) || !numeric(s[j])
}

// rest returns the text no piece took, each taken stretch replaced by |.
func (r *region) rest() string {
	var b strings.Builder
	for i := 0; i < len(r.text); i++ {
		if !r.used[i] {
			b.WriteByte(r.text[i])
		} else if i == 0 || !r.used[i-1] {
			b.WriteByte('|')
		}
	}
	return b.String()
}

// near returns the text where a piece of sequence seq was expected.
func (r *region) near(seq string) string {
	s := []rune(r.text[r.at[seq]:])
	return string(s[:min(len(s), 60)])
}

// expect takes each want from r, reporting those the document lacks, and
// then reports the figures of r that no want took.
func expect(t *testing.T, r *region, ws []want) {
	t.Helper()
	for _, w := range ws {
		if !r.take(w) {
			t.Errorf("%s: %s: the document has no\n\t%s\nwhere it continues\n\t%s", r.name, w.what, w.text, r.near(w.seq))
		}
	}
	if left := figure.FindAllString(r.rest(), -1); len(left) > 0 {
		t.Errorf("%s: figures of the document that the data does not account for: %s", r.name, strings.Join(left, " "))
	}
}

// exhausted reports any text of r that no want took.
func exhausted(t *testing.T, r *region) {
	t.Helper()
	if left := strings.Trim(r.rest(), "|"); left != "" {
		t.Errorf("%s: the data does not account for this text of the document: %s", r.name, left)
	}
}

// same compares a whole section with the text rebuilt from the data.
func same(t *testing.T, name, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := []rune(got), []rune(want)
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-30)
	t.Errorf("%s differs from the data after %q:\ndocument: %q\ndata:     %q", name,
		string(g[from:i]), string(g[i:min(len(g), i+40)]), string(w[i:min(len(w), i+40)]))
}

// totalLabels are what the total row of a table part is called, where it
// is not 总计.
var totalLabels = map[string]string{
	"summary/income":      "收入总计",
	"summary/expenditure": "支出总计",
	"fiscal/income":       "收入总计",
	"fiscal/expenditure":  "支出总计",
	"three-public/rows":   "合计",
}

// tableWants returns the table's title, its empty-table statement and the
// text of each row: code and name (or item, project or unit), then the
// amounts that are not empty, in column order. Each part is a sequence:
// tables 1 and 4 print their two parts side by side.
func tableWants(f *model.File, tb *model.Table) []want {
	ws := []want{{what: "title", text: tb.Name("zh")}}
	if !tb.Empty.IsZero() {
		ws = append(ws, want{what: "empty-table statement", text: squeeze(tb.Empty.ZH())})
	}
	for _, part := range tb.Kind.Parts {
		for _, row := range tb.Parts[part.Key] {
			label := rowLabel(f, tb, &part, row)
			var amounts []string
			for _, c := range row.Cells {
				if !c.Empty {
					amounts = append(amounts, c.Value.Grouped())
				}
			}
			key := row.Key
			if row.Code != "" && row.Project == "" {
				key = row.Code.String()
			}
			if part.Key != "rows" {
				key = part.Key + " " + key
			}
			ws = append(ws, want{
				what: fmt.Sprintf("row %s (%s)", key, row.Pos),
				text: squeeze(label + " " + strings.Join(amounts, " ")),
				seq:  part.Key,
			})
		}
	}
	return ws
}

// rowLabel returns what a row is called in the document.
func rowLabel(f *model.File, tb *model.Table, part *model.Part, row model.Row) string {
	switch {
	case row.Key == "total":
		if l, ok := totalLabels[tb.Kind.ID+"/"+part.Key]; ok {
			return l
		}
		return "总计"
	case row.Key == "unit":
		return f.Department.Name.ZH()
	case row.Project != "":
		return codeName(f, classify.Function, row.Code) + f.Project(row.Project).Name.ZH()
	case part.Rows == model.Items:
		it, _ := part.Item(row.Key)
		return it.Title.ZH()
	case part.Rows == model.EconomicCodes:
		return codeName(f, classify.Economic, row.Code)
	}
	return codeName(f, classify.Function, row.Code)
}

// codeName returns a code and its name as tables print them: "201 03 50
// 事业运行".
func codeName(f *model.File, s classify.Scheme, c classify.Code) string {
	return c.String() + " " + name(f, s, c)
}

func name(f *model.File, s classify.Scheme, c classify.Code) string {
	n, ok := classify.Default().Lookup(s, c, f.Year)
	if !ok {
		return "<no name for " + string(c) + ">"
	}
	return n.ZH
}

// overviewWants returns part 1: the title, functions, units and staff.
func overviewWants(f *model.File) []want {
	d := f.Department
	st := d.Staffing
	subordinate := "无下属预算单位"
	if d.SubordinateUnits > 0 {
		subordinate = fmt.Sprintf("有下属预算单位%d个", d.SubordinateUnits)
	}
	var units []string
	for _, u := range d.Units {
		units = append(units, u.ZH())
	}
	ws := []want{
		{what: "title", text: fmt.Sprintf("第一部分%d年%s部门概况", f.Year, d.Name.ZH())},
		{what: "functions", text: "一、主要职能" + d.Functions.ZH()},
		{what: "heading", text: "二、机构设置及人员情况"},
		{what: "units", text: fmt.Sprintf("%s%s，下设%d个处室，分别是：%s。", d.Name.ZH(), subordinate, len(units), strings.Join(units, "、"))},
		{what: "staffing", text: fmt.Sprintf("%s编制数%d，实有人数%d人，其中：在职%s；退休%s；离休%s。",
			d.Name.ZH(), st.Authorized, st.Actual, headcount(st.Active), headcount(st.Retired), headcount(st.Veteran))},
	}
	for i := range ws {
		ws[i].text, ws[i].seq = squeeze(ws[i].text), "part 1"
	}
	return ws
}

func headcount(h model.Headcount) string {
	if h.Change < 0 {
		return fmt.Sprintf("%d人，减少%d人", h.Count, -h.Change)
	}
	return fmt.Sprintf("%d人，增加%d人", h.Count, h.Change)
}

// Labels the explanations use for the figures compared with the prior
// year, and the order in which they mention them.
var (
	incomeOrder  = []string{"general", "fund", "soe", "unit", "carryover.fiscal"}
	incomeLabels = map[string]string{
		"general": "一般公共预算", "fund": "政府性基金预算", "soe": "国有资本经营预算",
		"unit": "单位资金", "carryover.fiscal": "财政拨款结转",
	}
	spendingLabels    = map[string]string{"basic": "基本支出", "project": "项目支出"}
	threePublicOrder  = []string{"outbound", "vehicles.purchase", "vehicles.operation", "reception"}
	threePublicLabels = map[string]string{
		"outbound": "因公出国（境）费", "vehicles.purchase": "公务用车购置费",
		"vehicles.operation": "公务用车运行费", "reception": "公务接待费",
	}
	// allocationLabels are economic codes that the projects' allocation
	// lines call otherwise than the dictionary does.
	allocationLabels = map[classify.Code]string{
		"30299": "其他商品服务支出", // dictionary: 其他商品和服务支出
		"31003": "专用设备购置费",  // dictionary: 专用设备购置
	}
)

// explanationWants returns the sentences of part 3 that state figures, in
// the order of the document.
func explanationWants(t *testing.T, f *model.File) []want {
	t.Helper()
	var ws []want
	add := func(what, format string, args ...any) {
		ws = append(ws, want{what: what, text: squeeze(fmt.Sprintf(format, args...))})
	}
	cmp := comparisons(f)
	compared := map[string]bool{}
	change := func(key string) string {
		c, ok := cmp[key]
		if !ok {
			return "<no prior-year figure for " + key + ">"
		}
		compared[key] = true
		return c.change(f.Unit)
	}
	dep, u, y := f.Department.Name.ZH(), f.Unit, f.Year

	// 一、二: income.
	income := value(f, model.KindSummary, "income", "total", "amount")
	var sources []string
	for _, k := range incomeOrder {
		if !value(f, model.KindSummary, "income", k, "amount").IsZero() {
			sources = append(sources, incomeLabels[k])
		}
	}
	add("一 total", "收支总预算%s%s。", income.Grouped(), u)
	add("一 income sources", "收入预算包括：%s。", strings.Join(sources, "、"))
	var classes []string
	for _, r := range levelRows(f, model.KindExpenditure, 1) {
		classes = append(classes, name(f, classify.Function, r.Code))
	}
	add("一 expenditure classes", "支出预算包括：%s。", strings.Join(classes, "、"))
	add("二 income", "部门收入预算%s%s，", income.Grouped(), u)
	for _, k := range incomeOrder {
		if _, ok := f.Prior.Income[k]; ok {
			cur := value(f, model.KindSummary, "income", k, "amount")
			add("二 "+k, "%s%s%s，占%s%%，比上年预算%s", incomeLabels[k], cur.Grouped(), u, percent(cur, income), change("income/"+k))
		}
	}

	// 三: expenditure.
	spending := value(f, model.KindExpenditure, "rows", "total", "total")
	add("三 total", "%d年支出预算%s%s，", y, spending.Grouped(), u)
	for _, k := range []string{"basic", "project"} {
		cur := value(f, model.KindExpenditure, "rows", "total", k)
		add("三 "+k, "%s%s%s，占%s%%，比上年预算%s", spendingLabels[k], cur.Grouped(), u, percent(cur, spending), change("expenditure/"+k))
	}

	// 四: fiscal appropriations.
	add("四 total", "%d年财政拨款收支总预算%s%s。", y, value(f, model.KindFiscal, "income", "total", "amount").Grouped(), u)
	add("四 income", "收入预算包括：一般公共预算拨款%s%s。", value(f, model.KindFiscal, "income", "general", "amount").Grouped(), u)
	add("四 expenditure", "一般公共预算支出包括：")
	for _, r := range levelRows(f, model.KindFiscal, 1) {
		add("四 "+string(r.Code), "%s%s%s，", name(f, classify.Function, r.Code),
			value(f, model.KindFiscal, "expenditure", string(r.Code), "general").Grouped(), u)
	}

	// 五: general public budget.
	general := value(f, model.KindGeneral, "rows", "total", "total")
	add("五 total", "%d年一般公共预算拨款合计%s%s，", y, general.Grouped(), u)
	for _, k := range []string{"basic", "project"} {
		cur := value(f, model.KindGeneral, "rows", "total", k)
		add("五（一）"+k, "%s%s%s，比上年预算%s", spendingLabels[k], cur.Grouped(), u, change("general/"+k))
	}
	for i, r := range levelRows(f, model.KindGeneral, 1) {
		cur := value(f, model.KindGeneral, "rows", string(r.Code), "total")
		add("五（二）"+string(r.Code), "%d、%s（类）%s%s，占%s%%。", i+1, name(f, classify.Function, r.Code), cur.Grouped(), u, percent(cur, general))
	}
	n := 0
	for _, r := range levelRows(f, model.KindGeneral, 3) {
		if _, ok := f.Prior.Functions[r.Code]; !ok {
			continue
		}
		n++
		add("五（三）"+string(r.Code), "%d、%s（类）%s（款）%s（项）：%d年预算数为%s%s，比上年预算%s", n,
			name(f, classify.Function, r.Code[:3]), name(f, classify.Function, r.Code[:5]), name(f, classify.Function, r.Code),
			y, value(f, model.KindGeneral, "rows", string(r.Code), "total").Grouped(), u, change("functions/"+string(r.Code)))
	}

	// 六: basic expenditure, and what personnel and operating costs cover.
	var personnel, public []string
	for _, r := range levelRows(f, model.KindGeneralBasic, 2) {
		if !r.Cell(1).Empty {
			personnel = append(personnel, name(f, classify.Economic, r.Code))
		}
		if !r.Cell(2).Empty {
			public = append(public, name(f, classify.Economic, r.Code))
		}
	}
	basic := func(col string) string { return value(f, model.KindGeneralBasic, "rows", "total", col).Grouped() }
	add("六", "%d年一般公共预算基本支出%s%s，其中：人员经费%s%s，主要包括：%s。公用经费%s%s，主要包括：%s。",
		y, basic("total"), u, basic("personnel"), u, strings.Join(personnel, "、"), basic("public"), u, strings.Join(public, "、"))

	// 七: projects.
	for i, p := range f.Projects {
		var alloc []string
		for _, a := range p.Allocation {
			l, ok := allocationLabels[a.Code]
			if !ok {
				l = name(f, classify.Economic, a.Code)
			}
			alloc = append(alloc, l+a.Amount.Grouped()+u)
		}
		owner := p.Owner.ZH()
		if owner == "" {
			owner = dep
		}
		add("七 project "+p.ID, "（%s）项目名称：%s设立的政策依据：%s预算安排规模：%s%s项目承担单位：%s资金分配情况：%s资金执行时间：%s-%s",
			zhNumeral(i+1), p.Name.ZH(), p.Basis.ZH(), p.Amount.Grouped(), u, owner, strings.Join(alloc, "、"), zhDate(p.From), zhDate(p.To))
	}

	// 八、九: the empty tables of funds and state capital.
	for _, k := range []string{model.KindFund, model.KindSOE} {
		emptyStatement(f, k, add)
	}

	// 十: 三公 spending.
	add("十 total", "%d年财政拨款“三公”经费预算数为%s%s，其中：", y, value(f, model.KindThreePublic, "rows", "total", "total").Grouped(), u)
	var items []string
	for _, k := range threePublicOrder {
		v := "0"
		if c := value(f, model.KindThreePublic, "rows", k, "total"); !c.IsZero() {
			v = c.Grouped()
		}
		items = append(items, threePublicLabels[k]+v+u)
	}
	add("十 items", "%s。", strings.Join(items, "，"))
	add("十 change", "%d年财政拨款“三公”经费预算比上年预算%s，其中：", y, change("three-public/total"))
	for _, k := range threePublicOrder {
		add("十 change "+k, "%s%s", threePublicLabels[k], change("three-public/"+k))
	}

	// 十一: the empty carry-over table.
	emptyStatement(f, model.KindCarryover, add)

	// 十二: operating costs, procurement, assets, performance.
	if f.OperatingCosts != nil {
		add("十二（一）", "%d年的机关运行经费财政拨款预算%s%s，比上年预算%s", y, f.OperatingCosts.Grouped(), u, change("operating-costs"))
	}
	if p := f.Procurement; p != nil {
		add("十二（二）", "%d年，%s政府采购预算%s%s，其中：政府采购货物预算%s%s，政府采购工程预算%s%s，政府采购服务预算%s%s。",
			y, dep, p.Total.Grouped(), u, p.Goods.Grouped(), u, p.Works.Grouped(), u, p.Services.Grouped(), u)
		add("十二（二）SME", "%d年，%s面向中小企业预留政府采购项目预算金额%s%s，小微企业预留政府采购项目预算金额%s%s。",
			y, dep, p.SME.Grouped(), u, p.SmallMicro.Grouped(), u)
	}
	if a := f.Assets; a != nil {
		hold := func(h model.Holding) string { return fmt.Sprintf("%d辆，价值%s%s", h.Count, h.Value.Grouped(), u) }
		add("十二（三）", "截至%d年底，%s占用使用国有资产总体情况为1.房屋%s平方米，价值%s%s。2.车辆%s；其中：一般公务用车%s；执法执勤用车%s；其他车辆%s。3.办公家具价值%s%s。4.其他资产价值%s%s。单位价值50万元以上大型设备%d台，单位价值100万元以上大型设备%d台。",
			a.AsOf.Y, dep, a.BuildingArea, a.BuildingValue.Grouped(), u, hold(a.Vehicles), hold(a.GeneralVehicles),
			hold(a.EnforcementVehicles), hold(a.OtherVehicles), a.Furniture.Grouped(), u, a.Other.Grouped(), u, a.Equipment50, a.Equipment100)
		vehicles := "未安排购置车辆经费"
		if a.NewVehicles > 0 {
			vehicles = fmt.Sprintf("安排购置车辆%d辆", a.NewVehicles)
		}
		add("十二（三）new", "%d年部门预算%s，安排购置50万元以上大型设备%d台，单位价值100万元以上大型设备%d台。",
			y, vehicles, a.NewEquipment50, a.NewEquipment100)
	}
	if o := f.Performance.Overall; o != nil {
		var fiscal, other []amount.Amount
		for _, p := range f.Performance.Projects {
			if !p.Fiscal.IsZero() {
				fiscal = append(fiscal, p.Fiscal.Amount)
			}
			if !p.Other.IsZero() {
				other = append(other, p.Other.Amount)
			}
		}
		add("十二（四）", "%d年，本部门预算绩效管理整体预算绩效目标1个，涉及金额%s%s；当年财政拨款项目%d个，涉及预算金额%s%s；当年非财政拨款项目%d个，涉及预算金额%s%s。",
			y, amount.Sum(o.Upper.Amount, o.Own.Amount, o.Other.Amount).Grouped(), u,
			len(fiscal), amount.Sum(append(fiscal, amount.Zero(2))...).Grouped(), u,
			len(other), amount.Sum(append(other, amount.Zero(2))...).Grouped(), u)
	}

	for _, k := range sortedKeys(cmp) {
		if !compared[k] {
			t.Errorf("the prior-year figure %s is compared nowhere in the explanations", k)
		}
	}
	for i := range ws {
		ws[i].seq = "part 3"
	}
	return ws
}

// emptyStatement adds the statement of an empty table, which the
// explanations repeat.
func emptyStatement(f *model.File, kind string, add func(what, format string, args ...any)) {
	if tb := f.Table(kind); tb != nil && !tb.Empty.IsZero() {
		add(kind+" empty", "%s", tb.Empty.ZH())
	}
}

// levelRows returns the rows of a table's code part at a level (1 类,
// 2 款, 3 项), in order.
func levelRows(f *model.File, kind string, level int) []model.Row {
	tb := f.Table(kind)
	if tb == nil {
		return nil
	}
	var out []model.Row
	for _, p := range tb.Kind.Parts {
		if p.Rows != model.FunctionCodes && p.Rows != model.EconomicCodes {
			continue
		}
		for _, r := range tb.Parts[p.Key] {
			if r.Code.Level() == level {
				out = append(out, r)
			}
		}
	}
	return out
}

// value returns the amount in column col of the row keyed key of a table
// part; a missing table or row, or an empty cell, is 0.00.
func value(f *model.File, kind, part, key, col string) amount.Amount {
	zero := amount.Zero(2)
	tb := f.Table(kind)
	if tb == nil || tb.Kind.Part(part) == nil {
		return zero
	}
	ci := tb.Kind.Part(part).Column(col)
	for _, r := range tb.Parts[part] {
		if r.Key == key {
			if c := r.Cell(ci); !c.Empty {
				return c.Value
			}
		}
	}
	return zero
}

// comparison is a figure of this year and its prior-year figure.
type comparison struct{ cur, prior amount.Amount }

// change returns how the document words the change: "增加224.69万元，增长
// 161.14%" or "减少1,403.71万元，下降69.91%".
func (c comparison) change(unit string) string {
	d := c.cur.Sub(c.prior)
	more, rate := "增加", "增长"
	if d.Sign() < 0 {
		more, rate = "减少", "下降"
	}
	return more + d.Abs().Grouped() + unit + "，" + rate + percent(d.Abs(), c.prior) + "%"
}

// percent returns part as a percentage of whole, as the document prints
// it; no change from nothing is 0.00%.
func percent(part, whole amount.Amount) string {
	p, ok := amount.Percent(part, whole, 2)
	if !ok {
		if part.IsZero() {
			return "0.00"
		}
		return "<" + part.String() + " of nothing>"
	}
	return p.Grouped()
}

// comparisons pairs every prior-year figure of the data with this year's
// figure, keyed "income/general", "functions/2010350" and so on.
func comparisons(f *model.File) map[string]comparison {
	p := f.Prior
	out := map[string]comparison{}
	for k, m := range p.Income {
		out["income/"+k] = comparison{value(f, model.KindSummary, "income", k, "amount"), m.Amount}
	}
	for k, m := range p.Expenditure {
		out["expenditure/"+k] = comparison{value(f, model.KindExpenditure, "rows", "total", k), m.Amount}
	}
	for k, m := range p.General {
		out["general/"+k] = comparison{value(f, model.KindGeneral, "rows", "total", k), m.Amount}
	}
	for c, m := range p.Functions {
		out["functions/"+string(c)] = comparison{value(f, model.KindGeneral, "rows", string(c), "total"), m.Amount}
	}
	for k, m := range p.ThreePublic {
		out["three-public/"+k] = comparison{value(f, model.KindThreePublic, "rows", k, "total"), m.Amount}
	}
	if p.OperatingCosts != nil && f.OperatingCosts != nil {
		out["operating-costs"] = comparison{f.OperatingCosts.Amount, p.OperatingCosts.Amount}
	}
	return out
}

// overallTable rebuilds 部门整体绩效目标表. It prints the 二级指标 on
// every row.
func overallTable(f *model.File) string {
	o := f.Performance.Overall
	var b strings.Builder
	fmt.Fprintf(&b, "部门整体绩效目标表（%d年）部门名称（盖章）%s部门联系人%s联系电话%s年度绩效目标%s",
		f.Year, f.Department.Name.ZH(), f.Department.Contact.Name.ZH(), f.Department.Contact.Phone, o.Goal.ZH())
	fmt.Fprintf(&b, "年度预算(%s)资金来源资金总额（%[1]s）财政资金（%[1]s）上级安排%s本级安排%s其他资金（%[1]s）其他%s",
		f.Unit, o.Upper.Grouped(), o.Own.Grouped(), o.Other.Grouped())
	b.WriteString("一级指标二级指标三级指标指标值指标设定依据分值权重")
	level1 := ""
	for _, in := range o.Indicators {
		if in.Level1 != level1 {
			level1 = in.Level1
			b.WriteString(level1)
		}
		fmt.Fprintf(&b, "%s %s %s %s %d ", in.Level2, in.Name.ZH(), in.Target.Text.ZH(), in.Basis.ZH(), in.Weight)
	}
	return squeeze(b.String())
}

// projectTable rebuilds one 项目支出绩效目标表. It prints each 一级指标
// and 二级指标 once, before its first indicator.
func projectTable(f *model.File, pt model.ProjectTargets) string {
	title := pt.Title.ZH()
	if title == "" {
		title = f.Project(pt.Project).Name.ZH()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "项目支出绩效目标表（%d年）预算单位%s项目名称%s项目负责人%s项目资金(%s)年度预算总额%s其中：财政拨款%s其他资金%s项目总体目标%s",
		f.Year, f.Department.Name.ZH(), title, pt.Manager.ZH(), f.Unit, pt.Total.Grouped(), pt.Fiscal.Grouped(), pt.Other.Grouped(), pt.Goal.ZH())
	b.WriteString("一级指标二级指标三级指标指标值指标值设置依据上年完成值指标分值权重指标赋分规则佐证资料")
	level1, level2 := "", ""
	for _, in := range pt.Indicators {
		if in.Level1 != level1 {
			level1, level2 = in.Level1, ""
			b.WriteString(level1)
		}
		if in.Level2 != level2 {
			level2 = in.Level2
			b.WriteString(level2)
		}
		fmt.Fprintf(&b, " %s %s %s %s %d %s %s ", in.Name.ZH(), in.Target.Text.ZH(), in.Basis.ZH(), in.Prior.ZH(),
			in.Weight, in.Scoring.ZH(), in.Evidence.ZH())
	}
	return squeeze(b.String())
}

// accounted returns every figure the document may print: the figures of
// the data, the figures inside the data's texts that the other tests
// compare with the document whole (goals, bases, glossary), the change of
// each figure on its prior-year figure and its rate, and the share of each
// table cell in its column's total.
func accounted(f *model.File) map[string]bool {
	known := map[string]bool{}
	add := func(as ...amount.Amount) {
		for _, a := range as {
			known[a.Grouped()] = true
		}
	}
	for _, tb := range f.Tables {
		for _, part := range tb.Kind.Parts {
			rows := tb.Parts[part.Key]
			var total *model.Row
			for i := range rows {
				if rows[i].Key == "total" {
					total = &rows[i]
				}
			}
			for _, r := range rows {
				for i, c := range r.Cells {
					if c.Empty {
						continue
					}
					add(c.Value)
					if total != nil {
						if p, ok := amount.Percent(c.Value, total.Cell(i).Value, 2); ok {
							add(p)
						}
						if r.Key == "total" {
							if p, ok := amount.Percent(c.Value, total.Cell(0).Value, 2); ok {
								add(p)
							}
						}
					}
				}
			}
		}
	}
	for _, p := range f.Projects {
		add(p.Amount.Amount)
		for _, a := range p.Allocation {
			add(a.Amount.Amount)
		}
	}
	if o := f.Performance.Overall; o != nil {
		add(o.Upper.Amount, o.Own.Amount, o.Other.Amount)
	}
	for _, p := range f.Performance.Projects {
		add(p.Total.Amount, p.Fiscal.Amount, p.Other.Amount)
	}
	if p := f.Procurement; p != nil {
		add(p.Total.Amount, p.Goods.Amount, p.Works.Amount, p.Services.Amount, p.SME.Amount, p.SmallMicro.Amount)
	}
	if a := f.Assets; a != nil {
		known[a.BuildingArea] = true
		add(a.BuildingValue.Amount, a.Vehicles.Value.Amount, a.GeneralVehicles.Value.Amount,
			a.EnforcementVehicles.Value.Amount, a.OtherVehicles.Value.Amount, a.Furniture.Amount, a.Other.Amount)
	}
	if f.OperatingCosts != nil {
		add(f.OperatingCosts.Amount)
	}
	texts := []model.Text{f.Department.Functions}
	for _, p := range f.Projects {
		texts = append(texts, p.Basis)
	}
	if o := f.Performance.Overall; o != nil {
		texts = append(texts, o.Goal)
	}
	for _, p := range f.Performance.Projects {
		texts = append(texts, p.Goal)
	}
	for _, g := range f.Glossary {
		texts = append(texts, g.Text)
	}
	for _, tb := range f.Tables {
		texts = append(texts, tb.Empty)
	}
	for _, t := range texts {
		for _, n := range figure.FindAllString(t.ZH(), -1) {
			known[n] = true
		}
	}
	for _, c := range comparisons(f) {
		d := c.cur.Sub(c.prior).Abs()
		add(d)
		known[percent(d, c.prior)] = true
	}
	return known
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// zhNumeral writes 1 to 99 as Chinese numerals, as headings number items.
func zhNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

// zhDate writes a date as the document does: 2024年2月23日.
func zhDate(d model.Date) string { return fmt.Sprintf("%d年%d月%d日", d.Y, d.M, d.D) }
