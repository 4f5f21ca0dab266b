package model

// RowKeys says what the first cell of a table row names.
type RowKeys int

const (
	// FunctionCodes rows are keyed by functional classification codes
	// (支出功能分类: 201, 201 03, 201 03 50).
	FunctionCodes RowKeys = iota
	// EconomicCodes rows are keyed by economic classification codes
	// (经济分类: 301, 301 01).
	EconomicCodes
	// Items rows are keyed by the fixed items of the part (Part.Items).
	Items
	// ProjectRows rows are keyed by a project id, a functional code (a
	// subtotal) or "unit" (the department's subtotal).
	ProjectRows
)

// Column is one amount column of a table part.
type Column struct {
	Key   string
	Title Text
}

// Item is one fixed row of a part whose rows are not classification
// codes, such as 一般公共预算拨款 in table 1. Parent names the item it is
// part of; children add up to their parent.
type Item struct {
	Key    string
	Parent string
	Title  Text
}

// Identity says that column Sum equals the sum of columns Parts in every
// row of a part (合计 = 基本支出 + 项目支出).
type Identity struct {
	Sum   string
	Parts []string
}

// Part is one block of rows of a table: most tables have one ("rows");
// tables 1 and 4 have an income side and an expenditure side. Total is
// the label of the part's total row as the document prints it (收入总计,
// 总计, 合计).
type Part struct {
	Key        string
	Title      Text
	Total      Text
	Rows       RowKeys
	Items      []Item
	Columns    []Column
	Identities []Identity
	// TotalFirst puts the total row at the top, as the 三公 table does;
	// other parts of fixed items print it at the bottom.
	TotalFirst bool
}

// Column returns the index of the column with the given key, or -1.
func (p *Part) Column(key string) int {
	for i, c := range p.Columns {
		if c.Key == key {
			return i
		}
	}
	return -1
}

// Item returns the item with the given key.
func (p *Part) Item(key string) (Item, bool) {
	for _, it := range p.Items {
		if it.Key == key {
			return it, true
		}
	}
	return Item{}, false
}

// Kind is a standard table template: its title and the shape of its rows
// and columns. Which kinds a publication has, in which order and under
// which numbers, is data (File.Tables), not code.
type Kind struct {
	ID    string
	Title Text
	Parts []Part
}

// Part returns the part with the given key.
func (k *Kind) Part(key string) *Part {
	for i := range k.Parts {
		if k.Parts[i].Key == key {
			return &k.Parts[i]
		}
	}
	return nil
}

// The ids of the standard table kinds of a department budget.
const (
	KindSummary      = "summary"         // 部门收支总体情况表
	KindIncome       = "income"          // 部门收入总体情况表
	KindExpenditure  = "expenditure"     // 部门支出总体情况表
	KindFiscal       = "fiscal"          // 财政拨款收支预算总体情况表
	KindGeneral      = "general"         // 一般公共预算支出情况表
	KindGeneralBasic = "general-basic"   // 一般公共预算基本支出情况表
	KindGeneralProj  = "general-project" // 一般公共预算项目支出情况表
	KindFund         = "fund"            // 政府性基金预算支出情况表
	KindSOE          = "soe"             // 国有资本经营预算支出情况表
	KindThreePublic  = "three-public"    // 财政拨款“三公”经费支出情况表
	KindCarryover    = "carryover"       // 上年结转结余情况明细表
	KindProcurement  = "procurement"     // 政府采购预算表
)

func col(key, zh, en string) Column { return Column{Key: key, Title: Bi(zh, en)} }

func item(key, parent, zh, en string) Item {
	return Item{Key: key, Parent: parent, Title: Bi(zh, en)}
}

var (
	colTotal     = col("total", "合计", "Total")
	colBasic     = col("basic", "基本支出", "Basic expenditure")
	colProject   = col("project", "项目支出", "Project expenditure")
	colPersonnel = col("personnel", "人员经费", "Personnel expenses")
	colPublic    = col("public", "公用经费", "Operating expenses")
	colGeneral   = col("general", "一般公共预算", "General public budget")
	colFund      = col("fund", "政府性基金预算", "Government funds budget")
	colSOE       = col("soe", "国有资本经营预算", "State capital operations budget")
)

// The labels of total rows.
var (
	grandTotal = Bi("总计", "Total")
	sumTotal   = Bi("合计", "Total")
)

