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
	type key struct {
		year       int
		kind, lang string
		name       string
	}
	first := map[key]*model.File{}
	var out diag.List
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
				out = append(out, diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: RuleSameName, Subject: name,
					Message: "this department file names the same department as " + other.Path + " (" + name + "): each department file is one department's publication; if this one is a copy, write its own department's name and figures"})
			} else if other.Department.Name.ByLang["zh"] != f.Department.Name.ByLang["zh"] {
				out = append(out, diag.Diagnostic{Pos: pos, Severity: diag.Warning, Rule: RuleSameName, Subject: name,
					Message: "the English name is that of " + other.Path + " (" + name + "), though the Chinese names differ: translate this department's own name"})
			}
		}
	}
	return out
}
