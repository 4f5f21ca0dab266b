package archive

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"budgetpress/internal/blobstore"
)

// Input is what Snapshot archives.
type Input struct {
	Year    int
	SiteDir string // the site folder, whose sources are archived
	OutDir  string // the built site
	Build   BuildOptions
	Tool    string    // Tool() when empty
	Now     time.Time // time.Now() when zero
	// Progress, when set, is told of each file stored or found stored.
	Progress func(Progress)
}

// Progress counts the files of a transfer.
type Progress struct {
	Files, TotalFiles int
	Bytes, TotalBytes int64
}

// Result reports an archive.
type Result struct {
	Manifest *Manifest
	// Uploaded and UploadedBytes count the objects this run stored; the
	// others were stored already, by an earlier snapshot or run.
	Uploaded      int
	UploadedBytes int64
	// Resumed is set when the run finished an interrupted snapshot.
	Resumed bool
}

// Snapshot archives in.OutDir and the sources of in.SiteDir to st: the
// objects first, then the manifest. A snapshot of the same year, tool
// and files that an earlier run left incomplete is finished under its
// own id rather than started again.
func Snapshot(ctx context.Context, st *blobstore.Store, in Input) (*Result, error) {
	sources, err := readSources(in.SiteDir)
	if err != nil {
		return nil, err
	}
	site, err := readSite(in.OutDir)
	if err != nil {
		return nil, err
	}
	if len(site) == 0 {
		return nil, fmt.Errorf("the built site in %s is empty", in.OutDir)
	}
	tool, now := in.Tool, in.Now
	if tool == "" {
		tool = Tool()
	}
	if now.IsZero() {
		now = time.Now()
	}
	m := &Manifest{Format: Format, Year: in.Year, Tool: tool, Build: in.Build,
		Site: entries(site), Sources: entries(sources)}
	m.SourcesSHA256 = digest(m.Sources)
	res := &Result{Manifest: m}

	pending, err := findPending(ctx, st, m)
	if err != nil {
		return nil, err
	}
	if pending != nil {
		m.ID, m.Time, res.Resumed = pending.ID, pending.Time, true
	} else if err := startSnapshot(ctx, st, m, now.UTC()); err != nil {
		return nil, err
	}

	if err := storeObjects(ctx, st, append(site, sources...), in.Progress, res); err != nil {
		return nil, err
	}
	err = st.Create(ctx, manifestKey(m.ID), m.encode(), blobstore.Attrs{ContentType: "application/json"})
	if errors.Is(err, blobstore.ErrExists) {
		return nil, fmt.Errorf("snapshot %s already has a manifest; nothing was changed", m.ID)
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// startSnapshot gives m its id, the year and time, and writes its
// pending manifest. Two runs in the same second get different ids.
func startSnapshot(ctx context.Context, st *blobstore.Store, m *Manifest, now time.Time) error {
	m.Time = now.Format(time.RFC3339)
	base := strconv.Itoa(m.Year) + "-" + now.Format("20060102T150405Z")
	for n := 1; ; n++ {
		m.ID = base
		if n > 1 {
			m.ID += "-" + strconv.Itoa(n)
		}
		done, err := st.Exists(ctx, manifestKey(m.ID))
		if err != nil {
			return err
		}
		if done {
			continue
		}
		err = st.Create(ctx, pendingKey(m.ID), m.encode(), blobstore.Attrs{ContentType: "application/json"})
		if errors.Is(err, blobstore.ErrExists) {
			continue
		}
		return err
	}
}

// findPending returns the incomplete snapshot that m would finish: the
// same year, tool, build and files.
func findPending(ctx context.Context, st *blobstore.Store, m *Manifest) (*Manifest, error) {
	snaps, err := List(ctx, st)
	if err != nil {
		return nil, err
	}
	for i := len(snaps) - 1; i >= 0; i-- {
		s := snaps[i]
		if s.Complete || s.Year != m.Year {
			continue
		}
		p := s.manifest
		if p.Tool == m.Tool && p.Build == m.Build && p.SourcesSHA256 == m.SourcesSHA256 && digest(p.Site) == digest(m.Site) {
			return p, nil
		}
	}
	return nil, nil
}

// storeObjects stores each file not yet stored, on a few connections at
// once.
func storeObjects(ctx context.Context, st *blobstore.Store, files []file, progress func(Progress), res *Result) error {
	seen := map[string]bool{}
	var todo []file
	var total int64
	for _, f := range files {
		if !seen[f.SHA256] {
			seen[f.SHA256] = true
			todo = append(todo, f)
			total += f.Size
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		firstErr error
		p        = Progress{TotalFiles: len(todo), TotalBytes: total}
		next     = make(chan file)
		wg       sync.WaitGroup
	)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				err := st.Create(ctx, objectKey(f.SHA256), f.data, blobstore.Attrs{ContentType: f.ContentType, SHA256: f.SHA256})
				mu.Lock()
				switch {
				case err == nil:
					res.Uploaded++
					res.UploadedBytes += f.Size
				case errors.Is(err, blobstore.ErrExists):
				default:
					if firstErr == nil {
						firstErr = err
						cancel()
					}
				}
				if err == nil || errors.Is(err, blobstore.ErrExists) {
					p.Files++
					p.Bytes += f.Size
					if progress != nil {
						progress(p)
					}
				}
				mu.Unlock()
			}
		}()
	}
	for _, f := range todo {
		select {
		case next <- f:
			continue
		case <-ctx.Done():
		}
		break
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("stopped before every file was stored: %v", err)
	}
	return nil
}

