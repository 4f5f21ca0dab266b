package serve

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestHostHeader checks that the preview, bound to 127.0.0.1, answers
// only requests for a loopback host at its port: a page of another site
// whose name resolves to 127.0.0.1 (DNS rebinding) is refused.
func TestHostHeader(t *testing.T) {
	_, srv := files(t)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	refused := func(host string) string {
		return fmt.Sprintf("budgetpress serve shows the preview only at http://127.0.0.1:%s/ (or localhost or [::1]); this request was for the host %q, so it is refused: a web page of another site could use such requests to read the unpublished budgets.\n", port, host)
	}
	for _, tc := range []struct {
		host, target string
		status       int
		body         string // the whole body, for a refusal
	}{
		{"127.0.0.1:" + port, "/", 200, ""},
		{"localhost:" + port, "/en/", 200, ""},
		{"LocalHost:" + port, "/en/", 200, ""},
		{"[::1]:" + port, "/", 200, ""},
		{"budget.attacker.example:" + port, "/", 403, refused("budget.attacker.example:" + port)},
		{"budget.attacker.example", "/2024/changji-egov/", 403, refused("budget.attacker.example")},
		{"127.0.0.1", "/", 403, refused("127.0.0.1")},
		{"127.0.0.1:1", "/", 403, refused("127.0.0.1:1")},
		{"localhost.:" + port, "/", 403, refused("localhost.:" + port)},
		{"127.0.0.2:" + port, "/", 403, refused("127.0.0.2:" + port)},
		{"evil.example:" + port, "/__budgetpress/events", 403, refused("evil.example:" + port)},
	} {
		resp, body := getHost(t, srv, "GET", tc.target, tc.host)
		if resp.StatusCode != tc.status {
			t.Errorf("GET %s for host %q: status %d; want %d", tc.target, tc.host, resp.StatusCode, tc.status)
		}
		if tc.status == 403 && body != tc.body {
			t.Errorf("GET %s for host %q: body\n%q\nwant\n%q", tc.target, tc.host, body, tc.body)
		}
	}
}

// TestHostOnTheNetwork checks that a server bound to another address
// than loopback, which the editor asked for so that other machines see
// the preview, answers any host name: they reach it by the machine's.
func TestHostOnTheNetwork(t *testing.T) {
	_, s, _ := start(t)
	s.loopback = isLoopback("0.0.0.0")
	srv := httptest.NewServer(s)
	defer srv.Close()
	if resp, _ := getHost(t, srv, "GET", "/", "office-pc.example:8384"); resp.StatusCode != http.StatusOK {
		t.Errorf("bound to 0.0.0.0, GET / for office-pc.example: status %d; want 200", resp.StatusCode)
	}
}

func TestIsLoopback(t *testing.T) {
	for bind, want := range map[string]bool{
		"": true, "127.0.0.1": true, "127.0.0.5": true, "::1": true, "[::1]": true, "localhost": true,
		"0.0.0.0": false, "::": false, "192.168.1.20": false, "office-pc": false,
	} {
		if got := isLoopback(bind); got != want {
			t.Errorf("isLoopback(%q) = %v; want %v", bind, got, want)
		}
	}
}
