package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Page is a browser tab. From the moment it is made, it records the
// console errors and warnings, the uncaught exceptions and the URL of
// every network request of whatever it shows.
type Page struct {
	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	messages []Message
	requests []string
}

// Message is a console message, an uncaught exception or a message of the
// browser itself (a failed load, a blocked resource) that a page caused.
type Message struct {
	Level string // "error" or "warning"
	Kind  string // "console", "exception" or the browser's source, such as "network" or "security"
	Text  string
	URL   string // the resource or script it is about, when known
}

func (m Message) String() string {
	s := fmt.Sprintf("%s %s: %s", m.Kind, m.Level, m.Text)
	if m.URL != "" {
		s += " (" + m.URL + ")"
	}
	return s
}

// NewPage opens a new tab, closed when the test ends.
func (b *Browser) NewPage(t testing.TB) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	if err := bounded(cancel, func() error { return chromedp.Do(ctx) }); err != nil {
		t.Fatalf("browsertest: cannot open a tab: %v", err)
	}
	p := &Page{t: t, ctx: ctx}
	if err := chromedp.Listen(ctx, p.record); err != nil {
		t.Fatalf("browsertest: cannot listen to the tab: %v", err)
	}
	return p
}

// record runs on the loop that reads the tab's messages: it must be quick.
func (p *Page) record(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		level := ""
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeAssert:
			level = "error"
		case runtime.ConsoleAPICalledTypeWarning:
			level = "warning"
		}
		if level != "" {
			m := Message{Level: level, Kind: "console", Text: argsText(ev.Args)}
			if ev.StackTrace != nil && len(ev.StackTrace.CallFrames) > 0 {
				m.URL = ev.StackTrace.CallFrames[0].URL
			}
			p.messages = append(p.messages, m)
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		p.messages = append(p.messages, Message{Level: "error", Kind: "exception", Text: text, URL: d.URL})
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError || e.Level == log.EntryLevelWarning {
			p.messages = append(p.messages, Message{Level: string(e.Level), Kind: string(e.Source), Text: e.Text, URL: e.URL})
		}
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
	}
}

func argsText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		var s string
		if len(a.Value) > 0 && json.Unmarshal(a.Value, &s) == nil {
			parts = append(parts, s)
		} else if a.Description != "" {
			parts = append(parts, a.Description)
		} else {
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// Console returns the errors and warnings recorded so far.
func (p *Page) Console() []Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Message(nil), p.messages...)
}

// ConsoleErrors returns the errors and uncaught exceptions recorded so
// far, without the warnings.
func (p *Page) ConsoleErrors() []Message {
	var errs []Message
	for _, m := range p.Console() {
		if m.Level == "error" {
			errs = append(errs, m)
		}
	}
	return errs
}

// Requests returns the URL of every request made so far, in order,
// the pages themselves included.
func (p *Page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...)
}

// do runs one step in the tab, bounded by Timeout, and fails the test
// when it fails.
func do[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.t.Fatalf("browsertest: %s: %v", what, err)
	}
	return v
}

// Open loads the URL and waits for its load event.
func (p *Page) Open(url string) {
	p.t.Helper()
	do(p, "open "+url, chromedp.Navigate(url))
}

// Reload reloads the page and waits for its load event.
func (p *Page) Reload() {
	p.t.Helper()
	do(p, "reload", chromedp.Reload())
}

// Eval evaluates the JavaScript expression and decodes its value, as
// JSON, into v; a promise is awaited. v may be nil to drop the value.
func (p *Page) Eval(js string, v any) {
	p.t.Helper()
	raw := do(p, "evaluate "+short(js), chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if v == nil {
		return
	}
	if err := json.Unmarshal(raw, v); err != nil {
		p.t.Fatalf("browsertest: evaluate %s: cannot decode %s into %T: %v", short(js), short(string(raw)), v, err)
	}
}

// OnNewDocument has the tab evaluate the JavaScript source in every
// page it opens from now on, before the page's own scripts.
func (p *Page) OnNewDocument(js string) {
	p.t.Helper()
	do(p, "add a script to every page", func(ctx context.Context, t *chromedp.Target) (page.ScriptIdentifier, error) {
		res, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		if err != nil {
			return "", err
		}
		return res.Identifier, nil
	})
}

// WaitFor waits until the JavaScript expression is truthy.
func (p *Page) WaitFor(js string) {
	p.t.Helper()
	do(p, "wait for "+short(js), chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(Timeout)))
}

// Click clicks the first visible element that matches the CSS selector.
func (p *Page) Click(selector string) {
	p.t.Helper()
	do(p, "click "+selector, chromedp.Click(chromedp.CSS(selector)))
}

// Press types keys as the keyboard would, to whatever has the focus;
// use kb.Tab and kb.Enter for those keys.
func (p *Page) Press(keys string) {
	p.t.Helper()
	do(p, "press "+strings.NewReplacer(kb.Tab, "Tab", kb.Enter, "Enter").Replace(keys), chromedp.KeyEvent(keys))
}

// AXNames returns the accessible names, as Chromium computes them for
// screen readers, of the elements of the page that have the role (such
// as "button") and are not hidden from them, in the page's order.
func (p *Page) AXNames(role string) []string {
	p.t.Helper()
	return do(p, "accessibility tree", func(ctx context.Context, t *chromedp.Target) ([]string, error) {
		res, err := cdp.Call(ctx, t, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return nil, err
		}
		var names []string
		for _, n := range res.Nodes {
			if n.Ignored || n.Role == nil || n.Name == nil {
				continue
			}
			var r, name string
			if json.Unmarshal(n.Role.Value, &r) != nil || r != role {
				continue
			}
			if json.Unmarshal(n.Name.Value, &name) == nil {
				names = append(names, name)
			}
		}
		return names, nil
	})
}

// ReduceMotion has the tab's pages match prefers-reduced-motion: reduce,
// as a reader who turned animations off would see them: the charts are
// drawn without animation (for screenshots of them as they end up).
func (p *Page) ReduceMotion() {
	p.t.Helper()
	do(p, "reduce motion", func(ctx context.Context, t *chromedp.Target) (struct{}, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return struct{}{}, err
	})
}

// ShiftTab presses Shift+Tab, which moves the focus back.
func (p *Page) ShiftTab() {
	p.t.Helper()
	do(p, "press Shift+Tab", chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift)))
}

// Fonts returns the platform fonts that render the text directly inside
// the first element that matches the CSS selector, such as
// "WenQuanYi Micro Hei", with the number of glyphs each draws.
func (p *Page) Fonts(selector string) map[string]int {
	p.t.Helper()
	return do(p, "fonts of "+selector, func(ctx context.Context, t *chromedp.Target) (map[string]int, error) {
		ids, err := chromedp.QueryNodeIDs(chromedp.CSS(selector))(ctx, t)
		if err != nil {
			return nil, err
		}
		res, err := cdp.Call(ctx, t, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: ids[0]})
		if err != nil {
			return nil, err
		}
		fonts := map[string]int{}
		for _, f := range res.Fonts {
			fonts[f.FamilyName] += int(f.GlyphCount)
		}
		return fonts, nil
	})
}

// Screenshot saves a PNG of the whole page, beyond the window, to path.
func (p *Page) Screenshot(path string) {
	p.t.Helper()
	png := do(p, "screenshot", chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		p.t.Fatalf("browsertest: screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		p.t.Fatalf("browsertest: screenshot: %v", err)
	}
}

// Context returns the tab's chromedp context, for what the helpers above
// do not offer. Bound each use with context.WithTimeout.
func (p *Page) Context() context.Context { return p.ctx }

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}
