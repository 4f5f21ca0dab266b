package narrative

import (
	"os"
	"strings"
	"testing"

	"budgetpress/internal/i18n"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/spell"
)

// example loads the example department-year, the 2024 budget of the
// Changji Prefecture E-Government Office.
func example(t testing.TB) *model.File {
	t.Helper()
	src, err := os.ReadFile("../../data/2024/changji-egov.yaml")
	if err != nil {
		t.Fatal(err)
	}
	f, diags := load.File("data/2024/changji-egov.yaml", src, load.Options{})
	if diags.HasErrors() {
		t.Fatalf("loading the example: %v", diags)
	}
	return f
}

// TestSentences checks each function in both languages against the
// sentences of the published document (第三部分 情况说明).
func TestSentences(t *testing.T) {
	r := New(example(t), nil)
	tests := []struct{ expr, zh, en string }{
		// 二、收入预算
		{"amount income.total", "604.13 万元", "6,041.3 thousand yuan"},
		{"amount income.general", "604.13 万元", "6,041.3 thousand yuan"},
		{"share income.general", "100.00%", "100.00%"},
		{"change income.general", "比上年预算减少 1,403.71 万元，下降 69.91%",
			"a decrease of 14,037.1 thousand yuan (69.91%) on the prior year's budget"},
		{"prior income.general", "2,007.84 万元", "20,078.4 thousand yuan"},
		{"line income.unit", "单位资金 0.00 万元，占 0.00%，比上年预算减少 10.00 万元，下降 100.00%",
			"Unit funds: 0.0 thousand yuan, 0.00% of the total, a decrease of 100.0 thousand yuan (100.00%) on the prior year's budget"},
		{"line income.carryover.fiscal", "财政拨款结转 0.00 万元，占 0.00%，比上年预算减少 50.33 万元，下降 100.00%",
			"Carry-over of fiscal appropriations: 0.0 thousand yuan, 0.00% of the total, a decrease of 503.3 thousand yuan (100.00%) on the prior year's budget"},
		{"change income.fund", "比上年预算增加 0.00 万元，增长 0.00%", "unchanged from the prior year's budget (0.0 thousand yuan in both years)"},
		{"line income.general.own", "一般财力 604.13 万元，占 100.00%", "Own general revenue: 6,041.3 thousand yuan, 100.00% of the total"},
		// 三、支出预算
		{"amount expenditure.total", "604.13 万元", "6,041.3 thousand yuan"},
		{"line expenditure.basic", "基本支出 364.13 万元，占 60.27%，比上年预算增加 224.69 万元，增长 161.14%",
			"Basic expenditure: 3,641.3 thousand yuan, 60.27% of the total, an increase of 2,246.9 thousand yuan (161.14%) on the prior year's budget"},
		{"line expenditure.project", "项目支出 240.00 万元，占 39.73%，比上年预算减少 1,688.73 万元，下降 87.56%",
			"Project expenditure: 2,400.0 thousand yuan, 39.73% of the total, a decrease of 16,887.3 thousand yuan (87.56%) on the prior year's budget"},
		{"share expenditure.basic", "60.27%", "60.27%"},
		{"prior expenditure.basic", "139.44 万元", "1,394.4 thousand yuan"},
		{"prior expenditure.total", "2,068.17 万元", "20,681.7 thousand yuan"},
		// 五、一般公共预算当年拨款
		{"change general.basic", "比上年预算增加 226.29 万元，增长 164.17%",
			"an increase of 2,262.9 thousand yuan (164.17%) on the prior year's budget"},
		{"change general.project", "比上年预算减少 1,630.00 万元，下降 87.17%",
			"a decrease of 16,300.0 thousand yuan (87.17%) on the prior year's budget"},
		{"amount general.201", "500.80 万元", "5,008.0 thousand yuan"},
		{"share general.201", "82.90%", "82.90%"},
		{"share general.208", "9.02%", "9.02%"},
		{"share general.210", "3.21%", "3.21%"},
		{"share general.221", "4.87%", "4.87%"},
		{"share general.201 of general.total", "82.90%", "82.90%"},
		{"line general.201", "一般公共服务支出 500.80 万元，占 82.90%，比上年预算减少 1,468.76 万元，下降 74.57%",
			"General public services: 5,008.0 thousand yuan, 82.90% of the total, a decrease of 14,687.6 thousand yuan (74.57%) on the prior year's budget"},
		{"amount general.2010350", "260.80 万元", "2,608.0 thousand yuan"},
		{"change general.2010350", "比上年预算增加 161.24 万元，增长 161.95%",
			"an increase of 1,612.4 thousand yuan (161.95%) on the prior year's budget"},
		{"change general.2010399", "比上年预算减少 1,630.00 万元，下降 87.17%",
			"a decrease of 16,300.0 thousand yuan (87.17%) on the prior year's budget"},
		{"change general.2080502", "比上年预算增加 0.00 万元，增长 0.00%", "unchanged from the prior year's budget (an increase of 0.0 thousand yuan, 0.00%)"},
		{"change general.2080505", "比上年预算增加 22.75 万元，增长 168.27%",
			"an increase of 227.5 thousand yuan (168.27%) on the prior year's budget"},
		{"change general.2080506", "比上年预算增加 11.37 万元，增长 168.20%",
			"an increase of 113.7 thousand yuan (168.20%) on the prior year's budget"},
		{"change general.2101102", "比上年预算增加 11.37 万元，增长 168.20%",
			"an increase of 113.7 thousand yuan (168.20%) on the prior year's budget"},
		{"change general.2101103", "比上年预算增加 0.71 万元，增长 169.05%",
			"an increase of 7.1 thousand yuan (169.05%) on the prior year's budget"},
		{"change general.2101199", "比上年预算增加 0.08 万元，增长 133.33%",
			"an increase of 0.8 thousand yuan (133.33%) on the prior year's budget"},
		{"change general.2210201", "比上年预算增加 18.76 万元，增长 175.98%",
			"an increase of 187.6 thousand yuan (175.98%) on the prior year's budget"},
		{"line general.2210201", "住房公积金 29.42 万元，占 4.87%，比上年预算增加 18.76 万元，增长 175.98%",
			"Housing provident fund: 294.2 thousand yuan, 4.87% of the total, an increase of 187.6 thousand yuan (175.98%) on the prior year's budget"},
		// 六、基本支出
		{"amount basic.personnel", "333.11 万元", "3,331.1 thousand yuan"},
		{"share basic.public", "8.52%", "8.52%"},
		{"line basic.total", "一般公共预算基本支出 364.13 万元", "Basic expenditure from the general public budget: 3,641.3 thousand yuan"},
		// 七、项目
		{"amount project.cloud-ops", "140.00 万元", "1,400.0 thousand yuan"},
		{"share project.cloud-ops", "58.33%", "58.33%"},
		// 十、“三公”经费
		{"amount three_public.total", "2.16 万元", "21.6 thousand yuan"},
		{"change three_public.total", "比上年预算增加 0.00 万元，增长 0.00%", "unchanged from the prior year's budget (an increase of 0.0 thousand yuan, 0.00%)"},
		{"amount three_public.outbound", "0.00 万元", "0.0 thousand yuan"},
		{"amount three_public.vehicles.operation", "1.99 万元", "19.9 thousand yuan"},
		{"change three_public.vehicles", "比上年预算增加 0.00 万元，增长 0.00%", "unchanged from the prior year's budget (an increase of 0.0 thousand yuan, 0.00%)"},
		{"year -1", "2023", "2023"},
		{"prior three_public.vehicles", "1.99 万元", "19.9 thousand yuan"},
		// 十二、其他重要事项
		{"change operating_costs", "比上年预算增加 18.15 万元，增长 141.03%",
			"an increase of 181.5 thousand yuan (141.03%) on the prior year's budget"},
		{"line operating_costs", "机关运行经费 31.02 万元，比上年预算增加 18.15 万元，增长 141.03%",
			"Running costs of government agencies: 310.2 thousand yuan, an increase of 181.5 thousand yuan (141.03%) on the prior year's budget"},
		{"amount procurement.total", "229.27 万元", "2,292.7 thousand yuan"},
		{"amount procurement.works", "0 万元", "0 thousand yuan"}, // as published
		{"share procurement.services", "75.78%", "75.78%"},
		{"share procurement.small_micro", "100.00%", "100.00%"},
		{"amount assets.other", "5,938.51 万元", "59,385.1 thousand yuan"},
		{"amount assets.general_vehicles", "28.96 万元", "289.6 thousand yuan"},
		{"amount performance.overall.total", "604.12 万元", "6,041.2 thousand yuan"}, // as that table states it
		{"amount performance.crypto-ops.fiscal", "60.00 万元", "600.0 thousand yuan"},
		// any cell
		{"amount t5.2010350.basic", "260.80 万元", "2,608.0 thousand yuan"},
		{"amount t5.201-03-50.basic", "260.80 万元", "2,608.0 thousand yuan"},
		{"amount t1.income.total.amount", "604.13 万元", "6,041.3 thousand yuan"},
		{"amount t1.201.amount", "500.80 万元", "5,008.0 thousand yuan"},
		{"amount t6.30101.total", "86.89 万元", "868.9 thousand yuan"},
		{"amount t7.crypto-ops.302", "60.00 万元", "600.0 thousand yuan"},
		{"amount t10.vehicles.operation.general", "1.99 万元", "19.9 thousand yuan"},
		{"share t3.total.basic", "60.27%", "60.27%"},
		{"change t3.total.basic", "比上年预算增加 224.69 万元，增长 161.14%",
			"an increase of 2,246.9 thousand yuan (161.14%) on the prior year's budget"},
		{"line t6.30101.total", "基本工资 86.89 万元，占 23.86%", "Basic salaries: 868.9 thousand yuan, 23.86% of the total"},
		// the page
		{"year", "2024", "2024"},
		{"department", "昌吉回族自治州人民政府电子政务办公室",
			"E-Government Office of the People's Government of Changji Hui Autonomous Prefecture"},
		{"  amount   income.general  ", "604.13 万元", "6,041.3 thousand yuan"},
	}
	for _, tc := range tests {
		for _, want := range []struct{ lang, s string }{{"zh", tc.zh}, {"en", tc.en}} {
			got, err := r.Eval(tc.expr, want.lang)
			if err != nil || got != want.s {
				t.Errorf("{{%s}} in %s = %q, %v\n\twant %q", tc.expr, want.lang, got, err, want.s)
			}
		}
	}
}

