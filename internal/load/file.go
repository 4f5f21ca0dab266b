package load

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
	"budgetpress/internal/sitepath"
	"budgetpress/internal/yamlsrc"
)

// Options are what a department file is read against.
type Options struct {
	Dict  *classify.Dictionary // classification names; classify.Default() when nil
	Langs []string             // languages a text may carry; zh and en when empty
	// Templates are the table sets a file may follow, by id;
	// model.BuiltinTemplates() when nil.
	Templates map[string]*model.Template
	// Template is the id of the site's default template; national when
	// empty.
	Template string
}

var idForm = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// File reads one department-year file. path is data/<year>/<id>.yaml
// (relative to the site, as it appears in diagnostics); the year and the
// department id come from it. The returned file is nil when the input is
// too broken to use.
func File(path string, src []byte, opt Options) (*model.File, diag.List) {
	if opt.Dict == nil {
		opt.Dict = classify.Default()
	}
	if len(opt.Langs) == 0 {
		opt.Langs = i18n.Languages()
	}
	if opt.Templates == nil {
		opt.Templates = model.BuiltinTemplates()
	}
	if opt.Template == "" {
		opt.Template = model.TemplateNational
	}
	root, diags := yamlsrc.Parse(path, src, "one department-year")
	if root == nil {
		return nil, diags
	}
	d := &decoder{file: path}
	f := &model.File{Path: path}
	f.ID = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	fpos := diag.Pos{File: path, Line: 1, Col: 1}
	if !idForm.MatchString(f.ID) {
		d.diags.Errorf(fpos, "the file name %q becomes the page address, so it may use only lower-case letters, digits and hyphens (like changji-egov.yaml)", filepath.Base(path))
	} else if sitepath.ReservedID(f.ID) {
		d.diags.Errorf(fpos, "the file name %q would give the department the address of the year's comparison of all departments (%s/%s/); rename the file, like %s-office.yaml", filepath.Base(path), filepath.Base(filepath.Dir(path)), f.ID, f.ID)
	}
	year, err := strconv.Atoi(filepath.Base(filepath.Dir(path)))
	if err != nil || year < 1990 || year > 2100 {
		d.diags.Errorf(fpos, "department files live in a folder named after their year, like data/2024/%s.yaml", f.ID)
	}
	f.Year = year
	fr := &fileReader{decoder: d, f: f, opt: opt, printed: map[classify.Code]string{}}
	fr.read(root)
	f.Strings = d.strings
	if len(fr.printed) > 0 {
		f.Names = fr.printed
	}
	diags = append(diags, d.diags...)
	f.Incomplete = diags.HasErrors()
	return f, diags
}

type fileReader struct {
	*decoder
	f   *model.File
	opt Options
	// projectRows are rows keyed by a word that may be a project id; they
	// are resolved once the projects have been read.
	projectRows []pendingRow
	// printed holds the codes that are not in the dictionary but that a
	// table row of this file gives with their printed name: projects and
	// prior-year figures may use them too.
	printed map[classify.Code]string
}

type pendingRow struct {
	table *model.Table
	part  string
	index int
	node  *yaml.Node
}

func (r *fileReader) text(n *yaml.Node, what string) model.Text {
	return r.decoder.text(n, what, r.opt.Langs)
}

