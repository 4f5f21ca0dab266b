package serve

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
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
