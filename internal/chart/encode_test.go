package chart

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendJSONIsMarshal: the option trees of every chart of the
// example's department page and of the home page, in both languages and
// both reading modes, are written byte for byte as json.Marshal writes
// them.
func TestAppendJSONIsMarshal(t *testing.T) {
	files := synthetic(t)
	for _, lang := range langs {
		for _, hc := range []bool{false, true} {
			c := context(t, lang)
			c.hc = hc
			charts := department(example(t), c)
			if d, ok := compare(files, c); ok {
				charts = append(charts, d)
			}
			n := 0
			for _, ch := range charts {
				if ch.opt == nil {
					continue
				}
				n++
				ch.opt.v["budgetpress"] = Extra{Contrast: appendJSON(nil, ch.opt.v), Table: ch.opt.table}
				want, err := json.Marshal(ch.opt.v)
				if err != nil {
					t.Fatal(err)
				}
				if got := appendJSON(nil, ch.opt.v); !bytes.Equal(got, want) {
					t.Errorf("%s %s (high contrast %v): appendJSON wrote\n%s\njson.Marshal\n%s", lang, ch.ID, hc, got, want)
				}
			}
			if n < 5 {
				t.Errorf("%s: only %d charts with options", lang, n)
			}
		}
	}
}

// FuzzAppendJSON: any text, as a string, a key, in a list and with a
// number, is written as json.Marshal writes it.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{"", "部门<script>&\"\\", "\b\f\n\r\t\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "12.50", "-0.5e+3", "01", "1."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := map[string]any{s: []any{s, nil, true, 3, []string{s}, map[string]any{}}, "n": json.Number("12.50")}
		if validNumber(s) {
			v["m"] = json.Number(s)
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSON(nil, v); !bytes.Equal(got, want) {
			t.Errorf("appendJSON wrote\n%q\njson.Marshal\n%q", got, want)
		}
		// A number json.Marshal refuses is refused, not written.
		if !validNumber(s) && s != "" {
			if _, err := json.Marshal(json.Number(s)); err == nil {
				t.Errorf("%q: json.Marshal takes it as a number, validNumber does not", s)
			}
		} else if _, err := json.Marshal(json.Number(s)); err != nil {
			t.Errorf("%q: validNumber takes it, json.Marshal does not: %v", s, err)
		}
	})
}
