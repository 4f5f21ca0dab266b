package narrative

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"budgetpress/internal/amount"
	"budgetpress/internal/classify"
	"budgetpress/internal/model"
)

// Renderer renders the explanations of one department-year and states
// its figures in words. It never changes after New but for the results
// Keep holds, so it is safe for concurrent use, and the same input
// always gives the same output.
type Renderer struct {
	f    *model.File
	dict *classify.Dictionary
	md   goldmark.Markdown
	// kept holds what Keep rendered until Markdown takes it.
	kept sync.Map // keptKey → *kept
}

// New returns a Renderer for the department-year f that names
// classification codes from dict (classify.Default() when nil).
func New(f *model.File, dict *classify.Dictionary) *Renderer {
	if dict == nil {
		dict = classify.Default()
	}
	return &Renderer{f: f, dict: dict, md: markdown()}
}

// markdown is the one Markdown parser and renderer of every Renderer:
// goldmark's are safe for concurrent use once made, and making one per
// department-year cost as much memory as the explanations it rendered.
var markdown = sync.OnceValue(newMarkdown)

// newMarkdown returns the Markdown parser and renderer of the
// explanations. No html.WithUnsafe: raw HTML in the Markdown is dropped.
// No typographer: editors' punctuation stays as typed.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(alignedTables{}, refs{}))
}

var functions = []string{"amount", "share", "change", "prior", "line", "year", "department"}

const funcHelp = "the functions are amount, share, change, prior, line, year and department"

// Eval states what a reference says, given the text between its braces:
// Eval("line expenditure.basic", "zh") is what {{line expenditure.basic}}
// renders, as plain text (not HTML).
func (r *Renderer) Eval(expr, lang string) (string, error) {
	if err := checkLang(lang); err != nil {
		return "", err
	}
	fields := strings.Fields(expr)
	if len(fields) == 0 {
		return "", fmt.Errorf("empty reference {{}}: write a function and a reference, like {{amount income.general}}")
	}
	fn, args := fields[0], fields[1:]
	switch fn {
	case "year", "department":
		if fn == "year" && len(args) == 1 {
			// {{year -1}}: the year before, as in "截至 {{year -1}} 年底".
			off, err := strconv.Atoi(args[0])
			if err != nil || off < -50 || off > 50 {
				return "", fmt.Errorf("{{year %s}}: after year write how many years before or after, like {{year -1}}", args[0])
			}
			return strconv.Itoa(r.f.Year + off), nil
		}
		if len(args) > 0 {
			return "", fmt.Errorf("{{%s}} takes nothing after its name", fn)
		}
		if fn == "year" {
			return strconv.Itoa(r.f.Year), nil
		}
		name, _ := r.f.Department.Name.In(lang)
		if name == "" {
			return "", fmt.Errorf("the data file gives no department name for {{department}}")
		}
		return name, nil
	case "share":
		switch {
		case len(args) == 1:
			return r.Share(args[0], lang)
		case len(args) == 3 && args[1] == "of":
			return r.ShareOf(args[0], args[2], lang)
		}
		return "", fmt.Errorf("{{share}} takes a reference, or a reference of another, like {{share general.201}} or {{share general.201 of general.total}}")
	case "amount", "change", "prior", "line":
		if len(args) != 1 {
			return "", fmt.Errorf("{{%s}} takes one reference after its name, like {{%s income.general}}", fn, fn)
		}
		switch fn {
		case "amount":
			return r.Amount(args[0], lang)
		case "change":
			return r.Change(args[0], lang)
		case "prior":
			return r.Prior(args[0], lang)
		}
		return r.Line(args[0], lang)
	}
	return "", unknown(fmt.Sprintf("unknown function %q", fn), suggest(fn, functions, "", ""), funcHelp+", like {{amount income.general}}")
}

// figure resolves ref for a helper in lang.
func (r *Renderer) figure(ref, lang string) (figure, error) {
	if err := checkLang(lang); err != nil {
		return figure{}, err
	}
	return r.resolve(ref)
}

// Value returns the amount ref names, in the unit of the data file.
func (r *Renderer) Value(ref string) (amount.Amount, error) {
	fg, err := r.resolve(ref)
	return fg.value, err
}

// Amount states ref's amount with its unit: "364.13 万元", "3,641.3
// thousand yuan".
func (r *Renderer) Amount(ref, lang string) (string, error) {
	fg, err := r.figure(ref, lang)
	if err != nil {
		return "", err
	}
	return r.money(fg.value, lang), nil
}

// Share states ref's share of its implied whole: "60.27%".
func (r *Renderer) Share(ref, lang string) (string, error) {
	fg, err := r.figure(ref, lang)
	if err != nil {
		return "", err
	}
	if !fg.hasWhole {
		return "", fmt.Errorf("%s has no implied whole to take a share of; name one: {{share %s of REF}}", ref, ref)
	}
	p, ok := fg.share()
	if !ok {
		return "", fmt.Errorf("the whole that %s is a share of is zero", ref)
	}
	return percent(p), nil
}

// ShareOf states ref's share of the figure whole names: "82.90%".
func (r *Renderer) ShareOf(ref, whole, lang string) (string, error) {
	fg, err := r.figure(ref, lang)
	if err != nil {
		return "", err
	}
	w, err := r.resolve(whole)
	if err != nil {
		return "", err
	}
	p, ok := amount.Percent(fg.value, w.value, 2)
	if !ok {
		return "", fmt.Errorf("%s is zero, so nothing can be a share of it", whole)
	}
	return percent(p), nil
}

// Change states how ref moved from the prior year's budget:
// "比上年预算增加 224.69 万元，增长 161.14%".
func (r *Renderer) Change(ref, lang string) (string, error) {
	fg, err := r.withPrior(ref, lang, "change")
	if err != nil {
		return "", err
	}
	return r.changeWords(fg.value, fg.prior, lang), nil
}

// Prior states the prior year's budget for ref with its unit.
func (r *Renderer) Prior(ref, lang string) (string, error) {
	fg, err := r.withPrior(ref, lang, "prior")
	if err != nil {
		return "", err
	}
	return r.money(fg.prior, lang), nil
}

func (r *Renderer) withPrior(ref, lang, fn string) (figure, error) {
	fg, err := r.figure(ref, lang)
	if err == nil && !fg.hasPrior {
		err = fmt.Errorf("there is no prior-year figure for %s, so {{%s}} cannot use it: %s", ref, fn, priorHelp)
	}
	return fg, err
}

// Line states the whole formulaic sentence for ref: "基本支出 364.13
// 万元，占 60.27%，比上年预算增加 224.69 万元，增长 161.14%", leaving out
// the share when there is no whole and the change when there is no
// prior figure.
func (r *Renderer) Line(ref, lang string) (string, error) {
	fg, err := r.figure(ref, lang)
	if err != nil {
		return "", err
	}
	return r.lineWords(fg, lang), nil
}
