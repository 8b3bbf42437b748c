package server

// Attacks and load on a real listener: oversized and slow requests, many
// clients at once, many live-reload streams opened and dropped, and every
// method but GET and HEAD.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// startAttackServer serves root on a free loopback port until the test
// ends and returns the server and its address.
func startAttackServer(t *testing.T, root string) (*Server, string) {
	t.Helper()
	s := New(Options{Root: root})
	l, err := s.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		if err := <-served; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return s, l.Addr().String()
}

// rawRequest writes req on a new connection and reads one response.
func rawRequest(t *testing.T, addr, req string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(hangGuard))
	// The server may answer and close before it has read all of a large
	// request: write in the background and read the answer meanwhile.
	go io.WriteString(conn, req)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestOversizedHeaders(t *testing.T) {
	_, addr := startAttackServer(t, writeSite(t, map[string]string{"index.html": page}))
	tests := map[string]string{
		"one huge header":   "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + strings.Repeat("a", 2*maxHeaderBytes) + "\r\n\r\n",
		"many headers":      "GET / HTTP/1.1\r\nHost: localhost\r\n" + strings.Repeat("X-Many: 0123456789abcdef0123456789abcdef\r\n", 2*maxHeaderBytes/40) + "\r\n",
		"huge request line": "GET /" + strings.Repeat("a", 2*maxHeaderBytes) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
		"huge cookie":       "GET / HTTP/1.1\r\nHost: localhost\r\nCookie: " + strings.Repeat("c=1; ", 2*maxHeaderBytes/5) + "\r\n\r\n",
	}
	for name, req := range tests {
		resp, _ := rawRequest(t, addr, req)
		if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s (%d bytes): status %d, want 431", name, len(req), resp.StatusCode)
		}
	}
	// A request just under the limit is served.
	resp, _ := rawRequest(t, addr, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nX-Big: "+strings.Repeat("a", maxHeaderBytes/2)+"\r\n\r\n")
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a %d KB header: status %d, want 200", maxHeaderBytes/2>>10, resp.StatusCode)
	}
}

// TestSlowHeadersAreCut sends the headers of a request one byte a second:
// the server must drop the connection once readHeaderTimeout has passed
// since the request began, however steadily bytes arrive. The timeout is a
// constant of ten seconds, so the test takes that long. The headers would
// take minutes to send, so a server that never cuts fails the test; one that
// cuts late on a busy machine does not.
func TestSlowHeadersAreCut(t *testing.T) {
	if testing.Short() {
		t.Skipf("waits for readHeaderTimeout (%v)", readHeaderTimeout)
	}
	t.Parallel()
	_, addr := startAttackServer(t, writeSite(t, map[string]string{"index.html": page}))
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	closed := make(chan time.Duration, 1)
	go func() {
		io.Copy(io.Discard, conn) // until the server closes the connection
		closed <- time.Since(start)
	}()
	req := "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + strings.Repeat("s", int(hangGuard/time.Second))
	for i := 0; i < len(req); i++ {
		select {
		case took := <-closed:
			if took < readHeaderTimeout-time.Second {
				t.Errorf("cut after %v, before readHeaderTimeout (%v)", took, readHeaderTimeout)
			}
			t.Logf("a client sending a byte a second was cut after %v", took.Round(100*time.Millisecond))
			return
		case <-time.After(time.Second):
		}
		if _, err := conn.Write([]byte{req[i]}); err != nil {
			t.Logf("write failed after %v: %v", time.Since(start), err)
			break
		}
	}
	select {
	case took := <-closed:
		t.Logf("a client sending a byte a second was cut after %v", took.Round(100*time.Millisecond))
	case <-time.After(hangGuard):
		t.Errorf("a client sending its headers a byte a second is still connected after %v", time.Since(start).Round(time.Second))
	}
}

// TestManyClients has 500 clients fetch pages at once for a few seconds:
// every request must succeed. The rate is logged.
func TestManyClients(t *testing.T) {
	const clients = 500
	duration := 3 * time.Second
	if testing.Short() {
		duration = time.Second
	}
	body := strings.Repeat("<p>Some text of the handbook.</p>\n", 200)
	_, addr := startAttackServer(t, writeSite(t, map[string]string{
		"index.html":                     page,
		"roles/product-owner/index.html": "<!doctype html><html><head><title>PO</title></head><body>" + body + "</body></html>",
		"css/site.css":                   strings.Repeat("p { margin: 0 }\n", 500),
	}))
	paths := []string{"/", "/roles/product-owner/", "/css/site.css", "/missing/", "/__playbook/livereload.js"}
	want := []int{200, 200, 200, 404, 200}

	transport := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: hangGuard}
	var ok, failed atomic.Int64
	var firstErr sync.Once
	var wg sync.WaitGroup
	stop := time.Now().Add(duration)
	start := time.Now()
	for c := range clients {
		wg.Go(func() {
			for i := c; time.Now().Before(stop); i++ {
				n := i % len(paths)
				resp, err := client.Get("http://" + addr + paths[n])
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != want[n] {
						err = fmt.Errorf("status %d, want %d", resp.StatusCode, want[n])
					}
				}
				if err != nil {
					failed.Add(1)
					firstErr.Do(func() { t.Errorf("GET %s: %v", paths[n], err) })
					continue
				}
				ok.Add(1)
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	t.Logf("%d clients for %v: %d requests, %.0f requests/s, %d errors",
		clients, took.Round(time.Millisecond), ok.Load()+failed.Load(), float64(ok.Load())/took.Seconds(), failed.Load())
	if failed.Load() > 0 {
		t.Errorf("%d of %d requests failed", failed.Load(), ok.Load()+failed.Load())
	}
	if ok.Load() < clients {
		t.Errorf("only %d requests succeeded", ok.Load())
	}
}

// openFDs counts this process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("cannot count open files: %v", err)
	}
	return len(entries)
}