// TestHelpers checks that the helpers for page templates say what the
// Markdown functions say.
func TestHelpers(t *testing.T) {
	r := New(example(t), nil)
	for _, lang := range i18n.Languages() {
		for _, h := range []struct {
			name, expr string
			fn         func(string, string) (string, error)
		}{
			{"Amount", "amount", r.Amount}, {"Share", "share", r.Share}, {"Change", "change", r.Change},
			{"Prior", "prior", r.Prior}, {"Line", "line", r.Line},
		} {
			ref := "expenditure.basic"
			got, err := h.fn(ref, lang)
			want, _ := r.Eval(h.expr+" "+ref, lang)
			if err != nil || got != want {
				t.Errorf("%s(%q, %q) = %q, %v; want %q", h.name, ref, lang, got, err, want)
			}
		}
		got, err := r.ShareOf("general.201", "general.total", lang)
		if err != nil || got != "82.90%" {
			t.Errorf("ShareOf(general.201, general.total, %s) = %q, %v; want 82.90%%", lang, got, err)
		}
	}
	v, err := r.Value("general.2210201")
	if err != nil || v.String() != "29.42" {
		t.Errorf("Value(general.2210201) = %s, %v; want 29.42", v, err)
	}
	if _, err := r.Line("expenditure.basic", "fr"); err == nil || err.Error() != `the figures can be written in zh and en, not "fr"` {
		t.Errorf("Line in fr: error = %v", err)
	}
}

