package linkcheck

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestOKWithDefaultClient(t *testing.T) {
	var ua atomic.Value
	s := serve(t, func(w http.ResponseWriter, r *http.Request) { ua.Store(r.UserAgent()) })
	r := checkOne(t, s.URL+"/ok", Options{})
	wantResult(t, r, 200, "")
	if !r.OK() || r.Cached {
		t.Errorf("OK() = %v, Cached = %v; want true, false", r.OK(), r.Cached)
	}
	wantRequests(t, s, "HEAD /ok")
	if got := ua.Load(); got != "playbook-linkcheck" {
		t.Errorf("User-Agent = %q, want %q", got, "playbook-linkcheck")
	}
}

func TestNotFoundTriesGETOnceAndDoesNotRetry(t *testing.T) {
	s := serve(t, http.NotFound)
	r := checkOne(t, s.URL+"/gone", fastOptions(t))
	wantResult(t, r, 404, "404 Not Found")
	wantRequests(t, s, "HEAD /gone", "GET /gone")
}

func TestServerErrorThenOKIsRetried(t *testing.T) {
	var n atomic.Int32
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 2 {
			w.WriteHeader(http.StatusInternalServerError)
		}
	})
	r := checkOne(t, s.URL+"/flaky", fastOptions(t))
	wantResult(t, r, 200, "")
	wantRequests(t, s, "HEAD /flaky", "HEAD /flaky", "HEAD /flaky")
}

func TestRetriesRunOut(t *testing.T) {
	for _, tc := range []struct {
		retries int
		tries   int
	}{{-1, 1}, {1, 2}, {0, 3}} {
		t.Run(strconv.Itoa(tc.retries), func(t *testing.T) {
			s := serve(t, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusServiceUnavailable)
			})
			o := fastOptions(t)
			o.Retries = tc.retries
			r := checkOne(t, s.URL+"/down", o)
			wantResult(t, r, 503, "503 Service Unavailable")
			if got := len(s.requests()); got != tc.tries {
				t.Errorf("%d requests, want %d", got, tc.tries)
			}
		})
	}
}

func TestTooManyRequestsWaitsForRetryAfter(t *testing.T) {
	var n atomic.Int32
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			// An hour: a checker that did not cap the wait would hang
			// the test until go test gives up on it.
			w.Header().Set("Retry-After", "3600")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	o := fastOptions(t)
	o.MaxWait = 150 * time.Millisecond
	start := time.Now()
	r := checkOne(t, s.URL+"/busy", o)
	elapsed := time.Since(start)
	wantResult(t, r, 200, "")
	wantRequests(t, s, "HEAD /busy", "HEAD /busy")
	if elapsed < 150*time.Millisecond {
		t.Errorf("took %v; want the Retry-After wait, capped at 150ms, to be waited", elapsed)
	}
}

func TestHEADNotAllowedFallsBackToGET(t *testing.T) {
	var gets atomic.Int32
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodHead:
			w.WriteHeader(http.StatusMethodNotAllowed)
		case r.URL.Path == "/flaky" && gets.Add(1) == 1:
			w.WriteHeader(http.StatusBadGateway)
		}
	})
	wantResult(t, checkOne(t, s.URL+"/page", fastOptions(t)), 200, "")
	wantResult(t, checkOne(t, s.URL+"/flaky", fastOptions(t)), 200, "")
	// After HEAD was refused once, the retry goes straight to GET.
	wantRequests(t, s, "HEAD /page", "GET /page", "HEAD /flaky", "GET /flaky", "GET /flaky")
}

func TestHEADHangUpFallsBackToGET(t *testing.T) {
	hangUp := func(w http.ResponseWriter) {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			conn.Close()
		}
	}
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead || r.URL.Path == "/never" {
			hangUp(w)
		}
	})
	o := fastOptions(t)
	o.Retries = -1
	wantResult(t, checkOne(t, s.URL+"/p", o), 200, "")
	// A fresh client: Go's transport itself retries a HEAD that fails on a reused connection.
	o = fastOptions(t)
	o.Retries = -1
	wantResult(t, checkOne(t, s.URL+"/never", o), 0, "connection closed by server")
	wantRequests(t, s, "HEAD /p", "GET /p", "HEAD /never", "GET /never")
}

