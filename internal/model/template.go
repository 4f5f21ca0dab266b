package model

import (
	"fmt"
	"slices"
	"strings"

	"budgetpress/internal/diag"
)

// Template is a set of tables a department publishes: which kinds, in
// which order, under which numbers, titles and columns. The national
// template is built in; a site declares its province's in
// templates/<id>.yaml.
type Template struct {
	ID    string
	Name  Text
	Basis string // what the template rests on, such as a circular of the finance department
	// Tables are the template's tables in their published order.
	Tables []TemplateTable
	Pos    diag.Pos
}

// TemplateTable is one table of a template. Kind is the standard kind,
// narrowed to the columns the template prints.
type TemplateTable struct {
	No    string
	Kind  *Kind
	Title Text // overrides Kind.Title when set
	Pos   diag.Pos
}

// ByNo returns the template's table with the given number, or nil.
func (t *Template) ByNo(no string) *TemplateTable {
	for i := range t.Tables {
		if t.Tables[i].No == no {
			return &t.Tables[i]
		}
	}
	return nil
}

// ByKind returns the template's table of the given kind, or nil.
func (t *Template) ByKind(kind string) *TemplateTable {
	for i := range t.Tables {
		if t.Tables[i].Kind.ID == kind {
			return &t.Tables[i]
		}
	}
	return nil
}

// The ids of the built-in templates.
const (
	TemplateNational = "national"
	TemplateMOF2016  = "mof-2016"
)

func builtin(id string, name Text, basis string, kinds ...string) *Template {
	t := &Template{ID: id, Name: name, Basis: basis}
	for i, k := range kinds {
		t.Tables = append(t.Tables, TemplateTable{No: fmt.Sprint(i + 1), Kind: Kinds[k]})
	}
	return t
}

// BuiltinTemplates returns the templates every site can use, by id: the
// national template of eleven tables (the default) and the eight tables
// that the Ministry of Finance's rules for local budget disclosure name as
// the minimum.
func BuiltinTemplates() map[string]*Template {
	return map[string]*Template{
		TemplateNational: builtin(TemplateNational,
			Bi("部门预算公开表（十一张表）", "Department budget tables (eleven tables)"),
			"the eleven tables of the example document (2024 budget of the Changji Prefecture E-Government Office, Xinjiang): the eight tables of 财预〔2016〕143号 with 国有资本经营预算支出情况表, 一般公共预算项目支出情况表 and 上年结转结余情况明细表",
			KindSummary, KindIncome, KindExpenditure, KindFiscal, KindGeneral, KindGeneralBasic,
			KindGeneralProj, KindFund, KindSOE, KindThreePublic, KindCarryover),
		TemplateMOF2016: builtin(TemplateMOF2016,
			Bi("部门预算公开表（八张表）", "Department budget tables (eight tables)"),
			"《地方预决算公开操作规程》(财预〔2016〕143号): 部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支总表, 一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表",
			KindSummary, KindIncome, KindExpenditure, KindFiscal, KindGeneral, KindGeneralBasic,
			KindThreePublic, KindFund),
	}
}

// WithColumns returns a copy of the kind whose part prints only the given
// columns, in that order. Identities lose the columns left out (they count
// as zero); an identity whose sum is left out is dropped.
func (k *Kind) WithColumns(part string, keys []string) (*Kind, error) {
	p := k.Part(part)
	if p == nil {
		return nil, fmt.Errorf("a %s table has no part %q", k.ID, part)
	}
	var cols []Column
	for _, key := range keys {
		i := p.Column(key)
		if i < 0 {
			var all []string
			for _, c := range p.Columns {
				all = append(all, c.Key)
			}
			return nil, fmt.Errorf("a %s table has no column %q; its columns are %s", k.ID, key, strings.Join(all, ", "))
		}
		if slices.ContainsFunc(cols, func(c Column) bool { return c.Key == key }) {
			return nil, fmt.Errorf("column %q is listed twice", key)
		}
		cols = append(cols, p.Columns[i])
	}
	if len(cols) == 0 {
		return nil, fmt.Errorf("a table needs at least one column")
	}
	out := *k
	out.Parts = slices.Clone(k.Parts)
	np := &out.Parts[slices.IndexFunc(out.Parts, func(q Part) bool { return q.Key == part })]
	np.Columns = cols
	np.Identities = nil
	for _, id := range p.Identities {
		if np.Column(id.Sum) < 0 {
			continue
		}
		var parts []string
		for _, q := range id.Parts {
			if np.Column(q) >= 0 {
				parts = append(parts, q)
			}
		}
		if len(parts) > 0 {
			np.Identities = append(np.Identities, Identity{Sum: id.Sum, Parts: parts})
		}
	}
	return &out, nil
}

// ColumnTitle returns the Chinese title of the part's column with the
// given key, or the key itself when the part does not print it.
func (p *Part) ColumnTitle(key string) string {
	if i := p.Column(key); i >= 0 {
		return p.Columns[i].Title.ZH()
	}
	return key
}
