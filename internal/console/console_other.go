//go:build !windows

package console

// UTF8 does nothing outside Windows, whose terminals take UTF-8, and
// returns a function that does nothing.
func UTF8() (restore func()) { return func() {} }