// TestYuan checks the English unit of a file kept in 元: no conversion.
func TestYuan(t *testing.T) {
	f := example(t)
	f.Unit = "元"
	r := New(f, nil)
	for _, tc := range []struct{ expr, lang, want string }{
		{"amount expenditure.basic", "zh", "364.13 元"},
		{"amount expenditure.basic", "en", "364.13 yuan"},
		{"change expenditure.basic", "en", "an increase of 224.69 yuan (161.14%) on the prior year's budget"},
	} {
		if got, err := r.Eval(tc.expr, tc.lang); err != nil || got != tc.want {
			t.Errorf("{{%s}} in %s = %q, %v; want %q", tc.expr, tc.lang, got, err, tc.want)
		}
	}
}

// TestNoPriorBudget checks the wording for a figure that had no budget
// the year before.
func TestNoPriorBudget(t *testing.T) {
	f := example(t)
	f.Prior.Expenditure["basic"] = model.Money{}
	r := New(f, nil)
	for _, tc := range []struct{ expr, lang, want string }{
		{"change expenditure.basic", "zh", "上年预算为 0"},
		{"change expenditure.basic", "en", "there was no budget for it in the prior year"},
		{"line expenditure.basic", "zh", "基本支出 364.13 万元，占 60.27%，上年预算为 0"},
	} {
		if got, err := r.Eval(tc.expr, tc.lang); err != nil || got != tc.want {
			t.Errorf("{{%s}} in %s = %q, %v; want %q", tc.expr, tc.lang, got, err, tc.want)
		}
	}
}

