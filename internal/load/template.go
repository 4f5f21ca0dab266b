package load

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/diag"
	"budgetpress/internal/model"
	"budgetpress/internal/yamlsrc"
)

// Template reads a table-set template, templates/<id>.yaml: its name,
// what it rests on, and its tables in order, each with its number, kind
// and optionally its title and columns.
func Template(path string, src []byte, langs []string) (*model.Template, diag.List) {
	root, diags := yamlsrc.Parse(path, src, "one template")
	if root == nil {
		return nil, diags
	}
	d := &decoder{file: path}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	t := &model.Template{ID: id, Pos: diag.Pos{File: path, Line: 1, Col: 1}}
	if !idForm.MatchString(id) {
		d.errorf(root, "the file name %q names the template in site.yaml and department files, so it may use only lower-case letters, digits and hyphens (like xinjiang-2024.yaml)", filepath.Base(path))
	}
	o := d.object(root, "a template", "name", "basis", "tables")
	if o == nil {
		return nil, append(diags, d.diags...)
	}
	t.Name = d.text(o.require("name", "the name of the table set, like {zh: 新疆维吾尔自治区部门预算公开表, en: …}"), "name", langs)
	if v := o.get("basis"); v != nil {
		t.Basis = d.str(v, "basis")
	}
	for _, n := range d.list(o.require("tables", "the tables, in their published order"), "tables") {
		to := d.object(n, "a table of the template", "no", "kind", "title", "columns")
		if to == nil {
			continue
		}
		tt := model.TemplateTable{Pos: d.pos(n)}
		if v := to.require("no", "the table number as published, like 1 or 1-1"); v != nil {
			tt.No = d.str(v, "table number")
			if prev := t.ByNo(tt.No); prev != nil && tt.No != "" {
				d.errorf(v, "two tables are numbered %s (the first at line %d)", tt.No, prev.Pos.Line)
			}
		}
		kv := to.require("kind", "which standard table this is")
		if kv == nil {
			continue
		}
		kind := d.str(kv, "table kind")
		k := model.Kinds[kind]
		if k == nil {
			d.errorf(kv, "unknown table kind %q%s", kind, suggest(kind, kindIDs()))
			continue
		}
		if prev := t.ByKind(kind); prev != nil {
			d.errorf(kv, "the template has two %s tables (the first is table %s); a kind is published once", kind, prev.No)
			continue
		}
		tt.Kind = k
		tt.Title = d.text(to.get("title"), "table title", langs)
		if cv := to.get("columns"); cv != nil {
			tt.Kind = d.templateColumns(cv, k)
		}
		t.Tables = append(t.Tables, tt)
	}
	if len(t.Tables) == 0 && !d.diags.HasErrors() {
		d.errorf(root, "the template lists no tables")
	}
	diags = append(diags, d.diags...)
	if diags.HasErrors() {
		return nil, diags
	}
	return t, diags
}

// templateColumns narrows a kind to the columns a template prints: a
// list for a table of one part, or a list per part ("income:",
// "expenditure:") for a table of two.
func (d *decoder) templateColumns(n *yaml.Node, k *model.Kind) *model.Kind {
	narrow := func(part string, v *yaml.Node) {
		var keys []string
		for _, c := range d.list(v, "columns") {
			keys = append(keys, d.str(c, "a column"))
		}
		nk, err := k.WithColumns(part, keys)
		if err != nil {
			d.errorf(v, "%v", err)
			return
		}
		k = nk
	}
	if len(k.Parts) == 1 {
		if n.Kind != yaml.SequenceNode {
			d.errorf(n, "columns of a %s table are a list of column keys, like [total, basic, project]", k.ID)
			return k
		}
		narrow(k.Parts[0].Key, n)
		return k
	}
	var keys []string
	for _, p := range k.Parts {
		keys = append(keys, p.Key)
	}
	o := d.object(n, "columns of a "+k.ID+" table (one list per side)", keys...)
	if o == nil {
		return k
	}
	for _, p := range keys {
		if v := o.get(p); v != nil {
			narrow(p, v)
		}
	}
	return k
}

// readTemplates reads every templates/*.yaml of a site and adds them to
// the built-in templates. A site's template may not take a built-in id.
func readTemplates(dir string, langs []string) (map[string]*model.Template, diag.List) {
	out := model.BuiltinTemplates()
	var diags diag.List
	paths, _ := filepath.Glob(filepath.Join(dir, "templates", "*.yaml"))
	sort.Strings(paths)
	for _, p := range paths {
		rel := filepath.ToSlash(mustRel(dir, p))
		src, _, ds := ReadFile(dir, rel)
		diags = append(diags, ds...)
		if src == nil {
			continue
		}
		t, ds := Template(rel, src, langs)
		diags = append(diags, ds...)
		if t == nil {
			continue
		}
		if _, builtin := model.BuiltinTemplates()[t.ID]; builtin {
			diags.Errorf(t.Pos, "%q is the name of a built-in template; give your template another file name", t.ID)
			continue
		}
		out[t.ID] = t
	}
	return out, diags
}

// templateIDs lists the templates' ids in order, for messages.
func templateIDs(ts map[string]*model.Template) []string {
	ids := make([]string, 0, len(ts))
	for id := range ts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// unknownTemplate explains a template id that is neither built in nor in
// templates/.
func unknownTemplate(id string, ts map[string]*model.Template) string {
	return fmt.Sprintf("there is no template %q%s; %s are built in, a site adds its own as templates/<name>.yaml",
		id, suggest(id, templateIDs(ts)), strings.Join([]string{model.TemplateNational, model.TemplateMOF2016}, " and "))
}
