package build

import (
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"budgetpress/internal/testsite"
)

var script = regexp.MustCompile(`(?s)<script.*?</script>`)

// readText is a built page as a reader sees it: no scripts, no tags,
// entities decoded, single spaces.
func readText(page []byte) string {
	s := script.ReplaceAllString(string(page), " ")
	s = html.UnescapeString(tag.ReplaceAllString(s, " "))
	return strings.Join(strings.Fields(s), " ")
}

// TestMixedUnits builds a site of a bureau kept in 元 (15,703,843.20 元
// in 2024, 12,345,678.91 元 in 2023) and an office kept in 万元 (604.13
// 万元), testdata/mixed-units. The pages that gather departments state
// both in 万元 (thousand yuan in English), each figure converted exactly
// and rounded once to the unit shown, in their lists, figures and
// tables alike; the bureau's own page states its figures in 元 as
// published.
func TestMixedUnits(t *testing.T) {
	dir := testsite.Copy(t, filepath.Join("testdata", "mixed-units"))
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, Options{Dir: dir, Out: out})
	tree := readTree(t, out)
	for _, tc := range []struct {
		page string
		want []string
		// data are strings of the figures' options (in <script> elements).
		data []string
	}{
		{"index.html", []string{
			"2024 年各部门支出总计：甲局 1,570.38 万元；乙办公室 604.13 万元。",
			"2024 年部门预算 乙办公室 支出总计：604.13 万元 甲局 支出总计：1,570.38 万元",
			// Earlier years link to their year pages, which list them.
			"2023 年部门预算 2023 年各部门预算一览 比较 2023 年各部门",
			"部门 2023 2024 乙办公室 604.13 万元 甲局 1,234.57 万元 1,570.38 万元",
		}, []string{
			`"value":1570.38,`, `"formatter":"1,570.38"`, `"value":604.13,`,
			`"summary":"甲局各年支出总计：2023 年 1,234.57 万元；2024 年 1,570.38 万元。"`, `"value":1234.57,`,
		}},
		{"en/index.html", []string{
			"Total expenditure of each department in 2024: Bureau A 15,703.8 thousand yuan; Office B 6,041.3 thousand yuan.",
			"Office B Total expenditure: 6.04 million yuan Bureau A Total expenditure: 15.70 million yuan",
			"Department budgets 2023 All department budgets of 2023 Compare the departments of 2023",
			"converted from the 万元 (ten thousand yuan) of the original documents by multiplying by 10, those published in yuan by dividing by 1,000, and rounded to one decimal place",
			"Department 2023 2024 Office B 6,041.3 thousand yuan Bureau A 12,345.7 thousand yuan 15,703.8 thousand yuan",
		}, []string{`"value":15703.8,`, `"value":6041.3,`, `"value":12345.7,`}},
		{"2024/index.html", []string{"乙办公室 历年 – 乙办公室 604.13 万元 2024-02-23 甲局 历年 – 甲局 1,570.38 万元 2024-02-23"}, nil},
		{"en/2024/index.html", []string{"Office B Over the years – Office B 6,041.3 thousand yuan 2024-02-23 Bureau A Over the years – Bureau A 15,703.8 thousand yuan 2024-02-23"}, nil},
		{"2023/index.html", []string{"甲局 1,234.57 万元 2023-02-20"}, nil},
		{"2024/yuan-bureau/index.html", []string{
			"编制部门：甲局 · 单位：元",
			"一、本年收入 15,703,843.20",
			"甲局 2024 年支出预算 15,703,843.20 元。",
			"收入总计 15,703,843.20 元：一般公共预算拨款 15,703,843.20 元，占 100.00%。",
		}, nil}, // every chart of the bureau is a single value: a sentence

		{"en/2024/yuan-bureau/index.html", []string{
			"Compiled by: Bureau A · Unit: yuan",
			"The expenditure budget for 2024 is 15,703,843.20 yuan.",
			"Total revenue is 15,703,843.20 yuan: General public budget appropriations 15,703,843.20 yuan (100.00%).",
		}, nil},
		{"2024/wan-office/index.html", []string{"单位：万元", "乙办公室 2024 年支出预算 604.13 万元。"}, nil},
		{"en/2024/wan-office/index.html", []string{"Unit: thousand yuan", "The expenditure budget for 2024 is 6,041.3 thousand yuan."}, nil},
	} {
		t.Run(tc.page, func(t *testing.T) {
			page, ok := tree[tc.page]
			if !ok {
				t.Fatalf("no page %s", tc.page)
			}
			text := readText(page)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("the page lacks %q", w)
				}
			}
			for _, w := range tc.data {
				if !strings.Contains(string(page), w) {
					t.Errorf("the figures lack %s", w)
				}
			}
			// No figure carries the digits of an unrounded conversion.
			if m := regexp.MustCompile(`1,?570\.384|15,?703\.843|1,?234\.5678`).FindString(string(page)); m != "" {
				t.Errorf("the page shows the unrounded %s", m)
			}
		})
	}
}
