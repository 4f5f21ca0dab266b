// Package stale tells the leftovers of a killed budgetpress (a build's
// temporary folder, a deploy's half-written file) from those of a run
// still at work: their names carry the process id of the run that made
// them, and a leftover is stale once that process has gone.
package stale

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// MaxAge is how old a leftover may grow before it is taken for stale
// even though a process of its id runs (the id was given to another
// program) or its name carries no id (made by an older budgetpress).
// No build or deploy takes that long.
const MaxAge = 24 * time.Hour

// NoIDAge is how old a leftover without a process id in its name must be
// before it is taken for stale.
const NoIDAge = time.Hour

// Prefix returns the start of the name of a leftover this process makes:
// base, the process id and a dash ("prefix1234-"); a random part follows.
func Prefix(base string) string {
	return base + strconv.Itoa(os.Getpid()) + "-"
}

// Is reports whether the leftover called name, made with Prefix(base)
// and last changed at mod, is stale at now: its process is gone, or it
// is older than MaxAge, or it has no process id and is older than
// NoIDAge. A name that does not start with base is never stale.
func Is(name, base string, mod, now time.Time) bool {
	rest, ok := strings.CutPrefix(name, base)
	if !ok {
		return false
	}
	age := now.Sub(mod)
	if age > MaxAge {
		return true
	}
	id, _, hasDash := strings.Cut(rest, "-")
	pid, err := strconv.Atoi(id)
	if !hasDash || err != nil || pid <= 0 {
		return age > NoIDAge
	}
	if pid == os.Getpid() {
		return false
	}
	return !alive(pid)
}
