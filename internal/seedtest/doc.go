// Package seedtest proves, figure by figure, that the example site's data
// (data/2024/changji-egov.yaml) says what the published document it was
// typed from says (testdata/changji-egov-2024.txt, the text of the
// published PDF). Its tests rebuild, from the loaded model and the
// classification dictionary, the text each table row, project, performance
// table and explanatory sentence has in the document and look for it there;
// then they check the other way round, that every figure printed in the
// document is a figure of the data or a difference or percentage computed
// from it. The package has no code of its own: it holds only these tests.
package seedtest