// TestManyLiveReloadStreams opens 200 event streams, checks that a change
// reaches every one, closes them and checks that the server lets go of
// everything they held: goroutines, file descriptors and clients.
func TestManyLiveReloadStreams(t *testing.T) {
	const streams = 200
	s, addr := startAttackServer(t, writeSite(t, map[string]string{"index.html": page}))
	transport := &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: streams}
	client := &http.Client{Transport: transport}
	// Warm up: one request, so that lazily started goroutines are counted.
	if resp, err := client.Get("http://" + addr + "/"); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	transport.CloseIdleConnections()
	time.Sleep(100 * time.Millisecond)
	baseGoroutines, baseFDs := runtime.NumGoroutine(), openFDs(t)

	var open []*http.Response
	var readers []*bufio.Reader
	for range streams {
		resp, err := client.Get("http://" + addr + "/__playbook/events")
		if err != nil {
			t.Fatalf("opening stream %d: %v", len(open)+1, err)
		}
		open = append(open, resp)
		r := bufio.NewReader(resp.Body)
		readEvent(t, r) // retry
		readChange(t, r)
		readers = append(readers, r)
	}
	t.Logf("%d streams open: %d goroutines (%d before), %d open files (%d before)",
		streams, runtime.NumGoroutine(), baseGoroutines, openFDs(t), baseFDs)

	s.Notify(Event{Changed: []string{"/roles/"}})
	for i, r := range readers {
		if c := readChange(t, r); len(c.Changed) != 1 || c.Changed[0] != "/roles/" {
			t.Fatalf("stream %d got %+v", i, c)
		}
	}

	for _, resp := range open {
		resp.Body.Close()
	}
	transport.CloseIdleConnections()

	deadline := time.Now().Add(hangGuard)
	for {
		s.mu.Lock()
		left := len(s.clients)
		s.mu.Unlock()
		g, fds := runtime.NumGoroutine(), openFDs(t)
		if left == 0 && g <= baseGoroutines && fds <= baseFDs {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%v after closing %d streams: %d clients left, %d goroutines (%d before), %d open files (%d before)\n%s",
				hangGuard, streams, left, g, baseGoroutines, fds, baseFDs, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestOnlyGetAndHead sends every other method, on a real connection, to
// every kind of path: each gets 405 with an Allow header and no content.
func TestOnlyGetAndHead(t *testing.T) {
	_, addr := startAttackServer(t, writeSite(t, map[string]string{"index.html": page, "a.txt": "secret"}))
	methods := []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "COPY", "MOVE", "LOCK", "BREW", "get", "Get"}
	targets := []string{"/", "/a.txt", "/missing", "/__playbook/events", "/__playbook/livereload.js", "*"}
	for _, m := range methods {
		for _, target := range targets {
			req := m + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello"
			resp, body := rawRequest(t, addr, req)
			// Go's server answers "OPTIONS *" itself, with an empty 200.
			starOK := target == "*" && (resp.StatusCode == http.StatusBadRequest || m == "OPTIONS" && resp.StatusCode == http.StatusOK && body == "")
			if resp.StatusCode != http.StatusMethodNotAllowed && !starOK {
				t.Errorf("%s %s: status %d, want 405", m, target, resp.StatusCode)
				continue
			}
			if resp.StatusCode == http.StatusMethodNotAllowed && resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: Allow %q, want %q", m, target, resp.Header.Get("Allow"), "GET, HEAD")
			}
			if strings.Contains(body, "secret") || strings.Contains(body, "<p>hi</p>") {
				t.Errorf("%s %s: the response carries the file: %q", m, target, body)
			}
		}
	}
	// CONNECT names a host, not a path.
	resp, body := rawRequest(t, addr, "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n")
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusBadRequest {
		t.Errorf("CONNECT: status %d, want 405 or 400; body %q", resp.StatusCode, body)
	}
}