// TestErrors checks each way a reference can fail: the message an
// editor reads and where it points.
func TestErrors(t *testing.T) {
	r := New(example(t), nil)
	const path = "content/zh/2024/changji-egov.md"
	tests := []struct{ name, src, want string }{
		{"unknown item on line 3 col 10", "# 收入\n\nRevenue: {{amount income.nope}}\n",
			`3:10: error: unknown income item "nope" in income.nope: the items are current, general, general.own, general.transfer, fund, fund.own, fund.transfer, soe, soe.own, soe.transfer, special, unit, unit.business, unit.grant, unit.affiliated, unit.operating, unit.other, carryover, carryover.fiscal, carryover.fiscal.general, carryover.fiscal.fund, carryover.fiscal.soe, carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, total`},
		{"columns count characters", "收入预算 {{amount incme.general}}",
			`1:6: error: unknown reference "incme.general"; did you mean "income.general"? References start with income, expenditure, general, basic, three_public, operating_costs, procurement, assets, performance, project or a table number like t5`},
		{"unknown function", "{{amout income.general}}",
			`1:1: error: unknown function "amout"; did you mean "amount"? The functions are amount, share, change, prior, line, year and department, like {{amount income.general}}`},
		{"unknown function, nothing close", "{{sum income.general}}",
			`1:1: error: unknown function "sum": the functions are amount, share, change, prior, line, year and department, like {{amount income.general}}`},
		{"misspelt item", "{{amount income.genral}}",
			`1:1: error: unknown income item "genral" in income.genral; did you mean "income.general"? The items are current, general, general.own, general.transfer, fund, fund.own, fund.transfer, soe, soe.own, soe.transfer, special, unit, unit.business, unit.grant, unit.affiliated, unit.operating, unit.other, carryover, carryover.fiscal, carryover.fiscal.general, carryover.fiscal.fund, carryover.fiscal.soe, carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, total`},
		{"misspelt project", "{{amount project.cloud-opps}}",
			`1:1: error: unknown project "cloud-opps"; did you mean "project.cloud-ops"? The projects are cloud-ops, media-security, web-security-audit, crypto-ops`},
		{"misspelt column", "{{amount expenditure.totl}}",
			`1:1: error: unknown figure "expenditure.totl"; did you mean "expenditure.total"? Use expenditure.total, expenditure.basic, expenditure.project`},
		{"misspelt head", "{{amount thre_public.total}}",
			`1:1: error: unknown reference "thre_public.total"; did you mean "three_public.total"? References start with income, expenditure, general, basic, three_public, operating_costs, procurement, assets, performance, project or a table number like t5`},
		{"unclosed", "a\n  b {{amount income.general\n",
			`2:5: error: the reference {{amount income.general is not closed with }} on this line; write {{amount income.general}}, or \{{ for literal braces`},
		{"unclosed before Chinese text", "{{amount income.general，占 {{share income.general}}",
			`1:1: error: the reference {{amount income.general is not closed with }} on this line; write {{amount income.general}}, or \{{ for literal braces`},
		{"unclosed share of", "{{share general.201 of general.total 占比",
			`1:1: error: the reference {{share general.201 of general.total is not closed with }} on this line; write {{share general.201 of general.total}}, or \{{ for literal braces`},
		{"unclosed, nothing after", "收入 {{",
			`1:4: error: this {{ is not closed with }} on this line; a reference ends on the line it starts on, like {{amount income.general}}; write \{{ for literal braces`},
		{"closed on the next line", "{{amount\nincome.general}}",
			`1:1: error: the reference {{amount is not closed with }} on this line; a reference ends on the line it starts on, like {{amount income.general}}; write \{{ for literal braces`},
		{"empty", "x {{}}",
			`1:3: error: empty reference {{}}: write a function and a reference, like {{amount income.general}}`},
		{"no reference", "{{amount}}",
			`1:1: error: {{amount}} takes one reference after its name, like {{amount income.general}}`},
		{"year takes an offset", "{{year 2023}}",
			`1:1: error: {{year 2023}}: after year write how many years before or after, like {{year -1}}`},
		{"department takes nothing", "{{department x}}",
			`1:1: error: {{department}} takes nothing after its name`},
		{"share form", "{{share general.201 in general.total}}",
			`1:1: error: {{share}} takes a reference, or a reference of another, like {{share general.201}} or {{share general.201 of general.total}}`},
		{"unknown code", "{{amount general.2019988}}",
			`1:1: error: unknown functional code 2019988 in general.2019988: the classification has no such code in 2024; write a code without spaces, like general.2010350`},
		{"code not in table", "{{amount general.2010301}}",
			`1:1: error: table 5 has no row "2010301": its rows are total, 201, 20103, 2010350, 2010399, 208, 20805, 2080502, 2080505, 2080506, 210, 21011, 2101102, 2101103, 2101199, 221, 22102, 2210201`},
		{"unknown general figure", "{{amount general.all}}",
			`1:1: error: unknown figure "general.all": use general.total, general.basic, general.project or general.<functional code>, like general.2010350`},
		{"unknown expenditure figure", "{{amount expenditure.staff}}",
			`1:1: error: unknown figure "expenditure.staff": use expenditure.total, expenditure.basic, expenditure.project`},
		{"unknown basic figure", "{{amount basic.project}}",
			`1:1: error: unknown figure "basic.project": use basic.total, basic.personnel, basic.public`},
		{"unknown three_public item", "{{amount three_public.cars}}",
			`1:1: error: unknown three_public item "cars" in three_public.cars: the items are outbound, reception, vehicles, vehicles.purchase, vehicles.operation, total`},
		{"unknown procurement figure", "{{amount procurement.cars}}",
			`1:1: error: unknown figure "procurement.cars": use procurement.total, procurement.goods, procurement.works, procurement.services, procurement.sme, procurement.small_micro`},
		{"unknown asset", "{{amount assets.land}}",
			`1:1: error: unknown figure "assets.land": use assets.buildings, assets.vehicles, assets.general_vehicles, assets.enforcement_vehicles, assets.other_vehicles, assets.furniture, assets.other`},
		{"unknown performance table", "{{amount performance.cloud.total}}",
			`1:1: error: unknown reference "performance.cloud.total": use performance.overall.<upper|own|other|total> or performance.<project id>.<total|fiscal|other> for a project with performance targets`},
		{"operating_costs has no parts", "{{amount operating_costs.total}}",
			`1:1: error: unknown reference "operating_costs.total"; did you mean "operating_costs"? References start with income, expenditure, general, basic, three_public, operating_costs, procurement, assets, performance, project or a table number like t5`},
		{"unknown project", "{{amount project.cloud}}",
			`1:1: error: unknown project "cloud": the projects are cloud-ops, media-security, web-security-audit, crypto-ops`},
		{"change without prior", "{{change basic.total}}",
			`1:1: error: there is no prior-year figure for basic.total, so {{change}} cannot use it: prior-year figures exist for income.<item>, expenditure.*, general.total|basic|project, general.<code>, three_public.<item> and operating_costs, as given under prior: in the data file`},
		{"prior without prior", "{{prior project.cloud-ops}}",
			`1:1: error: there is no prior-year figure for project.cloud-ops, so {{prior}} cannot use it: prior-year figures exist for income.<item>, expenditure.*, general.total|basic|project, general.<code>, three_public.<item> and operating_costs, as given under prior: in the data file`},
		{"share without whole", "{{share operating_costs}}",
			`1:1: error: operating_costs has no implied whole to take a share of; name one: {{share operating_costs of REF}}`},
		{"share of zero", "{{share income.general of income.fund}}",
			`1:1: error: income.fund is zero, so nothing can be a share of it`},
		{"no such table", "{{amount t12.total.total}}",
			`1:1: error: there is no table 12: the tables are t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11`},
		{"empty table", "{{amount t8.total.total}}",
			`1:1: error: table 8 (政府性基金预算支出情况表) is an empty table and has no figures`},
		{"no column", "{{amount t5.total.personnel}}",
			`1:1: error: table 5 has no column "personnel": its columns are total, basic, project`},
		{"row and column", "{{amount t5.total}}",
			`1:1: error: t5.total needs a row and a column after the table number, like t5.total.total`},
		{"part needed", "{{amount t1.total.amount}}",
			`1:1: error: table 1 has a row "total" in its income and expenditure part; name the part before the row, like t1.income.total.amount`},
		{"no row in any part", "{{amount t1.999.amount}}",
			`1:1: error: table 1 has no row "999" in its income or expenditure part`},
		{"in a table cell", "| a | b |\n| - | - |\n| x | {{amount general.x}} |\n",
			`3:7: error: unknown figure "general.x": use general.total, general.basic, general.project or general.<functional code>, like general.2010350`},
		{"in a list", "- 一\n  - 二 {{line nope}}\n",
			`2:7: error: unknown reference "nope": references start with income, expenditure, general, basic, three_public, operating_costs, procurement, assets, performance, project or a table number like t5`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := r.Markdown(path, []byte(tc.src), "zh")
			if len(diags) != 1 || diags[0].String() != path+":"+tc.want {
				t.Errorf("diagnostics:\n%v\nwant\n%s", diags, path+":"+tc.want)
			}
		})
	}
}

