// Package narrative renders the explanations of a department-year
// (第三部分 情况说明), which editors write in Markdown, with every figure
// taken from the data instead of typed a second time.
//
// A reference is written between double braces: a function, then for
// most functions a dotted path into the department's data.
//
//	{{amount REF}}         364.13 万元 / 3,641.3 thousand yuan
//	{{share REF}}          60.27%: REF's share of its implied whole
//	{{share REF of REF}}   the share of an explicit whole
//	{{change REF}}         比上年预算增加 224.69 万元，增长 161.14%
//	{{prior REF}}          the prior year's budget, 139.44 万元
//	{{line REF}}           基本支出 364.13 万元，占 60.27%，比上年预算增加 …
//	{{year}}               2024
//	{{department}}         the department's name in the page language
//
// English pages state amounts in thousand yuan, converted exactly from
// 万元 (a file kept in 元 says yuan). An unchanged figure reads as the
// documents write it, 比上年预算增加 0.00 万元，增长 0.00%; a figure with no
// prior-year budget reads 上年预算为 0. {{year -1}} is the year before.
//
// REF paths are:
//
//	income.<item>                        table 1 (summary) income side: general, general.own, unit, carryover.fiscal, …, total
//	expenditure.total|basic|project      the total row of the expenditure table
//	general.total|basic|project          the total row of the general public budget table
//	general.<code>                       a row of that table by functional code, column total: general.2010350, general.201
//	basic.total|personnel|public         the total row of the basic expenditure table
//	three_public.<item>                  total, outbound, reception, vehicles, vehicles.purchase, vehicles.operation
//	operating_costs                      机关运行经费
//	procurement.total|goods|works|services|sme|small_micro
//	project.<id>                         a project's amount
//	t<no>[.<part>].<row>.<column>        any cell: t5.2010350.basic, t1.income.total.amount
//
// The implied whole of a share is the total row of the same table and
// column; for a cell of the total row it is the row's first (total)
// column. Prior-year figures come from the prior: section of the data
// file; a 类 or 款 without its own prior figure adds up those of the
// codes under it, and likewise an item adds up its sub-items.
//
// A reference that does not resolve is an error diagnostic at the
// position of its {{, naming the closest function or reference when the
// name looks misspelt. References end on the line they start on. \{{
// and code spans keep braces literal. Raw HTML in the Markdown is
// dropped, with what a script, style or frame holds, and Lint warns
// where; text taken from the data is escaped.
package narrative
