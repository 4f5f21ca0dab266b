// Package s3test starts a real S3-compatible server for tests: versitygw
// with its POSIX backend in a temporary folder, on 127.0.0.1, over plain
// HTTP or over TLS with a certificate made for the test. Without
// versitygw the tests skip, except under CI=true, where they fail.
package s3test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"go/build"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob" // s3:// URLs

	"budgetpress/internal/blobstore"
)

// Credentials of the test server's root user. Tests grep output and
// archives for Secret: it must never appear.
const (
	AccessKey = "budgetpress-test-key"
	Secret    = "s3cr3t-9f8e7d6c5b4a-never-printed"
	Bucket    = "budgets"
)

// Server is a running versitygw.
type Server struct {
	Endpoint string // http://127.0.0.1:PORT or https://…
	// Root is the backend folder: Root/<bucket>/<key> is each object, so
	// a test can alter one behind the server's back.
	Root string
}

// URL is the s3:// address of prefix in the test bucket.
func (s *Server) URL(prefix string) string {
	q := url.Values{"endpoint": {s.Endpoint}, "region": {"us-east-1"}, "use_path_style": {"true"}}
	return "s3://" + Bucket + "/" + prefix + "?" + q.Encode()
}

// Binary returns the versitygw program, or skips the test (fails it
// under CI=true) when it is not installed.
func Binary(t testing.TB) string {
	t.Helper()
	if p, err := exec.LookPath("versitygw"); err == nil {
		return p
	}
	p := filepath.Join(build.Default.GOPATH, "bin", "versitygw")
	if _, err := os.Stat(p); err == nil {
		return p
	}
	msg := "versitygw is not installed, so the tests against an S3-compatible server do not run: " +
		"go install github.com/versity/versitygw/cmd/versitygw@v1.8.0 (bash .ci/run does it)"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// Start starts versitygw for the test, with the bucket Bucket made, and
// sets the standard AWS environment variables to its credentials (and,
// with TLS, AWS_CA_BUNDLE to its certificate). It stops with the test.
func Start(t *testing.T, useTLS bool) *Server {
	t.Helper()
	bin := Binary(t)
	dir := t.TempDir()
	root, side := filepath.Join(dir, "data"), filepath.Join(dir, "meta")
	for _, d := range []string{root, side} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	port := freePort(t)
	args := []string{"--port", "127.0.0.1:" + port}
	scheme := "http"
	if useTLS {
		cert, key := makeCert(t, dir)
		args = append(args, "--cert", cert, "--key", key)
		scheme = "https"
		t.Setenv("AWS_CA_BUNDLE", cert)
	}
	args = append(args, "posix", "--sidecar", side, root)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "ROOT_ACCESS_KEY="+AccessKey, "ROOT_SECRET_KEY="+Secret)
	logf, err := os.Create(filepath.Join(dir, "versitygw.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		logf.Close()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+port, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logf.Name())
			t.Fatalf("versitygw did not start: %s", log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", AccessKey)
	t.Setenv("AWS_SECRET_ACCESS_KEY", Secret)
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "no-config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "no-credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	s := &Server{Endpoint: scheme + "://127.0.0.1:" + port, Root: root}
	// The posix backend serves each top-level folder as a bucket.
	if err := os.MkdirAll(filepath.Join(root, Bucket), 0o755); err != nil {
		t.Fatal(err)
	}
	b, err := blob.OpenBucket(context.Background(), fmt.Sprintf("s3://%s?endpoint=%s&region=us-east-1&use_path_style=true&request_checksum_calculation=when_required&response_checksum_validation=when_required", Bucket, url.QueryEscape(s.Endpoint)))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if ok, err := b.IsAccessible(context.Background()); !ok || err != nil {
		t.Fatalf("the test bucket is not there: %v", err)
	}
	return s
}

func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// makeCert writes a self-signed certificate for 127.0.0.1 and its key.
func makeCert(t *testing.T, dir string) (certFile, keyFile string) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "budgetpress test S3"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		DNSNames:              []string{"localhost"},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}

// Open opens the store at url (file://… or one of a Server's) for the
// test, with a fresh site folder for relative file:// paths, and closes
// it when the test ends.
func Open(t testing.TB, url string) *blobstore.Store {
	t.Helper()
	st, err := blobstore.Open(context.Background(), url, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Each runs test in a subtest against a server over plain HTTP
// ("s3-http") and one over TLS ("s3-tls").
func Each(t *testing.T, test func(t *testing.T, srv *Server)) {
	for _, tc := range []struct {
		name string
		tls  bool
	}{{"s3-http", false}, {"s3-tls", true}} {
		t.Run(tc.name, func(t *testing.T) { test(t, Start(t, tc.tls)) })
	}
}
