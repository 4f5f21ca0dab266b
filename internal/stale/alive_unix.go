//go:build unix

package stale

import (
	"errors"
	"syscall"
)

// alive reports whether a process of id pid runs on this machine.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
