package model

import (
	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
)

// Money is an amount as it stands in a file, with its position.
type Money struct {
	amount.Amount
	Pos diag.Pos
}

// Cell is one amount cell of a table row; Empty cells are printed blank
// and count as zero.
type Cell struct {
	Value amount.Amount
	Empty bool
	Pos   diag.Pos
}

// Row is one row of a table part. Key is "total", "unit", an item key, a
// classification code or a project id, as the part's RowKeys say; Code
// and Project are filled in when the key is a code or a project id.
type Row struct {
	Key     string
	Code    classify.Code
	Project string
	// Printed is the name of the row's code as the published table
	// prints it, when the editor wrote it after the code; the checker
	// compares it with the dictionary.
	Printed string
	Cells   []Cell
	Pos     diag.Pos
}

// Cell returns the cell in column i, an empty cell when the row is short.
func (r *Row) Cell(i int) Cell {
	if i < 0 || i >= len(r.Cells) {
		return Cell{Empty: true, Pos: r.Pos}
	}
	return r.Cells[i]
}

// Table is one published table: its number and kind, its rows per part,
// and for a table with no figures, its statutory statement (空表说明).
type Table struct {
	No    string
	Kind  *Kind
	Title Text // overrides Kind.Title when set
	Parts map[string][]Row
	Empty Text
	Pos   diag.Pos
}

// Name returns the table's title in lang, falling back to Chinese.
func (t *Table) Name(lang string) string {
	if !t.Title.IsZero() {
		s, _ := t.Title.In(lang)
		return s
	}
	s, _ := t.Kind.Title.In(lang)
	return s
}

// HasRows reports whether any part of the table has rows.
func (t *Table) HasRows() bool {
	for _, rows := range t.Parts {
		if len(rows) > 0 {
			return true
		}
	}
	return false
}

// Headcount is a number of people and its change on the prior year.
type Headcount struct {
	Count  int
	Change int
	Pos    diag.Pos
}

// Staffing is 机构设置及人员情况: authorised posts and people.
type Staffing struct {
	Authorized int       // 编制数
	Actual     int       // 实有人数
	Active     Headcount // 在职
	Retired    Headcount // 退休
	Veteran    Headcount // 离休: veteran cadres who joined the revolution before October 1949
	Pos        diag.Pos
}

// Contact is a person to contact about the publication.
type Contact struct {
	Name  Text
	Phone string
}

// Department is the publishing department.
type Department struct {
	Name             Text
	Short            Text
	Functions        Text   // 主要职能
	Units            []Text // 内设处室
	SubordinateUnits int    // 下属预算单位数
	Staffing         Staffing
	Contact          Contact

	// HasSubordinateUnits is set when the file gives subordinate_units,
	// so that a page can tell 0 from not stated.
	HasSubordinateUnits bool
}

// Allocation is one line of a project's funding allocation (资金分配):
// an economic classification code and an amount.
type Allocation struct {
	Code   classify.Code
	Amount Money
	Pos    diag.Pos
}

// The funding sources a project can be paid from. Each is checked against
// the table that publishes that source's spending.
const (
	SourceGeneral   = "general"   // 一般公共预算: table 7, row by row
	SourceFund      = "fund"      // 政府性基金预算: table 8, by 项
	SourceSOE       = "soe"       // 国有资本经营预算: table 9, by 项
	SourceSpecial   = "special"   // 财政专户管理资金: table 3, by 项
	SourceUnit      = "unit"      // 单位资金: table 3, by 项
	SourceCarryover = "carryover" // 上年结转结余: table 11, row by row
)

// Sources lists the funding sources in the order the tables print them.
var Sources = []string{SourceGeneral, SourceFund, SourceSOE, SourceSpecial, SourceUnit, SourceCarryover}

// Project is one project of project expenditure (项目支出).
type Project struct {
	ID       string
	Name     Text
	Function classify.Code // 功能分类 项
	// Source is where the money comes from (SourceGeneral and so on).
	Source     string
	Amount     Money        // 预算安排规模
	Basis      Text         // 设立的政策依据
	Owner      Text         // 项目承担单位; empty means the department
	From, To   Date         // 资金执行时间
	Allocation []Allocation // 资金分配情况
	Pos        diag.Pos
}

// Target is an indicator's target value (指标值): an operator such as
// ">=", a value and a unit ("≥ 90%"), or a qualitative target ("有效保障")
// with an empty operator.
type Target struct {
	Op string // "", "=", ">=", "<=", ">", "<"
	// Implicit is set when the table printed no operator ("1500 台"),
	// which reads as "=".
	Implicit bool
	Value    string // the number as written, "" for qualitative targets
	Unit     string
	Text     Text // the whole target as written
}

// Indicator is one performance indicator (三级指标) with its group.
type Indicator struct {
	Level1, Level2 string // 一级指标, 二级指标
	Name           Text
	Target         Target
	Basis          Text // 指标值设定依据
	Prior          Text // 上年完成值
	Weight         int  // 分值权重
	Scoring        Text // 指标赋分规则
	Evidence       Text // 佐证资料
	Pos            diag.Pos
}

