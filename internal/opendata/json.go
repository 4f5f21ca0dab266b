package opendata

import (
	"bytes"
	_ "embed"
	"encoding/json"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// SchemaVersion names the version of the JSON files' structure. It
// changes only when a change would break a program reading them: a key
// removed, renamed or given another meaning. Keys added keep it.
const SchemaVersion = "budgetpress/department-budget/1"

// Schema is the JSON Schema of the department-year JSON files, published
// at render.SchemaFile.
//
//go:embed department-budget.schema.json
var Schema []byte

// Text is a text in both languages; en is left out when the file has no
// English.
type Text struct {
	ZH string `json:"zh"`
	EN string `json:"en,omitempty"`
}

func text(t model.Text) *Text {
	if t.IsZero() {
		return nil
	}
	return &Text{ZH: t.ByLang["zh"], EN: t.ByLang["en"]}
}

func textOrEmpty(t model.Text) Text {
	if p := text(t); p != nil {
		return *p
	}
	return Text{}
}

// money is an amount as a decimal string with its published decimals:
// "604.13". JSON numbers would be read as binary floating point.
func money(a amount.Amount) string { return a.String() }

func optMoney(m model.Money) *string {
	if m.Pos.Line == 0 {
		return nil
	}
	s := money(m.Amount)
	return &s
}

// Document is the complete data of a department-year.
type Document struct {
	Schema    string `json:"schema"`
	ID        string `json:"id"`
	Year      int    `json:"year"`
	Type      string `json:"type"`
	Unit      string `json:"unit"`
	Factor    int    `json:"factor"`
	Currency  string `json:"currency"`
	Published string `json:"published,omitempty"`

	Department     Department   `json:"department"`
	Tables         []Table      `json:"tables"`
	Projects       []Project    `json:"projects"`
	Performance    *Performance `json:"performance,omitempty"`
	OperatingCosts *string      `json:"operatingCosts,omitempty"`
	Procurement    *Procurement `json:"procurement,omitempty"`
	Assets         *Assets      `json:"assets,omitempty"`
	Glossary       []Term       `json:"glossary"`
	Prior          *Prior       `json:"prior,omitempty"`
	Accepted       []Acceptance `json:"accepted,omitempty"`
}

// Department is the publishing department.
type Department struct {
	Name             Text      `json:"name"`
	Short            *Text     `json:"short,omitempty"`
	Functions        *Text     `json:"functions,omitempty"`
	Units            []Text    `json:"units,omitempty"`
	SubordinateUnits *int      `json:"subordinateUnits,omitempty"`
	Staffing         *Staffing `json:"staffing,omitempty"`
	Contact          *Contact  `json:"contact,omitempty"`
}

// Staffing is 机构设置及人员情况.
type Staffing struct {
	Authorized int       `json:"authorized"`
	Actual     int       `json:"actual"`
	Active     Headcount `json:"active"`
	Retired    Headcount `json:"retired"`
	Veteran    Headcount `json:"veteran"`
}

// Headcount is a number of people and its change on the year before.
type Headcount struct {
	Count  int `json:"count"`
	Change int `json:"change"`
}

// Contact is whom to ask about the publication.
type Contact struct {
	Name  *Text  `json:"name,omitempty"`
	Phone string `json:"phone,omitempty"`
}

// Table is one published table.
type Table struct {
	No    string `json:"no"`
	Kind  string `json:"kind"`
	Title Text   `json:"title"`
	Empty *Text  `json:"empty,omitempty"`
	Parts []Part `json:"parts"`
}

// Part is one block of rows of a table.
type Part struct {
	Key     string   `json:"key"`
	Title   *Text    `json:"title,omitempty"`
	RowKeys string   `json:"rowKeys"`
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Column is an amount column.
type Column struct {
	Key   string `json:"key"`
	Title Text   `json:"title"`
}

// Row is one row as the file gives it: cells are decimal strings, null
// where the table prints nothing.
type Row struct {
	Key     string    `json:"key"`
	Code    string    `json:"code,omitempty"`
	Project string    `json:"project,omitempty"`
	Name    Text      `json:"name"`
	Cells   []*string `json:"cells"`
}

// Project is one project of project expenditure.
type Project struct {
	ID         string       `json:"id"`
	Name       Text         `json:"name"`
	Function   *Coded       `json:"function,omitempty"`
	Source     string       `json:"source"`
	Amount     string       `json:"amount"`
	Basis      *Text        `json:"basis,omitempty"`
	Owner      *Text        `json:"owner,omitempty"`
	From       string       `json:"from,omitempty"`
	To         string       `json:"to,omitempty"`
	Allocation []Allocation `json:"allocation,omitempty"`
}

// Coded is a classification code with its name.
type Coded struct {
	Code string `json:"code"`
	Name Text   `json:"name"`
}

// Allocation is one economic class of a project's funds.
type Allocation struct {
	Coded
	Amount string `json:"amount"`
}

// Performance holds the performance-target tables.
type Performance struct {
	Overall  *Targets  `json:"overall,omitempty"`
	Projects []Targets `json:"projects,omitempty"`
}

// Targets is one performance-target table: the department's overall
// one, or a project's.
type Targets struct {
	Project    string      `json:"project,omitempty"`
	Title      *Text       `json:"title,omitempty"`
	Manager    *Text       `json:"manager,omitempty"`
	Goal       *Text       `json:"goal,omitempty"`
	Funds      Funds       `json:"funds"`
	Indicators []Indicator `json:"indicators"`
}

// Funds are the amounts of a performance-target table, as given.
type Funds struct {
	Total  *string `json:"total,omitempty"`
	Fiscal *string `json:"fiscal,omitempty"`
	Upper  *string `json:"upper,omitempty"`
	Own    *string `json:"own,omitempty"`
	Other  *string `json:"other,omitempty"`
}

// Indicator is one performance indicator.
type Indicator struct {
	Level1   string `json:"level1"`
	Level2   string `json:"level2"`
	Name     Text   `json:"name"`
	Target   Text   `json:"target"`
	Op       string `json:"op,omitempty"`
	Value    string `json:"value,omitempty"`
	Unit     string `json:"unit,omitempty"`
	Basis    *Text  `json:"basis,omitempty"`
	Prior    *Text  `json:"prior,omitempty"`
	Weight   int    `json:"weight"`
	Scoring  *Text  `json:"scoring,omitempty"`
	Evidence *Text  `json:"evidence,omitempty"`
}

// Procurement is 政府采购情况.
type Procurement struct {
	Total      string  `json:"total"`
	Goods      *string `json:"goods,omitempty"`
	Works      *string `json:"works,omitempty"`
	Services   *string `json:"services,omitempty"`
	SME        *string `json:"sme,omitempty"`
	SmallMicro *string `json:"smallMicro,omitempty"`
}

// Assets is 国有资产占用使用情况.
type Assets struct {
	AsOf                string  `json:"asOf,omitempty"`
	BuildingArea        string  `json:"buildingArea,omitempty"`
	BuildingValue       *string `json:"buildingValue,omitempty"`
	Vehicles            Holding `json:"vehicles"`
	GeneralVehicles     Holding `json:"generalVehicles"`
	EnforcementVehicles Holding `json:"enforcementVehicles"`
	OtherVehicles       Holding `json:"otherVehicles"`
	Furniture           *string `json:"furniture,omitempty"`
	Other               *string `json:"other,omitempty"`
	Equipment50         int     `json:"equipment50"`
	Equipment100        int     `json:"equipment100"`
	NewVehicles         int     `json:"newVehicles"`
	NewEquipment50      int     `json:"newEquipment50"`
	NewEquipment100     int     `json:"newEquipment100"`
}

// Holding is a count of assets and their value.
type Holding struct {
	Count int     `json:"count"`
	Value *string `json:"value,omitempty"`
}

// Term is a glossary entry.
type Term struct {
	Term Text `json:"term"`
	Text Text `json:"text"`
}

// Prior holds the prior year's budget figures the explanations compare with.
type Prior struct {
	Income         map[string]string `json:"income,omitempty"`
	Expenditure    map[string]string `json:"expenditure,omitempty"`
	General        map[string]string `json:"general,omitempty"`
	Functions      map[string]string `json:"functions,omitempty"`
	ThreePublic    map[string]string `json:"threePublic,omitempty"`
	OperatingCosts *string           `json:"operatingCosts,omitempty"`
}

// Acceptance is a finding of the checker the editor kept as published.
type Acceptance struct {
	Rule    string   `json:"rule"`
	Subject string   `json:"subject"`
	Figures []string `json:"figures,omitempty"`
	Reason  string   `json:"reason"`
}

// Factor is how many yuan one unit of a file is: 10000 for 万元.
func Factor(unit string) int {
	if unit == "万元" {
		return 10000
	}
	return 1
}

// rowKeys names a part's kind of rows in the JSON.
var rowKeys = map[model.RowKeys]string{model.FunctionCodes: "functional", model.EconomicCodes: "economic", model.Items: "items", model.ProjectRows: "projects"}

// Names gives the classification names of a file's codes.
type Names struct {
	Dict *classify.Dictionary
}

func (n Names) of(f *model.File, s classify.Scheme, c classify.Code) Text {
	name, ok := f.CodeName(n.Dict, s, c)
	if !ok {
		return Text{ZH: c.String()}
	}
	return Text{ZH: name.ZH, EN: name.EN}
}

// JSON is the complete data of a department-year, as described by
// Schema, on one line: indentation was a third of its bytes, and a
// browser or jq shows it indented. (The data package's descriptor and
// the catalogue, which people read, stay indented.)
func JSON(f *model.File, dict *classify.Dictionary) []byte {
	doc := Build(f, dict)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.Encode(doc) // a Document always encodes
	return b.Bytes()
}

// Build makes the Document of a file.
func Build(f *model.File, dict *classify.Dictionary) Document {
	n := Names{Dict: dict}
	d := Document{Schema: SchemaVersion, ID: f.ID, Year: f.Year, Type: f.Type, Unit: f.Unit, Factor: Factor(f.Unit), Currency: "CNY",
		Tables: []Table{}, Projects: []Project{}, Glossary: []Term{}}
	if !f.Published.IsZero() {
		d.Published = f.Published.String()
	}
	dep := f.Department
	d.Department = Department{Name: textOrEmpty(dep.Name), Short: text(dep.Short), Functions: text(dep.Functions)}
	for _, u := range dep.Units {
		d.Department.Units = append(d.Department.Units, textOrEmpty(u))
	}
	if dep.HasSubordinateUnits {
		v := dep.SubordinateUnits
		d.Department.SubordinateUnits = &v
	}
	if s := dep.Staffing; s.Pos.Line != 0 {
		d.Department.Staffing = &Staffing{Authorized: s.Authorized, Actual: s.Actual,
			Active: Headcount{s.Active.Count, s.Active.Change}, Retired: Headcount{s.Retired.Count, s.Retired.Change}, Veteran: Headcount{s.Veteran.Count, s.Veteran.Change}}
	}
	if c := dep.Contact; !c.Name.IsZero() || c.Phone != "" {
		d.Department.Contact = &Contact{Name: text(c.Name), Phone: c.Phone}
	}
	for _, t := range f.Tables {
		d.Tables = append(d.Tables, n.table(f, t))
	}
	for _, p := range f.Projects {
		jp := Project{ID: p.ID, Name: textOrEmpty(p.Name), Source: p.Source, Amount: money(p.Amount.Amount), Basis: text(p.Basis), Owner: text(p.Owner)}
		if p.Function != "" {
			jp.Function = &Coded{Code: p.Function.String(), Name: n.of(f, classify.Function, p.Function)}
		}
		if !p.From.IsZero() {
			jp.From = p.From.String()
		}
		if !p.To.IsZero() {
			jp.To = p.To.String()
		}
		for _, a := range p.Allocation {
			jp.Allocation = append(jp.Allocation, Allocation{Coded: Coded{Code: a.Code.String(), Name: n.of(f, classify.Economic, a.Code)}, Amount: money(a.Amount.Amount)})
		}
		d.Projects = append(d.Projects, jp)
	}
	if perf := f.Performance; perf.Overall != nil || len(perf.Projects) > 0 {
		d.Performance = &Performance{}
		if o := perf.Overall; o != nil {
			d.Performance.Overall = &Targets{Goal: text(o.Goal), Funds: Funds{Upper: optMoney(o.Upper), Own: optMoney(o.Own), Other: optMoney(o.Other)}, Indicators: indicators(o.Indicators)}
		}
		for _, p := range perf.Projects {
			d.Performance.Projects = append(d.Performance.Projects, Targets{Project: p.Project, Title: text(p.Title), Manager: text(p.Manager), Goal: text(p.Goal),
				Funds: Funds{Total: optMoney(p.Total), Fiscal: optMoney(p.Fiscal), Other: optMoney(p.Other)}, Indicators: indicators(p.Indicators)})
		}
	}
	if f.OperatingCosts != nil {
		s := money(f.OperatingCosts.Amount)
		d.OperatingCosts = &s
	}
	if p := f.Procurement; p != nil {
		d.Procurement = &Procurement{Total: money(p.Total.Amount), Goods: optMoney(p.Goods), Works: optMoney(p.Works), Services: optMoney(p.Services), SME: optMoney(p.SME), SmallMicro: optMoney(p.SmallMicro)}
	}
	if a := f.Assets; a != nil {
		h := func(x model.Holding) Holding { return Holding{Count: x.Count, Value: optMoney(x.Value)} }
		d.Assets = &Assets{BuildingArea: a.BuildingArea, BuildingValue: optMoney(a.BuildingValue), Vehicles: h(a.Vehicles), GeneralVehicles: h(a.GeneralVehicles),
			EnforcementVehicles: h(a.EnforcementVehicles), OtherVehicles: h(a.OtherVehicles), Furniture: optMoney(a.Furniture), Other: optMoney(a.Other),
			Equipment50: a.Equipment50, Equipment100: a.Equipment100, NewVehicles: a.NewVehicles, NewEquipment50: a.NewEquipment50, NewEquipment100: a.NewEquipment100}
		if !a.AsOf.IsZero() {
			d.Assets.AsOf = a.AsOf.String()
		}
	}
	for _, t := range f.Glossary {
		d.Glossary = append(d.Glossary, Term{Term: textOrEmpty(t.Term), Text: textOrEmpty(t.Text)})
	}
	if p := prior(f.Prior); p != nil {
		d.Prior = p
	}
	for _, a := range f.Accepted {
		d.Accepted = append(d.Accepted, Acceptance{Rule: a.Rule, Subject: a.Subject, Figures: a.Figures, Reason: a.Reason})
	}
	return d
}

func (n Names) table(f *model.File, t *model.Table) Table {
	title := t.Title
	if title.IsZero() {
		title = t.Kind.Title
	}
	jt := Table{No: t.No, Kind: t.Kind.ID, Title: textOrEmpty(title), Empty: text(t.Empty), Parts: []Part{}}
	for i := range t.Kind.Parts {
		part := &t.Kind.Parts[i]
		jp := Part{Key: part.Key, Title: text(part.Title), RowKeys: rowKeys[part.Rows], Columns: []Column{}, Rows: []Row{}}
		for _, c := range part.Columns {
			jp.Columns = append(jp.Columns, Column{Key: c.Key, Title: textOrEmpty(c.Title)})
		}
		for _, r := range t.Parts[part.Key] {
			jr := Row{Key: r.Key, Code: r.Code.String(), Project: r.Project, Cells: make([]*string, len(part.Columns))}
			switch {
			case r.Key == "total":
				jr.Name = textOrEmpty(part.Total)
				if part.Total.IsZero() {
					jr.Name = Text{ZH: "合计", EN: "Total"}
				}
			case r.Key == "unit":
				jr.Name = textOrEmpty(f.Department.Name)
			case part.Rows == model.Items:
				it, _ := part.Item(r.Key)
				jr.Name = textOrEmpty(it.Title)
			case r.Project != "":
				if p := f.Project(r.Project); p != nil {
					jr.Name = textOrEmpty(p.Name)
				} else {
					jr.Name = Text{ZH: r.Project}
				}
			case part.Rows == model.EconomicCodes:
				jr.Name = n.of(f, classify.Economic, r.Code)
			default:
				jr.Name = n.of(f, classify.Function, r.Code)
			}
			for i := range jr.Cells {
				if c := r.Cell(i); !c.Empty {
					s := money(c.Value)
					jr.Cells[i] = &s
				}
			}
			jp.Rows = append(jp.Rows, jr)
		}
		jt.Parts = append(jt.Parts, jp)
	}
	return jt
}

func indicators(list []model.Indicator) []Indicator {
	out := []Indicator{}
	for _, in := range list {
		out = append(out, Indicator{Level1: in.Level1, Level2: in.Level2, Name: textOrEmpty(in.Name), Target: textOrEmpty(in.Target.Text),
			Op: in.Target.Op, Value: in.Target.Value, Unit: in.Target.Unit, Basis: text(in.Basis), Prior: text(in.Prior), Weight: in.Weight,
			Scoring: text(in.Scoring), Evidence: text(in.Evidence)})
	}
	return out
}

func prior(p model.Prior) *Prior {
	m := func(in map[string]model.Money) map[string]string {
		if len(in) == 0 {
			return nil
		}
		out := map[string]string{}
		for k, v := range in {
			out[k] = money(v.Amount)
		}
		return out
	}
	out := &Prior{Income: m(p.Income), Expenditure: m(p.Expenditure), General: m(p.General), ThreePublic: m(p.ThreePublic)}
	if len(p.Functions) > 0 {
		out.Functions = map[string]string{}
		for k, v := range p.Functions {
			out.Functions[k.String()] = money(v.Amount)
		}
	}
	if p.OperatingCosts != nil {
		s := money(p.OperatingCosts.Amount)
		out.OperatingCosts = &s
	}
	if out.Income == nil && out.Expenditure == nil && out.General == nil && out.Functions == nil && out.ThreePublic == nil && out.OperatingCosts == nil {
		return nil
	}
	return out
}
