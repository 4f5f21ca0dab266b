//go:build !unix

package stale

import "os"

// alive reports whether a process of id pid runs on this machine. Where
// that cannot be asked, every process is taken to run, so that only age
// makes a leftover stale.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