// TestMissingTable checks a reference to a table the file does not have.
func TestMissingTable(t *testing.T) {
	f := example(t)
	var kept []*model.Table
	for _, tb := range f.Tables {
		if tb.Kind.ID != model.KindGeneral {
			kept = append(kept, tb)
		}
	}
	f.Tables = kept
	f.OperatingCosts, f.Procurement = nil, nil
	r := New(f, nil)
	for _, tc := range []struct{ expr, want string }{
		{"amount general.total", "the data file has no general table (一般公共预算支出情况表) for general.total to read"},
		{"change general.2010350", "the data file has no general table (一般公共预算支出情况表) for general.2010350 to read"},
		{"amount operating_costs", "the data file has no operating_costs (机关运行经费) for operating_costs to read"},
		{"amount procurement.total", "the data file has no procurement (政府采购情况) for procurement.total to read"},
	} {
		if _, err := r.Eval(tc.expr, "zh"); err == nil || err.Error() != tc.want {
			t.Errorf("{{%s}}: error = %v; want %s", tc.expr, err, tc.want)
		}
	}
}

// TestLiteralBraces checks that escaped braces and code spans are not
// references.
func TestLiteralBraces(t *testing.T) {
	r := New(example(t), nil)
	for _, tc := range []struct{ src, want string }{
		{`\{{amount income.general}}`, "<p>{{amount income.general}}</p>\n"},
		{"`{{amount income.general}}`", "<p><code>{{amount income.general}}</code></p>\n"},
		{"{ single } braces", "<p>{ single } braces</p>\n"},
		{"    {{amount income.general}}", "<pre><code>{{amount income.general}}\n</code></pre>\n"},
	} {
		got, diags := r.Markdown("x.md", []byte(tc.src), "zh")
		if len(diags) != 0 || string(got) != tc.want {
			t.Errorf("Markdown(%q) = %q, %v; want %q", tc.src, got, diags, tc.want)
		}
	}
}