func (r *fileReader) read(root *yaml.Node) {
	o := r.object(root, "a department file", "type", "unit", "template", "published", "department", "tables",
		"projects", "performance", "operating_costs", "procurement", "assets", "glossary", "prior", "accept")
	if o == nil {
		return
	}
	f := r.f
	f.Type = "budget"
	if n := o.get("type"); n != nil {
		f.Type = r.str(n, "type")
		if f.Type != "budget" && f.Type != "final" {
			r.errorf(n, "type is %q; write budget (部门预算) or final (部门决算)", f.Type)
		}
	}
	if n := o.require("unit", "the unit of all amounts: 万元 or 元"); n != nil {
		f.Unit = r.str(n, "unit")
		if f.Unit != "万元" && f.Unit != "元" {
			r.errorf(n, "unit is %q; amounts are published in 万元 or 元", f.Unit)
		}
	}
	f.Template = r.opt.Templates[r.opt.Template]
	if n := o.get("template"); n != nil {
		id := r.str(n, "template")
		if t, ok := r.opt.Templates[id]; ok {
			f.Template = t
		} else {
			r.errorf(n, "%s", unknownTemplate(id, r.opt.Templates))
		}
	}
	if f.Template == nil {
		f.Template = model.BuiltinTemplates()[model.TemplateNational]
	}
	if n := o.require("published", "the publication date, YYYY-MM-DD"); n != nil {
		f.Published = r.date(n, "published")
	}
	if n := o.require("department", "names, functions, units and staff"); n != nil {
		r.department(n)
	}
	// Tables first: their rows may give codes with their printed names,
	// which projects may use; rows naming projects are resolved after.
	for _, n := range r.list(o.require("tables", "the published tables, in order"), "tables") {
		r.table(n)
	}
	for _, n := range r.list(o.get("projects"), "projects") {
		r.project(n)
	}
	r.resolveProjectRows()
	if n := o.get("performance"); n != nil {
		r.performance(n)
	}
	if n := o.get("operating_costs"); n != nil {
		m := r.money(n, "operating_costs (机关运行经费)")
		f.OperatingCosts = &m
	}
	if n := o.get("procurement"); n != nil {
		r.procurement(n)
	}
	if n := o.get("assets"); n != nil {
		r.assets(n)
	}
	for _, n := range r.list(o.get("glossary"), "glossary") {
		g := r.object(n, "a glossary entry", "term", "text")
		if g == nil {
			continue
		}
		f.Glossary = append(f.Glossary, model.Term{
			Term: r.text(g.require("term", "the word explained"), "term"),
			Text: r.text(g.require("text", "the explanation"), "text"),
			Pos:  r.pos(n),
		})
	}
	if n := o.get("prior"); n != nil {
		r.prior(n)
	}
	for _, n := range r.list(o.get("accept"), "accept") {
		a := r.object(n, "an accepted finding", "rule", "subject", "figures", "reason")
		if a == nil {
			continue
		}
		acc := model.Acceptance{Pos: r.pos(n)}
		acc.Rule = r.str(a.require("rule", "the rule named in [brackets] at the end of the finding, like hierarchy"), "rule")
		if acc.Rule == "placeholder" {
			r.errorf(a.get("rule"), "a placeholder can never be accepted: it would be published as it is; write the real text or figure")
		}
		acc.Subject = r.str(a.require("subject", "what the finding is about, as it prints it after the rule: [hierarchy: table 2 210] has the subject \"table 2 210\""), "subject")
		for _, v := range r.list(a.get("figures"), "figures") {
			if s, ok := r.scalar(v, "a figure"); ok {
				acc.Figures = append(acc.Figures, strings.TrimSpace(s))
			}
		}
		acc.Reason = r.str(a.require("reason", "why the published figures are kept"), "reason")
		f.Accepted = append(f.Accepted, acc)
	}
}

func (r *fileReader) department(n *yaml.Node) {
	o := r.object(n, "department", "name", "short", "functions", "units", "subordinate_units", "staffing", "contact")
	if o == nil {
		return
	}
	dep := &r.f.Department
	dep.Name = r.text(o.require("name", "the full official name"), "department name")
	dep.Short = r.text(o.get("short"), "short name")
	dep.Functions = r.text(o.get("functions"), "functions (主要职能)")
	for _, u := range r.list(o.get("units"), "units") {
		dep.Units = append(dep.Units, r.text(u, "a unit name"))
	}
	if v := o.get("subordinate_units"); v != nil {
		dep.SubordinateUnits, dep.HasSubordinateUnits = r.integer(v, "subordinate_units"), true
	}
	if v := o.get("staffing"); v != nil {
		s := r.object(v, "staffing", "authorized", "actual", "active", "retired", "veteran")
		if s != nil {
			st := &dep.Staffing
			st.Pos = r.pos(v)
			st.Authorized = r.integer(s.require("authorized", "编制数"), "authorized")
			st.Actual = r.integer(s.require("actual", "实有人数"), "actual")
			st.Active = r.headcount(s.get("active"), "active (在职)")
			st.Retired = r.headcount(s.get("retired"), "retired (退休)")
			st.Veteran = r.headcount(s.get("veteran"), "veteran (离休)")
		}
	}
	if v := o.get("contact"); v != nil {
		c := r.object(v, "contact", "name", "phone")
		if c != nil {
			dep.Contact.Name = r.text(c.get("name"), "contact name")
			if p := c.get("phone"); p != nil {
				dep.Contact.Phone = r.str(p, "phone")
			}
		}
	}
}

