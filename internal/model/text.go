package model

import "budgetpress/internal/diag"

// Text is a text in several languages, keyed by language code ("zh",
// "en"). Editors write a plain string for Chinese only, or a mapping.
type Text struct {
	ByLang map[string]string
	Pos    diag.Pos
}

// ZH returns the Chinese text.
func (t Text) ZH() string { return t.ByLang["zh"] }

// In returns the text in lang and true, or the Chinese text and false when
// that language is missing, so pages can fall back visibly.
func (t Text) In(lang string) (string, bool) {
	if s, ok := t.ByLang[lang]; ok && s != "" {
		return s, true
	}
	return t.ByLang["zh"], lang == "zh"
}

// IsZero reports whether the text has no language at all.
func (t Text) IsZero() bool { return len(t.ByLang) == 0 }

// T returns a Chinese-only text, for tests and derived values.
func T(zh string) Text { return Text{ByLang: map[string]string{"zh": zh}} }

// Bi returns a text in Chinese and English.
func Bi(zh, en string) Text { return Text{ByLang: map[string]string{"zh": zh, "en": en}} }
