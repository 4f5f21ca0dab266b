//go:build !unix

package main

import "os"

// peakMB is not measured where the system does not report it.
func peakMB(*os.ProcessState) float64 { return 0 }
