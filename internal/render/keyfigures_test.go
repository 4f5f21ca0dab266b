package render

import (
	"strings"
	"testing"
)

// TestKeyFigures: the key figures of the example department, in each
// language, with their change on the prior year as Part 3 states it; the
// total's change, worked out from those of basic and project
// expenditure, says so; a file without prior-year figures states none.
func TestKeyFigures(t *testing.T) {
	s := exampleSite(t)
	f := s.Files[0]
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"zh", []string{
			"income #table-1 收入总计 604.13 万元 ",
			"expenditure #table-1 支出总计 604.13 万元 比上年预算减少 1,464.04 万元，下降 70.79%（据第三部分增减额推算）",
			"basic #table-3 基本支出 364.13 万元 比上年预算增加 224.69 万元，增长 161.14%",
			"project #table-3 项目支出 240.00 万元 比上年预算减少 1,688.73 万元，下降 87.56%",
			"three-public #table-10 “三公”经费 2.16 万元 与上年预算持平",
		}},
		{"en", []string{
			"income #table-1 Total revenue 6,041.3 thousand yuan ",
			"expenditure #table-1 Total expenditure 6,041.3 thousand yuan 14,640.4 thousand yuan less than the prior year's budget (down 70.79%) (derived from the changes stated in Part 3)",
			"basic #table-3 Basic expenditure 3,641.3 thousand yuan 2,246.9 thousand yuan more than the prior year's budget (up 161.14%)",
			"project #table-3 Project expenditure 2,400.0 thousand yuan 16,887.3 thousand yuan less than the prior year's budget (down 87.56%)",
			"three-public #table-10 “Three public expenses” 21.6 thousand yuan The same as the prior year's budget",
		}},
	} {
		v := s.newView(Page{Lang: c.lang, Kind: "department", File: f})
		var got []string
		for _, k := range v.KeyFigures(f) {
			got = append(got, k.Key+" "+k.Href+" "+k.Label+" "+k.Value+" "+k.Unit+" "+k.Change)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n%s\nwant:\n%s", c.lang, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
	f.Prior.Expenditure, f.Prior.General, f.Prior.ThreePublic = nil, nil, nil
	v := s.newView(Page{Lang: "zh", Kind: "department", File: f})
	for _, k := range v.KeyFigures(f) {
		if k.Change != "" {
			t.Errorf("without prior-year figures, %s says %q", k.Key, k.Change)
		}
	}
}
