package browsertest

import (
	"strings"
	"testing"

	"budgetpress/internal/amount"
)

// TestKeyFigures: the key figures at the top of the department page
// are the figures of the tables they link to: each stands in a total
// row of its table, in the row or the column that its label names (the
// 三公 total in the first column), in the unit the table states; the
// first phone screen (360 × 640) shows them.
func TestKeyFigures(t *testing.T) {
	b := Start(t)
	base := serveSite(t)
	for _, c := range []struct {
		lang, prefix string
		want         []string // key: label value unit
	}{
		{"zh", "", []string{"income: 收入总计 604.13 万元", "expenditure: 支出总计 604.13 万元", "basic: 基本支出 364.13 万元", "project: 项目支出 240.00 万元", "three-public: “三公”经费 2.16 万元"}},
		{"en", "en/", []string{"income: Total revenue 6.04 million yuan (6,041.3 thousand yuan)", "expenditure: Total expenditure 6.04 million yuan (6,041.3 thousand yuan)", "basic: Basic expenditure 3.64 million yuan (3,641.3 thousand yuan)", "project: Project expenditure 2.40 million yuan (2,400.0 thousand yuan)", "three-public: “Three public expenses” 21.6 thousand yuan"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			p := b.NewPage(t)
			p.Resize(360, 640)
			p.Open(base + c.prefix + "2024/changji-egov/")
			type figure struct {
				Key, Label, Value, Unit, Href string
				Headline                      string // in million yuan, "" when not given
				Found                         string // where the table has it, "" when it has not
				TableUnit                     string
				Bottom                        float64
			}
			var got []figure
			p.Eval(`[...document.querySelectorAll(".key-figures li")].map(li => {
				const f = {Key: li.dataset.key, Label: li.querySelector(".kf-label").textContent, Value: li.querySelector(".kf-value").textContent,
					Unit: li.querySelector(".kf-unit").textContent, Headline: (li.querySelector(".kf-headline") || {}).textContent || "", Href: li.querySelector("a").getAttribute("href"), Found: "", TableUnit: "",
					Bottom: li.querySelector(".kf-value").getBoundingClientRect().bottom};
				const sec = document.querySelector(f.Href);
				if (!sec) return f;
				f.TableUnit = sec.querySelector(".table-meta").textContent;
				for (const tr of sec.querySelectorAll("tr.total")) {
					const head = tr.closest("table").tHead.rows[0];
					const label = tr.querySelector("th.name").textContent;
					for (const td of tr.cells) {
						if (td.textContent !== f.Value) continue;
						const col = head.cells[td.cellIndex].textContent;
						const first = [...tr.cells].find(x => x.classList.contains("num")) === td;
						if (label === f.Label || col === f.Label || (f.Key === "three-public" && first)) f.Found = label + " / " + col;
					}
				}
				return f;
			})`, &got)
			var keys []string
			for _, f := range got {
				if f.Headline != "" {
					keys = append(keys, f.Key+": "+f.Label+" "+f.Headline+" ("+f.Value+" "+f.Unit+")")
					// The headline is the table's figure in millions,
					// rounded half up to two places.
					if f.Unit != "thousand yuan" {
						t.Errorf("%s: a headline beside a figure in %s", f.Key, f.Unit)
					} else if a, err := amount.Parse(f.Value); err != nil {
						t.Errorf("%s: %v", f.Key, err)
					} else if want := a.Shift(-3).WithPlaces(2).String() + " million yuan"; f.Headline != want {
						t.Errorf("%s: headline %q for %s thousand yuan, want %q", f.Key, f.Headline, f.Value, want)
					}
				} else {
					keys = append(keys, f.Key+": "+f.Label+" "+f.Value+" "+f.Unit)
				}
				if f.Found == "" {
					t.Errorf("%s: %s %s is in no total row of %s under that name", f.Key, f.Label, f.Value, f.Href)
				}
				if !strings.Contains(f.TableUnit, f.Unit) {
					t.Errorf("%s: in %s, but %s states %q", f.Key, f.Unit, f.Href, f.TableUnit)
				}
			}
			if strings.Join(keys, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("key figures:\n%s\nwant:\n%s", strings.Join(keys, "\n"), strings.Join(c.want, "\n"))
			}
			if len(got) > 0 && got[0].Bottom > 640 {
				t.Errorf("the first key figure ends %.0f px down: not on the first screen of a 360 × 640 phone", got[0].Bottom)
			}
		})
	}
}
