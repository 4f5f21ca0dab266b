package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Timeout bounds each step of a test in the browser: starting it, opening
// a tab, loading a page, one evaluation or one click.
const Timeout = 30 * time.Second

// Browser is a headless Chromium that lives as long as the test that
// started it.
type Browser struct {
	ctx context.Context // the chromedp context of the browser's first tab
}

// Start starts headless Chromium for the test and stops it when the test
// ends. It looks for $BUDGETPRESS_CHROME when that is set, and otherwise
// for chromium, chromium-browser or google-chrome on the PATH, then
// /usr/bin/chromium. When none is found, the test is skipped, or fails
// under CI=true.
func Start(t testing.TB) *Browser {
	t.Helper()
	exe, err := findChrome()
	if err != nil {
		missing(t, fmt.Sprintf("%v: install it with `apt-get install chromium fonts-wqy-microhei`, or set BUDGETPRESS_CHROME to a Chrome or Chromium binary", err))
	}
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // tests run as root in a container, and open only local pages
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first run binds the browser's life to its context, so it
	// cannot carry a timeout; a timer bounds it instead.
	if err := bounded(cancel, func() error { return chromedp.Do(ctx) }); err != nil {
		t.Fatalf("browsertest: cannot start %s: %v", exe, err)
	}
	return &Browser{ctx: ctx}
}

// findChrome returns the browser to run.
func findChrome() (string, error) {
	if p := os.Getenv("BUDGETPRESS_CHROME"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("BUDGETPRESS_CHROME=%s is not an executable", p)
		}
		return found, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "/usr/bin/chromium"} {
		if found, err := exec.LookPath(name); err == nil {
			return found, nil
		}
	}
	return "", errors.New("no Chromium or Chrome found (looked for chromium, chromium-browser, google-chrome on the PATH and /usr/bin/chromium)")
}

// missing skips the test for want of a tool, or fails it under CI, where
// every tool must be there.
func missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("browsertest: %s", msg)
	}
	t.Skipf("browsertest: %s (skipped; under CI=true this fails)", msg)
}

// bounded runs f, and calls stop when f has not returned within Timeout,
// which makes f return with the error of its cancelled context.
func bounded(stop func(), f func() error) error {
	timer := time.AfterFunc(Timeout, stop)
	err := f()
	if !timer.Stop() {
		return fmt.Errorf("gave up after %v: %w", Timeout, err)
	}
	return err
}
