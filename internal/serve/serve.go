// Package serve is the preview server of `budgetpress serve`. It builds
// the site into a folder of its own (never public/), serves that folder
// on a local address, watches the site's files, rebuilds what a saved
// file changes, and tells the open pages to reload, or to show the
// findings of a build that failed while the last good build stays on
// screen.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"budgetpress/internal/build"
	"budgetpress/internal/diag"
	"budgetpress/internal/livereload"
	"budgetpress/internal/watch"
)

// DefaultPort is the port that serve listens on unless told otherwise.
const DefaultPort = 8384

// Options are the settings of the server.
type Options struct {
	Dir  string // the site folder
	Bind string // the address to listen on: 127.0.0.1 when empty
	Port int    // the port; 0 picks a free one
	// BaseURL is the address the pages are served at, for their
	// canonical links; Run sets it.
	BaseURL  string
	Stdout   io.Writer     // where the findings and each rebuild are printed
	Debounce time.Duration // watch.DefaultDebounce when 0
	// Settle is how long after a rebuild, with no save in between, what
	// lists the whole site (the search index, the files of all
	// departments, the downloads pages) is brought up to date:
	// DefaultSettle when 0.
	Settle time.Duration
	// Ready, when set, is called with the address of the home page once
	// the first build is done and the server takes requests (to open it
	// in a browser).
	Ready func(url string)
}

// DefaultSettle is the pause after a save before the search index and
// the downloads follow it: long enough that an editor saving again and
// again waits for none of them.
const DefaultSettle = 500 * time.Millisecond

// watched are the files and folders of a site that a build reads.
var watched = []string{"site.yaml", "data", "templates", "content", "layouts"}

// Server builds, watches and serves one site.
type Server struct {
	opt     Options
	builder *build.Builder
	hub     *livereload.Hub
	watcher *watch.Watcher
	// busy reports whether more changes are on their way (the watcher's
	// Busy; tests replace it).
	busy func() bool
	// loopback is set when the server listens on a loopback address
	// only: it then answers only requests that name a loopback host.
	loopback bool
	// watchProblems are the folders the watcher could not watch: shown
	// over every page until serve is restarted, since saves there are
	// not seen.
	watchProblems diag.List
}

// New starts watching the site and builds it once, printing the
// findings. The build may fail: the server then shows its errors until
// a save fixes them.
func New(opt Options) (*Server, error) {
	if opt.Stdout == nil {
		opt.Stdout = io.Discard
	}
	out, err := os.MkdirTemp("", "budgetpress-serve-")
	if err != nil {
		return nil, err
	}
	s := &Server{
		opt:      opt,
		builder:  build.NewBuilder(build.Options{Dir: opt.Dir, Out: out, BaseURL: opt.BaseURL, BasePath: "/"}),
		hub:      livereload.NewHub(),
		loopback: isLoopback(opt.Bind),
	}
	// Watch before building, so that a save during the build is seen.
	s.watcher, err = watch.New(opt.Dir, watch.Options{Paths: watched, Debounce: opt.Debounce})
	if err != nil {
		s.builder.Close()
		if we := (*watch.Error)(nil); errors.As(err, &we) {
			return nil, err // it says which folder, and what to do
		}
		return nil, fmt.Errorf("cannot watch %s: %w", opt.Dir, err)
	}
	s.busy = s.watcher.Busy
	s.report(s.builder.Build(), nil)
	// Folders that could not be watched at the start are said after the
	// findings of the first build, and stay over the pages.
	for drained := false; !drained; {
		select {
		case err := <-s.watcher.Errors():
			s.watchFailed(err)
		default:
			drained = true
		}
	}
	return s, nil
}

// isLoopback reports whether bind, the address serve listens on, is one
// that only this machine can reach.
func isLoopback(bind string) bool {
	if bind == "" || strings.EqualFold(bind, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(bind, "[]"))
	return ip != nil && ip.IsLoopback()
}

// Close stops watching and removes the builds.
func (s *Server) Close() error {
	err := s.watcher.Close()
	return errors.Join(err, s.builder.Close())
}

// Hub returns the live-reload hub, whose events tell when a rebuild is
// in place.
func (s *Server) Hub() *livereload.Hub { return s.hub }

// ServeHTTP serves the current build and the live-reload endpoints.
// Bound to a loopback address, it answers only requests for the hosts
// 127.0.0.1, localhost and [::1] at its port: a web page of another site
// whose name an attacker points at 127.0.0.1 (DNS rebinding) would
// otherwise read the unpublished budgets of the preview.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.loopback && !s.localHost(r) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, "budgetpress serve shows the preview only at http://%s/ (or localhost or [::1]); this request was for the host %q, so it is refused: a web page of another site could use such requests to read the unpublished budgets.\n", s.hostPort(r, "127.0.0.1"), r.Host)
		return
	}
	if strings.HasPrefix(r.URL.Path, livereload.Prefix) {
		s.hub.ServeHTTP(w, r)
		return
	}
	s.serveFile(w, r)
}

