package model

import "regexp"

// The numbering and lead-ins that item titles carry from the printed
// table ("一、", "1、", "4.", "II. ", "其中：", "of which: ") and the
// "subtotal" of a subtotal row ("（小计）", " (subtotal)").
var (
	labelLead  = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[0-9]+[、.]\s*|[IVX]+\.\s+|其中：|of which:\s+)+`)
	labelTrail = regexp.MustCompile(`\s*(?:（小计）|\(subtotal\))$`)
)

// Label returns an item title as a sentence, a chart or a message names
// the item: without the table's numbering and lead-ins. "1、一般公共预算拨款"
// is "一般公共预算拨款"; "公务用车购置及运行费（小计）" is "公务用车购置及运行费".
// A title that is nothing but numbering is returned as it is.
func Label(title string) string {
	if s := labelTrail.ReplaceAllString(labelLead.ReplaceAllString(title, ""), ""); s != "" {
		return s
	}
	return title
}
