package build

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"budgetpress/internal/diag"
)

var tag = regexp.MustCompile(`<[^>]*>`)

// pageText is a page as a reader sees it: the tags stripped and the
// entities decoded.
func pageText(page []byte) string {
	return html.UnescapeString(tag.ReplaceAllString(string(page), ""))
}

// explanationSentences are key sentences of 第三部分 of the published
// document, as printed there, and their English equivalents with the
// amounts in thousand yuan. The explanations write no figure: each comes
// from the data through a reference.
var explanationSentences = []struct{ zh, en string }{
	// 二、收入预算
	{"昌吉回族自治州人民政府电子政务办公室部门收入预算 604.13 万元，其中：",
		"The department revenue budget of the E-Government Office of the People's Government of Changji Hui Autonomous Prefecture is 6,041.3 thousand yuan, of which:"},
	{"一般公共预算 604.13 万元，占 100.00%，比上年预算减少 1,403.71 万元，下降 69.91%，主要原因是上年度项目较多如政务云平台机房存户扩容项目、高强度安全隔离和国密算法认证改造项目，上年度已完成本年度无上述项目。",
		"General public budget: 6,041.3 thousand yuan, 100.00% of the total, a decrease of 14,037.1 thousand yuan (69.91%) on the prior year's budget. The main reason is that the prior year had more projects"},
	{"单位资金 0.00 万元，占 0.00%，比上年预算减少 10.00 万元，下降 100.00%，主要原因是本年度及上年度我单位无上级国有资本经营预算安排的转移支付资金。",
		"Unit funds: 0.0 thousand yuan, 0.00% of the total, a decrease of 100.0 thousand yuan (100.00%) on the prior year's budget."},
	{"财政拨款结转 0.00 万元，占 0.00%，比上年预算减少 50.33 万元，下降 100.00%，主要原因是上年度未完工项目结余结转，本年度无结转项目款。",
		"Carry-over of fiscal appropriations: 0.0 thousand yuan, 0.00% of the total, a decrease of 503.3 thousand yuan (100.00%) on the prior year's budget."},
	// 三、支出预算
	{"基本支出 364.13 万元，占 60.27%，比上年预算增加 224.69 万元，增长 161.14%，主要原因是本年度因本单位机构改革，增加事业编制 19 个，增加在编人员 14 个，导致基本支出增加。",
		"Basic expenditure: 3,641.3 thousand yuan, 60.27% of the total, an increase of 2,246.9 thousand yuan (161.14%) on the prior year's budget. The main reason is that the institutional reform of this unit this year added 19 posts"},
	{"项目支出 240.00 万元，占 39.73%，比上年预算减少 1,688.73 万元，下降 87.56%，主要原因是",
		"Project expenditure: 2,400.0 thousand yuan, 39.73% of the total, a decrease of 16,887.3 thousand yuan (87.56%) on the prior year's budget."},
	// 五（一）规模变化
	{"昌吉回族自治州人民政府电子政务办公室 2024 年一般公共预算拨款合计 604.13 万元，其中：",
		"The 2024 general public budget appropriations of the E-Government Office of the People's Government of Changji Hui Autonomous Prefecture total 6,041.3 thousand yuan, of which:"},
	{"基本支出 364.13 万元，比上年预算增加 226.29 万元，增长 164.17%。",
		"Basic expenditure: 3,641.3 thousand yuan, an increase of 2,262.9 thousand yuan (164.17%) on the prior year's budget."},
	{"项目支出 240.00 万元，比上年预算减少 1,630.00 万元，下降 87.17%。",
		"Project expenditure: 2,400.0 thousand yuan, a decrease of 16,300.0 thousand yuan (87.17%) on the prior year's budget."},
	// 五（二）结构
	{"1、一般公共服务支出（类）500.80 万元，占 82.90%。",
		"General public services (class): 5,008.0 thousand yuan, 82.90%."},
	{"4、住房保障支出（类）29.42 万元，占 4.87%。",
		"Housing security (class): 294.2 thousand yuan, 4.87%."},
	// 五（三）具体使用
	{"1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）事业运行（项）：2024 年预算数为 260.80 万元，比上年预算增加 161.24 万元，增长 161.95%。主要原因是本年度因机构改革增加在职人员 14 个导致一般公共服务支出事业运行款项增加。",
		"operation of public institutions (item): the 2024 budget is 2,608.0 thousand yuan, an increase of 1,612.4 thousand yuan (161.95%) on the prior year's budget. The main reason is that the institutional reform this year added 14 serving staff"},
	{"2024 年预算数为 240.00 万元，比上年预算减少 1,630.00 万元，下降 87.17%。主要原因是本年度我单位项目较上年减少 2 个",
		"the 2024 budget is 2,400.0 thousand yuan, a decrease of 16,300.0 thousand yuan (87.17%) on the prior year's budget. The main reason is that our unit has 2 fewer projects"},
	{"7、卫生健康支出（类）行政事业单位医疗（款）公务员医疗补助（项）：2024 年预算数为 1.13 万元，比上年预算增加 0.71 万元，增长 169.05%。",
		"medical subsidies for civil servants (item): the 2024 budget is 11.3 thousand yuan, an increase of 7.1 thousand yuan (169.05%) on the prior year's budget."},
	{"9、住房保障支出（类）住房改革支出（款）住房公积金（项）：2024 年预算数为 29.42 万元，比上年预算增加 18.76 万元，增长 175.98%。",
		"housing provident fund (item): the 2024 budget is 294.2 thousand yuan, an increase of 187.6 thousand yuan (175.98%) on the prior year's budget."},
	// 十、“三公”经费
	{"昌吉回族自治州人民政府电子政务办公室 2024 年财政拨款“三公”经费预算数为 2.16 万元，其中：",
		"The 2024 fiscal appropriations budget for the “three public expenses” of the E-Government Office of the People's Government of Changji Hui Autonomous Prefecture is 21.6 thousand yuan, of which:"},
	{"公务用车运行费 1.99 万元，公务接待费 0.17 万元。",
		"operation of official vehicles, 19.9 thousand yuan; and official hospitality, 1.7 thousand yuan."},
	// 十二（一）机关运行经费
	{"昌吉回族自治州人民政府电子政务办公室 2024 年的机关运行经费财政拨款预算 31.02 万元，比上年预算增加 18.15 万元，增长 141.03%。主要原因是本年度因本单位机构改革，增加事业编制 19 个，增加在编人员 14 个，导致机关运行经费预算增加。",
		"the E-Government Office of the People's Government of Changji Hui Autonomous Prefecture for the running costs of government agencies is 310.2 thousand yuan, an increase of 181.5 thousand yuan (141.03%) on the prior year's budget."},
	// 十二（二）政府采购
	{"2024 年，昌吉回族自治州人民政府电子政务办公室政府采购预算 229.27 万元，其中：政府采购货物预算 55.54 万元，政府采购工程预算 0 万元，政府采购服务预算 173.73 万元。",
		"In 2024, the government procurement budget of the E-Government Office of the People's Government of Changji Hui Autonomous Prefecture is 2,292.7 thousand yuan, of which: goods, 555.4 thousand yuan; works, 0 thousand yuan; and services, 1,737.3 thousand yuan."},
	{"面向中小企业预留政府采购项目预算金额 229.27 万元，小微企业预留政府采购项目预算金额 229.27 万元。",
		"reserves government procurement project budgets of 2,292.7 thousand yuan for small and medium-sized enterprises, and of 2,292.7 thousand yuan for small and micro enterprises."},
	// 十二（三）国有资产
	{"单位价值 50 万元以上大型设备 5 台，单位价值 100 万元以上大型设备 10 台。",
		"Large equipment with a unit value of 500 thousand yuan or more: 5 units; large equipment with a unit value of 1 million yuan or more: 10 units."},
}