// headcount reads {count: 22, change: 14}.
func (r *fileReader) headcount(n *yaml.Node, what string) model.Headcount {
	if n == nil {
		return model.Headcount{}
	}
	o := r.object(n, what, "count", "change")
	if o == nil {
		return model.Headcount{}
	}
	h := model.Headcount{Pos: r.pos(n)}
	h.Count = r.integer(o.require("count", "number of people"), what+" count")
	if c := o.get("change"); c != nil {
		h.Change = r.integer(c, what+" change")
	}
	return h
}

// code reads a classification code and checks that it exists in year,
// or that a table row of this file gives it with its printed name.
func (r *fileReader) code(n *yaml.Node, scheme classify.Scheme, what string) (classify.Code, bool) {
	s, ok := r.scalar(n, what)
	if !ok {
		return "", false
	}
	c, err := classify.ParseCode(s)
	if err != nil {
		r.errorf(n, "%v", err)
		return "", false
	}
	if _, ok := r.opt.Dict.Lookup(scheme, c, r.f.Year); !ok && !(scheme == classify.Function && r.printed[c] != "") {
		r.unknownCode(n, scheme, c)
		return c, false
	}
	return c, true
}

// schemeName names a classification for messages.
func schemeName(scheme classify.Scheme) string {
	if scheme == classify.Economic {
		return "economic classification (支出经济分类科目)"
	}
	return "functional classification (支出功能分类科目)"
}

// unknownCode reports a code that is not in the dictionary for the file's
// year, saying what the editor can do about it.
func (r *fileReader) unknownCode(n *yaml.Node, scheme classify.Scheme, c classify.Code) {
	msg := fmt.Sprintf("%s is not in the %d national %s", c, r.f.Year, schemeName(scheme))
	parent := c.Parent()
	if _, ok := r.opt.Dict.Lookup(scheme, parent, r.f.Year); parent != "" && !ok {
		pname := "款"
		if parent.Level() == 1 {
			pname = "类"
		}
		msg += fmt.Sprintf(", nor is its %s %s", pname, parent)
	}
	msg += "; check the code against the published table"
	if scheme == classify.Function && c.Level() == 3 {
		msg += fmt.Sprintf(". If it is printed so, write its name as printed after it, like [%s 名称, …], and it is kept with a warning; a code your province adds for good goes in data/classification.yaml", c)
	} else {
		msg += ", or add a code your province uses to data/classification.yaml"
	}
	r.errorf(n, "%s", msg)
}

// rowCode reads the first cell of a row keyed by a code: the code,
// optionally followed by its name as the table prints it ("201 03 50
// 事业运行"). A 项 that is not in the dictionary but whose 款 is, given
// with its printed name, is kept: the checker warns about it.
func (r *fileReader) rowCode(n *yaml.Node, scheme classify.Scheme) (classify.Code, string, bool) {
	s, ok := r.scalar(n, "a row's first cell")
	if !ok {
		return "", "", false
	}
	code, printed := splitPrinted(s)
	c, err := classify.ParseCode(code)
	if err != nil {
		r.errorf(n, "%v", err)
		return "", "", false
	}
	if _, ok := r.opt.Dict.Lookup(scheme, c, r.f.Year); ok {
		return c, printed, true
	}
	if _, ok := r.opt.Dict.Lookup(scheme, c.Parent(), r.f.Year); ok && printed != "" && c.Level() == 3 && scheme == classify.Function {
		if _, seen := r.printed[c]; !seen {
			r.printed[c] = printed
		}
		return c, printed, true
	}
	r.unknownCode(n, scheme, c)
	return "", "", false
}

// splitPrinted splits "201 03 50 事业运行" into the code and the printed
// name; a cell with only a code has no name.
func splitPrinted(s string) (code, name string) {
	s = strings.TrimSpace(s)
	for i, ch := range s {
		if !(ch >= '0' && ch <= '9' || ch >= '０' && ch <= '９' || ch == ' ' || ch == '-' || ch == '－' || ch == '　' || ch == '\t') {
			return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
		}
	}
	return s, ""
}

