package linkcheck

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// gauge counts requests in flight and remembers the most it saw.
type gauge struct{ now, peak atomic.Int32 }

func (g *gauge) enter() {
	n := g.now.Add(1)
	for {
		p := g.peak.Load()
		if n <= p || g.peak.CompareAndSwap(p, n) {
			return
		}
	}
}

func (g *gauge) leave() { g.now.Add(-1) }

// slowServer is a server that holds every request 10ms, counted by its own gauge and by all.
func slowServer(t *testing.T, own, all *gauge) *testServer {
	return serve(t, func(http.ResponseWriter, *http.Request) {
		own.enter()
		all.enter()
		defer own.leave()
		defer all.leave()
		time.Sleep(10 * time.Millisecond)
	})
}

// TestConcurrencyLimits runs 8 slow requests against each of two hosts. The peaks must
// never pass the limits, and with this much work they always reach them.
func TestConcurrencyLimits(t *testing.T) {
	for _, tc := range []struct {
		perHost, workers  int
		wantHost, wantAll int32
	}{
		{perHost: 2, workers: 16, wantHost: 2, wantAll: 4},
		{perHost: 3, workers: 16, wantHost: 3, wantAll: 6},
		{perHost: 4, workers: 1, wantHost: 1, wantAll: 1},
	} {
		t.Run(fmt.Sprintf("perHost=%d,workers=%d", tc.perHost, tc.workers), func(t *testing.T) {
			var ga, gb, all gauge
			a, b := slowServer(t, &ga, &all), slowServer(t, &gb, &all)
			var links []Link
			for i := range 8 {
				links = append(links,
					Link{URL: fmt.Sprintf("%s/%d", a.URL, i)},
					Link{URL: fmt.Sprintf("%s/%d", b.URL, i)})
			}
			o := fastOptions(t)
			o.PerHost, o.Workers = tc.perHost, tc.workers
			rs, err := Check(context.Background(), links, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if !r.OK() {
					t.Errorf("%s: %s", r.URL, r.Err)
				}
			}
			if ga.peak.Load() != tc.wantHost || gb.peak.Load() != tc.wantHost {
				t.Errorf("peak per host = %d and %d, want %d", ga.peak.Load(), gb.peak.Load(), tc.wantHost)
			}
			if all.peak.Load() != tc.wantAll {
				t.Errorf("peak overall = %d, want %d", all.peak.Load(), tc.wantAll)
			}
		})
	}
}

func TestWorkersLimitSharedByHosts(t *testing.T) {
	var ga, gb, all gauge
	a, b := slowServer(t, &ga, &all), slowServer(t, &gb, &all)
	var links []Link
	for i := range 8 {
		links = append(links, Link{URL: fmt.Sprintf("%s/%d", a.URL, i)}, Link{URL: fmt.Sprintf("%s/%d", b.URL, i)})
	}
	o := fastOptions(t)
	o.PerHost, o.Workers = 3, 4
	if _, err := Check(context.Background(), links, o); err != nil {
		t.Fatal(err)
	}
	if ga.peak.Load() > 3 || gb.peak.Load() > 3 || all.peak.Load() != 4 {
		t.Errorf("peaks = %d, %d per host and %d overall; want at most 3, 3 and exactly 4",
			ga.peak.Load(), gb.peak.Load(), all.peak.Load())
	}
}