var functionsTotalBasicProject = Part{
	Key: "rows", Total: grandTotal, Rows: FunctionCodes,
	Columns:    []Column{colTotal, colBasic, colProject},
	Identities: []Identity{{"total", []string{"basic", "project"}}},
}

var fundLike = Part{
	Key: "rows", Total: grandTotal, Rows: FunctionCodes,
	Columns: []Column{colTotal,
		col("personnel", "基本支出：人员经费", "Basic expenditure: personnel expenses"),
		col("public", "基本支出：公用经费", "Basic expenditure: operating expenses"),
		colProject},
	Identities: []Identity{{"total", []string{"personnel", "public", "project"}}},
}

// IncomeItems are the income lines of table 1 (部门收支总体情况表).
var IncomeItems = []Item{
	item("current", "total", "一、本年收入", "I. Income of the year"),
	item("general", "current", "1、一般公共预算拨款", "1. General public budget appropriations"),
	item("general.own", "general", "其中：一般财力", "of which: own general revenue"),
	item("general.transfer", "general", "上级一般公共预算安排转移支付", "transfers from the higher-level general public budget"),
	item("fund", "current", "2、基金预算拨款", "2. Government funds appropriations"),
	item("fund.own", "fund", "其中：政府性基金收入", "of which: government funds revenue"),
	item("fund.transfer", "fund", "上级政府性基金安排转移支付", "transfers from higher-level government funds"),
	item("soe", "current", "3、国有资本经营预算拨款", "3. State capital operations budget appropriations"),
	item("soe.own", "soe", "其中：国有资本经营收入", "of which: state capital operations revenue"),
	item("soe.transfer", "soe", "上级国有资本经营预算安排转移支付", "transfers from the higher-level state capital operations budget"),
	item("special", "current", "4、财政专户核拨", "4. Allocations from special fiscal accounts"),
	item("unit", "current", "5、单位资金", "5. Unit funds"),
	item("unit.business", "unit", "其中：事业收入", "of which: public service revenue"),
	item("unit.grant", "unit", "上级补助收入", "subsidies from higher-level units"),
	item("unit.affiliated", "unit", "附属单位上缴收入", "remittances from affiliated units"),
	item("unit.operating", "unit", "事业单位经营收入", "business revenue of public institutions"),
	item("unit.other", "unit", "其他收入", "other revenue"),
	item("carryover", "total", "二、上年结转结余", "II. Carry-over and balances from the prior year"),
	item("carryover.fiscal", "carryover", "1、财政拨款结转", "1. Carry-over of fiscal appropriations"),
	item("carryover.fiscal.general", "carryover.fiscal", "其中：一般公共预算拨款", "of which: general public budget"),
	item("carryover.fiscal.fund", "carryover.fiscal", "基金预算拨款", "government funds"),
	item("carryover.fiscal.soe", "carryover.fiscal", "国有资本经营预算拨款", "state capital operations budget"),
	item("carryover.nonfiscal", "carryover", "2、非财政拨款结转结余", "2. Carry-over and balances of non-appropriated funds"),
	item("carryover.nonfiscal.special", "carryover.nonfiscal", "其中：财政专户核拨", "of which: special fiscal accounts"),
	item("carryover.nonfiscal.unit", "carryover.nonfiscal", "单位资金", "unit funds"),
}

// ThreePublicItems are the rows of the 三公 table.
var ThreePublicItems = []Item{
	item("outbound", "total", "因公出国（境）费", "Overseas trips on official business"),
	item("reception", "total", "公务接待费", "Official hospitality"),
	item("vehicles", "total", "公务用车购置及运行费（小计）", "Official vehicles: purchase and operation (subtotal)"),
	item("vehicles.purchase", "vehicles", "其中：公务用车购置费", "of which: purchase of official vehicles"),
	item("vehicles.operation", "vehicles", "公务用车运行费", "operation and maintenance of official vehicles"),
}