func (r *fileReader) project(n *yaml.Node) {
	o := r.object(n, "a project", "id", "name", "function", "source", "amount", "basis", "owner", "from", "to", "allocation")
	if o == nil {
		return
	}
	p := &model.Project{Pos: r.pos(n)}
	if v := o.require("id", "a short name used to refer to the project, like cloud-ops"); v != nil {
		p.ID = r.str(v, "project id")
		if !idForm.MatchString(p.ID) {
			r.errorf(v, "project id %q may use only lower-case letters, digits and hyphens, like cloud-ops", p.ID)
		} else if r.f.Project(p.ID) != nil {
			r.errorf(v, "two projects have the id %q; give each its own", p.ID)
		}
	}
	p.Name = r.text(o.require("name", "the project name"), "project name")
	if v := o.require("function", "the functional classification 项 it is paid from, like 201 03 99"); v != nil {
		p.Function, _ = r.code(v, classify.Function, "function")
	}
	p.Source = model.SourceGeneral
	if v := o.get("source"); v != nil {
		p.Source = r.str(v, "source")
		if !slices.Contains(model.Sources, p.Source) {
			r.errorf(v, "source is %q; a project is paid from one of: general (一般公共预算), fund (政府性基金预算), soe (国有资本经营预算), special (财政专户管理资金), unit (单位资金) or carryover (上年结转结余)%s",
				p.Source, suggest(p.Source, model.Sources))
			p.Source = model.SourceGeneral
		}
	}
	if v := o.require("amount", "预算安排规模"); v != nil {
		p.Amount = r.money(v, "project amount")
	}
	p.Basis = r.text(o.get("basis"), "basis (设立的政策依据)")
	p.Owner = r.text(o.get("owner"), "owner (项目承担单位)")
	if v := o.get("from"); v != nil {
		p.From = r.date(v, "from")
	}
	if v := o.get("to"); v != nil {
		p.To = r.date(v, "to")
	}
	for _, a := range r.list(o.get("allocation"), "allocation") {
		cells := r.list(a, "an allocation line")
		if len(cells) > 1 && r.splitAmount(cells[1:]) {
			continue
		}
		if len(cells) != 2 {
			if a.Kind == yaml.SequenceNode {
				r.errorf(a, "an allocation line is [economic code, amount], like [302 06, 40]")
			}
			continue
		}
		c, _ := r.code(cells[0], classify.Economic, "allocation code")
		p.Allocation = append(p.Allocation, model.Allocation{Code: c, Amount: r.money(cells[1], "allocation amount"), Pos: r.pos(a)})
	}
	r.f.Projects = append(r.f.Projects, p)
}

func (r *fileReader) table(n *yaml.Node) {
	o := r.object(n, "a table", "no", "kind", "title", "rows", "income", "expenditure", "empty")
	if o == nil {
		return
	}
	t := &model.Table{Pos: r.pos(n), Parts: map[string][]model.Row{}}
	kv := o.require("kind", "which standard table this is")
	if kv == nil {
		return
	}
	kind := r.str(kv, "table kind")
	k := model.Kinds[kind]
	if k == nil {
		r.errorf(kv, "unknown table kind %q%s", kind, suggest(kind, kindIDs()))
		return
	}
	// The template gives the table its number, title and columns; a
	// table the template does not have keeps its kind's, and the
	// checker reports it.
	tt := r.f.Template.ByKind(kind)
	if tt != nil {
		k = tt.Kind
		t.No = tt.No
		t.Title = tt.Title
	}
	if v := o.get("no"); v != nil {
		t.No = r.str(v, "table number")
	} else if tt == nil {
		r.errorf(kv, "the %s template has no %s table, so this table needs its number: add \"no:\"", r.f.Template.ID, kind)
	}
	t.Kind = k
	if v := o.get("title"); v != nil {
		t.Title = r.text(v, "table title")
	}
	t.Empty = r.text(o.get("empty"), "empty-table statement (空表说明)")
	for _, key := range []string{"rows", "income", "expenditure"} {
		v := o.get(key)
		if v == nil {
			continue
		}
		part := k.Part(key)
		if part == nil {
			var keys []string
			for _, p := range k.Parts {
				keys = append(keys, p.Key)
			}
			r.errorf(o.key(key), "a %s table has no %q; its rows go under %s", k.ID, key, strings.Join(keys, " and "))
			continue
		}
		t.Parts[key] = r.rows(v, t, part)
	}
	for _, t2 := range r.f.Tables {
		if t2.No == t.No && t.No != "" {
			at := o.get("no")
			if at == nil {
				at = kv
			}
			r.errorf(at, "two tables are numbered %s", t.No)
		}
	}
	r.f.Tables = append(r.f.Tables, t)
}

func kindIDs() []string {
	var ids []string
	for id := range model.Kinds {
		ids = append(ids, id)
	}
	return ids
}

