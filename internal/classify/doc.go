// Package classify names China's government budget classification codes
// (政府收支分类科目) in Chinese and English.
//
// Editors write only codes; the names come from a bundled dictionary of the
// functional classification of expenditure (支出功能分类), the economic
// classification of department expenditure (部门预算支出经济分类) and the
// economic classification of government expenditure (政府预算支出经济分类),
// for the budget years Editions lists. A site can extend or correct it with
// its own data/classification.yaml.
//
// The English of the dictionary follows one terminology, data/terms.yaml,
// which Terms, Term and MissingTerms give to the rest of the program.
package classify