// port returns the port a request came in on, or else the port of the
// server's address.
func (s *Server) port(r *http.Request) string {
	if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok {
		if _, port, err := net.SplitHostPort(a.String()); err == nil {
			return port
		}
	}
	if u, err := url.Parse(s.opt.BaseURL); err == nil && u.Port() != "" {
		return u.Port()
	}
	return strconv.Itoa(DefaultPort)
}

func (s *Server) hostPort(r *http.Request, host string) string {
	return net.JoinHostPort(host, s.port(r))
}

// localHost reports whether a request names a loopback host and the
// server's port: 127.0.0.1:PORT, localhost:PORT or [::1]:PORT.
func (s *Server) localHost(r *http.Request) bool {
	h := strings.ToLower(r.Host)
	for _, host := range []string{"127.0.0.1", "localhost", "::1"} {
		if h == s.hostPort(r, host) {
			return true
		}
	}
	return false
}

// watchInBackground runs Watch until ctx is done or the returned
// function is called; that function returns once Watch has.
func (s *Server) watchInBackground(ctx context.Context) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		s.Watch(ctx)
		close(done)
	}()
	return func() {
		cancel()
		<-done
	}
}

// Watch rebuilds on every change until ctx is done. A rebuild renders
// the pages of the department-years that changed and tells the pages
// showing them to reload; then it renders the pages that gather
// department-years (home, the years, the comparisons and overviews) and
// tells those; once no save has come for Options.Settle, the search
// index and the downloads follow.
func (s *Server) Watch(ctx context.Context) {
	delay := s.opt.Settle
	if delay <= 0 {
		delay = DefaultSettle
	}
	settle := time.NewTimer(delay)
	settle.Stop()
	held := false // the errors of the last update were not shown
	for {
		select {
		case <-ctx.Done():
			settle.Stop()
			return
		case changed := <-s.watcher.Changes():
			o := s.builder.Update(changed)
			settle.Reset(delay)
			// Errors found while more of the save is on its way (an
			// editor that writes a file in several steps, slower than
			// the debounce) may be those of a file half written: the
			// next update, which has every finding, tells them. Only
			// once, so that a folder that never stays quiet still
			// shows its errors.
			if o.Diags.HasErrors() && !held && s.busy() {
				held = true
				continue
			}
			held = false
			s.report(o, changed)
			// The pages that gather department-years follow at once,
			// unless another save is on its way, after which they will.
			if o.Built && !s.busy() {
				s.gathered(s.builder.Gather(), changed)
			}
		case <-settle.C:
			s.settled(s.builder.Settle(s.busy))
		case err := <-s.watcher.Errors():
			s.watchFailed(err)
		}
	}
}

// settled tells what bringing the search index and the downloads up to
// date did: a line in the terminal, or its errors, which the pages show.
func (s *Server) settled(o build.Outcome) {
	switch {
	case o.Diags.HasErrors():
		o.Diags.Print(s.opt.Stdout)
		errs, _ := o.Diags.Count()
		fmt.Fprintf(s.opt.Stdout, "the search index and the downloads could not be updated: %s\n", plural(errs, "error"))
		s.hub.Failed(s.overlay(o.Diags))
	case o.Built:
		fmt.Fprintf(s.opt.Stdout, "updated the search index and the downloads in %s\n", o.Duration.Round(time.Millisecond))
	}
}

// gathered tells what rendering the pages that gather department-years
// did: the pages showing those that changed reload; errors are shown
// over every page.
func (s *Server) gathered(o build.Outcome, changed []string) {
	switch {
	case o.Diags.HasErrors():
		s.report(o, changed)
	case o.Built:
		fmt.Fprintf(s.opt.Stdout, "%s: rebuilt %s that list department-years in %s\n", list(read(changed)), plural(o.Pages, "page"), o.Duration.Round(time.Millisecond))
		s.hub.ReloadPages(o.Changed)
		if len(s.watchProblems) > 0 {
			s.hub.Failed(s.watchProblems)
		}
	}
}

// watchFailed tells of a problem of the watcher, in the terminal and
// over the pages. When changes may have been lost, everything is built
// again; a folder that cannot be watched stays over the pages.
func (s *Server) watchFailed(err error) {
	fmt.Fprintf(s.opt.Stdout, "error: %v\n", err)
	var we *watch.Error
	if errors.As(err, &we) && !we.Lost {
		s.watchProblems = append(s.watchProblems, diag.Diagnostic{Pos: diag.Pos{File: we.Path}, Severity: diag.Error, Message: err.Error()})
		s.hub.Failed(s.overlay(nil))
		return
	}
	// Events were lost: only a whole build is sure to be right.
	s.report(s.builder.Build(), []string{})
}

// overlay is what the pages show of the findings of a build: those of
// the build and the folders that are not watched.
func (s *Server) overlay(diags diag.List) diag.List {
	return append(overlay(diags), s.watchProblems...)
}

