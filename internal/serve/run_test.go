package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"syscall"
	"testing"
	"time"
)

func TestRunServesAndStops(t *testing.T) {
	dir := copySite(t)
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Dir: dir, Stdout: out}) }()
	serving := regexp.MustCompile(`serving .* at (http://127\.0\.0\.1:\d+/) \(Ctrl-C stops\)`)
	var url string
	for deadline := time.Now().Add(wait); url == ""; time.Sleep(10 * time.Millisecond) {
		if m := serving.FindStringSubmatch(out.String()); m != nil {
			url = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no URL printed within %s:\n%s", wait, out)
		}
	}
	resp, err := http.Get(url + "2024/changji-egov/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("GET the department page: status %d", resp.StatusCode)
	}
	// An open event stream must not hold up the shutdown.
	stream, err := http.Get(url + "__budgetpress/events")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run returned %v", err)
		}
	case <-time.After(4 * time.Second):
		t.Fatal("Run did not stop within 4s of Ctrl-C")
	}
	t.Logf("stopped in %s", time.Since(start))
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after stopping")
	}
}

func TestRunPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	err = Run(context.Background(), Options{Dir: copySite(t), Port: port})
	if want := fmt.Sprintf("port %d is in use; try --port %d", port, port+1); err == nil || err.Error() != want {
		t.Errorf("Run on a taken port: %v; want %q", err, want)
	}
}

// TestListenErrors checks what Run says when it cannot listen: a port
// below 1024 needs administrator rights, which the error of the system
// does not say.
func TestListenErrors(t *testing.T) {
	denied := &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", syscall.EACCES)}
	inUse := &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", syscall.EADDRINUSE)}
	for _, tc := range []struct {
		err  error
		port int
		want string
	}{
		{denied, 1, "cannot use port 1: ports below 1024 need administrator rights; use the default 8384 or another port above 1024"},
		{denied, 80, "cannot use port 80: ports below 1024 need administrator rights; use the default 8384 or another port above 1024"},
		{denied, 8080, "listen tcp: bind: permission denied"}, // not for want of rights to low ports
		{inUse, 8384, "port 8384 is in use; try --port 8385"},
	} {
		if got := listenError(tc.err, tc.port).Error(); got != tc.want {
			t.Errorf("port %d, %v: %q; want %q", tc.port, tc.err, got, tc.want)
		}
	}
	// The real thing, where the system refuses.
	if ln, err := net.Listen("tcp", "127.0.0.1:1"); err == nil {
		ln.Close()
		t.Log("this user may listen on port 1: not tried through Run")
		return
	}
	err := Run(context.Background(), Options{Dir: copySite(t), Port: 1})
	if want := "cannot use port 1: ports below 1024 need administrator rights; use the default 8384 or another port above 1024"; err == nil || err.Error() != want {
		t.Errorf("Run on port 1: %v; want %q", err, want)
	}
}
