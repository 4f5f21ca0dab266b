package render

// The rows of the budget tables and of the indicator tables are written
// here in Go rather than by the templates: a department page has some
// thousand cells, and html/template spends most of a page's time calling
// methods by reflection and escaping them one action at a time. The
// frame of each table (section, heading, indicator headings) stays in
// the layouts, so a theme can still change it.

import (
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"
)

// writeText writes s escaped as html/template escapes a string in text
// and quoted attributes, so that the output does not depend on whether a
// template or this file wrote it. That is html.EscapeString's set plus
// '+' and NUL.
func writeText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// PartsHTML renders every part of a table, each a scrolling region
// holding one HTML table, for the "table" template.
func (a tableArgs) PartsHTML() template.HTML {
	if len(a.T.Parts) == 0 {
		return ""
	}
	v, t := a.V, a.T
	unit := v.Money(a.F).UnitName()
	n := 0
	for i := range t.Parts {
		n += 600 + 200*len(t.Parts[i].Columns) + len(t.Parts[i].Rows)*(80+40*len(t.Parts[i].Columns))
	}
	var b strings.Builder
	b.Grow(n)
	for i := range t.Parts {
		p := &t.Parts[i]
		capID := t.ID + "-cap-" + strconv.Itoa(i)
		b.WriteString("\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"")
		writeText(&b, capID)
		switch {
		case p.HasProject:
			b.WriteString("\">\n<table class=\"coded projects ")
		case p.HasCode:
			b.WriteString("\">\n<table class=\"coded ")
		default:
			b.WriteString("\">\n<table class=\"items ")
		}
		b.WriteString(figureWidth(p))
		b.WriteString("\">\n<caption id=\"")
		writeText(&b, capID)
		b.WriteString("\"><span class=\"caption-text\">")
		writeText(&b, v.Tf("table.no", t.No))
		b.WriteByte(' ')
		writeText(&b, t.Title)
		if p.Caption != "" {
			b.WriteString(" — ")
			writeText(&b, p.Caption)
		}
		b.WriteString("<span class=\"unit\">")
		writeText(&b, v.Tf("table.unit.caption", unit))
		b.WriteString("</span></span></caption>\n<thead><tr>")
		if p.HasCode {
			// On narrow screens one cell names the row (label), in
			// place of the code, name and project columns.
			b.WriteString("<th scope=\"col\" class=\"label\">")
			if p.HasProject {
				writeText(&b, p.ProjectHead)
			} else {
				writeText(&b, p.NameHead)
			}
			b.WriteString("</th><th scope=\"col\" class=\"code\">")
			writeText(&b, p.KeyHead)
			b.WriteString("</th><th scope=\"col\" class=\"name\">")
			writeText(&b, p.NameHead)
			b.WriteString("</th>")
		} else {
			b.WriteString("<th scope=\"col\" class=\"name\">")
			writeText(&b, p.KeyHead)
			b.WriteString("</th>")
		}
		if p.HasProject {
			b.WriteString("<th scope=\"col\" class=\"project\">")
			writeText(&b, p.ProjectHead)
			b.WriteString("</th>")
		}
		for k, c := range p.Columns {
			if p.VoidCols[k] {
				b.WriteString("<th scope=\"col\" class=\"num void\">")
			} else {
				b.WriteString("<th scope=\"col\" class=\"num\">")
			}
			writeText(&b, c)
			b.WriteString("</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for j := range p.Rows {
			writeRow(&b, p, &p.Rows[j])
		}
		b.WriteString("</tbody>\n</table>\n</div>\n")
	}
	return template.HTML(b.String())
}

// figureWidth classes a part by its longest figure, so that narrow
// screens give the label of its rows what the figures leave: figs-s up
// to 8 characters (604.13, 1,464.04), figs-m up to 10, figs-l up to 12
// (4,362,944.00), figs-xl beyond (104,638,216.70: a large budget kept
// in 元).
func figureWidth(p *PartView) string {
	n := 0
	for _, r := range p.Rows {
		for _, c := range r.Cells {
			n = max(n, utf8.RuneCountInString(c))
		}
	}
	switch {
	case n <= 8:
		return "figs-s"
	case n <= 10:
		return "figs-m"
	case n <= 12:
		return "figs-l"
	}
	return "figs-xl"
}

// writeRow writes one row of a budget table. Name and Project are
// already HTML. A cell without a figure reads "—"; the cells of void
// columns, and void rows, are marked so that the screen can collapse
// them.
func writeRow(b *strings.Builder, p *PartView, r *RowView) {
	b.WriteString("<tr class=\"level-")
	b.WriteString(strconv.Itoa(r.Level))
	if r.Total {
		b.WriteString(" total")
	}
	if r.Void {
		b.WriteString(" void")
	}
	b.WriteString("\">")
	if p.HasCode {
		// The label of narrow screens: the project, under which its
		// classification; or the code and the name.
		b.WriteString("<th scope=\"row\" class=\"label\">")
		if r.Project != "" {
			b.WriteString(string(r.Project))
			b.WriteString("<span class=\"sub\">")
			if r.Code != "" {
				writeText(b, r.Code)
				b.WriteByte(' ')
			}
			b.WriteString(string(r.Name))
			b.WriteString("</span>")
		} else {
			if r.Code != "" {
				b.WriteString("<span class=\"code\">")
				writeText(b, r.Code)
				b.WriteString("</span> ")
			}
			if r.Label != "" {
				b.WriteString(string(r.Label))
			} else {
				b.WriteString(string(r.Name))
			}
		}
		b.WriteString("</th><td class=\"code\">")
		writeText(b, r.Code)
		b.WriteString("</td>")
	}
	if r.Project != "" {
		b.WriteString("<td class=\"name\">")
		b.WriteString(string(r.Name))
		b.WriteString("</td><th scope=\"row\" class=\"project\">")
		b.WriteString(string(r.Project))
		b.WriteString("</th>")
	} else {
		b.WriteString("<th scope=\"row\" class=\"name\">")
		b.WriteString(string(r.Name))
		b.WriteString("</th>")
		if p.HasProject {
			b.WriteString("<td class=\"project\"></td>")
		}
	}
	for k, c := range r.Cells {
		switch {
		case c == "" && p.VoidCols[k]:
			b.WriteString("<td class=\"num nil void\">—</td>")
		case c == "":
			b.WriteString("<td class=\"num nil\">—</td>")
		default:
			b.WriteString("<td class=\"num\">")
			writeText(b, c)
			b.WriteString("</td>")
		}
	}
	b.WriteString("</tr>\n")
}

// Body renders the rows of a performance-target table, for the
// "indicators" template. A 一级指标 or 二级指标 cell is written on the
// first row it spans, and its names again in that row's heading, for
// narrow screens (class perf-levels).
func (a indicatorArgs) Body() template.HTML {
	var b strings.Builder
	b.Grow(len(a.Rows) * 400)
	level := func(span int, name string) {
		if span == 0 {
			return
		}
		b.WriteString("<td class=\"level\"")
		if span > 1 {
			b.WriteString(" rowspan=\"")
			b.WriteString(strconv.Itoa(span))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		writeText(&b, name)
		b.WriteString("</td>")
	}
	for i := range a.Rows {
		r := &a.Rows[i]
		b.WriteString("<tr>")
		level(r.Level1Span, r.Level1)
		level(r.Level2Span, r.Level2)
		b.WriteString("<th scope=\"row\">")
		if r.Level2Span > 0 {
			// The levels again, for narrow screens, where the stylesheet
			// hides their columns so that the indicator and its target
			// fit side by side; hidden elsewhere.
			b.WriteString("<span class=\"perf-levels\">")
			writeText(&b, r.Level1+" · "+r.Level2)
			b.WriteString("</span> ")
		}
		b.WriteString(string(r.Name))
		b.WriteString("</th><td class=\"target\">")
		b.WriteString(string(r.Target))
		if a.Cols.Basis {
			b.WriteString("</td><td>")
			b.WriteString(string(r.Basis))
		}
		if a.Cols.Prior {
			b.WriteString("</td><td>")
			b.WriteString(string(r.Prior))
		}
		b.WriteString("</td><td class=\"num\">")
		b.WriteString(strconv.Itoa(r.Weight))
		if a.Cols.Scoring {
			b.WriteString("</td><td>")
			b.WriteString(string(r.Scoring))
		}
		if a.Cols.Evidence {
			b.WriteString("</td><td>")
			b.WriteString(string(r.Evidence))
		}
		b.WriteString("</td></tr>\n")
	}
	return template.HTML(b.String())
}
