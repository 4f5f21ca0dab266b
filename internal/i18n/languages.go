package i18n

import "slices"

// published are the languages a site can be published in, Chinese first.
//
// The list lives here, not in the loader that checks site.yaml against
// it, because being publishable is a fact about the output: a language
// needs its interface texts (layouts/i18n/<lang>.yaml, read into a
// Catalog) and its own way of writing amounts and units, which the
// renderer, the charts and the narrative hold for zh and en only
// (English pages state 万元 as thousand yuan, ×10). A third language
// would get Chinese text with English units and amounts ×10. i18n is
// imported by the renderer and imports nothing of budgetpress but diag,
// so every package that formats by language can use this list without
// an import cycle.
var published = []string{"zh", "en"}

// names are the languages of published in English, for messages.
var names = map[string]string{"zh": "Chinese", "en": "English"}

// Languages returns the languages budgetpress can publish a site in, in
// the order a site lists them: zh (the language of the published
// document) first.
func Languages() []string { return slices.Clone(published) }

// Publishable reports whether budgetpress can publish a site in lang.
func Publishable(lang string) bool { return slices.Contains(published, lang) }

// Name returns the English name of a publishable language ("Chinese"),
// or lang itself for another.
func Name(lang string) string {
	if n, ok := names[lang]; ok {
		return n
	}
	return lang
}