// rows reads the rows of one part of a table.
func (r *fileReader) rows(n *yaml.Node, t *model.Table, part *model.Part) []model.Row {
	var rows []model.Row
	seen := map[string]bool{}
	what := fmt.Sprintf("table %s", t.No)
	for _, rn := range r.list(n, what+" "+part.Key) {
		if rn.Kind != yaml.SequenceNode || len(rn.Content) == 0 {
			r.errorf(rn, "a row of %s is a list: [code, amounts…], like [201, 500.80, 260.80, 240.00]", what)
			continue
		}
		row := model.Row{Pos: r.pos(rn)}
		kn := rn.Content[0]
		key, ok := r.scalar(kn, "a row's first cell")
		if !ok {
			continue
		}
		row.Key = strings.TrimSpace(key)
		if isNull(kn) || row.Key == "" {
			r.errorf(kn, "the first cell of a row of %s is empty; write the code, item or project id of the row there", what)
			continue
		}
		switch {
		case row.Key == "total":
		case part.Rows == model.Items:
			if _, ok := part.Item(row.Key); !ok {
				var keys []string
				for _, it := range part.Items {
					keys = append(keys, it.Key)
				}
				side := " " + part.Key
				if part.Key == "rows" {
					side = ""
				}
				r.errorf(kn, "%s%s has no row %q%s", what, side, row.Key, suggest(row.Key, append(keys, "total")))
				continue
			}
		case part.Rows == model.ProjectRows && row.Key == "unit":
		case part.Rows == model.ProjectRows && !startsWithDigit(row.Key):
			row.Project = row.Key
		default:
			scheme := classify.Function
			if part.Rows == model.EconomicCodes {
				scheme = classify.Economic
			}
			c, printed, ok := r.rowCode(kn, scheme)
			if !ok {
				continue
			}
			row.Code, row.Key, row.Printed = c, string(c), printed
		}
		if seen[row.Key] {
			r.errorf(kn, "%s has two rows for %s; keep one", what, displayKey(row.Key))
			continue
		}
		seen[row.Key] = true
		cells := rn.Content[1:]
		if r.splitAmount(cells) {
			continue
		}
		if len(cells) > len(part.Columns) {
			var names []string
			for _, c := range part.Columns {
				names = append(names, c.Title.ZH())
			}
			r.errorf(cells[len(part.Columns)], "this row of %s has %d amounts, but the table has %d columns (%s)",
				what, len(cells), len(part.Columns), strings.Join(names, ", "))
			continue
		}
		for _, cn := range cells {
			cell := model.Cell{Pos: r.pos(cn)}
			if isNull(cn) || (cn.Kind == yaml.ScalarNode && (cn.Value == "" || cn.Value == "-")) {
				cell.Empty = true
			} else {
				m := r.money(cn, "amount")
				cell.Value = m.Amount
			}
			row.Cells = append(row.Cells, cell)
		}
		if row.Project != "" {
			r.projectRows = append(r.projectRows, pendingRow{t, part.Key, len(rows), kn})
		}
		rows = append(rows, row)
	}
	return rows
}

func startsWithDigit(s string) bool {
	return s != "" && (s[0] >= '0' && s[0] <= '9' || strings.HasPrefix(s, "０") || strings.HasPrefix(s, "１") || strings.HasPrefix(s, "２") || strings.HasPrefix(s, "３"))
}

func displayKey(k string) string {
	if c, err := classify.ParseCode(k); err == nil {
		return c.String()
	}
	return k
}

// resolveProjectRows checks that rows naming a project refer to one, and
// gives them the project's functional code.
func (r *fileReader) resolveProjectRows() {
	for _, pr := range r.projectRows {
		row := &pr.table.Parts[pr.part][pr.index]
		p := r.f.Project(row.Project)
		if p == nil {
			r.unknownProject(pr.node, row.Project)
			continue
		}
		row.Code = p.Function
	}
	r.projectRows = nil
}

// unknownProject reports a reference to a project that is not listed
// under projects:.
func (r *fileReader) unknownProject(n *yaml.Node, id string) {
	var ids []string
	for _, p := range r.f.Projects {
		ids = append(ids, p.ID)
	}
	if len(ids) == 0 {
		r.errorf(n, "%q is not a project: list the projects under \"projects:\" and refer to them by id", id)
		return
	}
	r.errorf(n, "%q is not one of the projects%s", id, suggest(id, ids))
}
