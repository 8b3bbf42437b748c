package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestHostCheck(t *testing.T) {
	lan := &net.TCPAddr{IP: net.ParseIP("198.51.100.20"), Port: 1313}
	tests := []struct {
		host  string
		bind  string
		local net.Addr
		ok    bool
	}{
		{"localhost:1313", "", nil, true},
		{"localhost", "", nil, true},
		{"LocalHost.:1313", "", nil, true},
		{"127.0.0.1:1313", "", nil, true},
		{"127.0.0.2", "", nil, true},
		{"[::1]:1313", "", nil, true},
		{"[::1]", "", nil, true},
		{"198.51.100.20:1313", "0.0.0.0", lan, true},
		{"198.51.100.20:1313", "198.51.100.20", nil, true},
		{"mybox.lan:1313", "mybox.lan", lan, true},
		{"", "", nil, false},
		{"evil.example", "", nil, false},
		{"evil.example:1313", "", lan, false},
		{"localhost.evil.example:1313", "", nil, false},
		{"198.51.100.21:1313", "0.0.0.0", lan, false},
		{"0.0.0.0:1313", "0.0.0.0", lan, false},
		{"[::]:1313", "::", lan, false},
		{"198.51.100.20:1313", "", nil, false},
	}
	h := New(Options{Root: writeSite(t, map[string]string{"index.html": "x"})})
	for _, tt := range tests {
		h.bind = tt.bind
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = tt.host
		if tt.local != nil {
			r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, tt.local))
		}
		w := httptest.NewRecorder()
		h.Handler().ServeHTTP(w, r)
		want := http.StatusForbidden
		if tt.ok {
			want = http.StatusOK
		}
		if w.Code != want {
			t.Errorf("Host %q, bind %q, local %v: status %d, want %d", tt.host, tt.bind, tt.local, w.Code, want)
		}
	}
}

// refusal is the body of a 403 for host, naming this machine as the
// server does.
func refusal(t *testing.T, host string) string {
	t.Helper()
	ways := "localhost or 127.0.0.1"
	if name, err := os.Hostname(); err == nil && name != "" {
		ways = "localhost, 127.0.0.1 or " + strings.ToLower(name)
	}
	return fmt.Sprintf("403 forbidden: %q is not a name of this machine, so the request may come from a page that rebinds its DNS name; open the preview through %s\n", host, ways)
}

// TestHostNamesOfThisMachine serves on every interface, as serve --bind
// 0.0.0.0 does, and asks by the machine's own name and each of its
// addresses, which a teammate types, and by foreign names, which a page
// that rebinds its DNS sends.
func TestHostNamesOfThisMachine(t *testing.T) {
	name, err := os.Hostname()
	if err != nil || name == "" {
		t.Skipf("this machine has no host name: %v", err)
	}
	h := New(Options{Root: writeSite(t, map[string]string{"index.html": "x"})})
	l, err := h.Listen("0.0.0.0", 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- h.Serve(ctx, l) }()
	defer func() {
		cancel()
		<-served
	}()
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	short, _, _ := strings.Cut(name, ".")
	want := map[string]int{
		name + ":" + port:                  http.StatusOK,
		strings.ToUpper(name) + ":" + port: http.StatusOK,
		short + ".local:" + port:           http.StatusOK,
		name + ".evil.example:" + port:     http.StatusForbidden,
		"evil.example:" + port:             http.StatusForbidden,
		"0.0.0.0:" + port:                  http.StatusForbidden,
		"evil." + short + ".local:" + port: http.StatusForbidden,
		"192.0.2.254.nip.example:" + port:  http.StatusForbidden,
		"[2001:db8::dead:beef]:" + port:    http.StatusForbidden,
	}
	for _, a := range h.machine.addrs {
		want[net.JoinHostPort(a.String(), port)] = http.StatusOK
	}
	for host, code := range want {
		req, err := http.NewRequest("GET", "http://127.0.0.1:"+port+"/", nil)
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
		if resp.StatusCode != code {
			t.Errorf("Host %q: status %d, want %d\n%s", host, resp.StatusCode, code, body)
		}
		if code == http.StatusForbidden && string(body) != refusal(t, host) {
			t.Errorf("Host %q: body %q, want %q", host, body, refusal(t, host))
		}
	}
	http.DefaultClient.CloseIdleConnections()
}
