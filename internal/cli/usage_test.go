package cli

import (
	"bytes"
	"flag"
	"strings"
	"testing"
)

// TestHelpListsEveryFlag: "budgetpress <command> --help" names every flag
// the command takes, so that an editor can find --no-cache or --gzip
// without reading the code, and the overall usage names those of build,
// check, serve, new and deploy.
func TestHelpListsEveryFlag(t *testing.T) {
	var sets []*flag.FlagSet
	parsing = func(fs *flag.FlagSet) { sets = append(sets, fs) }
	defer func() { parsing = nil }()
	for _, cmd := range [][]string{
		{"build"}, {"check"}, {"serve"}, {"new", "site"}, {"new", "department"}, {"deploy"},
		{"archive"}, {"archive", "list"}, {"archive", "verify"}, {"archive", "restore"}, {"archive", "export"},
	} {
		sets = nil
		var stdout, stderr bytes.Buffer
		if code := Run(append(cmd, "--help"), &stdout, &stderr); code != ExitOK {
			t.Errorf("%s --help: exit %d: %s", cmd, code, stderr.String())
			continue
		}
		if len(sets) == 0 {
			t.Errorf("%s --help parsed no flags", cmd)
			continue
		}
		help := stdout.String()
		overall := cmd[0] != "archive" // the overall usage refers to "help archive"
		sets[len(sets)-1].VisitAll(func(f *flag.Flag) {
			if !strings.Contains(help, "--"+f.Name+" ") {
				t.Errorf("%s --help does not name --%s:\n%s", strings.Join(cmd, " "), f.Name, help)
			}
			if overall && !strings.Contains(usage, "--"+f.Name+" ") {
				t.Errorf("the usage does not name --%s of %s", f.Name, strings.Join(cmd, " "))
			}
		})
	}
}
