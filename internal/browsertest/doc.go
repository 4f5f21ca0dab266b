// Package browsertest drives headless Chromium from Go tests: it starts
// the browser ([Start]), serves a built site under a sub-path
// ([ServeDir]), opens pages that record their console messages and
// network requests ([Browser.NewPage]), and audits them with axe-core
// ([Audit]).
//
// It is a test helper: every function takes a testing.TB and fails the
// test on error. When Chromium or axe-core is missing, the tests that
// need them are skipped, except under CI=true, where they fail with the
// command that installs what is missing.
package browsertest
