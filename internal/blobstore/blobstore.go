// Package blobstore opens the places budgetpress archives to and deploys
// to, file://DIR and s3://bucket/prefix?endpoint=…, through gocloud.dev's
// blob package, and says what goes wrong in one plain line.
package blobstore

import (
	"bytes"
	"context"
	"crypto/md5"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/s3blob" // s3:// URLs
	"gocloud.dev/gcerrors"
)

// MetaSHA256 is the metadata key under which an object's SHA-256 is kept.
const MetaSHA256 = "sha256"

// ErrExists is returned by Create when the key is already taken.
var ErrExists = errors.New("already exists")

// Store is an opened destination: a folder or a bucket, under a prefix.
type Store struct {
	// URL is the destination as the user gave it, for messages.
	URL string
	// Local is set for file:// destinations, where nothing is kept beside
	// the objects (no .attrs files), so objects carry no metadata.
	Local bool
	// Missing is set when OpenExisting found no folder there: the store
	// is empty, and nothing can be written to it.
	Missing bool
	b       *blob.Bucket
	dir     string // the folder of a file:// destination

	sweepOnce sync.Once
}

// Attrs are what is written with an object.
type Attrs struct {
	ContentType  string
	CacheControl string
	SHA256       string // hex; kept in the object's metadata where the store has any
}

// Object is an entry of a listing.
type Object struct {
	Key  string
	Size int64
	MD5  []byte // nil when the store does not say
}

// Open opens rawURL: file://DIR (a relative DIR is taken from base, the
// site folder) or s3://bucket/prefix?endpoint=…&region=…&use_path_style=true.
// Credentials for s3 come from the standard AWS environment variables or
// shared config files. It checks that the destination can be reached.
func Open(ctx context.Context, rawURL, base string) (*Store, error) {
	return open(ctx, rawURL, base, true)
}

// OpenExisting is Open for reading: a file:// folder that does not exist
// is not created but opened as an empty store whose Missing is set.
func OpenExisting(ctx context.Context, rawURL, base string) (*Store, error) {
	return open(ctx, rawURL, base, false)
}

func open(ctx context.Context, rawURL, base string, create bool) (*Store, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme == "" {
		return nil, fmt.Errorf("%q is not a storage address: write file://FOLDER or s3://BUCKET/PREFIX?endpoint=…", rawURL)
	}
	s := &Store{URL: rawURL}
	switch u.Scheme {
	case "file":
		dir := FileDir(u, base)
		s.Local, s.dir = true, dir
		if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) && !create {
			s.Missing = true
			return s, nil
		}
		// Files are written by writeLocal, through a hidden folder of
		// the destination (a web root is often on another disk than
		// /tmp, where a rename cannot reach); fileblob reads and lists.
		b, err := fileblob.OpenBucket(dir, &fileblob.Options{CreateDir: true, NoTempDir: true, Metadata: fileblob.MetadataDontWrite})
		if err != nil {
			return nil, fmt.Errorf("cannot use the folder %s: %v", dir, plain(err))
		}
		s.b = b
	case "s3":
		if u.Host == "" {
			return nil, fmt.Errorf("%q names no bucket: write s3://BUCKET/PREFIX?endpoint=…", rawURL)
		}
		prefix := strings.Trim(u.Path, "/")
		q := u.Query()
		if ep := q.Get("endpoint"); ep != "" && !strings.Contains(ep, "amazonaws.com") {
			// Other S3-compatible stores (Aliyun OSS, Huawei OBS, Ceph)
			// reject the checksums the AWS SDK adds by default.
			for _, k := range []string{"request_checksum_calculation", "response_checksum_validation"} {
				if q.Get(k) == "" {
					q.Set(k, "when_required")
				}
			}
		}
		if q.Get("region") == "" {
			q.Set("region", "us-east-1")
		}
		open := url.URL{Scheme: "s3", Host: u.Host, RawQuery: q.Encode()}
		b, err := blob.OpenBucket(ctx, open.String())
		if err != nil {
			return nil, fmt.Errorf("cannot open %s: %v", rawURL, plain(err))
		}
		if prefix != "" {
			b = blob.PrefixedBucket(b, prefix+"/")
		}
		s.b = b
		ok, err := b.IsAccessible(ctx)
		switch {
		case err != nil:
			b.Close()
			return nil, fmt.Errorf("cannot reach %s: %v", rawURL, plain(err))
		case !ok:
			b.Close()
			return nil, fmt.Errorf("the bucket %q does not exist at %s: create it first, or correct the address", u.Host, rawURL)
		}
	default:
		return nil, fmt.Errorf("%q: budgetpress stores to file://FOLDER or s3://BUCKET/PREFIX?endpoint=…, not %s://", rawURL, u.Scheme)
	}
	return s, nil
}

