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
	"strconv"
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

	mu      sync.Mutex
	build   int
	pages   int          // the build that last changed pages
	good    bool         // a build has succeeded
	errors  []Diagnostic // findings of the failed build, nil after a good one
	clients map[chan Event]bool
}

// NewHub returns a Hub.
func NewHub() *Hub {
	b := make([]byte, 6)
	rand.Read(b)
	return &Hub{server: hex.EncodeToString(b), build: 1, pages: 1, clients: map[chan Event]bool{}}
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
		h.pages = h.build
	}
	h.send(name)
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
	ev := h.event(name)
	for c := range h.clients {
		select {
		case c <- ev:
		default:
		}
	}
}

func (h *Hub) event(name string) Event {
	data, _ := json.Marshal(message{Server: h.server, Build: h.build, Pages: h.pages, Good: h.good, Diagnostics: h.errors})
	return Event{Name: name, Data: data}
}

// Subscribe returns a channel that receives the events, starting with
// "hello" that gives the current state, and a function that ends the
// subscription.
func (h *Hub) Subscribe() (<-chan Event, func()) {
	c := make(chan Event, 16)
	h.mu.Lock()
	c <- h.event("hello")
	h.clients[c] = true
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
	events, done := h.Subscribe()
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

// Inject adds the script to an HTML page, at the end of its head. The
// script's address carries the server and the build the page belongs
// to, so that a page that missed a rebuild reloads when it connects (or
// only swaps its stylesheets, when the builds it missed changed only
// them).
func (h *Hub) Inject(page []byte) []byte {
	h.mu.Lock()
	src := fmt.Sprintf("%s?server=%s&build=%d&pages=%d", ScriptPath, h.server, h.build, h.pages)
	h.mu.Unlock()
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
