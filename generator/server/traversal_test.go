package server

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawGet sends target exactly as written on the request line, as an
// attacker would, past any cleaning a client library might do.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %q: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestTraversal(t *testing.T) {
	outside := t.TempDir()
	for name, data := range map[string]string{"secret.txt": "TOPSECRET", "etc/passwd": "TOPSECRET", "x": "TOPSECRET"} {
		p := filepath.Join(outside, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := filepath.Join(outside, "site")
	for name, data := range map[string]string{"index.html": "home", "a/b.txt": "inside"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"leak.txt": "../secret.txt",
		"abs.txt":  filepath.Join(outside, "secret.txt"),
		"up":       "..",
		"ok.txt":   "a/b.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	var logged []string
	srv := httptest.NewServer(New(Options{Root: root, Logf: func(f string, a ...any) { logged = append(logged, f) }}).Handler())
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	tests := []struct {
		target string
		code   int
	}{
		{"/../etc/passwd", 400},
		{"/..", 400},
		{"/%2e%2e/", 400},
		{"/%2E%2E/secret.txt", 400},
		{"/a/%2e%2e/%2e%2e/x", 400},
		{"/..%2fx", 400},
		{"/..%2Fsecret.txt", 400},
		{"/a/..%5c..%5csecret.txt", 400},
		{`/a\b`, 400},
		{`/..\secret.txt`, 400},
		{"/%00", 400},
		{"/index.html%00.txt", 400},
		{"/.%2e/secret.txt", 400},
		{"/leak.txt", 404},
		{"/abs.txt", 404},
		{"/up/secret.txt", 404},
		{"/up/site/index.html", 404},
		{"/ok.txt", 200},
		{"/a/b.txt", 200},
	}
	for _, tt := range tests {
		code, body := rawGet(t, addr, tt.target)
		if code != tt.code {
			t.Errorf("GET %s: status %d, want %d", tt.target, code, tt.code)
		}
		if strings.Contains(body, "TOPSECRET") || strings.Contains(body, outside) || strings.Contains(body, "escapes") {
			t.Errorf("GET %s: body %q tells too much", tt.target, body)
		}
		if code == 200 && body != "inside" && body != "home" {
			t.Errorf("GET %s: body %q", tt.target, body)
		}
	}
	if len(logged) == 0 {
		t.Error("the symbolic links that escape the folder were not logged")
	}
}

func TestSafePath(t *testing.T) {
	tests := map[string]bool{
		"/":            true,
		"/a/b.css":     true,
		"/a/.../b":     true,
		"/a..b/":       true,
		"/.well-known": true,
		"":             false,
		"a/b":          false,
		"/..":          false,
		"/a/../b":      false,
		"/a/..":        false,
		`/a\b`:         false,
		"/a\x00b":      false,
	}
	for p, want := range tests {
		if got := safePath(p); got != want {
			t.Errorf("safePath(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestCanonicalPath(t *testing.T) {
	tests := map[string]string{
		"/":          "/",
		"//":         "/",
		"/a":         "/a",
		"/a/":        "/a/",
		"/a//b/":     "/a/b/",
		"/a/./b":     "/a/b",
		"/a/.":       "/a/",
		"/.":         "/",
		"//evil.com": "/evil.com",
	}
	for p, want := range tests {
		if got := canonicalPath(p); got != want {
			t.Errorf("canonicalPath(%q) = %q, want %q", p, got, want)
		}
	}
}
