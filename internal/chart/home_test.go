package chart

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"budgetpress/internal/model"
)

// departments is a home page's worth of department-years, given in no
// particular order: a bureau in 元 over two years, an office in 万元 over
// three, a centre with a Chinese name only, and a unit whose file has no
// table 1, which the trend figure leaves out.
func departments(t *testing.T) []*model.File {
	file := func(id string, year int, unit string, name model.Text, total string) *model.File {
		f := &model.File{ID: id, Year: year, Unit: unit, Department: model.Department{Name: name}}
		if total != "" {
			f.Tables = []*model.Table{summary(t, total)}
		}
		return f
	}
	office := model.Bi("甲办公室", "Office A")
	bureau := model.Bi("乙局", "Bureau B")
	centre := model.T("丙中心")
	return []*model.File{
		file("b-bureau", 2024, "元", bureau, "2,600,000.50"),
		file("a-office", 2023, "万元", office, "120.50"),
		file("d-unit", 2024, "万元", model.Bi("丁单位", "Unit D"), ""),
		file("c-centre", 2024, "万元", centre, "10.00"),
		file("a-office", 2024, "万元", office, "130.25"),
		file("b-bureau", 2023, "元", bureau, "2,500,000.00"),
		file("a-office", 2022, "万元", office, "100.00"),
	}
}

// choiceValues lists "year=value" of a choice's series, values exactly
// as the JSON has them.
func choiceValues(t *testing.T, ch Choice) []string {
	t.Helper()
	b, err := json.Marshal(ch.Option)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var o struct {
		Series []struct {
			Data []struct {
				Name  string
				Value json.Number
			}
		}
	}
	if err := dec.Decode(&o); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range o.Series[0].Data {
		out = append(out, d.Name+"="+d.Value.String())
	}
	return out
}

// TestTrendFigure: the home page has one trend figure, whose choices are
// every department with a total, in id order, each with its own years,
// totals and sentence, all in the site's unit (万元 when any file is kept
// in it), converted exactly and rounded as printed; the chart is first
// drawn with the first of them.
func TestTrendFigure(t *testing.T) {
	type want struct {
		id, name, lang, unit, values, summary string
	}
	for _, tc := range []struct {
		lang string
		want []want
	}{
		{"zh", []want{
			{"a-office", "甲办公室", "", "万元", "2022 年=100.00 2023 年=120.50 2024 年=130.25",
				"甲办公室各年支出总计：2022 年 100.00 万元；2023 年 120.50 万元；2024 年 130.25 万元。"},
			// The bureau keeps 元; the home page states the site's 万元.
			{"b-bureau", "乙局", "", "万元", "2023 年=250.00 2024 年=260.00",
				"乙局各年支出总计：2023 年 250.00 万元；2024 年 260.00 万元。"},
			{"c-centre", "丙中心", "", "万元", "2024 年=10.00", "丙中心各年支出总计：2024 年 10.00 万元。"},
		}},
		{"en", []want{
			{"a-office", "Office A", "", "thousand yuan", "2022=1000.0 2023=1205.0 2024=1302.5",
				"Total expenditure of the Office A by year: 2022: 1,000.0 thousand yuan; 2023: 1,205.0 thousand yuan; 2024: 1,302.5 thousand yuan."},
			{"b-bureau", "Bureau B", "", "thousand yuan", "2023=2500.0 2024=2600.0",
				"Total expenditure of the Bureau B by year: 2023: 2,500.0 thousand yuan; 2024: 2,600.0 thousand yuan."},
			{"c-centre", "丙中心", "zh", "thousand yuan", "2024=100.0",
				"Total expenditure of the 丙中心 by year: 2024: 100.0 thousand yuan."},
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			tr, ok := Trends(departments(t), context(t, tc.lang), "#trends-table")
			if !ok {
				t.Fatal("no trend figure")
			}
			if tr.ID != "chart-trend" || len(tr.Choices) != len(tc.want) {
				t.Fatalf("figure %s with %d choices, want chart-trend with %d", tr.ID, len(tr.Choices), len(tc.want))
			}
			for i, w := range tc.want {
				ch := tr.Choices[i]
				got := want{ch.ID, ch.Name, ch.Lang, ch.Option.YAxis[0].Name, strings.Join(choiceValues(t, ch), " "), ch.Summary}
				if got != w {
					t.Errorf("choice %d:\n got %+v\nwant %+v", i, got, w)
				}
			}
			// As first drawn: the first department, its sentence in the caption.
			var drawn []string
			for _, v := range values(t, tr.Chart) {
				_, v, _ = strings.Cut(v, ": ") // the series name
				drawn = append(drawn, v)
			}
			if got := strings.Join(drawn, " "); got != tc.want[0].values {
				t.Errorf("drawn %s, want the series of %s: %s", got, tc.want[0].id, tc.want[0].values)
			}
			if tr.Summary != tc.want[0].summary {
				t.Errorf("caption %q, want %q", tr.Summary, tc.want[0].summary)
			}
			if y := option(t, tr.Chart)["yAxis"].([]any)[0].(map[string]any)["name"]; y != tc.want[0].unit {
				t.Errorf("drawn in %v, want %s", y, tc.want[0].unit)
			}
			if b := tr.ChoicesJSON(); bytes.ContainsAny(b, "<>&") || !json.Valid(b) {
				t.Errorf("choices are not inert JSON: %s", b)
			}
		})
	}
}

