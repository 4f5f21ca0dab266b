package blobstore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"budgetpress/internal/stale"
)

// UploadDir is the hidden folder, in a file:// destination, where files
// are written before they are moved into place: a web server serves no
// half-written page, and a deploy killed half-way leaves nothing a
// reader can fetch (the folder is readable by its owner only), which the
// next write to the destination removes.
const UploadDir = ".budgetpress-upload"

// afterTemp is called with the temporary file of each local write, once
// it is complete and before it is moved into place; tests set it.
var afterTemp func(tmp string)

// localPath returns the file of key in a folder destination, or false
// when the key is not a plain relative path (fileblob then writes it).
func (s *Store) localPath(key string) (string, bool) {
	if s.dir == "" || !fs.ValidPath(key) || strings.ContainsAny(key, `\:*?"<>|`) || key == "." || strings.HasPrefix(key, UploadDir+"/") {
		return "", false
	}
	return filepath.Join(s.dir, filepath.FromSlash(key)), true
}

// writeLocal writes data to key of a folder destination: into a
// temporary file in UploadDir, then moved into place in one step (a
// rename), or linked there when the key must not be taken yet.
func (s *Store) writeLocal(path string, data []byte, ifNotExist bool) error {
	tmpDir := filepath.Join(s.dir, UploadDir)
	if err := os.MkdirAll(tmpDir, 0o700); err != nil {
		return err
	}
	s.sweepOnce.Do(func() { sweepUploads(tmpDir, time.Now()) })
	f, err := os.CreateTemp(tmpDir, stale.Prefix("")+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp) // after a rename or link, removes nothing or the second name
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err != nil {
		return err
	}
	if afterTemp != nil {
		afterTemp(tmp)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if ifNotExist {
		if err := os.Link(tmp, path); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return ErrExists
			}
			return err
		}
		return nil
	}
	return os.Rename(tmp, path)
}

// sweepUploads removes the temporary files that killed runs left in dir.
func sweepUploads(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if info, err := e.Info(); err == nil && stale.Is(e.Name(), "", info.ModTime(), now) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// Folder is the folder of a file:// destination, or "".
func (s *Store) Folder() string { return s.dir }

// errMissing is the error of a write to a folder that OpenExisting
// found missing.
func (s *Store) errMissing() error {
	return fmt.Errorf("the folder %s does not exist", s.dir)
}
