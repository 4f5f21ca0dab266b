package blobstore

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EachFile calls fn, in path order, with the path relative to root
// (slash-separated) and the bytes of every regular file under
// root/prefix. Hidden files and folders (.git, editor backups) are left
// out, and so are links, which are never followed out of the folder. A
// missing root/prefix has no files.
func EachFile(root, prefix string, fn func(rel string, data []byte) error) error {
	top := filepath.Join(root, prefix)
	return filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == top {
				return nil
			}
			return err
		}
		if p != top && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		return fn(filepath.ToSlash(rel), data)
	})
}
