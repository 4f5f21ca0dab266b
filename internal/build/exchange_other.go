//go:build !linux

package build

import "errors"

// exchange would swap the folders a and b in one step; this system has
// no such call, so swap moves them one after the other.
func exchange(a, b string) error {
	return errors.ErrUnsupported
}
