package render

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestAbsentSectionsPrintNothing renders the department pages of files
// that leave out optional sections, in both languages: what a file does
// not give has no heading, label, sentence, zero or contents entry. The
// example gives every section, zeros included, and its pages show them.
// Patterns are regular expressions over the page's text.
func TestAbsentSectionsPrintNothing(t *testing.T) {
	example := filepath.Join("..", "..", "data", "2024", "changji-egov.yaml")
	sparse := filepath.Join("testdata", "sparse.yaml")
	partial := filepath.Join("testdata", "partial.yaml")
	for _, tc := range []struct {
		name, file, lang string
		absent, present  []string
	}{
		{"example", example, "zh", nil, []string{
			`目录 第一部分 部门概况 第二部分`,
			`第一部分 部门概况 一、主要职能 昌吉州人民政府电子政务办公室主要职能是`,
			`二、机构设置及人员情况 昌吉回族自治州人民政府电子政务办公室下属预算单位 0 个，内设 4 个处室： 综合科 宣传科`,
			`人员情况 昌吉回族自治州人民政府电子政务办公室编制数 30，实有人数 23 人，其中：在职 22 人，增加 14 人；退休 1 人，增加 0 人；离休 0 人，增加 0 人。`,
			`设立的政策依据 根据国办发`,
			`资金分配情况`,
			`资金执行时间 2024 年 1 月 1 日 – 2024 年 12 月 31 日`,
			`部门联系人及联系电话 聂亚楠 18699496979`,
			`年度绩效目标 负责全州`,
			`财政资金：上级安排 0\.00 万元 财政资金：本级安排 604\.12 万元 其他资金 0\.00 万元`,
			`项目负责人`, `其中：财政拨款`, `项目总体目标`, `指标值设定依据`, `上年完成值`, `指标赋分规则`, `佐证资料`,
			`与上年预算比较`, `“三公”经费 2\.16 万元，上年 2\.16 万元`,
			`第四部分 名词解释`,
		}},
		{"example", example, "en", nil, []string{
			`Part 1: About the department 1\. Main functions`,
			`2\. Organisation and staff The E-Government Office .* has 0 subordinate budget units and 4 internal sections:`,
			`has 30 authorised posts and 23 people: 22 in service \(14 more than last year\), 1 retired \(the same as last year\) and 0 retired veteran cadres \( ?离休 ?, who joined the revolution before October 1949; the same as last year\)\.`,
			`Policy basis`, `Period of spending 1 January 2024 – 31 December 2024`, `Contact Nie Yanan 18699496979`,
			`Fiscal funds: from the higher level 0\.0 thousand yuan`,
			`Compared with the prior year's budget`, `Part 4: Glossary`,
		}},
		{"sparse", sparse, "zh", []string{
			`第一部分`, `部门概况`, `主要职能`, `机构设置`, `人员情况`, `下属预算单位`, `内设`, `处室`,
			`编制数`, `实有人数`, `在职 \d`, `[^离]退休 \d`, `离休 \d`, ` 0 人`,
			`设立的政策依据`, `资金分配情况`, `资金执行时间`, `部门联系人`,
			`绩效目标`, `绩效指标`, `第三部分 情况说明 第四部分`, `第四部分`, `名词解释`,
			`与上年预算比较`, `上年预算`, `上年 \d`,
		}, []string{
			`目录 第二部分 预算公开表`,
			`第三部分 情况说明 项目支出情况说明`,
			// A project names the department as its implementing unit
			// when it names none, as the data format says.
			`预算安排规模 140\.00 万元 项目承担单位 昌吉回族自治州人民政府电子政务办公室`,
		}},
		{"sparse", sparse, "en", []string{
			`Part 1`, `About the department`, `Main functions`, `Organisation and staff`, `subordinate`, `internal sections`,
			`authorised posts`, `in service`, `people: `, `1 retired`, `veteran`, `1949`,
			`Policy basis`, `Allocation of funds`, `Period of spending`, `Contact`,
			`Performance targets`, `Performance indicators`, `Part 4`, `Glossary`, `prior year's budget`, `prior year [\d,.]+ thousand`,
		}, []string{`Contents Part 2: Budget tables`, `Implementing unit E-Government Office`}},
		{"partial", partial, "zh", []string{
			`主要职能`, `下属预算单位`, `[^离]退休 \d`, `离休 \d`,
			`资金执行时间 2024 年 3 月 1 日 –`, `设立的政策依据`,
			`年度绩效目标`, `上级安排`, `其他资金`, `部门整体绩效指标`,
			`项目负责人`, `其中：财政拨款`, `项目总体目标`,
			`指标值设定依据`, `上年完成值`, `指标赋分规则`, `佐证资料`,
		}, []string{
			`第一部分 部门概况 一、机构设置及人员情况 昌吉回族自治州人民政府电子政务办公室内设 1 个处室： 综合科 人员情况`,
			`编制数 3，实有人数 1 人，其中：在职 1 人，减少 2 人。`,
			`资金执行时间 自 2024 年 3 月 1 日 起`,
			`部门名称 昌吉回族自治州人民政府电子政务办公室 部门联系人及联系电话 0994-1234567 财政资金：本级安排 604\.12 万元 项目支出绩效目标表`,
			`年度预算总额 140\.00 万元 昌吉州政府网站和云平台运维经费绩效指标`,
			`一级指标 二级指标 三级指标 指标值 分值权重 产出指标 数量指标 产出指标 · 数量指标 维护政府网站个数 ≥ 2 个 100 分值合计 100`,
		}},
		{"partial", partial, "en", []string{
			`Main functions`, `subordinate`, `1 retired`, `veteran`, `Basis of the target`, `Project manager`,
		}, []string{
			`Part 1: About the department 1\. Organisation and staff`,
			`has 3 authorised posts and 1 people: 1 in service \(2 fewer than last year\)\.`,
			`Period of spending From 1 March 2024`,
			`Contact 0994-1234567 Fiscal funds: from this level 6,041\.2 thousand yuan`,
		}},
	} {
		t.Run(tc.name+"/"+tc.lang, func(t *testing.T) {
			path := "2024/changji-egov/index.html"
			if tc.lang != "zh" {
				path = tc.lang + "/" + path
			}
			text := renderText(t, siteOf(t, tc.file), path)
			for _, p := range tc.absent {
				if m := regexp.MustCompile(p).FindString(text); m != "" {
					i := strings.Index(text, m)
					t.Errorf("the page shows %q, which the file does not give: …%s…", m, text[max(0, i-80):min(len(text), i+len(m)+80)])
				}
			}
			for _, p := range tc.present {
				if !regexp.MustCompile(p).MatchString(text) {
					t.Errorf("the page lacks %q", p)
				}
			}
		})
	}
}

// TestPrintedNames renders a file that uses a 项 the dictionary does not
// have, with its name as the tables print it: the tables show that name
// (in English, the Chinese original), never a bare code.
func TestPrintedNames(t *testing.T) {
	site := siteOf(t, filepath.Join("testdata", "printed.yaml"))
	zh := renderText(t, site, "2024/changji-egov/index.html")
	en := renderText(t, site, "en/2024/changji-egov/index.html")
	for _, want := range []string{`201 03 77 信息化建设 240\.00 240\.00 240\.00`, `201 03 77 信息化建设 240\.00 240\.00`} {
		if !regexp.MustCompile(want).MatchString(zh) {
			t.Errorf("the Chinese page lacks %q", want)
		}
	}
	if !regexp.MustCompile(`201 03 77 信息化建设`).MatchString(en) {
		t.Error("the English page does not name 201 03 77 by its printed name")
	}
}
