// Package livereload keeps the pages that the dev server shows in step
// with the site on disk. The server injects a small script into each
// HTML page it serves ([Hub.Inject]); the script listens to a stream of
// Server-Sent Events ([Hub.ServeHTTP]) and reloads the page after a
// good build (keeping its scroll position), swaps the stylesheets when
// only they changed, and shows the findings of a failed build over the
// page, with headings in the page's language.
//
// The script is an external file served by the server, so pages with a
// Content-Security-Policy of script-src 'self' still run it; it never
// goes into the output of a build.
package livereload

import (
	"crypto/rand"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"budgetpress/internal/diag"
)

// Prefix is the path under which the Hub serves its files; no page of a
// site can have it.
const Prefix = "/__budgetpress/"

// The paths that the Hub serves.
const (
	EventsPath = Prefix + "events"
	ScriptPath = Prefix + "live.js"
	StylePath  = Prefix + "live.css"
)

//go:embed live.js
var script []byte

//go:embed live.css
var style []byte

// Diagnostic is a finding as the script receives it.
type Diagnostic struct {
	Pos      string `json:"pos"` // file:line:col
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"` // "error" or "warning"
	Message  string `json:"message"`
	// Rule and Subject name a finding of the checker, as the terminal
	// prints them ("[hierarchy: table 6 302]"), for an accept: entry.
	Rule    string `json:"rule,omitempty"`
	Subject string `json:"subject,omitempty"`
}

// Event is one message to the pages: Name is "hello" (sent first on each
// connection), "reload", "css" or "errors"; Data is JSON.
type Event struct {
	Name string
	Data []byte
}

// message is the data of every event.
type message struct {
	Server      string       `json:"server"` // changes when the server restarts
	Build       int          `json:"build"`  // counts the good builds
	Pages       int          `json:"pages"`  // the last good build that changed pages, not only styles
	Good        bool         `json:"good"`   // whether a good build is on screen: false until the first
	Diagnostics []Diagnostic `json:"diagnostics"`
}

// Hub sends events to every connected page. It is safe for concurrent use.
type Hub struct {
	server string

	mu    sync.Mutex
	build int
	pages int // the build that last changed pages
	all   int // the build that last changed every page
	// changed holds the build that last changed a page, by its file in
	// the build ("2024/x/index.html"), when that was after all.
	changed map[string]int
	good    bool                  // a build has succeeded
	errors  []Diagnostic          // findings of the failed build, nil after a good one
	clients map[chan Event]string // each page's file, "" for any
}

// NewHub returns a Hub.
func NewHub() *Hub {
	b := make([]byte, 6)
	rand.Read(b)
	return &Hub{server: hex.EncodeToString(b), build: 1, pages: 1, all: 1, changed: map[string]int{}, clients: map[chan Event]string{}}
}

// Reload tells every page that a good build is in place: the pages
// reload, or only swap their stylesheets when stylesOnly is set. Any
// error overlay goes.
func (h *Hub) Reload(stylesOnly bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.build++
	h.good = true
	h.errors = nil
	name := "reload"
	if stylesOnly {
		name = "css"
	} else {
		h.pages, h.all = h.build, h.build
		clear(h.changed)
	}
	h.send(name)
}

// ReloadPages tells the pages that a good build is in place that
// changed the files named, by their paths in the build
// ("2024/x/index.html", "index.html"): the pages showing one of them
// reload, and so do those that show no file of the build (a page not
// found, which a new file may now be). The others stay as they are,
// but for an error overlay, which goes.
func (h *Hub) ReloadPages(files []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	failing := h.errors != nil
	h.build++
	h.good = true
	h.errors = nil
	if len(files) > 0 {
		h.pages = h.build
	}
	for _, f := range files {
		h.changed[f] = h.build
	}
	for c, page := range h.clients {
		switch {
		case page == "" && len(files) > 0 || page != "" && h.changed[page] == h.build:
			h.sendTo(c, "reload")
		case failing:
			h.sendTo(c, "errors")
		}
	}
}

// lastChange is the build that last changed the page of a file of the
// build, or any page for "".
func (h *Hub) lastChange(page string) int {
	if page == "" {
		return h.pages
	}
	return max(h.all, h.changed[page])
}