// redirector redirects /r/N to /r/N-1 and answers /r/0 with 200; /loop/a and /loop/b
// redirect to each other; /moved redirects to a missing page.
func redirector(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case p == "/r/0":
	case strings.HasPrefix(p, "/r/"):
		n, _ := strconv.Atoi(strings.TrimPrefix(p, "/r/"))
		http.Redirect(w, r, "/r/"+strconv.Itoa(n-1), http.StatusFound)
	case p == "/loop/a":
		http.Redirect(w, r, "/loop/b", http.StatusMovedPermanently)
	case p == "/loop/b":
		http.Redirect(w, r, "/loop/a", http.StatusMovedPermanently)
	case p == "/moved":
		http.Redirect(w, r, "/missing", http.StatusMovedPermanently)
	default:
		http.NotFound(w, r)
	}
}

func TestRedirects(t *testing.T) {
	s := serve(t, redirector)
	o := fastOptions(t)
	o.Retries = -1
	for _, tc := range []struct {
		path   string
		status int
		err    string
	}{
		{"/r/3", 200, ""},
		{"/r/10", 200, ""},
		{"/r/11", 302, "more than 10 redirects"},
		{"/loop/a", 301, "redirect loop back to " + s.URL + "/loop/a"},
		{"/moved", 404, "404 Not Found (redirected to " + s.URL + "/missing)"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			wantResult(t, checkOne(t, s.URL+tc.path, o), tc.status, tc.err)
		})
	}
}

func TestTimeout(t *testing.T) {
	// The server answers only when the request is given up, so a checker
	// without a timeout would hang the test instead of passing it.
	s := serve(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	o := fastOptions(t)
	o.Timeout = 200 * time.Millisecond
	o.Retries = -1
	r := checkOne(t, s.URL+"/slow", o)
	wantResult(t, r, 0, "timeout after 200ms")
	wantRequests(t, s, "HEAD /slow")
}

func TestConnectionRefused(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	url := s.URL + "/x"
	s.Close()
	o := fastOptions(t)
	o.Retries = -1
	wantResult(t, checkOne(t, url, o), 0, "connection refused")
}

func TestNotCheckable(t *testing.T) {
	o := fastOptions(t)
	for _, tc := range []struct{ url, err string }{
		{"mailto:someone@example.com", "not an http(s) URL"},
		{"ftp://example.com/file", "not an http(s) URL"},
		{"http:///no-host", "URL has no host"},
		{"http://exa mple.com/", "not a valid URL"},
	} {
		wantResult(t, checkOne(t, tc.url, o), 0, tc.err)
	}
}

func TestSameURLIsFetchedOnceAndResultsAreSorted(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	u := s.URL + "/shared"
	links := []Link{
		{URL: u + "#part", File: "b.md", Line: 1, Col: 1},
		{URL: u, File: "a.md", Line: 9, Col: 2},
		{URL: u, File: "a.md", Line: 2, Col: 5},
	}
	rs, err := Check(context.Background(), links, fastOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	wantRequests(t, s, "HEAD /shared")
	want := []Result{
		{Link: links[2], Status: 200},
		{Link: links[1], Status: 200},
		{Link: links[0], Status: 200},
	}
	if !slices.Equal(rs, want) {
		t.Errorf("results =\n%+v\nwant\n%+v", rs, want)
	}
}

func TestResultDiagnostic(t *testing.T) {
	r := Result{Link: Link{URL: "https://example.com/x", File: "roles/po.md", Line: 3, Col: 7}, Status: 404, Err: "404 Not Found"}
	want := "roles/po.md:3:7: broken external link https://example.com/x: 404 Not Found"
	if got := r.Diagnostic().String(); got != want {
		t.Errorf("Diagnostic() = %q, want %q", got, want)
	}
}
