package cli_test

import (
	"fmt"
	"net"
	"strings"
	"testing"

	"budgetpress/internal/cli"
)

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	code, _, errs := run("serve", "--port", fmt.Sprint(port), exampleSite(t))
	want := fmt.Sprintf("budgetpress serve: port %d is in use; try --port %d\n", port, port+1)
	if code != cli.ExitError || errs != want {
		t.Errorf("serve on a taken port = %d, stderr %q; want 1, %q", code, errs, want)
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"serve", "--port", "70000"}, {"serve", "--port", "x"}, {"serve", "a", "b"}} {
		if code, _, errs := run(args...); code != cli.ExitUsage || errs == "" {
			t.Errorf("%s = %d, stderr %q; want 2 and a message", strings.Join(args, " "), code, errs)
		}
	}
	if _, out, _ := run("help"); !strings.Contains(out, "budgetpress serve [flags] [site-dir]") || !strings.Contains(out, "--port N") {
		t.Errorf("the usage does not tell of serve:\n%s", out)
	}
}

func TestServeLowPort(t *testing.T) {
	if ln, err := net.Listen("tcp", "127.0.0.1:1"); err == nil {
		ln.Close()
		t.Skip("this user may listen on port 1")
	}
	code, _, errs := run("serve", "--port", "1", exampleSite(t))
	want := "budgetpress serve: cannot use port 1: ports below 1024 need administrator rights; use the default 8384 or another port above 1024\n"
	if code != cli.ExitError || errs != want {
		t.Errorf("serve --port 1 = %d, stderr %q; want 1, %q", code, errs, want)
	}
}