func TestExplanationStatesTheDocument(t *testing.T) {
	dir := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	tree := readTree(t, out)
	zh := pageText(tree["2024/changji-egov/index.html"])
	en := pageText(tree["en/2024/changji-egov/index.html"])
	if zh == "" || en == "" {
		t.Fatal("the department pages were not built")
	}
	for _, s := range explanationSentences {
		if !strings.Contains(zh, s.zh) {
			t.Errorf("the Chinese page lacks %q", s.zh)
		}
		if !strings.Contains(en, s.en) {
			t.Errorf("the English page lacks %q", s.en)
		}
	}
	for _, h := range []string{
		"一、关于昌吉回族自治州人民政府电子政务办公室 2024 年收支预算情况总体说明",
		"十二、其他重要事项的情况说明",
	} {
		if !strings.Contains(zh, h) {
			t.Errorf("the Chinese page lacks the heading %q", h)
		}
	}
	// The note on the units names 万元 to say how the figures were
	// converted; no amount is stated in it.
	enPage := tree["en/2024/changji-egov/index.html"]
	if note := regexp.MustCompile(`(?s)<p class="unit-note">.*?</p>`); !note.Match(enPage) {
		t.Error("the English page has no note on the units")
	} else if strings.Contains(pageText(note.ReplaceAll(enPage, nil)), "万元") {
		t.Error("the English page states an amount in 万元")
	}
}

func TestBrokenReferenceStopsTheBuild(t *testing.T) {
	good := copySite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: good, Out: out})
	before := readTree(t, out)

	const file = "content/zh/2024/changji-egov.md"
	bad := copySite(t, map[string][][2]string{file: {
		{"收支总预算 {{amount income.total}}", "收支总预算 {{amount income.nothing}}"},
	}})
	res := Run(Options{Dir: bad, Out: out})
	var errs []string
	for _, d := range res.Diags {
		if d.Severity == diag.Error {
			errs = append(errs, d.String())
		}
	}
	want := file + `:3:60: error: unknown income item "nothing" in income.nothing: the items are current, general, general.own, general.transfer, fund, fund.own, fund.transfer, soe, soe.own, soe.transfer, special, unit, unit.business, unit.grant, unit.affiliated, unit.operating, unit.other, carryover, carryover.fiscal, carryover.fiscal.general, carryover.fiscal.fund, carryover.fiscal.soe, carryover.nonfiscal, carryover.nonfiscal.special, carryover.nonfiscal.unit, total`
	if len(errs) != 1 || errs[0] != want {
		t.Fatalf("errors:\n%s\nwant exactly:\n%s", strings.Join(errs, "\n"), want)
	}
	stillPublished(t, before, out)
}
