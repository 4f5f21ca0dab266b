// Package model holds one department's budget publication for one year
// (部门预算公开 or 部门决算公开) as plain values: the department, its
// tables, projects, performance targets and the prior-year figures from
// which changes are computed. It knows nothing about files or HTML; every
// value that came from a file carries its position for diagnostics.
package model
