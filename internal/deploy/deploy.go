// Package deploy publishes a built site to the web root or bucket that
// serves it: it uploads only what changed, assets before the pages that
// use them, and deletes only when asked and within a limit.
package deploy

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"sort"
	"sync"

	"budgetpress/internal/blobstore"
)

// DefaultMaxDeletes is how many remote files a deploy deletes at most
// unless told otherwise.
const DefaultMaxDeletes = 256

// Cache-Control values: pages and files whose name does not change with
// their content are revalidated on every visit; fingerprinted files
// (site.3f9a1c2b.css) never change, so browsers keep them a year.
const (
	Revalidate = "no-cache"
	Immutable  = "public, max-age=31536000, immutable"
)

// Upload is a file to send.
type Upload struct {
	Key          string
	Size         int64
	Reason       string // "new" or "changed"
	ContentType  string
	CacheControl string
	SHA256       string
	data         []byte
}

// Plan is what a deploy does, in order: Assets, then Pages, then
// Deletes (only with Options.Delete).
type Plan struct {
	Assets, Pages []Upload
	// Deletes are the remote files no longer in the site, deleted in
	// this deploy; Extra are those the deploy keeps (no --delete).
	Deletes, Extra []string
	Unchanged      int
}

// Options are the settings of a deploy.
type Options struct {
	Delete     bool // delete remote files that are no longer in the site
	MaxDeletes int  // refuse the whole deploy when more would be deleted
}

// Progress counts the uploads done.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64
}

// MakePlan compares the built site in dir with what st holds. It
// changes nothing. With opt.Delete, more than opt.MaxDeletes deletes is
// an error: the destination is probably not the one meant.
func MakePlan(ctx context.Context, st *blobstore.Store, dir string, opt Options) (*Plan, error) {
	local, err := readSite(dir)
	if err != nil {
		return nil, err
	}
	remote, err := st.List(ctx, "")
	if err != nil {
		return nil, err
	}
	byKey := map[string]blobstore.Object{}
	for _, o := range remote {
		byKey[o.Key] = o
	}
	plan := &Plan{}
	for _, u := range local {
		o, ok := byKey[u.Key]
		delete(byKey, u.Key)
		if ok {
			same, err := unchanged(ctx, st, u, o)
			if err != nil {
				return nil, err
			}
			if same {
				plan.Unchanged++
				continue
			}
			u.Reason = "changed"
		} else {
			u.Reason = "new"
		}
		if isPage(u.Key) {
			plan.Pages = append(plan.Pages, u)
		} else {
			plan.Assets = append(plan.Assets, u)
		}
	}
	for k := range byKey {
		if opt.Delete {
			plan.Deletes = append(plan.Deletes, k)
		} else {
			plan.Extra = append(plan.Extra, k)
		}
	}
	sort.Strings(plan.Deletes)
	sort.Strings(plan.Extra)
	if opt.Delete && len(plan.Deletes) > opt.MaxDeletes {
		return plan, fmt.Errorf("%d files would be deleted from %s, more than --max-deletes %d: nothing was deployed. Check that this is the right destination, or raise --max-deletes", len(plan.Deletes), st.URL, opt.MaxDeletes)
	}
	return plan, nil
}

// unchanged reports whether the remote object o holds the bytes of u:
// by the listing's MD5 (the ETag of an object sent in one piece, as
// deploy sends them), which costs no request of its own; without one, by
// the SHA-256 in its metadata (one HEAD request); without that, by
// reading it. A folder is read: it has no such metadata.
func unchanged(ctx context.Context, st *blobstore.Store, u Upload, o blobstore.Object) (bool, error) {
	if o.Size != u.Size {
		return false, nil
	}
	if !st.Local {
		if len(o.MD5) > 0 {
			m := md5.Sum(u.data)
			return bytes.Equal(m[:], o.MD5), nil
		}
		sum, err := st.SHA256(ctx, u.Key)
		if err != nil {
			return false, err
		}
		if sum != "" {
			return sum == u.SHA256, nil
		}
	}
	data, err := st.Read(ctx, u.Key)
	if err != nil {
		return false, err
	}
	return bytes.Equal(data, u.data), nil
}

// Uploads is the number of files the plan sends, and their size.
func (p *Plan) Uploads() (int, int64) {
	var n int64
	for _, u := range p.Assets {
		n += u.Size
	}
	for _, u := range p.Pages {
		n += u.Size
	}
	return len(p.Assets) + len(p.Pages), n
}

// Apply carries out the plan: every asset, then every page, then the
// deletes, so that no reader meets a page whose assets are not there
// yet. A deploy stopped half-way is finished by the next one.
func (p *Plan) Apply(ctx context.Context, st *blobstore.Store, progress func(Progress)) error {
	files, bytes := p.Uploads()
	pr := &Progress{TotalFiles: files, TotalBytes: bytes}
	var mu sync.Mutex
	for _, group := range [][]Upload{p.Assets, p.Pages} {
		if err := uploadAll(ctx, st, group, func(u Upload) {
			mu.Lock()
			defer mu.Unlock()
			pr.Files++
			pr.Bytes += u.Size
			if progress != nil {
				progress(*pr)
			}
		}); err != nil {
			return err
		}
	}
	for _, k := range p.Deletes {
		if err := st.Delete(ctx, k); err != nil {
			return err
		}
	}
	return nil
}

// uploadAll sends the uploads on a few connections at once and returns
// the first error, after which it sends no more.
func uploadAll(ctx context.Context, st *blobstore.Store, ups []Upload, done func(Upload)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan Upload)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range next {
				err := st.Put(ctx, u.Key, u.data, blobstore.Attrs{ContentType: u.ContentType, CacheControl: u.CacheControl, SHA256: u.SHA256})
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					continue
				}
				done(u)
			}
		}()
	}
send:
	for _, u := range ups {
		select {
		case next <- u:
		case <-ctx.Done():
			break send
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// isPage reports whether a file is a page (or the sitemap), which is
// sent after the assets.
func isPage(key string) bool {
	switch path.Ext(key) {
	case ".html", ".htm", ".xml":
		return true
	}
	return false
}

// fingerprint matches a name with a content hash in it: site.3f9a1c2b.css,
// app-3f9a1c2b4d.js.
var fingerprint = regexp.MustCompile(`[.-][0-9a-f]{8,}\.[a-z0-9]+$`)

// CacheControl is the Cache-Control header a file is served with.
func CacheControl(key string) string {
	if !isPage(key) && fingerprint.MatchString(path.Base(key)) {
		return Immutable
	}
	return Revalidate
}

// readSite reads every regular file of the built site; hidden files and
// links are left out.
func readSite(dir string) ([]Upload, error) {
	var out []Upload
	err := blobstore.EachFile(dir, "", func(key string, data []byte) error {
		sum := sha256.Sum256(data)
		out = append(out, Upload{Key: key, Size: int64(len(data)), ContentType: blobstore.ContentType(key),
			CacheControl: CacheControl(key), SHA256: hex.EncodeToString(sum[:]), data: data})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the built site: %v", err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the built site in %s is empty: run budgetpress build first", dir)
	}
	return out, nil
}