// FileDir is the folder a file:// URL names; a relative one
// (file://./archive, file://archive) is taken from base.
func FileDir(u *url.URL, base string) string {
	p := u.Path
	if u.Host != "" && u.Host != "localhost" {
		p = u.Host + p // file://./archive, file://archive
	}
	p = filepath.FromSlash(p)
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	return filepath.Clean(p)
}

// Close releases the store.
func (s *Store) Close() error {
	if s.b == nil {
		return nil
	}
	return s.b.Close()
}

// Exists reports whether key is stored.
func (s *Store) Exists(ctx context.Context, key string) (bool, error) {
	if s.Missing {
		return false, nil
	}
	var ok bool
	err := retry(ctx, func() error {
		var err error
		ok, err = s.b.Exists(ctx, key)
		return err
	})
	if err != nil {
		return false, s.fail("cannot look up", key, err)
	}
	return ok, nil
}

// Create stores data under key unless key is taken, in which case it
// returns ErrExists and leaves the object as it was: it checks first,
// and asks the store to refuse an overwrite (If-None-Match: *) where the
// store can.
func (s *Store) Create(ctx context.Context, key string, data []byte, a Attrs) error {
	if ok, err := s.Exists(ctx, key); err != nil {
		return err
	} else if ok {
		return ErrExists
	}
	err := s.write(ctx, key, data, a, true)
	if gcerrors.Code(err) == gcerrors.FailedPrecondition {
		return ErrExists
	}
	return err
}

// Put stores data under key, replacing what was there.
func (s *Store) Put(ctx context.Context, key string, data []byte, a Attrs) error {
	return s.write(ctx, key, data, a, false)
}

func (s *Store) write(ctx context.Context, key string, data []byte, a Attrs, ifNotExist bool) error {
	opts := &blob.WriterOptions{ContentType: a.ContentType, CacheControl: a.CacheControl, IfNotExist: ifNotExist}
	if a.SHA256 != "" && !s.Local {
		opts.Metadata = map[string]string{MetaSHA256: a.SHA256}
	}
	// With the body's MD5, the store refuses a body cut short (a
	// connection lost, a run killed) instead of keeping what arrived.
	sum := md5.Sum(data)
	opts.ContentMD5 = sum[:]
	if opts.ContentType == "" {
		opts.ContentType = "application/octet-stream"
	}
	if s.Missing {
		return s.fail("cannot write", key, s.errMissing())
	}
	if p, ok := s.localPath(key); ok {
		err := s.writeLocal(p, data, ifNotExist)
		if err != nil && err != ErrExists {
			return s.fail("cannot write", key, err)
		}
		return err
	}
	err := retry(ctx, func() error {
		return s.b.Upload(ctx, key, bytes.NewReader(data), opts)
	})
	if err != nil {
		if gcerrors.Code(err) == gcerrors.FailedPrecondition {
			return err
		}
		return s.fail("cannot write", key, err)
	}
	return nil
}

// Read returns the stored bytes of key.
func (s *Store) Read(ctx context.Context, key string) ([]byte, error) {
	if s.Missing {
		return nil, s.fail("cannot read", key, fs.ErrNotExist)
	}
	var data []byte
	err := retry(ctx, func() error {
		var err error
		data, err = s.b.ReadAll(ctx, key)
		return err
	})
	if err != nil {
		return nil, s.fail("cannot read", key, err)
	}
	return data, nil
}

// IsNotFound reports whether err says an object is missing.
func IsNotFound(err error) bool {
	return gcerrors.Code(err) == gcerrors.NotFound || errors.Is(err, fs.ErrNotExist)
}

