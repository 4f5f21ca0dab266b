package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"budgetpress/internal/archive"
	"budgetpress/internal/blobstore"
	"budgetpress/internal/build"
	"budgetpress/internal/load"
	"budgetpress/internal/model"
	"budgetpress/internal/sitepath"
)

const (
	archiveFlags = `  --year YEAR        the budget year the snapshot is of (required)
  --to URL           where to archive (default: archive: in site.yaml)
  --base-url URL     address of the website, as for build
  --base-path PATH   path the site is published under, as for build
`
	fromFlag = `  --from URL         where the snapshots are (default: archive: in site.yaml)
`
	storeURLs = `URL is file://FOLDER (relative to the site folder) or
s3://BUCKET/PREFIX?endpoint=https://…&region=…&use_path_style=true, with
the access key in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
`
)

func init() {
	commandUsage["archive"] = `Usage: budgetpress archive --year YEAR [--to URL] [site-dir]
       budgetpress archive list [--from URL] [site-dir]
       budgetpress archive verify SNAPSHOT [--from URL] [--rebuild] [site-dir]
       budgetpress archive restore SNAPSHOT --to DIR [--from URL] [site-dir]
       budgetpress archive export SNAPSHOT --bag DIR [--from URL] [--contact TEXT] [site-dir]

archive builds the site (nothing is archived when the check finds errors)
and stores a snapshot of it labelled with the year: every published file
in every language and the sources that made it. Files are stored once by
their content, and nothing archived is ever replaced or deleted.

list      one line per snapshot: id, date, files, size, complete or not
verify    re-reads every file of a snapshot and checks it; with --rebuild,
          also rebuilds the site from the archived sources and compares
          it byte for byte. Exit status 1 when a file is missing or altered.
restore   writes a snapshot into a new folder: its sources, and the
          published site in public/
export    writes a snapshot as a BagIt bag (RFC 8493) for an archive

Flags of archive:
` + archiveFlags + fromFlag + `  --rebuild          (verify) rebuild from the sources and compare
  --to DIR           (restore) the folder to restore into
  --bag DIR          (export) the folder to write the bag into
  --contact TEXT     (export) who to ask about the bag, an e-mail address or a name

` + storeURLs + "\n" + siteDirDefault
}

func runArchive(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "list":
			return runArchiveList(args[1:], stdout, stderr)
		case "verify":
			return runArchiveVerify(args[1:], stdout, stderr)
		case "restore":
			return runArchiveRestore(args[1:], stdout, stderr)
		case "export":
			return runArchiveExport(args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	yearFlag := fs.String("year", "", "the budget year")
	to := fs.String("to", "", "where to archive")
	baseURL := fs.String("base-url", "", "address of the website")
	basePath := fs.String("base-path", "", "path the site is published under")
	dir, code, ok := siteCommand("archive", fs, args, stdout, stderr)
	if !ok {
		return code
	}
	year, err := strconv.Atoi(*yearFlag)
	if *yearFlag == "" || err != nil || year < 1949 || year > 9999 {
		if *yearFlag == "" {
			fmt.Fprintf(stderr, "budgetpress archive: say which year to archive, like --year 2024\n")
		} else {
			fmt.Fprintf(stderr, "budgetpress archive: --year %s is not a year; write it like --year 2024\n", *yearFlag)
		}
		return ExitUsage
	}
	if len(sitepath.DataFiles(dir, strconv.Itoa(year))) == 0 {
		fmt.Fprintf(stderr, "budgetpress archive: there are no department files for %d in %s: nothing to archive\n", year, filepath.Join(dir, "data", strconv.Itoa(year)))
		return ExitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, code, ok := openStore(ctx, "archive", *to, "--to", dir, true, func(c *model.Settings) string { return c.Archive }, stderr)
	if !ok {
		return code
	}
	defer st.Close()

	tmp, err := os.MkdirTemp("", "budgetpress-archive-")
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive: cannot make a temporary folder: %v\n", err)
		return ExitError
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	res := build.Run(build.ForPublication(dir, out, *baseURL, *basePath))
	res.Diags.Print(stdout)
	if res.Diags.HasErrors() {
		fmt.Fprintf(stdout, "archive failed: %s; nothing was archived\n", res.Diags.Summary())
		return ExitError
	}
	p := newProgress(stderr, "storing")
	r, err := archive.Snapshot(ctx, st, archive.Input{Year: year, SiteDir: dir, OutDir: out,
		Build:    archive.BuildOptions{BaseURL: *baseURL, BasePath: *basePath},
		Progress: func(a archive.Progress) { p.show(a.Files, a.TotalFiles, a.Bytes, a.TotalBytes) }})
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive: %v; the snapshot is not complete (run the same command again to finish it)\n", err)
		return ExitError
	}
	m := r.Manifest
	verb := "archived"
	if r.Resumed {
		verb = "finished the interrupted snapshot"
	}
	fmt.Fprintf(stdout, "%s %d as %s in %s: %s, %s (%s stored now, %s; files already archived are kept once)\n",
		verb, year, m.ID, st.URL, plural(m.Files(), "file"), size(m.Bytes()), plural(r.Uploaded, "new file"), size(r.UploadedBytes))
	return ExitOK
}

func runArchiveList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	from := fs.String("from", "", "where the snapshots are")
	dir, code, ok := siteCommand("archive list", fs, args, stdout, stderr)
	if !ok {
		return code
	}
	ctx := context.Background()
	st, code, ok := openStore(ctx, "archive list", *from, "--from", dir, false, func(c *model.Settings) string { return c.Archive }, stderr)
	if !ok {
		return code
	}
	defer st.Close()
	snaps, err := archive.List(ctx, st)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive list: %v\n", err)
		return ExitError
	}
	if len(snaps) == 0 {
		fmt.Fprintf(stdout, "no snapshots in %s yet: budgetpress archive --year YEAR makes one\n", st.URL)
		return ExitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, s := range snaps {
		state := "complete"
		if !s.Complete {
			state = "incomplete (interrupted; archive the year again to finish it)"
		}
		date := s.Time
		if t, err := time.Parse(time.RFC3339, s.Time); err == nil {
			date = t.UTC().Format("2006-01-02 15:04 UTC")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.ID, date, plural(s.Files, "file"), size(s.Bytes), state)
	}
	tw.Flush()
	return ExitOK
}