// OverallTargets is 部门整体绩效目标表.
type OverallTargets struct {
	Goal       Text
	Upper      Money // 财政资金：上级安排
	Own        Money // 财政资金：本级安排
	Other      Money // 其他资金
	Indicators []Indicator
	Pos        diag.Pos
}

// ProjectTargets is one 项目支出绩效目标表.
type ProjectTargets struct {
	Project    string // project id
	Title      Text   // the project's name as this table prints it, when it differs
	Manager    Text   // 项目负责人
	Total      Money  // 年度预算总额
	Fiscal     Money  // 其中：财政拨款
	Other      Money  // 其他资金
	Goal       Text   // 项目总体目标
	Indicators []Indicator
	Pos        diag.Pos
}

// Performance holds the performance-target tables.
type Performance struct {
	Overall  *OverallTargets
	Projects []ProjectTargets
}

// Procurement is 政府采购情况.
type Procurement struct {
	Total, Goods, Works, Services Money
	SME, SmallMicro               Money // 面向中小企业预留, 其中小微企业
	Pos                           diag.Pos
}

// Holding is a count of assets and their value.
type Holding struct {
	Count int
	Value Money
	Pos   diag.Pos
}

// Assets is 国有资产占用使用情况 at the end of the prior year.
type Assets struct {
	AsOf                            Date
	BuildingArea                    string // 平方米, as written
	BuildingValue                   Money
	Vehicles                        Holding // all vehicles
	GeneralVehicles                 Holding // 一般公务用车
	EnforcementVehicles             Holding // 执法执勤用车
	OtherVehicles                   Holding // 其他车辆
	Furniture                       Money   // 办公家具
	Other                           Money   // 其他资产
	Equipment50, Equipment100       int     // 单位价值 50 / 100 万元以上大型设备台数
	NewVehicles                     int     // 本年预算安排购置车辆
	NewEquipment50, NewEquipment100 int
	Pos                             diag.Pos
}

// Term is a glossary entry (名词解释).
type Term struct {
	Term Text
	Text Text
	Pos  diag.Pos
}

// Prior holds the prior year's budget figures (上年预算数) that the
// explanations compare against, keyed like the rows they belong to.
type Prior struct {
	Income         map[string]Money        // by table-1 income item key, and "total"
	Expenditure    map[string]Money        // "basic", "project", "total"
	General        map[string]Money        // 一般公共预算当年拨款: "basic", "project"
	Functions      map[classify.Code]Money // 一般公共预算 by functional code
	ThreePublic    map[string]Money        // by 三公 item key
	OperatingCosts *Money                  // 机关运行经费
	Pos            diag.Pos
}

// File is one department's publication for one year, as loaded from
// data/<year>/<id>.yaml.
type File struct {
	Path string
	ID   string // department id, the file's base name
	Year int
	Type string // "budget" (预算) or "final" (决算)
	Unit string // "万元" or "元"
	// Template is the set of tables the file publishes (its province's,
	// or the national one).
	Template       *Template
	Published      Date
	Department     Department
	Tables         []*Table
	Projects       []*Project
	Performance    Performance
	OperatingCosts *Money // 机关运行经费
	Procurement    *Procurement
	Assets         *Assets
	Glossary       []Term
	Prior          Prior
	// Incomplete is set when loading the file found errors: some of its
	// figures are missing, so the checker does not compare them.
	Incomplete bool
	// Accepted lists inconsistencies of the published document that the
	// editor has looked at and keeps as published.
	Accepted []Acceptance
	// Names holds the names, as the tables print them, of the functional
	// codes that the dictionary does not have.
	Names map[classify.Code]string
	// Strings lists every text scalar of the file with its position, so
	// checks such as the placeholder rule can read them all.
	Strings []Located
}

// Located is a string from a file and its position.
type Located struct {
	S    string
	Pos  diag.Pos
	Lang string // the language of a text given by language (en: …), or ""
}

// Table returns the first table of the given kind, or nil.
func (f *File) Table(kind string) *Table {
	for _, t := range f.Tables {
		if t.Kind.ID == kind {
			return t
		}
	}
	return nil
}

// CodeName returns the name of a classification code in the file's
// year: the dictionary's, or for a functional code the dictionary lacks,
// the name the tables print.
func (f *File) CodeName(d *classify.Dictionary, s classify.Scheme, c classify.Code) (classify.Name, bool) {
	if n, ok := d.Lookup(s, c, f.Year); ok {
		return n, true
	}
	if n, ok := f.Names[c]; ok && s == classify.Function {
		return classify.Name{ZH: n}, true
	}
	return classify.Name{}, false
}

// Project returns the project with the given id, or nil.
func (f *File) Project(id string) *Project {
	for _, p := range f.Projects {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Acceptance marks one finding of the checker (a rule about a subject) as
// known and kept as published, with the reason. It turns that error into
// a warning that carries the reason.
type Acceptance struct {
	Rule    string
	Subject string
	// Figures are the amounts of the finding as it was accepted; a
	// finding whose amounts differ is reported again.
	Figures []string
	Reason  string
	Pos     diag.Pos
}
