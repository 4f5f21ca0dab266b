//go:build windows

package console

import (
	"os"
	"syscall"
)

// utf8CodePage is Windows' number for UTF-8 (CP_UTF8).
const utf8CodePage = 65001

var (
	kernel32  = syscall.NewLazyDLL("kernel32.dll")
	getOutput = kernel32.NewProc("GetConsoleOutputCP")
	setOutput = kernel32.NewProc("SetConsoleOutputCP")
)

// UTF8 switches the console that standard output or standard error
// writes to, when there is one, to the UTF-8 code page, and returns the
// function that switches it back (the code page belongs to the console
// window, which outlives the program). Output redirected to a file or a
// pipe is left alone: it is UTF-8 already.
func UTF8() (restore func()) {
	if !isConsole(os.Stdout) && !isConsole(os.Stderr) {
		return func() {}
	}
	if getOutput.Find() != nil || setOutput.Find() != nil {
		return func() {}
	}
	was, _, _ := getOutput.Call()
	if was == 0 || was == utf8CodePage {
		return func() {}
	}
	if ok, _, _ := setOutput.Call(utf8CodePage); ok == 0 {
		return func() {}
	}
	return func() { setOutput.Call(was) }
}

// isConsole reports whether f is a console window.
func isConsole(f *os.File) bool {
	var mode uint32
	return syscall.GetConsoleMode(syscall.Handle(f.Fd()), &mode) == nil
}