// snapshotCommand parses the command line of a command on one snapshot
// and opens it.
func snapshotCommand(cmd string, fs *flag.FlagSet, from *string, args []string, stdout, stderr io.Writer, need ...required) (st *blobstore.Store, m *archive.Manifest, dir string, code int, ok bool) {
	pos, code, ok := parseInterleaved(fs, args, stdout, stderr)
	if !ok {
		return nil, nil, "", code, false
	}
	if len(pos) == 0 {
		fmt.Fprintf(stderr, "budgetpress %s: say which snapshot, like budgetpress %s 2024-20250301T080000Z (budgetpress archive list shows them)\n", cmd, cmd)
		return nil, nil, "", ExitUsage, false
	}
	dir, code, ok = optionalSiteDir(cmd, pos[1:], stderr)
	if !ok {
		return nil, nil, "", code, false
	}
	ctx := context.Background()
	st, code, ok = openStore(ctx, cmd, *from, "--from", dir, false, func(c *model.Settings) string { return c.Archive }, stderr)
	if !ok {
		return nil, nil, "", code, false
	}
	m, err := archive.Open(ctx, st, pos[0])
	if err != nil {
		st.Close()
		fmt.Fprintf(stderr, "budgetpress %s: %v\n", cmd, err)
		return nil, nil, "", ExitError, false
	}
	for _, r := range need {
		if *r.value == "" {
			st.Close()
			fmt.Fprintf(stderr, "budgetpress %s: %s\n", cmd, fmt.Sprintf(r.hint, m.Year))
			return nil, nil, "", ExitUsage, false
		}
	}
	return st, m, dir, ExitOK, true
}

// printProblems prints one line a problem and reports whether there
// were any.
func printProblems(w io.Writer, problems []archive.Problem) bool {
	for _, pr := range problems {
		fmt.Fprintf(w, "%s: %s\n", pr.Path, pr.Reason)
	}
	return len(problems) > 0
}

// required is a flag a snapshot command cannot do without, with what to
// say when it is missing (%d: the snapshot's year).
type required struct {
	value *string
	hint  string
}

// siteCommand parses the command line of a command on a site folder
// (the current one unless named) and returns the folder.
func siteCommand(cmd string, fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (dir string, code int, ok bool) {
	pos, code, ok := parseInterleaved(fs, args, stdout, stderr)
	if !ok {
		return "", code, false
	}
	return optionalSiteDir(cmd, pos, stderr)
}

func runArchiveVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	from := fs.String("from", "", "where the snapshots are")
	rebuild := fs.Bool("rebuild", false, "rebuild from the archived sources and compare")
	st, m, _, code, ok := snapshotCommand("archive verify", fs, from, args, stdout, stderr)
	if !ok {
		return code
	}
	defer st.Close()
	ctx := context.Background()
	p := newProgress(stderr, "checking")
	problems, err := archive.Verify(ctx, st, m, func(a archive.Progress) { p.show(a.Files, a.TotalFiles, a.Bytes, a.TotalBytes) })
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive verify: %v\n", err)
		return ExitError
	}
	if printProblems(stdout, problems) {
		fmt.Fprintf(stdout, "snapshot %s is damaged: %s of %d missing or altered\n", m.ID, plural(len(problems), "file"), m.Files())
		return ExitError
	}
	fmt.Fprintf(stdout, "snapshot %s is intact: %s, %s, as archived on %s\n", m.ID, plural(m.Files(), "file"), size(m.Bytes()), m.Time)
	if !*rebuild {
		return ExitOK
	}
	diffs, err := archive.Rebuild(ctx, st, m)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive verify: %v\n", err)
		return ExitError
	}
	if printProblems(stdout, diffs) {
		why := ""
		if tool := archive.Tool(); tool != m.Tool {
			why = fmt.Sprintf(" (it was built by %s, rebuilt by %s: the difference may come from the change of version)", m.Tool, tool)
		}
		fmt.Fprintf(stdout, "the rebuild from the archived sources differs from the archived site in %s%s\n", plural(len(diffs), "file"), why)
		return ExitError
	}
	fmt.Fprintf(stdout, "rebuilt from the archived sources: all %s are byte for byte the archived ones\n", plural(len(m.Site), "published file"))
	return ExitOK
}

