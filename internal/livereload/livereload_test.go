package livereload

import (
	"encoding/json"
	"strings"
	"testing"

	"budgetpress/internal/diag"
)

func TestInject(t *testing.T) {
	h := NewHub()
	tag := `<script src="/__budgetpress/live.js?server=` + h.server + `&amp;build=1&amp;pages=1" defer></script>` + "\n"
	for in, want := range map[string]string{
		"<html><head><title>x</title></head><body></body></html>": "<html><head><title>x</title>" + tag + "</head><body></body></html>",
		"<HTML><HEAD></HEAD></HTML>":                              "<HTML><HEAD>" + tag + "</HEAD></HTML>",
		"<p>no head":                                              "<p>no head" + tag,
		"<head>İ</head>":                                          "<head>İ" + tag + "</head>",
	} {
		if got := string(h.Inject([]byte(in))); got != want {
			t.Errorf("Inject(%q) =\n%q\nwant\n%q", in, got, want)
		}
	}
}

type received struct {
	Server      string
	Build       int
	Pages       int
	Diagnostics []Diagnostic
}

func next(t *testing.T, c <-chan Event) (string, received) {
	t.Helper()
	select {
	case ev := <-c:
		var m received
		if err := json.Unmarshal(ev.Data, &m); err != nil {
			t.Fatal(err)
		}
		return ev.Name, m
	default:
		t.Fatal("no event")
	}
	return "", received{}
}

func TestHubEvents(t *testing.T) {
	h := NewHub()
	c, done := h.Subscribe()
	defer done()
	if name, m := next(t, c); name != "hello" || m.Build != 1 || m.Diagnostics != nil || m.Server == "" {
		t.Errorf("first event %s %+v; want hello of build 1", name, m)
	}
	h.Reload(false)
	if name, m := next(t, c); name != "reload" || m.Build != 2 {
		t.Errorf("event %s %+v; want reload of build 2", name, m)
	}
	var l diag.List
	l.Errorf(diag.Pos{File: "data/2024/a.yaml", Line: 10, Col: 7}, "unit is %q", "千元")
	h.Failed(l)
	name, m := next(t, c)
	want := Diagnostic{Pos: "data/2024/a.yaml:10:7", File: "data/2024/a.yaml", Line: 10, Col: 7, Severity: "error", Message: `unit is "千元"`}
	if name != "errors" || len(m.Diagnostics) != 1 || m.Diagnostics[0] != want || m.Build != 2 {
		t.Errorf("event %s %+v; want errors with %+v", name, m, want)
	}
	// A page that connects now is told of the errors at once.
	c2, done2 := h.Subscribe()
	defer done2()
	if name, m := next(t, c2); name != "hello" || len(m.Diagnostics) != 1 {
		t.Errorf("hello while failing: %s %+v", name, m)
	}
	h.Fixed()
	if name, m := next(t, c); name != "errors" || len(m.Diagnostics) != 0 || h.Failing() {
		t.Errorf("after Fixed: %s %+v", name, m)
	}
	h.Fixed() // nothing to say
	h.Reload(true)
	if name, m := next(t, c); name != "css" || m.Build != 3 || m.Pages != 2 {
		t.Errorf("event %s %+v; want css of build 3, pages still of build 2", name, m)
	}
	// A page loaded before that stylesheet change, connecting after it,
	// learns that only the styles changed (pages 2), so it swaps them
	// instead of reloading.
	c3, done3 := h.Subscribe()
	defer done3()
	if name, m := next(t, c3); name != "hello" || m.Build != 3 || m.Pages != 2 {
		t.Errorf("hello after a stylesheet change: %s %+v; want build 3, pages 2", name, m)
	}
	if !strings.Contains(string(h.Inject([]byte("<head></head>"))), "build=3") {
		t.Error("pages served now are not marked with build 3")
	}
}