// Failed tells every page that a build failed, with its findings: the
// pages show them over the last good build, or over a blank page when
// there has been none, until the next good build.
func (h *Hub) Failed(diags diag.List) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errors = make([]Diagnostic, 0, len(diags))
	for _, d := range diags {
		h.errors = append(h.errors, Diagnostic{
			Pos: d.Pos.String(), File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Message: d.Message, Rule: d.Rule, Subject: d.Subject,
		})
	}
	h.send("errors")
}

// Fixed tells every page that the errors are gone, though nothing that a
// page shows changed (a broken file that no page uses was removed).
func (h *Hub) Fixed() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.errors == nil {
		return
	}
	h.errors = nil
	h.send("errors")
}

// Failing reports whether the last build failed.
func (h *Hub) Failing() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.errors != nil
}

// send sends an event to every client; h.mu is held. A client that is
// behind misses it rather than holding up the build: the events say
// what the current state is, so the next one makes up for it.
func (h *Hub) send(name string) {
	for c := range h.clients {
		h.sendTo(c, name)
	}
}

// sendTo sends an event to one client; h.mu is held.
func (h *Hub) sendTo(c chan Event, name string) {
	select {
	case c <- h.event(name, h.clients[c]):
	default:
	}
}

func (h *Hub) event(name, page string) Event {
	data, _ := json.Marshal(message{Server: h.server, Build: h.build, Pages: h.lastChange(page), Good: h.good, Diagnostics: h.errors})
	return Event{Name: name, Data: data}
}

// Subscribe returns a channel that receives the events of the page that
// shows a file of the build ("2024/x/index.html"; "" for a page that
// shows none, which hears of every change), starting with "hello" that
// gives the current state, and a function that ends the subscription.
func (h *Hub) Subscribe(page string) (<-chan Event, func()) {
	c := make(chan Event, 16)
	h.mu.Lock()
	c <- h.event("hello", page)
	h.clients[c] = page
	h.mu.Unlock()
	return c, func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}
}

// heartbeat keeps idle connections open through proxies and lets the
// server notice a page that is gone.
const heartbeat = 25 * time.Second

// ServeHTTP serves the event stream, the script and its stylesheet.
func (h *Hub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case ScriptPath:
		serveStatic(w, r, "text/javascript; charset=utf-8", script)
	case StylePath:
		serveStatic(w, r, "text/css; charset=utf-8", style)
	case EventsPath:
		h.events(w, r)
	default:
		http.NotFound(w, r)
	}
}

func serveStatic(w http.ResponseWriter, r *http.Request, ctype string, body []byte) {
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func (h *Hub) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	events, done := h.Subscribe(r.URL.Query().Get("page"))
	defer done()
	// Reconnect quickly when the server restarts.
	fmt.Fprint(w, "retry: 500\n\n")
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-events:
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Name, ev.Data)
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}

// Inject adds the script to an HTML page, at the end of its head. asked is
// the path the page was asked for ("/2024/x/"), which the script is
// linked relatively to, so that the preview works behind a proxy that
// serves it under a sub-path ("" links it from the root); file is the
// page's file in the build ("2024/x/index.html"), "" when it shows none
// (a page not found). The script's address carries the server, the
// build the page belongs to and its file, so that the page reloads for
// a rebuild that changed it, and only then: also when it connects
// after one it missed (or it only swaps its stylesheets, when the
// builds it missed changed only them).
func (h *Hub) Inject(page []byte, asked, file string) []byte {
	prefix := ScriptPath
	if strings.HasPrefix(asked, "/") {
		dir := asked[:strings.LastIndex(asked, "/")]
		prefix = strings.Repeat("../", strings.Count(dir, "/")) + strings.TrimPrefix(ScriptPath, "/")
	}
	h.mu.Lock()
	src := fmt.Sprintf("%s?server=%s&build=%d&pages=%d", prefix, h.server, h.build, h.lastChange(file))
	h.mu.Unlock()
	if file != "" {
		src += "&page=" + url.QueryEscape(file)
	}
	tag := []byte(`<script src="` + html.EscapeString(src) + `" defer></script>` + "\n")
	at := indexFold(page, "</head>")
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// indexFold returns the index of the first instance of the ASCII string
// sub in s, ignoring ASCII case, or -1.
func indexFold(s []byte, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}