func runArchiveRestore(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	from := fs.String("from", "", "where the snapshots are")
	to := fs.String("to", "", "the folder to restore into")
	st, m, _, code, ok := snapshotCommand("archive restore", fs, from, args, stdout, stderr,
		required{to, "say where to restore it, like --to restored-%d"})
	if !ok {
		return code
	}
	defer st.Close()
	p := newProgress(stderr, "restoring")
	err := archive.Restore(context.Background(), st, m, *to, func(a archive.Progress) { p.show(a.Files, a.TotalFiles, a.Bytes, a.TotalBytes) })
	p.done()
	if err == nil && len(m.Site) > 0 {
		// The list of what a build wrote: the next build of the restored
		// site replaces public/ without taking its files for hand-made.
		err = build.WriteManifest(filepath.Join(*to, "public"))
	}
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive restore: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "restored %s into %s: the site's sources, and the published site in %s\n", m.ID, *to, filepath.Join(*to, "public"))
	return ExitOK
}

func runArchiveExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("archive", flag.ContinueOnError)
	from := fs.String("from", "", "where the snapshots are")
	bag := fs.String("bag", "", "the folder to write the bag into")
	contact := fs.String("contact", "", "who to ask about the bag")
	st, m, dir, code, ok := snapshotCommand("archive export", fs, from, args, stdout, stderr,
		required{bag, "say where to write the bag, like --bag bag-%d"})
	if !ok {
		return code
	}
	defer st.Close()
	info := archive.BagInfo{Contact: *contact}
	if s, _ := load.ReadSettings(dir); s.Config != nil {
		info.SourceOrganization = s.Config.Portal.SiteName.ZH()
		if info.Contact == "" {
			info.Contact = strings.TrimSuffix(s.Config.BaseURL, "/") + s.Config.BasePath
		}
	}
	p := newProgress(stderr, "exporting")
	err := archive.ExportBag(context.Background(), st, m, *bag, info, func(a archive.Progress) { p.show(a.Files, a.TotalFiles, a.Bytes, a.TotalBytes) })
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress archive export: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "exported %s as a BagIt bag in %s: %s, %s\n", m.ID, *bag, plural(m.Files(), "file"), size(m.Bytes()))
	return ExitOK
}

// parseInterleaved parses flags that may come before, between or after
// the arguments, and returns the arguments.
func parseInterleaved(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := parseFlags(fs, args, stdout, stderr); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return pos, ExitOK, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// optionalSiteDir returns the one optional site folder of a command,
// "." when none is given.
func optionalSiteDir(cmd string, pos []string, stderr io.Writer) (string, int, bool) {
	switch len(pos) {
	case 0:
		return ".", ExitOK, true
	case 1:
		if !isSiteFolder(cmd, pos[0], stderr) {
			return "", ExitUsage, false
		}
		return pos[0], ExitOK, true
	}
	fmt.Fprintf(stderr, "budgetpress %s: expected one site folder, got %s\n", cmd, strings.Join(pos, " "))
	return "", ExitUsage, false
}

// openStore opens the destination given by flag, or else the one
// site.yaml names (pick chooses which), relative to the site folder.
func openStore(ctx context.Context, cmd, url, flagName, dir string, create bool, pick func(*model.Settings) string, stderr io.Writer) (*blobstore.Store, int, bool) {
	if url == "" {
		s, diags := load.ReadSettings(dir)
		if s.Config == nil {
			if _, err := os.Stat(filepath.Join(dir, "site.yaml")); errors.Is(err, os.ErrNotExist) {
				fmt.Fprintf(stderr, "budgetpress %s: no site.yaml in %s to say where: give %s URL, or run it in the site folder\n", cmd, dir, flagName)
			} else {
				fmt.Fprintf(stderr, "budgetpress %s: site.yaml cannot be read (budgetpress check says why): give %s URL\n", cmd, flagName)
				diags.Print(stderr)
			}
			return nil, ExitUsage, false
		}
		url = pick(s.Config)
		if url == "" {
			key := "archive"
			if cmd == "deploy" {
				key = "deploy"
			}
			fmt.Fprintf(stderr, "budgetpress %s: say where: give %s URL, or add %s: URL to site.yaml (like %s: file://./%s)\n", cmd, flagName, key, key, map[string]string{"archive": "archive", "deploy": "www"}[key])
			return nil, ExitUsage, false
		}
	}
	open := blobstore.OpenExisting
	if create {
		open = blobstore.Open
	}
	st, err := open(ctx, url, dir)
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress %s: %v\n", cmd, err)
		return nil, ExitError, false
	}
	return st, ExitOK, true
}