// report prints the findings of a build and tells the pages. The first
// build prints every finding, as build does; a rebuild prints the errors
// and the warnings about the files that changed.
func (s *Server) report(o build.Outcome, changed []string) {
	var shown diag.List
	for _, d := range o.Diags {
		if changed == nil || d.Severity == diag.Error || contains(changed, d.Pos.File) {
			shown = append(shown, d)
		}
	}
	w := s.opt.Stdout
	shown.Print(w)
	errs, warns := o.Diags.Count()
	took := o.Duration.Round(time.Millisecond)
	switch {
	case errs > 0 && s.builder.Dir() == "":
		fmt.Fprintf(w, "build failed: %s; there is no good build to show yet: the preview shows the errors until they are fixed\n", plural(errs, "error"))
		s.hub.Failed(s.overlay(o.Diags))
	case errs > 0:
		fmt.Fprintf(w, "build failed: %s; the preview shows them and keeps the last good build\n", plural(errs, "error"))
		s.hub.Failed(s.overlay(o.Diags))
	case changed == nil:
		fmt.Fprintf(w, "built %s in %s (%s)\n", plural(o.Pages, "page"), took, plural(warns, "warning"))
		s.hub.Reload(false)
	case o.Built && o.StylesOnly:
		fmt.Fprintf(w, "%s: updated the assets in %s\n", list(read(changed)), took)
		s.hub.Reload(true)
	case o.Built && o.Full:
		fmt.Fprintf(w, "%s: rebuilt %s in %s\n", list(read(changed)), plural(o.Pages, "page"), took)
		s.hub.Reload(false)
	case o.Built:
		fmt.Fprintf(w, "%s: rebuilt %s in %s\n", list(read(changed)), plural(o.Pages, "page"), took)
		s.hub.ReloadPages(o.Changed)
	default:
		s.hub.Fixed()
	}
	if len(s.watchProblems) > 0 && errs == 0 {
		s.hub.Failed(s.watchProblems) // the good build stays, under them
	}
}

// overlay selects the findings that the pages show: the errors, and the
// warnings about the files that have errors; those alike once, as the
// console prints them.
func overlay(diags diag.List) diag.List {
	bad := map[string]bool{}
	for _, d := range diags {
		if d.Severity == diag.Error {
			bad[d.Pos.File] = true
		}
	}
	var out diag.List
	for _, d := range diags {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	for _, d := range diags {
		if d.Severity != diag.Error && bad[d.Pos.File] {
			out = append(out, d)
		}
	}
	return out.Grouped()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// read returns the files that a build reads, leaving out the temporary
// files of editors and tools.
func read(files []string) []string {
	var out []string
	for _, f := range files {
		if build.Reads(f) {
			out = append(out, f)
		}
	}
	return out
}

// list names the changed files, shortly.
func list(files []string) string {
	if len(files) > 3 {
		return strings.Join(files[:3], ", ") + fmt.Sprintf(" and %d more", len(files)-3)
	}
	return strings.Join(files, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// listenError explains why the server cannot listen on port.
func listenError(err error, port int) error {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Errorf("port %d is in use; try --port %d", port, port+1)
	case errors.Is(err, syscall.EACCES) && port > 0 && port < 1024:
		return fmt.Errorf("cannot use port %d: ports below 1024 need administrator rights; use the default %d or another port above 1024", port, DefaultPort)
	}
	return err
}

// Run serves the site until ctx is done (Ctrl-C), then shuts down.
func Run(ctx context.Context, opt Options) error {
	if opt.Stdout == nil {
		opt.Stdout = io.Discard
	}
	if opt.Bind == "" {
		opt.Bind = "127.0.0.1"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(opt.Bind, strconv.Itoa(opt.Port)))
	if err != nil {
		return listenError(err, opt.Port)
	}
	defer ln.Close()
	addr := ln.Addr().(*net.TCPAddr)
	host := opt.Bind
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	opt.BaseURL = "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port))
	s, err := New(opt)
	if err != nil {
		return err
	}
	defer s.Close()
	shown := opt.Dir
	if abs, err := filepath.Abs(opt.Dir); err == nil {
		shown = abs
	}
	fmt.Fprintf(opt.Stdout, "serving %s at %s/ (Ctrl-C stops)\n", shown, opt.BaseURL)
	if !addr.IP.IsLoopback() {
		fmt.Fprintf(opt.Stdout, "listening on %s: other machines on the network can see the preview\n", ln.Addr())
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end with ctx, so that the event streams close on
		// Ctrl-C and the shutdown need not wait for them.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if opt.Ready != nil {
		opt.Ready(opt.BaseURL + "/")
	}
	// A rebuild in progress finishes before the builds are removed.
	defer s.watchInBackground(ctx)()
	select {
	case <-ctx.Done():
	case err := <-served:
		return err
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err = srv.Shutdown(shut)
	fmt.Fprintln(opt.Stdout, "stopped")
	return err
}
