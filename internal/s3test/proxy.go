package s3test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"sync"
	"testing"
)

// Fault is what a Proxy does with one request.
type Fault int

// The faults a Proxy can inject.
const (
	Pass    Fault = iota // forward the request to the server
	Fail500              // answer 500 Internal Server Error, as a busy server may
	Fail503              // answer 503 Slow Down
	Reset                // drop the connection without an answer
	CutBody              // send the server half the body, then drop both connections
	Hang                 // never answer, as a stuck network; the run must be killed
)

// Request is a request as a Proxy's rule sees it.
type Request struct {
	Method string // GET, PUT, HEAD, DELETE, or LIST for a listing
	Key    string // the object's key in the bucket, or ""
	N      int    // how many requests of this method came before it
}

// Proxy stands between the tests and a plain-HTTP Server, counts the
// requests by method and injects the faults its rule says.
type Proxy struct {
	// Endpoint is the proxy's address, to use in place of the server's.
	Endpoint string
	server   *Server

	mu     sync.Mutex
	rule   func(Request) Fault
	counts map[string]int
	faults int
	hang   chan struct{}
}

// URL is the s3:// address of prefix in the test bucket, through the proxy.
func (p *Proxy) URL(prefix string) string {
	s := *p.server
	s.Endpoint = p.Endpoint
	return s.URL(prefix)
}

// Count returns how many requests of method (GET, PUT, HEAD, DELETE,
// LIST) reached the proxy, faulty or not.
func (p *Proxy) Count(method string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.counts[method]
}

// Faults returns how many requests the proxy failed.
func (p *Proxy) Faults() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.faults
}

// SetRule replaces the rule and resets the counts.
func (p *Proxy) SetRule(rule func(Request) Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rule, p.counts, p.faults = rule, map[string]int{}, 0
}

// NewProxy starts a proxy in front of s (which must be plain HTTP) that
// applies rule to each request; a nil rule passes everything. It stops
// with the test, releasing the requests it holds.
func NewProxy(t *testing.T, s *Server, rule func(Request) Fault) *Proxy {
	t.Helper()
	target, err := url.Parse(s.Endpoint)
	if err != nil || target.Scheme != "http" {
		t.Fatalf("the proxy needs a plain-HTTP server, not %s", s.Endpoint)
	}
	p := &Proxy{server: s, hang: make(chan struct{})}
	p.SetRule(rule)
	rp := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.SetURL(target)
		r.Out.Host = r.In.Host // the request is signed for the proxy's host
	}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p.decide(r) {
		case Fail500:
			http.Error(w, "<Error><Code>InternalError</Code><Message>injected</Message></Error>", http.StatusInternalServerError)
		case Fail503:
			w.Header().Set("Retry-After", "0")
			http.Error(w, "<Error><Code>SlowDown</Code><Message>injected</Message></Error>", http.StatusServiceUnavailable)
		case Reset:
			reset(w)
		case CutBody:
			cutBody(r, target)
			reset(w)
		case Hang:
			select {
			case <-p.hang:
			case <-r.Context().Done():
			}
			reset(w)
		default:
			rp.ServeHTTP(w, r)
		}
	}))
	t.Cleanup(func() {
		close(p.hang)
		srv.CloseClientConnections()
		srv.Close()
	})
	p.Endpoint = srv.URL
	return p
}

// decide counts r and returns what the rule does with it.
func (p *Proxy) decide(r *http.Request) Fault {
	method := r.Method
	key := ""
	if rest, ok := cutBucket(r.URL.Path); ok {
		key = rest
	}
	if method == http.MethodGet && key == "" && (r.URL.Query().Has("list-type") || r.URL.Query().Has("prefix")) {
		method = "LIST"
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	req := Request{Method: method, Key: key, N: p.counts[method]}
	p.counts[method]++
	f := Pass
	if p.rule != nil {
		f = p.rule(req)
	}
	if f != Pass {
		p.faults++
	}
	return f
}

// cutBucket returns the key of a path-style object path, /bucket/key.
func cutBucket(path string) (string, bool) {
	prefix := "/" + Bucket + "/"
	if len(path) > len(prefix) && path[:len(prefix)] == prefix {
		return path[len(prefix):], true
	}
	return "", false
}

// reset drops the client's connection without an answer.
func reset(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	conn.Close()
}

// cutBody sends the server the request with its full length announced
// but only half its body, then drops the connection: what the server
// sees when a run is killed or the network fails mid-upload.
func cutBody(r *http.Request, target *url.URL) {
	body, _ := io.ReadAll(r.Body)
	conn, err := net.Dial("tcp", target.Host)
	if err != nil {
		return
	}
	defer conn.Close()
	var head bytes.Buffer
	head.WriteString(r.Method + " " + r.URL.RequestURI() + " HTTP/1.1\r\nHost: " + r.Host + "\r\n")
	for k, vs := range r.Header {
		for _, v := range vs {
			head.WriteString(k + ": " + v + "\r\n")
		}
	}
	if r.Header.Get("Content-Length") == "" {
		head.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	head.WriteString("\r\n")
	conn.Write(head.Bytes())
	conn.Write(body[:len(body)/2])
}
