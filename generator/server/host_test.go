package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestHostCheck(t *testing.T) {
	lan := &net.TCPAddr{IP: net.ParseIP("192.168.1.20"), Port: 1313}
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
		{"192.168.1.20:1313", "0.0.0.0", lan, true},
		{"192.168.1.20:1313", "192.168.1.20", nil, true},
		{"mybox.lan:1313", "mybox.lan", lan, true},
		{"", "", nil, false},
		{"evil.example", "", nil, false},
		{"evil.example:1313", "", lan, false},
		{"localhost.evil.example:1313", "", nil, false},
		{"192.168.1.21:1313", "0.0.0.0", lan, false},
		{"0.0.0.0:1313", "0.0.0.0", lan, false},
		{"[::]:1313", "::", lan, false},
		{"192.168.1.20:1313", "", nil, false},
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