// TestRawHTML checks that HTML typed in the Markdown does not reach the
// page, nor what a script or a style holds, and that Lint says where it
// was left out.
func TestRawHTML(t *testing.T) {
	r := New(example(t), nil)
	src := "<script>alert(1)</script>\n\n收入 <b onclick=\"x()\">{{amount income.general}}</b>\n\n[link](javascript:alert(1))\n"
	got, diags := r.Markdown("x.md", []byte(src), "zh")
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	for _, bad := range []string{"<script", "onclick", "<b", "javascript:", "omitted"} {
		if strings.Contains(string(got), bad) {
			t.Errorf("output contains %q:\n%s", bad, got)
		}
	}
	if !strings.Contains(string(got), "604.13 万元") {
		t.Errorf("output lost the figure:\n%s", got)
	}

	for _, tc := range []struct{ src, page, lint string }{
		{"收入 <b>{{amount income.general}}</b>。", "<p>收入 604.13 万元。</p>\n",
			"x.md:1:4: warning: raw HTML is not allowed in the explanations and is left out: <b>; write Markdown instead (**bold**)"},
		{"a </b> b", "<p>a  b</p>\n",
			"x.md:1:3: warning: raw HTML is not allowed in the explanations and is left out: </b>; write Markdown instead (**bold**)"},
		{"文字<script>alert(1)</script>后文", "<p>文字后文</p>\n",
			"x.md:1:3: warning: raw HTML is not allowed in the explanations and is left out: <script>, with what it encloses; scripts, styles and frames are never published"},
		{"a <style>p{color:red}", "<p>a </p>\n",
			"x.md:1:3: warning: raw HTML is not allowed in the explanations and is left out: <style>, with what it encloses; scripts, styles and frames are never published"},
		{"x\n\n<script>\nalert(1)\n</script>\n", "<p>x</p>\n",
			"x.md:3:1: warning: raw HTML is not allowed in the explanations and is left out: <script>, with everything up to </script>; scripts, styles and frames are never published"},
		{"<span>\n\n文字\n", "<p>文字</p>\n",
			"x.md:1:1: warning: raw HTML is not allowed in the explanations and is left out: <span>; write Markdown instead"},
		{"<p>第一段\n第二行</p>\n\n文字\n", "<p>文字</p>\n",
			"x.md:1:1: warning: raw HTML is not allowed in the explanations and is left out: <p>, with the text after it up to the next blank line; write Markdown instead (a blank line between paragraphs)"},
		{"- 一\n- <iframe src=\"https://x\">\n", "<ul>\n<li>一</li>\n<li>\n</li>\n</ul>\n",
			"x.md:2:3: warning: raw HTML is not allowed in the explanations and is left out: <iframe src=\"https://x\">; scripts, styles and frames are never published"},
		{"<!-- 备注：待核实 -->\n\n文字 <!-- 注 -->\n", "<p>文字 </p>\n", ""},
	} {
		got, diags := r.Markdown("x.md", []byte(tc.src), "zh")
		if len(diags) != 0 || string(got) != tc.page {
			t.Errorf("Markdown(%q) = %q, %v; want %q", tc.src, got, diags, tc.page)
		}
		var lint []string
		for _, d := range Lint("x.md", []byte(tc.src)) {
			lint = append(lint, d.String())
		}
		if got := strings.Join(lint, "\n"); got != tc.lint {
			t.Errorf("Lint(%q):\n%s\nwant\n%s", tc.src, got, tc.lint)
		}
	}
}

