// Package load reads a budgetpress site from disk: site.yaml and the
// department-year files under data/. Loading is strict: unknown keys,
// duplicate keys, wrong types, malformed amounts, unknown codes and files
// that are not UTF-8 are reported as diagnostics with file:line:col and a
// sentence an editor can act on. Loading never panics.
package load
