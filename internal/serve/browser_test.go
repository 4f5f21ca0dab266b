package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"budgetpress/internal/browsertest"
)

// runServer runs `serve` on a free port for the site until the test
// ends, and returns its URL.
func runServer(t *testing.T, dir string) string {
	t.Helper()
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Dir: dir, Stdout: out}) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		if t.Failed() {
			t.Logf("serve printed:\n%s", out)
		}
	})
	serving := regexp.MustCompile(`serving .* at (http://127\.0\.0\.1:\d+/)`)
	for deadline := time.Now().Add(wait); ; time.Sleep(10 * time.Millisecond) {
		if m := serving.FindStringSubmatch(out.String()); m != nil {
			return m[1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no URL within %s:\n%s", wait, out)
		}
	}
}

// TestEditorSeesSavesInTheBrowser is what an editor does: open the
// department page, save the explanation and the data, see them without
// touching the browser; save broken data, see the errors over the page;
// fix them, see the errors go.
func TestEditorSeesSavesInTheBrowser(t *testing.T) {
	dir := copySite(t)
	if _, err := os.Stat(filepath.Join(dir, contentFile)); errors.Is(err, fs.ErrNotExist) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, contentFile)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, contentFile), []byte("## 说明\n\n收入预算包括：一般公共预算。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	url := runServer(t, dir)
	b := browsertest.Start(t)
	zh := b.NewPage(t)
	zh.Open(url + "2024/changji-egov/")
	en := b.NewPage(t)
	en.Open(url + "en/2024/changji-egov/")
	text := func(p *browsertest.Page, s string) string {
		return `document.body.innerText.includes(` + jsString(s) + `)`
	}
	// A page knows it was reloaded when its marker is gone.
	mark := func(p *browsertest.Page) { p.Eval(`window.budgetpressTest = 1`, nil) }
	reloaded := `window.budgetpressTest === undefined`

	// The explanation.
	mark(zh)
	replace(t, dir, contentFile, "收入预算包括：一般公共预算。", "收入预算包括：一般公共预算（已在预览中核对）。")
	waitFor(t, zh, reloaded+" && "+text(zh, "已在预览中核对"))

	// A figure of the data, with the page scrolled down: it comes back
	// where it was.
	waitFor(t, zh, `document.readyState === "complete"`)
	zh.Eval(`window.scrollTo(0, 1200); window.scrollY`, nil)
	waitFor(t, zh, `window.scrollY > 1190`)
	mark(zh)
	mark(en)
	replace(t, dir, dataFile, "authorized: 30", "authorized: 37")
	waitFor(t, zh, reloaded+" && "+text(zh, "编制数 37，"))
	waitFor(t, en, reloaded+" && "+text(en, "has 37 authorised posts"))
	var y float64
	waitFor(t, zh, `window.scrollY > 1100`)
	zh.Eval(`window.scrollY`, &y)
	if y < 1190 || y > 1210 {
		t.Errorf("after the reload the page is scrolled to %v; want 1200", y)
	}

	// Broken YAML: every open page shows the errors, in its language.
	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	overlay := `document.getElementById("budgetpress-overlay")`
	for _, tc := range []struct {
		p              *browsertest.Page
		title, errWord string
	}{{zh, "无法更新预览", "错误"}, {en, "The preview cannot be updated", "error"}} {
		waitFor(t, tc.p, overlay+` !== null`)
		var shown string
		tc.p.Eval(overlay+`.innerText`, &shown)
		for _, want := range []string{tc.title, dataFile + ":10:", tc.errWord} {
			if !strings.Contains(shown, want) {
				t.Errorf("the overlay lacks %q:\n%s", want, shown)
			}
		}
	}
	// The page under it is still the last good build.
	var stillThere bool
	zh.Eval(text(zh, "编制数 37，"), &stillThere)
	if !stillThere {
		t.Error("the page under the overlay is not the last good build")
	}

	// Fixed as it was: the errors go, and the pages, which the fix
	// leaves as they were, stay without reloading.
	mark(zh)
	mark(en)
	replace(t, dir, dataFile, "unit: [万元", "unit: 万元")
	waitFor(t, zh, overlay+` === null && `+text(zh, "编制数 37，"))
	waitFor(t, en, overlay+` === null`)
	for _, p := range []*browsertest.Page{zh, en} {
		var stayed bool
		if p.Eval(`window.budgetpressTest === 1`, &stayed); !stayed {
			t.Error("a page reloaded though the fix left it as it was")
		}
	}

	// A failing check: the overlay names its rule and subject as the
	// terminal does, which an accept: entry needs.
	replace(t, dir, dataFile, "actual: 23", "actual: 24")
	waitFor(t, en, overlay+` !== null && `+overlay+`.innerText.includes("[staffing: actual]")`)
	mark(zh)
	replace(t, dir, dataFile, "actual: 24", "actual: 23")
	// Back as it was: the overlay goes, the page stays.
	waitFor(t, zh, `window.budgetpressTest === 1 && `+overlay+` === null`)

	// A stylesheet: swapped without a reload.
	mark(zh)
	replace(t, dir, "layouts/assets/site.css", "--accent: #8c1c13;", "--accent: #1c8c13;")
	waitFor(t, zh, `getComputedStyle(document.documentElement).getPropertyValue("--accent").trim() === "#1c8c13"`)
	var marked bool
	zh.Eval(`window.budgetpressTest === 1`, &marked)
	if !marked {
		t.Error("a stylesheet change reloaded the page; want the stylesheet swapped")
	}

	for _, p := range []*browsertest.Page{zh, en} {
		for _, m := range p.ConsoleErrors() {
			if !strings.HasSuffix(m.URL, "/favicon.ico") { // the browser asks; sites have none
				t.Errorf("browser error: %s", m)
			}
		}
	}
}

// TestFirstBuildFailsInTheBrowser opens the preview of a site that has
// never built: the overlay says that there is nothing to show, not that
// the page is the last good build; the page appears once the data is
// fixed.
func TestFirstBuildFailsInTheBrowser(t *testing.T) {
	dir := copySite(t)
	replace(t, dir, dataFile, "unit: 万元", "unit: [万元")
	url := runServer(t, dir)
	b := browsertest.Start(t)
	p := b.NewPage(t)
	p.Open(url + "2024/changji-egov/")
	overlay := `document.getElementById("budgetpress-overlay")`
	waitFor(t, p, overlay+` !== null`)
	var shown string
	p.Eval(overlay+`.innerText`, &shown)
	if want := "网站的文件有错误，还没有成功构建过，所以没有可显示的页面。改正后页面会自动显示。"; !strings.Contains(shown, want) {
		t.Errorf("the overlay lacks %q:\n%s", want, shown)
	}
	if strings.Contains(shown, "上一次成功构建") {
		t.Errorf("the overlay speaks of a last good build, though there is none:\n%s", shown)
	}
	replace(t, dir, dataFile, "unit: [万元", "unit: 万元")
	waitFor(t, p, overlay+` === null && document.body.innerText.includes("编制数 30，")`)
}

// waitFor waits until the JavaScript expression is true in the page,
// across the reloads that the server causes (the harness's WaitFor
// stops at a navigation).
func waitFor(t *testing.T, p *browsertest.Page, js string) {
	t.Helper()
	deadline := time.Now().Add(browsertest.Timeout)
	var last error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(p.Context(), 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function(){ try { return !!(`+js+`); } catch (e) { return false; } })()`))
		cancel()
		last = err
		if last == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("waited %s for %s (last error: %v)", browsertest.Timeout, js, last)
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}
