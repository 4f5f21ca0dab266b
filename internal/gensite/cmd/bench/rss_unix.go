//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakMB returns the peak memory of a finished process, in MB.
func peakMB(st *os.ProcessState) float64 {
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kilobytes on Linux
	}
	return 0
}
