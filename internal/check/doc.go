// Package check proves that the tables of a department-year agree with
// each other, as a budget auditor would: hierarchies add up, columns add
// up, the tables agree with each other, the figures quoted elsewhere
// (projects, performance targets, 三公) agree with the tables, and nothing
// is left as a placeholder. A difference small enough to be rounding is a
// warning naming both figures; anything larger is an error.
package check
