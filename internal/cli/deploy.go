package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"budgetpress/internal/blobstore"
	"budgetpress/internal/deploy"
	"budgetpress/internal/model"
)

const deployFlags = `  --to URL           where the live site is served from (default: deploy: in site.yaml)
  --dry-run          print what would be uploaded and deleted, and change nothing
  --delete           delete files there that are no longer in the site
  --max-deletes N    refuse the whole deploy when more than N files would be deleted (default 256)
`

func init() {
	commandUsage["deploy"] = `Usage: budgetpress deploy [flags] [site-dir]

Publishes public/ (run budgetpress build first) to the web root or bucket
that serves the live site. Only files that changed are uploaded: the
assets first, then the pages, then the deletes, so that no reader meets a
page without its stylesheet. Pages are served to be revalidated on each
visit; fingerprinted assets are cached for a year.

Flags:
` + deployFlags + "\n" + storeURLs + "\n" + siteDirDefault
}

func runDeploy(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("deploy", flag.ContinueOnError)
	to := fs.String("to", "", "where the live site is served from")
	dryRun := fs.Bool("dry-run", false, "change nothing")
	del := fs.Bool("delete", false, "delete files that are no longer in the site")
	maxDeletes := fs.Int("max-deletes", deploy.DefaultMaxDeletes, "most files to delete")
	dir, code, ok := siteCommand("deploy", fs, args, stdout, stderr)
	if !ok {
		return code
	}
	if *maxDeletes < 0 {
		fmt.Fprintf(stderr, "budgetpress deploy: --max-deletes %d is not a number of files\n", *maxDeletes)
		return ExitUsage
	}
	public := filepath.Join(dir, "public")
	if _, err := os.Stat(filepath.Join(public, "index.html")); err != nil {
		fmt.Fprintf(stderr, "budgetpress deploy: there is no built site in %s: run budgetpress build first\n", public)
		return ExitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, code, ok := openStore(ctx, "deploy", *to, "--to", dir, !*dryRun, func(c *model.Settings) string { return c.Deploy }, stderr)
	if !ok {
		return code
	}
	defer st.Close()
	if st.Local && samePlace(st.URL, dir, public) {
		fmt.Fprintf(stderr, "budgetpress deploy: %s is the built site itself: deploy to the web root, another folder\n", st.URL)
		return ExitUsage
	}
	plan, err := deploy.MakePlan(ctx, st, public, deploy.Options{Delete: *del, MaxDeletes: *maxDeletes})
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress deploy: %v\n", err)
		return ExitError
	}
	files, bytes := plan.Uploads()
	if *dryRun {
		for _, u := range append(append([]deploy.Upload{}, plan.Assets...), plan.Pages...) {
			fmt.Fprintf(stdout, "would upload %s (%s, %s)\n", u.Key, u.Reason, size(u.Size))
		}
		for _, k := range plan.Deletes {
			fmt.Fprintf(stdout, "would delete %s\n", k)
		}
		fmt.Fprintf(stdout, "dry run: would upload %s (%s) and delete %s; %s unchanged; nothing was changed in %s\n",
			plural(files, "file"), size(bytes), plural(len(plan.Deletes), "file"), plural(plan.Unchanged, "file"), st.URL)
		keptNote(stdout, plan)
		if st.Missing {
			fmt.Fprintf(stdout, "the folder %s does not exist yet: deploy creates it\n", st.Folder())
		}
		return ExitOK
	}
	p := newProgress(stderr, "uploading")
	err = plan.Apply(ctx, st, func(a deploy.Progress) { p.show(a.Files, a.TotalFiles, a.Bytes, a.TotalBytes) })
	p.done()
	if err != nil {
		fmt.Fprintf(stderr, "budgetpress deploy: %v; the deploy stopped part-way (pages go up after their assets, so the live site still works): run it again to finish\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "deployed to %s: uploaded %s (%s), deleted %s, %s unchanged\n",
		st.URL, plural(files, "file"), size(bytes), plural(len(plan.Deletes), "file"), plural(plan.Unchanged, "file"))
	keptNote(stdout, plan)
	return ExitOK
}

func keptNote(w io.Writer, plan *deploy.Plan) {
	if n := len(plan.Extra); n > 0 {
		fmt.Fprintf(w, "%s there no longer in the site were kept (such as %s); --delete removes them\n", plural(n, "file"), plan.Extra[0])
	}
}

// samePlace reports whether a file:// destination is the built site.
func samePlace(raw, dir, public string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	a, err1 := filepath.Abs(blobstore.FileDir(u, dir))
	b, err2 := filepath.Abs(public)
	return err1 == nil && err2 == nil && a == b
}
