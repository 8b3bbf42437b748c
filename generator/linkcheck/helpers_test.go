package linkcheck

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"
)

// testServer is a local server that logs every request it gets as "METHOD /path".
type testServer struct {
	*httptest.Server
	mu  sync.Mutex
	log []string
}

func serve(t *testing.T, h http.HandlerFunc) *testServer {
	t.Helper()
	s := &testServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.log = append(s.log, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the log so far.
func (s *testServer) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// localOnly fails the test on any request that would leave 127.0.0.1.
type localOnly struct {
	t    *testing.T
	next http.RoundTripper
}

func (l localOnly) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.URL.Hostname() != "127.0.0.1" {
		l.t.Errorf("request to %s: tests must stay on 127.0.0.1", r.URL)
		return nil, errors.New("test: request outside 127.0.0.1")
	}
	return l.next.RoundTrip(r)
}

// fastOptions are options for tests: a client that cannot leave 127.0.0.1 and short waits.
func fastOptions(t *testing.T) Options {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	return Options{
		Client:  &http.Client{Transport: localOnly{t: t, next: tr}},
		Timeout: 2 * time.Second,
		Backoff: time.Millisecond,
	}
}

// checkOne checks a single link and returns its only result.
func checkOne(t *testing.T, url string, o Options) Result {
	t.Helper()
	rs, err := Check(context.Background(), []Link{{URL: url, File: "a.md", Line: 1, Col: 1}}, o)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if len(rs) != 1 {
		t.Fatalf("got %d results, want 1: %+v", len(rs), rs)
	}
	return rs[0]
}

// wantResult compares the parts of r a test cares about.
func wantResult(t *testing.T, r Result, status int, msg string) {
	t.Helper()
	if r.Status != status || r.Err != msg {
		t.Errorf("result = status %d, err %q; want status %d, err %q", r.Status, r.Err, status, msg)
	}
}

func wantRequests(t *testing.T, s *testServer, want ...string) {
	t.Helper()
	if got := s.requests(); !slices.Equal(got, want) {
		t.Errorf("requests = %q, want %q", got, want)
	}
}

// wantRequestSet is wantRequests for requests sent concurrently: it ignores their order.
func wantRequestSet(t *testing.T, s *testServer, want ...string) {
	t.Helper()
	got := s.requests()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("requests (sorted) = %q, want %q", got, want)
	}
}
