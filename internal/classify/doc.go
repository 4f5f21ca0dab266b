// Package classify names China's government budget classification codes
// (政府收支分类科目) in Chinese and English.
//
// Editors write only codes; the names come from a bundled dictionary of the
// functional classification of expenditure (支出功能分类) and the economic
// classification of department expenditure (部门预算支出经济分类), which a
// site can extend or correct with its own data/classification.yaml.
package classify