// Summary is a snapshot as List shows it.
type Summary struct {
	ID       string
	Year     int
	Time     string
	Files    int
	Bytes    int64
	Complete bool // it has its manifest
	manifest *Manifest
}

// List returns the snapshots of st in id order (by year, then time),
// complete or not.
func List(ctx context.Context, st *blobstore.Store) ([]Summary, error) {
	objs, err := st.List(ctx, "snapshots/")
	if err != nil {
		return nil, err
	}
	type state struct{ pending, complete bool }
	ids := map[string]*state{}
	for _, o := range objs {
		rest := strings.TrimPrefix(o.Key, "snapshots/")
		id, name, ok := strings.Cut(rest, "/")
		if !ok {
			continue
		}
		s := ids[id]
		if s == nil {
			s = &state{}
			ids[id] = s
		}
		switch name {
		case "manifest.json":
			s.complete = true
		case "pending.json":
			s.pending = true
		}
	}
	var out []Summary
	for id, s := range ids {
		key := pendingKey(id)
		if s.complete {
			key = manifestKey(id)
		} else if !s.pending {
			continue
		}
		data, err := st.Read(ctx, key)
		if err != nil {
			return nil, err
		}
		m, err := decodeManifest(key, data)
		if err != nil {
			return nil, err
		}
		out = append(out, Summary{ID: id, Year: m.Year, Time: m.Time, Files: m.Files(), Bytes: m.Bytes(), Complete: s.complete, manifest: m})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Open reads the manifest of a complete snapshot.
func Open(ctx context.Context, st *blobstore.Store, id string) (*Manifest, error) {
	if id == "" || strings.ContainsAny(id, "/\\") || id == "." || id == ".." {
		return nil, fmt.Errorf("%q is not a snapshot id; budgetpress archive list shows them", id)
	}
	data, err := st.Read(ctx, manifestKey(id))
	if blobstore.IsNotFound(err) {
		if ok, _ := st.Exists(ctx, pendingKey(id)); ok {
			return nil, fmt.Errorf("snapshot %s is incomplete: its archive was interrupted; run budgetpress archive again for that year to finish it", id)
		}
		return nil, fmt.Errorf("there is no snapshot %s in %s; budgetpress archive list shows those there are", id, st.URL)
	}
	if err != nil {
		return nil, err
	}
	m, err := decodeManifest(manifestKey(id), data)
	if err != nil {
		return nil, err
	}
	if m.ID != id {
		return nil, fmt.Errorf("%s names another snapshot, %s: it has been tampered with", manifestKey(id), m.ID)
	}
	if pending, err := st.Read(ctx, pendingKey(id)); err == nil && !bytes.Equal(pending, data) {
		return nil, fmt.Errorf("%s differs from the manifest planned when the snapshot was made (%s): it has been tampered with", manifestKey(id), pendingKey(id))
	}
	return m, nil
}
