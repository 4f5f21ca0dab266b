package check

import (
	"fmt"
	"sort"
	"strings"

	"budgetpress/internal/diag"
	"budgetpress/internal/i18n"
	"budgetpress/internal/model"
	"budgetpress/internal/narrative"
	"budgetpress/internal/parallel"
	"budgetpress/internal/sitepath"
)

// content checks the explanations, content/<lang>/<year>/<department>.md,
// as the build will render them: each is in a language of the site,
// belongs to a department file, is not empty, has no placeholders and
// no raw HTML, and every reference in it resolves; and every
// department-year has one in each language. A site that lists no
// department files (the dev server checks a changed Markdown file on its
// own) gets only the checks of the text itself. The loader has reported
// the files that are not UTF-8.
func content(s *model.Site, set *narrative.Set) diag.List {
	var out diag.List
	langs := s.Config.Languages
	files := map[string]*model.File{} // by path
	data := map[string]bool{}         // every department file, loaded or not
	for _, f := range s.Files {
		files[f.Path], data[f.Path] = f, true
	}
	for _, p := range s.DataFiles {
		data[p] = true
	}
	whole := len(data) > 0
	written := map[string]bool{} // the explanations there are, or that an orphan was meant to be
	for _, c := range s.Content {
		written[c.Path] = true
	}
	if set == nil {
		set = narrative.NewSet(s.Dict)
	}
	var jobs []renderJob // rendered on every core once the files are sorted out
	// The placeholders and the raw HTML of every explanation, found on
	// every core.
	marks := make([]diag.List, len(s.Content))
	lint := make([]diag.List, len(s.Content))
	parallel.Each(len(s.Content), func(i int) {
		if c := s.Content[i]; !c.Bad {
			marks[i] = placeholders(c.Path, c.Text)
			if strings.HasPrefix(c.Path, "content/en/") {
				marks[i] = append(marks[i], englishMarkdown(c.Path, c.Text)...)
			}
			lint[i] = narrative.Lint(c.Path, []byte(c.Text))
		}
	})
	for i, c := range s.Content {
		if c.Bad {
			continue
		}
		out = append(out, marks[i]...)
		lang, year, id, ok := explanationPath(c.Path)
		if !ok {
			continue
		}
		pos := diag.Pos{File: c.Path}
		if !contains(langs, lang) {
			hint := fmt.Sprintf(", or add %s to languages in site.yaml", lang)
			if !i18n.Publishable(lang) {
				hint = fmt.Sprintf(" (budgetpress publishes only %s)", strings.Join(i18n.Languages(), " and "))
			}
			out.Errorf(pos, "%q is not a language of the site (languages in site.yaml: %s); put this explanation under content/%s/%s",
				lang, strings.Join(langs, ", "), strings.Join(langs, "/ or content/"), hint)
			continue
		}
		if id == "" {
			out.Warnf(pos, "an explanation is the Markdown file content/%s/%s/<department>.md, named after its department file data/%s/<department>.yaml; this file is not published", lang, year, year)
			continue
		}
		if strings.TrimSpace(c.Text) == "" {
			if lang == langs[0] {
				out.Warnf(pos, "this explanation is empty: the department page will have no explanations (第三部分 情况说明)")
			} else {
				out.Warnf(pos, "this explanation is empty: the %s department page will have no explanations; write them, or delete the file to show the %s ones", lang, langs[0])
			}
		}
		out = append(out, lint[i]...)
		dataPath := "data/" + year + "/" + id + ".yaml"
		if f := files[dataPath]; f != nil {
			if f.Incomplete {
				continue // its references are checked once the file loads cleanly
			}
			jobs = append(jobs, renderJob{set.For(f), c, lang})
			continue
		}
		if !whole || data[dataPath] {
			continue // the department file did not load, and says why
		}
		msg := fmt.Sprintf("there is no department file %s for this explanation; rename it after its department file", dataPath)
		if meant := meantDepartment(id, year, lang, data, written); meant != "" {
			msg += fmt.Sprintf(": content/%s/%s/%s.md for data/%s/%s.yaml", lang, year, meant, year, meant)
			written[fmt.Sprintf("content/%s/%s/%s.md", lang, year, meant)] = true
		} else {
			msg += fmt.Sprintf(" (content/%s/%s/<department>.md for data/%s/<department>.yaml), or delete it", lang, year, year)
		}
		out.Errorf(pos, "%s", msg)
	}
	out = append(out, renderAll(jobs)...)
	for _, f := range s.Files {
		for _, lang := range langs {
			p := sitepath.Explanation(lang, f.Year, f.ID)
			switch {
			case written[p]:
			case lang == langs[0]:
				out.Warnf(diag.Pos{File: p}, "there is no explanation (第三部分 情况说明) for %s; write it in this file", f.Path)
			default:
				out.Warnf(diag.Pos{File: p}, "there is no %s explanation for %s; write it in this file (until then the %s page shows the %s one)", lang, f.Path, lang, langs[0])
			}
		}
	}
	return out
}

// explanationPath splits content/<lang>/<year>/<department>.md. A file
// in a year folder by another name gives an empty id; ok is false for a
// file outside the year folders.
func explanationPath(p string) (lang, year, id string, ok bool) {
	parts := strings.Split(p, "/")
	if len(parts) < 4 || parts[0] != "content" || !isYear(parts[2]) {
		return "", "", "", false
	}
	lang, year = parts[1], parts[2]
	if len(parts) == 4 {
		id = strings.TrimSuffix(parts[3], ".md")
	}
	return lang, year, id, true
}

func isYear(s string) bool {
	return len(s) == 4 && strings.Trim(s, "0123456789") == ""
}

// meantDepartment guesses which department an explanation without one
// was meant for: of the department files of the year that have no
// explanation in lang, the one whose id differs only in case, hyphens
// and underscores, or else the only one.
func meantDepartment(id, year, lang string, data, written map[string]bool) string {
	fold := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "-")) }
	var unexplained []string
	for p := range data {
		if d, ok := strings.CutPrefix(p, "data/"+year+"/"); ok {
			d = strings.TrimSuffix(d, ".yaml")
			if !written["content/"+lang+"/"+year+"/"+d+".md"] {
				unexplained = append(unexplained, d)
			}
		}
	}
	sort.Strings(unexplained)
	for _, d := range unexplained {
		if fold(d) == fold(id) {
			return d
		}
	}
	if len(unexplained) == 1 {
		return unexplained[0]
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// renderJob is one explanation to render against its department.
type renderJob struct {
	r    *narrative.Renderer
	c    model.Source
	lang string
}

// renderAll renders the explanations on every core, as the build would,
// and returns their findings in the order of the jobs. A narrative
// Renderer is safe for concurrent use.
func renderAll(jobs []renderJob) diag.List {
	found := make([]diag.List, len(jobs))
	parallel.Each(len(jobs), func(i int) {
		j := jobs[i]
		_, found[i] = j.r.Keep(j.c.Path, []byte(j.c.Text), j.lang)
	})
	var out diag.List
	for _, d := range found {
		out = append(out, d...)
	}
	return out
}
