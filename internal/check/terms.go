package check

import (
	"fmt"
	"sort"
	"strings"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// term is a figure of one table at a functional code: one column, or the
// sum of several. A table the file does not have counts as zero.
type term struct {
	t       *model.Table
	kind    string
	part    string
	cols    []string
	rollups []*model.Rollup // one per column
}

// term names columns of the file's table of a kind.
func (c *checker) term(kind, part string, cols ...string) term {
	tm := term{t: c.f.Table(kind), kind: kind, part: part, cols: cols}
	for _, col := range cols {
		tm.rollups = append(tm.rollups, tm.t.Rollup(part, col))
	}
	return tm
}

// at returns the term's figure at a code ("" for the whole table) and
// whether the table has anything there.
func (tm term) at(code classify.Code) (amount.Amount, bool) {
	sum, found := amount.Zero(0), false
	for _, r := range tm.rollups {
		v, ok := r.At(code)
		sum, found = sum.Add(v), found || ok
	}
	return sum, found
}

// pos returns where the term's figure at a code is written, or where its
// table starts.
func (tm term) pos(code classify.Code) diag.Pos {
	key := string(code)
	if code == "" {
		key = "total"
	}
	if cl, ok := tm.t.Cell(tm.part, key, tm.cols[0]); ok && cl.Pos.Line != 0 {
		return cl.Pos
	}
	if tm.t != nil {
		return tm.t.Pos
	}
	return diag.Pos{}
}

// describe names the term for a message: "table 2 (部门收入总体情况表)
// 一般公共预算 + 上级一般公共预算安排的转移支付".
func (tm term) describe() string {
	if tm.t == nil {
		return fmt.Sprintf("%s (kind: %s, which this file does not have)", model.Kinds[tm.kind].Title.ZH(), tm.kind)
	}
	part := tm.t.Kind.Part(tm.part)
	var names []string
	for _, col := range tm.cols {
		names = append(names, part.ColumnTitle(col))
	}
	return tableName(tm.t) + " " + strings.Join(names, " + ")
}

// published reports whether the file publishes, or its template asks for,
// a table of the kind: a figure can be compared with a table only then.
// (A table the template asks for and the file lacks counts as zero, and
// the template rule reports it.)
func (c *checker) published(kind string) bool {
	return c.f.Table(kind) != nil || c.f.Template == nil || c.f.Template.ByKind(kind) != nil
}

// listedCodes returns the functional codes that the terms' tables list as
// rows, up to level maxLevel (every level when 0), in order.
func listedCodes(maxLevel int, terms ...term) []classify.Code {
	seen := map[classify.Code]bool{}
	for _, tm := range terms {
		if tm.t == nil {
			continue
		}
		for _, r := range tm.t.Parts[tm.part] {
			if r.Code != "" && r.Project == "" && (maxLevel == 0 || r.Code.Level() <= maxLevel) {
				seen[r.Code] = true
			}
		}
	}
	codes := make([]classify.Code, 0, len(seen))
	for code := range seen {
		codes = append(codes, code)
	}
	sort.Slice(codes, func(i, j int) bool { return codes[i] < codes[j] })
	return codes
}

// relation is how a figure stands to the figures it is compared with.
type relation int

const (
	equals  relation = iota // a = Σ b
	atLeast                 // a ≥ Σ b: b are parts of a
)

// agree checks, at every functional code that the tables list (up to
// maxLevel) and for the total, that figure a equals (or is at least)
// the sum of figures bs. A table of a kind the file's template does not
// publish makes the comparison impossible, and it is left out.
func (c *checker) agree(rel relation, maxLevel int, a term, bs ...term) {
	if !c.published(a.kind) || a.t == nil {
		return
	}
	// A table the template does not publish: its figures cannot be
	// compared for equality, but as parts of a figure they count as zero.
	var known []term
	for _, b := range bs {
		switch {
		case c.published(b.kind):
			known = append(known, b)
		case rel == equals:
			return
		}
	}
	if len(known) == 0 {
		return
	}
	bs = known
	all := append([]term{a}, bs...)
	for _, code := range append(listedCodes(maxLevel, all...), "") {
		c.agreeAt(rel, code, a, bs...)
	}
}

// agreeAt compares a with the sum of bs at one code.
func (c *checker) agreeAt(rel relation, code classify.Code, a term, bs ...term) {
	va, fa := a.at(code)
	vb, fb, n := amount.Zero(0), false, 0
	values := make([]amount.Amount, len(bs))
	for i, b := range bs {
		v, ok := b.at(code)
		vb, fb, values[i] = vb.Add(v), fb || ok, v
	}
	if !fa && !fb || rel == equals && va.Equal(vb) || rel == atLeast && va.Cmp(vb) >= 0 {
		return
	}
	var names []string
	for i, b := range bs {
		// Parts that are zero say nothing when a figure is at least the
		// sum of its parts: name only the others.
		if rel == equals || !values[i].IsZero() {
			n += len(b.cols)
			names = append(names, b.describe())
		}
	}
	name := "the total"
	key := "total"
	if code != "" {
		n, _ := c.f.CodeName(c.dict, classify.Function, code)
		name, key = code.String()+" "+n.ZH, string(code)
	}
	subject := fmt.Sprintf("table %s %s %s", a.t.No, key, strings.Join(a.cols, "+"))
	others, verb := strings.Join(names, " + "), "come to"
	if n == 1 {
		verb = "says"
	}
	switch rel {
	case equals:
		c.compare("tables", subject, a.pos(code), va, vb, n,
			fmt.Sprintf("%s: %s says %s, but %s %s %s", name, a.describe(), c.fmtAmount(va), others, verb, c.fmtAmount(vb)))
	case atLeast:
		if va.Cmp(vb) < 0 {
			c.errorf("part-of", subject, a.pos(code),
				"%s: %s says %s, less than %s, which %s %s and %s part of it", name, a.describe(), c.fmtAmount(va), others, verb, c.fmtAmount(vb), map[bool]string{true: "is", false: "are"}[n == 1])
		}
	}
}