// SHA256 returns the SHA-256 kept in key's metadata, or "".
func (s *Store) SHA256(ctx context.Context, key string) (string, error) {
	if s.Local {
		return "", nil
	}
	var attrs *blob.Attributes
	err := retry(ctx, func() error {
		var err error
		attrs, err = s.b.Attributes(ctx, key)
		return err
	})
	if err != nil {
		return "", s.fail("cannot look up", key, err)
	}
	return attrs.Metadata[MetaSHA256], nil
}

// List returns every object under prefix, in key order.
func (s *Store) List(ctx context.Context, prefix string) ([]Object, error) {
	if s.Missing {
		return nil, nil
	}
	var out []Object
	it := s.b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, s.fail("cannot list", prefix, err)
		}
		if obj.IsDir || s.Local && strings.HasPrefix(obj.Key, UploadDir+"/") {
			continue
		}
		out = append(out, Object{Key: obj.Key, Size: obj.Size, MD5: obj.MD5})
	}
}

// Delete removes key.
func (s *Store) Delete(ctx context.Context, key string) error {
	if s.Missing {
		return nil
	}
	err := retry(ctx, func() error { return s.b.Delete(ctx, key) })
	if err != nil && !IsNotFound(err) {
		return s.fail("cannot delete", key, err)
	}
	return nil
}

// Error is a failed operation on one object, told in one line.
type Error struct {
	Op, Key, URL string
	Code         gcerrors.ErrorCode
	Err          error
}

func (e *Error) Error() string {
	where := e.Key
	if where == "" {
		where = e.URL
	} else {
		where = e.URL + ": " + e.Key
	}
	return fmt.Sprintf("%s %s: %s", e.Op, where, plain(e.Err))
}

func (e *Error) Unwrap() error { return e.Err }

func (s *Store) fail(op, key string, err error) error {
	return &Error{Op: op, Key: key, URL: s.URL, Code: gcerrors.Code(err), Err: err}
}

// plain turns a storage error into words an editor can act on, on one line.
func plain(err error) string {
	switch gcerrors.Code(err) {
	case gcerrors.PermissionDenied:
		return "the storage refused access: check the access key (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) and that it may write here"
	case gcerrors.NotFound:
		return "not found"
	case gcerrors.Canceled:
		return "stopped"
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "InvalidAccessKeyId"), strings.Contains(msg, "SignatureDoesNotMatch"), strings.Contains(msg, "StatusCode: 403"):
		return "the storage refused the access key: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
	case strings.Contains(msg, "NoSuchBucket"):
		return "the bucket does not exist: create it first, or correct the address"
	case strings.Contains(msg, "connection refused"):
		return "nothing answers at that address (connection refused): is the storage service running, and is the endpoint right?"
	case strings.Contains(msg, "certificate"):
		return "the storage's TLS certificate is not trusted: give its CA certificate in AWS_CA_BUNDLE"
	case strings.Contains(msg, "read-only file system"), strings.Contains(msg, "permission denied"):
		return "the destination refuses writes (" + lastPart(msg) + ")"
	}
	return lastPart(strings.ReplaceAll(msg, "\n", " "))
}

// lastPart drops the library's prefixes ("blob (key …) (code=…): …").
func lastPart(msg string) string {
	msg = strings.ReplaceAll(msg, "\n", " ")
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "blob ") {
		msg = msg[i+3:]
	}
	return msg
}

// retry runs op up to four times while it fails in a way that may pass
// (the server busy or briefly unreachable), waiting longer each time.
func retry(ctx context.Context, op func() error) error {
	wait := 200 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := op()
		if err == nil || attempt == 4 || !transient(err) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func transient(err error) bool {
	switch gcerrors.Code(err) {
	case gcerrors.Internal, gcerrors.ResourceExhausted, gcerrors.DeadlineExceeded:
		return true
	case gcerrors.Unknown:
		msg := err.Error()
		for _, m := range []string{"connection reset", "broken pipe", "use of closed network connection", "EOF", "StatusCode: 5", "timeout"} {
			if strings.Contains(msg, m) {
				return true
			}
		}
	}
	return false
}