// ProjectColumns are the economic-class columns of the project table:
// 工资福利支出 … 其他支出, keyed by their economic classification code.
var projectEconomicClasses = []Column{
	col("301", "工资福利支出", "Wages and benefits"),
	col("302", "商品和服务支出", "Goods and services"),
	col("303", "对个人和家庭的补助", "Subsidies to individuals and households"),
	col("307", "债务利息及费用支出", "Debt interest and fees"),
	col("309", "资本性支出（基本建设）", "Capital expenditure (capital construction)"),
	col("310", "资本性支出", "Capital expenditure"),
	col("311", "对企业补助（基本建设）", "Subsidies to enterprises (capital construction)"),
	col("312", "对企业补助", "Subsidies to enterprises"),
	col("313", "对社会保障基金补助", "Subsidies to social security funds"),
	col("399", "其他支出", "Other expenditure"),
}

func projectPart() Part {
	cols := append([]Column{colTotal}, projectEconomicClasses...)
	parts := make([]string, len(projectEconomicClasses))
	for i, c := range projectEconomicClasses {
		parts[i] = c.Key
	}
	return Part{Key: "rows", Total: grandTotal, Rows: ProjectRows, Columns: cols,
		Identities: []Identity{{"total", parts}}}
}

// Kinds are the standard table templates, by id.
var Kinds = map[string]*Kind{
	KindSummary: {ID: KindSummary, Title: Bi("部门收支总体情况表", "Summary of Revenue and Expenditure"),
		Parts: []Part{
			{Key: "income", Title: Bi("收入", "Revenue"), Total: Bi("收入总计", "Total revenue"), Rows: Items, Items: IncomeItems,
				Columns: []Column{col("amount", "预算数", "Budget")}},
			{Key: "expenditure", Title: Bi("支出", "Expenditure"), Total: Bi("支出总计", "Total expenditure"), Rows: FunctionCodes,
				Columns: []Column{col("amount", "预算数", "Budget")}},
		}},
	KindIncome: {ID: KindIncome, Title: Bi("部门收入总体情况表", "Revenue by Source"),
		Parts: []Part{{Key: "rows", Total: grandTotal, Rows: FunctionCodes,
			Columns: []Column{
				col("total", "总计", "Total"),
				col("fiscal", "财政拨款（补助）小计", "Fiscal appropriations: subtotal"),
				colGeneral,
				col("general_transfer", "上级一般公共预算安排的转移支付", "Transfers: general public budget"),
				colFund,
				col("fund_transfer", "上级政府性基金安排的转移支付", "Transfers: government funds"),
				colSOE,
				col("soe_transfer", "上级国有资本经营预算安排的转移支付", "Transfers: state capital operations budget"),
				col("special", "财政专户（教育收费）", "Special fiscal accounts (education fees)"),
				col("unit", "单位资金", "Unit funds"),
				col("carryover_fiscal", "财政拨款结转", "Carry-over of fiscal appropriations"),
				col("carryover_nonfiscal", "非财政拨款结转结余", "Carry-over and balances of non-appropriated funds"),
			},
			Identities: []Identity{
				{"total", []string{"fiscal", "special", "unit", "carryover_fiscal", "carryover_nonfiscal"}},
				{"fiscal", []string{"general", "general_transfer", "fund", "fund_transfer", "soe", "soe_transfer"}},
			}}}},
	KindExpenditure: {ID: KindExpenditure, Title: Bi("部门支出总体情况表", "Expenditure by Function"),
		Parts: []Part{functionsTotalBasicProject}},
	KindFiscal: {ID: KindFiscal, Title: Bi("财政拨款收支预算总体情况表", "Fiscal Appropriations: Revenue and Expenditure"),
		Parts: []Part{
			{Key: "income", Title: Bi("财政拨款收入", "Fiscal appropriation revenue"), Total: Bi("收入总计", "Total revenue"), Rows: Items,
				Items: []Item{
					item("fiscal", "total", "一、财政拨款（补助）", "I. Fiscal appropriations (subsidies)"),
					item("general", "fiscal", "一般公共预算", "General public budget"),
					item("fund", "fiscal", "政府性基金预算", "Government funds budget"),
					item("soe", "fiscal", "国有资本经营预算", "State capital operations budget"),
					item("carryover", "total", "二、上年结转", "II. Carry-over from the prior year"),
					item("carryover.general", "carryover", "一般公共预算", "General public budget"),
					item("carryover.fund", "carryover", "政府性基金预算", "Government funds budget"),
					item("carryover.soe", "carryover", "国有资本经营预算", "State capital operations budget"),
				},
				Columns: []Column{col("amount", "合计", "Total")}},
			{Key: "expenditure", Title: Bi("财政拨款支出", "Fiscal appropriation expenditure"), Total: Bi("支出总计", "Total expenditure"), Rows: FunctionCodes,
				Columns:    []Column{colTotal, colGeneral, colFund, colSOE},
				Identities: []Identity{{"total", []string{"general", "fund", "soe"}}}},
		}},
	KindGeneral: {ID: KindGeneral, Title: Bi("一般公共预算支出情况表", "General Public Budget Expenditure"),
		Parts: []Part{functionsTotalBasicProject}},
	KindGeneralBasic: {ID: KindGeneralBasic, Title: Bi("一般公共预算基本支出情况表", "General Public Budget: Basic Expenditure"),
		Parts: []Part{{Key: "rows", Total: grandTotal, Rows: EconomicCodes,
			Columns:    []Column{colTotal, colPersonnel, colPublic},
			Identities: []Identity{{"total", []string{"personnel", "public"}}}}}},
	KindGeneralProj: {ID: KindGeneralProj, Title: Bi("一般公共预算项目支出情况表", "General Public Budget: Project Expenditure"),
		Parts: []Part{projectPart()}},
	KindFund: {ID: KindFund, Title: Bi("政府性基金预算支出情况表", "Government Funds Budget Expenditure"),
		Parts: []Part{fundLike}},
	KindSOE: {ID: KindSOE, Title: Bi("国有资本经营预算支出情况表", "State Capital Operations Budget Expenditure"),
		Parts: []Part{fundLike}},
	KindThreePublic: {ID: KindThreePublic, Title: Bi("财政拨款“三公”经费支出情况表", "“Three Public Expenses” from Fiscal Appropriations"),
		Parts: []Part{{Key: "rows", Total: sumTotal, Rows: Items, Items: ThreePublicItems,
			Columns:    []Column{colTotal, colGeneral, colFund, colSOE},
			Identities: []Identity{{"total", []string{"general", "fund", "soe"}}},
			TotalFirst: true}}},
	KindCarryover: {ID: KindCarryover, Title: Bi("上年结转结余情况明细表", "Carry-over and Balances from the Prior Year"),
		Parts: []Part{{Key: "rows", Total: grandTotal, Rows: ProjectRows,
			Columns: []Column{
				col("total", "总计", "Total"),
				col("fiscal", "财政拨款：合计", "Fiscal appropriations: total"),
				col("fiscal_personnel", "财政拨款：基本支出人员经费", "Fiscal appropriations: basic expenditure, personnel expenses"),
				col("fiscal_public", "财政拨款：基本支出公用经费", "Fiscal appropriations: basic expenditure, operating expenses"),
				col("fiscal_project", "财政拨款：项目支出", "Fiscal appropriations: project expenditure"),
				col("nonfiscal", "非财政拨款：合计", "Non-appropriated funds: total"),
				col("nonfiscal_personnel", "非财政拨款：基本支出人员经费", "Non-appropriated funds: basic expenditure, personnel expenses"),
				col("nonfiscal_public", "非财政拨款：基本支出公用经费", "Non-appropriated funds: basic expenditure, operating expenses"),
				col("nonfiscal_project", "非财政拨款：项目支出", "Non-appropriated funds: project expenditure"),
			},
			Identities: []Identity{
				{"total", []string{"fiscal", "nonfiscal"}},
				{"fiscal", []string{"fiscal_personnel", "fiscal_public", "fiscal_project"}},
				{"nonfiscal", []string{"nonfiscal_personnel", "nonfiscal_public", "nonfiscal_project"}},
			}}}},
	KindProcurement: {ID: KindProcurement, Title: Bi("政府采购预算表", "Government Procurement Budget"),
		Parts: []Part{{Key: "rows", Total: sumTotal, Rows: Items, Items: ProcurementItems,
			Columns:    []Column{colTotal, col("fiscal", "财政拨款", "Fiscal appropriations"), col("other", "其他资金", "Other funds")},
			Identities: []Identity{{"total", []string{"fiscal", "other"}}}}}},
}

// ProcurementItems are the rows of the government procurement table, by
// what is bought.
var ProcurementItems = []Item{
	item("goods", "total", "货物", "Goods"),
	item("works", "total", "工程", "Works"),
	item("services", "total", "服务", "Services"),
}
