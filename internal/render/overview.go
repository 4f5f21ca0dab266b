package render

import (
	"html/template"
	"regexp"
	"strconv"

	"budgetpress/internal/model"
)

// Overview is 第一部分 部门概况 as the file gives it. What the file leaves
// out is not there: no heading, no sentence, no zero. Its headings are
// numbered in the order they stand.
type Overview struct {
	Functions      template.HTML // 主要职能, "" when not given
	FunctionsTitle string
	UnitsTitle     string          // 机构设置及人员情况, "" when neither units nor staff are given
	UnitsText      string          // the sentence on subordinate units and internal sections
	Units          []template.HTML // 内设处室
	StaffTitle     string
	Staff          template.HTML // the sentence on posts and people
}

// IsZero reports whether the file gives nothing of the overview.
func (o Overview) IsZero() bool { return o.FunctionsTitle == "" && o.UnitsTitle == "" }

// Overview lays out 第一部分 部门概况 of a file.
func (v *view) Overview(f *model.File) Overview {
	d := f.Department
	var o Overview
	n := 0
	numbered := func(key string) string {
		n++
		return v.Tf("overview.numbered", v.ordinal(n), v.T(key))
	}
	if !d.Functions.IsZero() {
		o.FunctionsTitle, o.Functions = numbered("overview.functions"), v.Tx(d.Functions)
	}
	name := v.Plain(d.Name)
	switch {
	case d.HasSubordinateUnits && len(d.Units) > 0:
		o.UnitsText = v.Tf("overview.units.text", name, d.SubordinateUnits, len(d.Units))
	case d.HasSubordinateUnits:
		o.UnitsText = v.Tf("overview.units.subordinate", name, d.SubordinateUnits)
	case len(d.Units) > 0:
		o.UnitsText = v.Tf("overview.units.sections", name, len(d.Units))
	}
	for _, u := range d.Units {
		o.Units = append(o.Units, v.Tx(u))
	}
	if s := v.staffing(f); s != "" {
		o.StaffTitle, o.Staff = v.T("overview.staff"), v.markChinese(s)
	}
	if o.UnitsText != "" || o.Staff != "" {
		o.UnitsTitle = numbered("overview.units")
	}
	return o
}

// ordinal numbers a heading of the overview: 一, 二, … on Chinese pages,
// 1, 2, … on others.
func (v *view) ordinal(n int) string {
	if v.Lang == "zh" && n >= 1 && n <= 10 {
		return []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n-1]
	}
	return strconv.Itoa(n)
}

// staffing states the staffing figures in a sentence, "" when the file
// gives none: the authorised posts and people, then each headcount the
// file gives (在职, 退休, 离休) with its change on the prior year.
func (v *view) staffing(f *model.File) string {
	s := f.Department.Staffing
	if s.Pos.Line == 0 {
		return ""
	}
	change := func(n int) string {
		if n < 0 {
			return v.Tf("staff.decrease", -n)
		}
		if n == 0 {
			return v.T("staff.same")
		}
		return v.Tf("staff.increase", n)
	}
	var parts []string
	for _, h := range []struct {
		key string
		h   model.Headcount
	}{{"staff.active", s.Active}, {"staff.retired", s.Retired}, {"staff.veteran", s.Veteran}} {
		if h.h.Pos.Line == 0 {
			continue
		}
		key := h.key
		if h.h.Count == 1 {
			key += ".one"
		}
		parts = append(parts, v.Tf(key, h.h.Count, change(h.h.Change)))
	}
	head := v.Tf("staff.text", v.Plain(f.Department.Name), s.Authorized, s.Actual)
	if len(parts) == 0 {
		return head + v.T("staff.end")
	}
	list := parts[0]
	for i := 1; i < len(parts); i++ {
		sep := v.T("staff.sep")
		if i == len(parts)-1 {
			sep = v.T("staff.sep.last")
		}
		list += sep + parts[i]
	}
	return head + v.Tf("staff.of", list)
}

var hanRun = regexp.MustCompile(`\p{Han}+(?:[（）、，：；“”《》]+\p{Han}+)*`)

// markChinese escapes a sentence of a page in another language than
// Chinese and marks the Chinese words in it (the English gloss of 离休
// quotes the term), so that screen readers and fonts treat them as
// Chinese.
func (v *view) markChinese(s string) template.HTML {
	s = template.HTMLEscapeString(s)
	if v.Lang == "zh" {
		return template.HTML(s)
	}
	return template.HTML(hanRun.ReplaceAllString(s, `<span lang="`+LangTag("zh")+`">$0</span>`))
}
