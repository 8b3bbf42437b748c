package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"
)

func TestListenTakenPort(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	if port+portTries > 65535 {
		t.Skipf("port %d is too close to the top of the range", port)
	}

	var logged []string
	s := New(Options{Root: t.TempDir(), Logf: func(f string, a ...any) { logged = append(logged, fmt.Sprintf(f, a...)) }})
	l, err := s.Listen("127.0.0.1", port)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	got := l.Addr().(*net.TCPAddr).Port
	if got <= port || got > port+portTries {
		t.Fatalf("listening on %d, want a port after %d", got, port)
	}
	if want := []string{fmt.Sprintf("port %d is in use; using %d", port, got)}; fmt.Sprint(logged) != fmt.Sprint(want) {
		t.Errorf("logged %q, want %q", logged, want)
	}

	// The port asked for is free: nothing to say.
	logged = nil
	free, err := s.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	free.Close()
	if len(logged) != 0 {
		t.Errorf("logged %q for a free port", logged)
	}
}

func TestListenBadAddress(t *testing.T) {
	s := New(Options{Root: t.TempDir()})
	_, err := s.Listen("256.0.0.1", 1313)
	if err == nil {
		t.Fatal("no error for an invalid bind address")
	}
	if want := `listening on "256.0.0.1:1313": `; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Errorf("error %q, want it to start with %q", err, want)
	}
}

func TestServeShutdown(t *testing.T) {
	before := runtime.NumGoroutine()

	s := New(Options{Root: writeSite(t, map[string]string{"index.html": page}), Logf: t.Logf})
	l, err := s.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, l) }()

	base := "http://" + l.Addr().String()
	transport := &http.Transport{}
	client := &http.Client{Transport: transport}

	// One finished request leaves an idle keep-alive connection.
	resp, err := client.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()

	// Two pages listen for changes.
	var streams []*http.Response
	for range 2 {
		resp, err := client.Get(base + "/__playbook/events")
		if err != nil {
			t.Fatal(err)
		}
		streams = append(streams, resp)
		r := bufio.NewReader(resp.Body)
		readEvent(t, r) // retry
		readChange(t, r)
	}

	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Fatalf("Serve returned %v, want nil", err)
		}
	case <-time.After(shutdownTimeout + hangGuard):
		t.Fatal("Serve did not return after its context was cancelled")
	}

	// The streams were ended by the server, not cut: each reads to EOF.
	var wg sync.WaitGroup
	for i, resp := range streams {
		wg.Go(func() {
			if _, err := io.Copy(io.Discard, resp.Body); err != nil {
				t.Errorf("stream %d: %v, want a clean end", i, err)
			}
			resp.Body.Close()
		})
	}
	wg.Wait()
	transport.CloseIdleConnections()

	if conn, err := net.Dial("tcp", l.Addr().String()); err == nil {
		conn.Close()
		t.Error("the listener still accepts connections")
	}

	deadline := time.Now().Add(hangGuard)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines left, %d before:\n%s", runtime.NumGoroutine(), before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestServeChecksHost(t *testing.T) {
	s := New(Options{Root: writeSite(t, map[string]string{"index.html": page})})
	l, err := s.Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, l) }()
	defer func() {
		cancel()
		<-served
	}()
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)

	tests := map[string]int{
		l.Addr().String():               http.StatusOK,
		"localhost:" + port:             http.StatusOK,
		"rebind.evil.example:" + port:   http.StatusForbidden,
		"rebind.evil.example":           http.StatusForbidden,
		"127.0.0.1.nip.example:" + port: http.StatusForbidden,
	}
	for host, want := range tests {
		req, err := http.NewRequest("GET", "http://"+l.Addr().String()+"/", nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", host, resp.StatusCode, want)
		}
		if want == http.StatusForbidden && string(body) != refusal(t, host) {
			t.Errorf("Host %q: body %q, want %q", host, body, refusal(t, host))
		}
	}
	http.DefaultClient.CloseIdleConnections()
}
