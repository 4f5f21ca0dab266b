// Package corpustest proves the checker on departments of many shapes:
// the composed sites under testdata/corpus/ (a public institution in 元,
// government-fund and state-capital projects, carry-over, a provincial
// template, a 2025 edition) and the example site. Each must check clean;
// then every figure of every department file is changed by one unit of
// its last decimal, one at a time, and the checker must report something
// new, unless the figure is of a kind listed in testdata/free.txt as
// constrained by nothing (or only bounded on one side), with the reason. The package has no code of its own: it holds
// only these tests.
package corpustest