// trendGolden is the trend figure as testdata/trend.*.json shows it.
type trendGolden struct {
	golden
	Choices []choiceGolden
}

type choiceGolden struct {
	ID, Name, Lang, Summary string
	Option                  trendUpdate
}

// TestTrendGolden compares the trend figure of the synthetic departments
// in both languages with testdata/trend.*.json; go test -update rewrites
// them. The figure is the same on every build.
func TestTrendGolden(t *testing.T) {
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			encode := func() []byte {
				tr, _ := Trends(departments(t), context(t, lang), "#trends-table")
				g := trendGolden{golden: golden{tr.ID, tr.Kind, tr.Title, tr.Label, tr.Summary, tr.Height, tr.Sources, tr.Option}}
				for _, ch := range tr.Choices {
					g.Choices = append(g.Choices, choiceGolden{ch.ID, ch.Name, ch.Lang, ch.Summary, ch.Option})
				}
				b, err := json.MarshalIndent(g, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				return append(b, '\n')
			}
			got := encode()
			for range 10 {
				if !bytes.Equal(encode(), got) {
					t.Fatal("the trend figure differs between two builds")
				}
			}
			compareGolden(t, filepath.Join("testdata", "trend."+lang+".json"), got, "the trend figure's options")
		})
	}
}

// TestDepartmentsRoundAsPrinted: the bureau's 2,600,000.50 元 stand
// beside figures in 万元 as 260.00 万元 (2,600.0 thousand yuan), converted
// exactly and rounded once to the unit shown, in the bars, their labels
// and the sentence.
func TestDepartmentsRoundAsPrinted(t *testing.T) {
	for _, tc := range []struct {
		lang, summary string
		values        []string
	}{
		{"zh", "2024 年各部门支出总计：乙局 260.00 万元；甲办公室 130.25 万元；丙中心 10.00 万元。",
			[]string{"2024 年: 乙局=260.00", "2024 年: 甲办公室=130.25", "2024 年: 丙中心=10.00"}},
		{"en", "Total expenditure of each department in 2024: Bureau B 2,600.0 thousand yuan; Office A 1,302.5 thousand yuan; 丙中心 100.0 thousand yuan.",
			[]string{"2024: Bureau B=2600.0", "2024: Office A=1302.5", "2024: 丙中心=100.0"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			c, ok := Departments(departments(t), context(t, tc.lang))
			if !ok {
				t.Fatal("no figure of the departments")
			}
			if c.Summary != tc.summary {
				t.Errorf("summary:\n got %s\nwant %s", c.Summary, tc.summary)
			}
			if got := strings.Join(values(t, c), " "); got != strings.Join(tc.values, " ") {
				t.Errorf("bars %s, want %s", got, strings.Join(tc.values, " "))
			}
			if s := string(c.Option); strings.Contains(s, "260.00005") || strings.Contains(s, "2600.0005") {
				t.Errorf("the option keeps the unrounded conversion: %s", s)
			}
		})
	}
}
