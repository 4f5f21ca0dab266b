package serve

import (
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"budgetpress/internal/livereload"
	"budgetpress/internal/watch"
)

// TestWatcherProblemsAreShown checks that a folder the system refuses to
// watch (its limit of watches is reached) is said in the terminal and
// over the pages, and stays over them after a good rebuild, since saves
// in that folder are not seen until serve is restarted.
func TestWatcherProblemsAreShown(t *testing.T) {
	dir, s, out := start(t)
	events, stop := s.Hub().Subscribe("")
	defer stop()
	const want = `cannot watch data/2031/: the system's limit of watched folders is reached (fs.inotify.max_user_watches), so saves there are not seen; ` +
		`raise it, for example with "sudo sysctl fs.inotify.max_user_watches=524288" (add "fs.inotify.max_user_watches=524288" to /etc/sysctl.conf to keep it), then restart budgetpress serve`

	s.watchFailed(&watch.Error{Path: "data/2031/", Err: syscall.ENOSPC})
	if !strings.Contains(out.String(), "error: "+want+"\n") {
		t.Errorf("the terminal lacks the problem:\n%s", out)
	}
	name, diags := nextEvent(t, events)
	if name != "errors" || len(diags) != 1 || diags[0].Message != want || diags[0].File != "data/2031/" || diags[0].Severity != "error" {
		t.Fatalf("event %s with %+v; want errors with the problem", name, diags)
	}

	// A good rebuild reloads the pages, the department's and then those
	// that gather department-years, and the problem stays over them.
	replace(t, dir, dataFile, "authorized: 30", "authorized: 31")
	if name, _ := nextEvent(t, events); name != "reload" {
		t.Fatalf("after an edit: event %s; want reload", name)
	}
	name, diags = nextEvent(t, events)
	if name != "errors" || len(diags) != 1 || diags[0].Message != want {
		t.Errorf("after the reload: event %s with %+v; want the problem again", name, diags)
	}
	// The pages that gather department-years follow, and the problem
	// stays over them too.
	for deadline := time.Now().Add(wait); !strings.Contains(out.String(), "that list department-years"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the pages that gather department-years were not rebuilt:\n%s", out)
		}
	}
	for drained := false; !drained; {
		select {
		case ev := <-events:
			if name, diags = ev.Name, nil; ev.Name == "errors" {
				var m struct{ Diagnostics []livereload.Diagnostic }
				json.Unmarshal(ev.Data, &m)
				diags = m.Diagnostics
			}
		default:
			drained = true
		}
	}
	if name != "errors" || len(diags) != 1 || diags[0].Message != want {
		t.Errorf("after the pages that gather department-years: event %s with %+v; want the problem again", name, diags)
	}

	// A failed build shows its errors and the problem.
	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	name, diags = nextEvent(t, events)
	if name != "errors" || len(diags) < 2 || diags[len(diags)-1].Message != want {
		t.Errorf("after breaking the data: event %s with %d findings, the last %+v; want the problem last", name, len(diags), diags[len(diags)-1])
	}
}

// TestEventsLostRebuildEverything checks that when the system lost
// events, serve says so and builds everything again.
func TestEventsLostRebuildEverything(t *testing.T) {
	_, s, out := start(t)
	events, stop := s.Hub().Subscribe("")
	defer stop()
	s.watchFailed(&watch.Error{Err: syscall.EOVERFLOW, Lost: true})
	if name, _ := nextEvent(t, events); name != "reload" {
		t.Errorf("event %s; want reload after building everything", name)
	}
	if want := "error: watching the files: value too large for defined data type; everything is built again\n"; !strings.Contains(out.String(), want) {
		t.Errorf("the terminal lacks %q:\n%s", want, out)
	}
}
