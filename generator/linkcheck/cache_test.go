package linkcheck

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var epoch = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// cacheJSON is the cache file holding the given URL → check time entries, all with status 200.
func cacheJSON(entries ...string) string {
	var b strings.Builder
	b.WriteString("{\n  \"version\": 1,\n  \"entries\": {")
	for i := 0; i < len(entries); i += 2 {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    \"" + entries[i] + "\": {\n      \"status\": 200,\n      \"checked\": \"" + entries[i+1] + "\"\n    }")
	}
	if len(entries) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("}\n}\n")
	return b.String()
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestCache(t *testing.T) {
	var flips atomic.Int32
	s := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bad":
			http.NotFound(w, r)
		case "/flip": // works for the first request only
			if flips.Add(1) > 1 {
				http.NotFound(w, r)
			}
		}
	})
	o := fastOptions(t)
	o.CacheFile = filepath.Join(t.TempDir(), "sub", "links.json")
	now := epoch
	o.Now = func() time.Time { return now }
	links := []Link{{URL: s.URL + "/ok", File: "a.md"}, {URL: s.URL + "/bad", File: "b.md"}, {URL: s.URL + "/flip", File: "c.md"}}
	check := func() []Result {
		t.Helper()
		s.mu.Lock()
		s.log = nil
		s.mu.Unlock()
		rs, err := Check(context.Background(), links, o)
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}

	rs := check()
	if rs[0].Cached || !rs[0].OK() || rs[1].OK() || !rs[2].OK() {
		t.Fatalf("first run = %+v", rs)
	}
	first := cacheJSON(s.URL+"/flip", "2026-01-02T03:04:05Z", s.URL+"/ok", "2026-01-02T03:04:05Z")
	if got := readFile(t, o.CacheFile); got != first {
		t.Errorf("cache file =\n%s\nwant\n%s", got, first)
	}

	now = epoch.Add(23 * time.Hour)
	rs = check()
	wantRequests(t, s, "HEAD /bad", "GET /bad")
	if !rs[0].Cached || rs[0].Status != 200 || !rs[0].OK() || rs[1].Cached || !rs[2].Cached {
		t.Errorf("run within MaxAge = %+v; want /ok and /flip cached, /bad fetched", rs)
	}
	if got := readFile(t, o.CacheFile); got != first {
		t.Errorf("cache hits must keep their first check time; cache file =\n%s", got)
	}

	now = epoch.Add(24 * time.Hour)
	rs = check()
	wantRequestSet(t, s, "HEAD /bad", "GET /bad", "HEAD /flip", "GET /flip", "HEAD /ok")
	if rs[0].Cached || !rs[0].OK() || rs[2].Err != "404 Not Found" {
		t.Errorf("run after MaxAge = %+v; want /ok fetched again and /flip broken", rs)
	}
	if got, want := readFile(t, o.CacheFile), cacheJSON(s.URL+"/ok", "2026-01-03T03:04:05Z"); got != want {
		t.Errorf("a link that broke must leave the cache; cache file =\n%s\nwant\n%s", got, want)
	}
}

func TestCacheKeepsFreshEntriesOfOtherURLs(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	o := fastOptions(t)
	o.CacheFile = filepath.Join(t.TempDir(), "links.json")
	o.Now = func() time.Time { return epoch }
	o.MaxAge = time.Hour
	old := cacheJSON("https://example.com/fresh", "2026-01-02T02:30:00Z", "https://example.com/stale", "2026-01-02T01:00:00Z")
	if err := os.WriteFile(o.CacheFile, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Check(context.Background(), []Link{{URL: s.URL + "/new"}}, o); err != nil {
		t.Fatal(err)
	}
	want := cacheJSON(s.URL+"/new", "2026-01-02T03:04:05Z", "https://example.com/fresh", "2026-01-02T02:30:00Z")
	if got := readFile(t, o.CacheFile); got != want {
		t.Errorf("cache file =\n%s\nwant\n%s", got, want)
	}
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	for _, content := range []string{"{not json", `{"version": 99, "entries": {}}`, `{"version": 1}`, ""} {
		o := fastOptions(t)
		o.CacheFile = filepath.Join(t.TempDir(), "links.json")
		o.Now = func() time.Time { return epoch }
		if err := os.WriteFile(o.CacheFile, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		r := checkOne(t, s.URL+"/ok", o)
		if !r.OK() || r.Cached {
			t.Errorf("cache %q: result %+v, want fetched and OK", content, r)
		}
		if got, want := readFile(t, o.CacheFile), cacheJSON(s.URL+"/ok", "2026-01-02T03:04:05Z"); got != want {
			t.Errorf("cache %q: rewritten as\n%s\nwant\n%s", content, got, want)
		}
	}
}

func TestCacheWriteErrorStillReturnsResults(t *testing.T) {
	s := serve(t, func(http.ResponseWriter, *http.Request) {})
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	o := fastOptions(t)
	o.CacheFile = filepath.Join(blocker, "links.json") // a folder that is a file
	rs, err := Check(context.Background(), []Link{{URL: s.URL + "/ok"}}, o)
	want := `linkcheck: write cache "` + o.CacheFile + `": not a directory`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %q", err, want)
	}
	if len(rs) != 1 || !rs[0].OK() {
		t.Errorf("results = %+v, want the one OK result", rs)
	}
}
