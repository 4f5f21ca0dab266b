// Package i18n holds the interface strings of the site per language,
// read from the translation files layouts/i18n/<lang>.yaml (flat
// "key: text" lines). A key missing in a language falls back to the
// default language and is counted as untranslated.
package i18n

import (
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"

	"budgetpress/internal/diag"
	"budgetpress/internal/yamlsrc"
)

// Catalog holds the strings of every language.
type Catalog struct {
	def     string
	strings map[string]map[string]string
}

// New returns an empty catalog whose fallback language is def.
func New(def string) *Catalog {
	return &Catalog{def: def, strings: map[string]map[string]string{}}
}

// Add reads a translation file for lang; later files override earlier
// keys, so a site's file can change some strings of the default theme.
func (c *Catalog) Add(lang, file string, src []byte) diag.List {
	var diags diag.List
	if yamlsrc.IsEmpty(src) {
		return nil
	}
	m, ds := yamlsrc.Parse(file, src, "the texts of one language")
	if ds.HasErrors() {
		return ds
	}
	if m.Kind != yaml.MappingNode {
		diags.Errorf(diag.Pos{File: file, Line: m.Line, Col: m.Column}, "a translation file is a list of \"key: text\" lines")
		return diags
	}
	if c.strings[lang] == nil {
		c.strings[lang] = map[string]string{}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			diags.Errorf(diag.Pos{File: file, Line: v.Line, Col: v.Column}, "the translation of %q should be a text", k.Value)
			continue
		}
		c.strings[lang][k.Value] = v.Value
	}
	return diags
}

// Get returns the string for key in lang, falling back to the default
// language; ok is false when lang lacks it.
func (c *Catalog) Get(lang, key string) (s string, ok bool) {
	if s, ok := c.strings[lang][key]; ok {
		return s, true
	}
	if s, ok := c.strings[c.def][key]; ok {
		return s, false
	}
	return key, false
}

// Sprintf formats the string for key in lang with args.
func (c *Catalog) Sprintf(lang, key string, args ...any) string {
	s, _ := c.Get(lang, key)
	return fmt.Sprintf(s, args...)
}

// Missing lists the keys of the default language that lang lacks.
func (c *Catalog) Missing(lang string) []string {
	var out []string
	for k := range c.strings[c.def] {
		if _, ok := c.strings[lang][k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
