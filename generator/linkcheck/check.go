package linkcheck

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// target is one distinct URL to check and what checking it found.
type target struct {
	key     string // the URL without its fragment, host lower-cased
	host    string // host:port as written, lower-cased: the unit of PerHost
	links   []Link
	found   attempt
	cached  bool
	checked time.Time // when found was fetched; zero when cached
}

// Check checks every distinct URL among links once (URLs that differ only in their fragment
// are the same), HEAD first and GET when the server turns HEAD away, following up to 10
// redirects, and returns one Result per Link that no Options.Ignore pattern matches, sorted
// by File, Line, Col and URL. A link is OK when its URL answers 2xx after redirects; a link
// that is not an absolute http(s) URL gets a Result with Err set and no request.
//
// With Options.CacheFile set, the cache is read before and written after, keeping only
// successes with the time they were checked: failures are always checked again. A cache
// file that cannot be read or parsed counts as empty.
//
// Check fails when an ignore pattern is malformed, or when ctx is done before every URL is
// checked; then the Results are nil, and the successes found so far are still cached. When
// only writing the cache fails, Check returns the Results and the error.
func Check(ctx context.Context, links []Link, opts Options) ([]Result, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	cache := map[string]cacheEntry{}
	if o.CacheFile != "" {
		cache = loadCache(o.CacheFile)
	}

	var results []Result
	targets := map[string]*target{}
	for _, l := range links {
		u, msg := parseLink(l.URL)
		if msg != "" {
			results = append(results, Result{Link: l, Err: msg})
			continue
		}
		if ignored(l.URL, u, o.Ignore) {
			continue
		}
		key := u.String()
		t := targets[key]
		if t == nil {
			t = &target{key: key, host: u.Host}
			targets[key] = t
		}
		t.links = append(t.links, l)
	}

	now := o.Now()
	var todo []*target
	for _, t := range targets {
		if e, ok := cache[t.key]; ok && e.fresh(now, o.MaxAge) {
			t.found, t.cached = attempt{status: e.Status}, true
			continue
		}
		todo = append(todo, t)
	}
	// Start in a fixed order, so that runs differ only by the network's timing.
	slices.SortFunc(todo, func(a, b *target) int { return cmp.Compare(a.key, b.key) })
	client, done := httpClient(o.Client)
	defer done()
	run(ctx, &checker{client: client, opts: o}, todo)

	var saveErr error
	if o.CacheFile != "" {
		saveErr = saveCache(o.CacheFile, nextCache(cache, targets, now, o.MaxAge))
	}
	if ctx.Err() != nil {
		return nil, fmt.Errorf("linkcheck: %w", ctx.Err())
	}
	for _, t := range targets {
		for _, l := range t.links {
			results = append(results, Result{Link: l, Status: t.found.status, Err: t.found.err, Cached: t.cached})
		}
	}
	slices.SortFunc(results, func(a, b Result) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.URL, b.URL),
		)
	})
	return results, saveErr
}

// parseLink parses raw and removes its fragment, or says why it cannot be checked.
func parseLink(raw string) (*url.URL, string) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "not a valid URL"
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, "not an http(s) URL"
	}
	if u.Host == "" {
		return nil, "URL has no host"
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u, ""
}

// run fetches every target, at most PerHost at a time per host and Workers at a time in all.
// A goroutine takes its host's slot before a global one, so that goroutines queued behind a
// busy host never hold global slots that other hosts could use.
func run(ctx context.Context, c *checker, todo []*target) {
	hosts := map[string]chan struct{}{}
	for _, t := range todo {
		if hosts[t.host] == nil {
			hosts[t.host] = make(chan struct{}, c.opts.PerHost)
		}
	}
	all := make(chan struct{}, c.opts.Workers)
	var wg sync.WaitGroup
	for _, t := range todo {
		host := hosts[t.host]
		wg.Go(func() {
			if !acquire(ctx, host) {
				return
			}
			defer func() { <-host }()
			if !acquire(ctx, all) {
				return
			}
			defer func() { <-all }()
			t.found = c.fetch(ctx, t.key)
			t.checked = c.opts.Now()
		})
	}
	wg.Wait()
}

// acquire takes a slot of sem, or gives up when ctx is done first.
func acquire(ctx context.Context, sem chan struct{}) bool {
	select {
	case sem <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

// nextCache is the cache to write after a run: this run's successes with their check time,
// and the earlier entries for URLs not fetched this time that are still fresh.
func nextCache(old map[string]cacheEntry, targets map[string]*target, now time.Time, maxAge time.Duration) map[string]cacheEntry {
	next := map[string]cacheEntry{}
	for k, e := range old {
		if _, seen := targets[k]; !seen && e.fresh(now, maxAge) {
			next[k] = e
		}
	}
	for k, t := range targets {
		switch {
		case t.cached:
			next[k] = old[k]
		case t.found.err == "" && !t.checked.IsZero():
			next[k] = cacheEntry{Status: t.found.status, Checked: t.checked.UTC()}
		}
	}
	return next
}