// TestByteOrderMark checks that a UTF-8 byte-order mark, which Windows
// editors write, does not turn the first heading into a paragraph.
func TestByteOrderMark(t *testing.T) {
	r := New(example(t), nil)
	got, diags := r.Markdown("x.md", []byte("\uFEFF# 说明\n\n{{amout income.general}}\n"), "zh")
	if !strings.HasPrefix(string(got), `<h1 id="说明">说明</h1>`) {
		t.Errorf("page:\n%s", got)
	}
	if len(diags) != 1 || diags[0].Pos.String() != "x.md:3:1" {
		t.Errorf("diagnostics %v; want one at x.md:3:1", diags)
	}
	if ds := Lint("x.md", []byte("\uFEFF<b>x</b>")); len(ds) != 1 || ds[0].Pos.String() != "x.md:1:1" {
		t.Errorf("Lint: %v; want one warning at x.md:1:1", ds)
	}
}

func TestSuggest(t *testing.T) {
	words := []string{"amount", "share", "change", "prior", "line", "year", "department"}
	for _, tc := range []struct{ s, want string }{
		{"amout", "amount"}, {"ammount", "amount"}, {"amonut", "amount"}, {"lines", "line"}, {"yaer", ""},
		{"yea", "year"}, {"sum", ""}, {"departmnet", "department"}, {"x", ""}, {"", ""}, {"2010301", ""},
	} {
		if got := suggest(tc.s, words, "", ""); got != tc.want {
			t.Errorf("suggest(%q) = %q; want %q", tc.s, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"收入", "收人", 1}, {"ab", "ba", 2}} {
		if got := spell.Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("spell.Distance(%q, %q) = %d; want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestHostileData checks that text from the data is escaped.
func TestHostileData(t *testing.T) {
	f := example(t)
	hostile := `<script>alert(1)</script>"&'`
	f.Projects[0].Name = model.Bi(hostile, hostile)
	f.Department.Name = model.Bi(hostile, hostile)
	r := New(f, nil)
	got, diags := r.Markdown("x.md", []byte("# {{department}}\n\n{{line project.cloud-ops}}\n"), "en")
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	want := `<h1 id="scriptalert1script">&lt;script&gt;alert(1)&lt;/script&gt;&#34;&amp;&#39;</h1>` + "\n" +
		`<p>&lt;script&gt;alert(1)&lt;/script&gt;&#34;&amp;&#39;: 1,400.0 thousand yuan, 58.33% of the total</p>` + "\n"
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestHeadingIDs checks that headings get ids that keep Chinese, are
// unique on the page and read references as the page shows them.
func TestHeadingIDs(t *testing.T) {
	r := New(example(t), nil)
	src := "# 一、收入预算\n\n## 一、收入预算\n\n## {{year}} 年 *支出* `预算`\n\n## Income & Spending\n\n## ？\n\nSetext\n---\n"
	want := `<h1 id="一收入预算">一、收入预算</h1>
<h2 id="一收入预算-1">一、收入预算</h2>
<h2 id="2024-年-支出-预算">2024 年 <em>支出</em> <code>预算</code></h2>
<h2 id="income-spending">Income &amp; Spending</h2>
<h2 id="section">？</h2>
<h2 id="setext">Setext</h2>
`
	got, diags := r.Markdown("x.md", []byte(src), "zh")
	if len(diags) != 0 || string(got) != want {
		t.Errorf("got\n%s%v\nwant\n%s", got, diags, want)
	}
}

// TestLanguage checks the diagnostic for a page language without
// sentences.
func TestLanguage(t *testing.T) {
	r := New(example(t), nil)
	_, diags := r.Markdown("content/fr/2024/changji-egov.md", []byte("x"), "fr")
	want := `content/fr/2024/changji-egov.md: error: the figures can be written in zh and en, not "fr"`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("diagnostics %v; want %s", diags, want)
	}
}

// TestMissingLines checks references to lines that a section of the data
// file leaves out: the explanation is refused, never given a 0.
func TestMissingLines(t *testing.T) {
	f := example(t)
	f.Procurement.Works = model.Money{}
	f.Assets.Furniture = model.Money{}
	f.Assets.OtherVehicles = model.Holding{}
	f.Performance.Overall.Upper = model.Money{}
	f.Performance.Projects[0].Fiscal = model.Money{}
	r := New(f, nil)
	for _, tc := range []struct{ expr, want string }{
		{"amount procurement.works", "the data file has no works (政府采购工程预算) under procurement: for procurement.works to read"},
		{"amount assets.furniture", "the data file has no furniture (办公家具价值) under assets: for assets.furniture to read"},
		{"amount assets.other_vehicles", "the data file has no other_vehicles (其他车辆价值) under assets: for assets.other_vehicles to read"},
		{"amount performance.overall.upper", "the performance targets give no upper (上级安排) funds for performance.overall.upper to read"},
		{"amount performance." + f.Performance.Projects[0].Project + ".fiscal",
			"the performance targets give no fiscal (财政拨款) funds for performance." + f.Performance.Projects[0].Project + ".fiscal to read"},
	} {
		if _, err := r.Eval(tc.expr, "zh"); err == nil || err.Error() != tc.want {
			t.Errorf("{{%s}}: error = %v; want %s", tc.expr, err, tc.want)
		}
	}
	// What the file does give is stated, zeros included.
	for _, tc := range []struct{ expr, want string }{
		{"amount procurement.goods", "55.54 万元"},
		{"amount performance.overall.total", "604.12 万元"},
	} {
		got, err := r.Eval(tc.expr, "zh")
		if err != nil || got != tc.want {
			t.Errorf("{{%s}} = %q, %v; want %s", tc.expr, got, err, tc.want)
		}
	}
	if got, err := New(example(t), nil).Eval("amount performance.overall.upper", "zh"); err != nil || got != "0.00 万元" {
		t.Errorf("a given 0: {{amount performance.overall.upper}} = %q, %v; want 0.00 万元", got, err)
	}
}

// TestOtherShapes reads references that only departments unlike the
// example have: a table numbered like 10-1, a carried-over project's
// share (of table 11, not table 7), and last year's total expenditure
// given on its own.
func TestOtherShapes(t *testing.T) {
	src, err := os.ReadFile("../../data/2024/changji-egov.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.NewReplacer(
		"  - no: 10\n", "  - no: 10-1\n",
		"    basic: 139.44            # 364.13 − 224.69 (增长 161.14%)\n    project: 1,928.73        # 240.00 + 1,688.73 (下降 87.56%)\n",
		"    total: 2,068.17\n\n").Replace(string(src))
	f, diags := load.File("data/2024/changji-egov.yaml", []byte(edited), load.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	carry, err := os.ReadFile("../../testdata/corpus/carryover/data/2024/yunxi-transport.yaml")
	if err != nil {
		t.Fatal(err)
	}
	g, diags := load.File("data/2024/yunxi-transport.yaml", carry, load.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, tc := range []struct {
		f          *model.File
		expr, want string
	}{
		{f, "amount t10-1.total.total", "2.16 万元"},
		{f, "prior expenditure.total", "2,068.17 万元"},
		{f, "change expenditure.total", "比上年预算减少 1,464.04 万元，下降 70.79%"},
		{g, "share project.bridge-rebuild", "52.82%"},
	} {
		got, err := New(tc.f, nil).Eval(tc.expr, "zh")
		if err != nil || got != tc.want {
			t.Errorf("{{%s}} = %q, %v; want %q", tc.expr, got, err, tc.want)
		}
	}
}
