package cli

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"budgetpress/internal/build"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("out", "", "output folder (default: public/ in the site folder)")
	baseURL := fs.String("base-url", "", "address of the website, like https://www.cj.gov.cn (default: base_url in site.yaml)")
	basePath := fs.String("base-path", "", "path the site is published under, like /zwgk/czyjs/ (default: base_path in site.yaml)")
	quiet := fs.Bool("quiet", false, "print only warnings, errors and the summary")
	gz := fs.Bool("gzip", false, "also write a .gz copy of every page, stylesheet and script, for web servers that send them (nginx gzip_static)")
	verbose := fs.Bool("verbose", false, "list the texts without a translation, and the accepted findings")
	noCache := fs.Bool("no-cache", false, "build everything again, without the cache of the last build (.budgetpress/cache/ in the site folder)")
	dir, code, ok := siteDir(fs, args, stdout, stderr)
	if !ok {
		return code
	}
	opt := build.ForPublication(dir, *out, *baseURL, *basePath)
	opt.Gzip = *gz
	opt.Cache = !*noCache
	res := build.Run(opt)
	if *verbose && res.Cache != "" {
		fmt.Fprintf(stdout, "build cache: %s\n", res.Cache)
	} else if why, cold := res.Rebuilt(); cold && why != build.NoCacheYet && !*quiet {
		// A build that takes half a minute instead of a second says why.
		fmt.Fprintf(stdout, "everything was built again: %s\n", why)
	}
	hidden := printFindings(stdout, res.Diags, *verbose)
	if res.Diags.HasErrors() {
		fmt.Fprintf(stdout, "build failed: %s; nothing was published\n", summary(res.Diags, hidden))
		return ExitError
	}
	for _, lang := range slices.Sorted(maps.Keys(res.Untranslated)) {
		missing := res.Untranslated[lang]
		if *quiet {
			break
		}
		fmt.Fprintf(stdout, "%s: %d texts have no translation and are shown in Chinese\n", lang, len(missing))
		if *verbose {
			for _, m := range missing {
				fmt.Fprintf(stdout, "  %s: %s\n", m.Pos, clip(m.Text, 40))
			}
		}
	}
	_, warns := res.Diags.Count()
	note := plural(warns, "warning")
	if hidden > 0 {
		note += fmt.Sprintf(", %d of them accepted as published: --verbose lists them", hidden)
	}
	fmt.Fprintf(stdout, "built %s, %s, %s in %s (%s)\n", plural(res.Pages, "page"), plural(res.Files, "file"),
		size(res.Bytes), res.Duration.Round(time.Millisecond), note)
	return ExitOK
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
