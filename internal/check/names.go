package check

import (
	"budgetpress/internal/diag"
	"budgetpress/internal/model"
)

// RuleSameName is the rule of Names' findings. They are about several
// department files at once: a build that loads only the files that
// changed finds them again over all files, not from one file's.
const RuleSameName = "same-name"

// Names checks that no two department files of one year and kind
// (budget or final accounts) name the same department: the second is
// most often a copy of the first, not yet renamed, and would publish
// another department's figures under its name. Each finding is at the
// name of the later file, in the order of files, and names the earlier.
func Names(files []*model.File) diag.List {
	var out diag.List
	for _, c := range sameNames(files) {
		out = append(out, c.d)
	}
	return out
}

// NamesOf is Names for some department files of a site, files, among
// all of them (files and the others of their years, in the order of
// paths): the findings at files, and those at other files that name one
// of files, which the check of files alone would not see.
func NamesOf(files, all []*model.File) diag.List {
	mine := map[*model.File]bool{}
	for _, f := range files {
		mine[f] = true
	}
	var out diag.List
	for _, c := range sameNames(all) {
		if mine[c.at] || mine[c.first] {
			out = append(out, c.d)
		}
	}
	return out
}

// clash is a finding of Names: at the later file of two, about the
// first.
type clash struct {
	d         diag.Diagnostic
	at, first *model.File
}

func sameNames(files []*model.File) []clash {
	type key struct {
		year       int
		kind, lang string
		name       string
	}
	first := map[key]*model.File{}
	var out []clash
	for _, f := range files {
		for _, lang := range []string{"zh", "en"} {
			name := f.Department.Name.ByLang[lang]
			if name == "" {
				continue
			}
			k := key{f.Year, f.Type, lang, name}
			other, seen := first[k]
			if !seen {
				first[k] = f
				continue
			}
			pos := f.Department.Name.Pos
			if pos.File == "" {
				pos = diag.Pos{File: f.Path, Line: 1, Col: 1}
			}
			if lang == "zh" {
				out = append(out, clash{diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: RuleSameName, Subject: name,
					Message: "this department file names the same department as " + other.Path + " (" + name + "): each department file is one department's publication; if this one is a copy, write its own department's name and figures"}, f, other})
			} else if other.Department.Name.ByLang["zh"] != f.Department.Name.ByLang["zh"] {
				out = append(out, clash{diag.Diagnostic{Pos: pos, Severity: diag.Warning, Rule: RuleSameName, Subject: name,
					Message: "the English name is that of " + other.Path + " (" + name + "), though the Chinese names differ: translate this department's own name"}, f, other})
			}
		}
	}
	return out
}
