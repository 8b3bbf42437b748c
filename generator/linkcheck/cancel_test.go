package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestCancelReturnsPromptly(t *testing.T) {
	// The server and the backoff wait for an hour: a Check that did not
	// return on cancel would hang the test until go test gives up on it.
	hang := func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }
	busy := func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	for name, tc := range map[string]struct {
		handler http.HandlerFunc
		backoff time.Duration
	}{
		"in a request and queued for a host": {hang, time.Millisecond},
		"in a backoff":                       {busy, time.Hour},
	} {
		t.Run(name, func(t *testing.T) {
			s := serve(t, tc.handler)
			var links []Link
			for i := range 5 {
				links = append(links, Link{URL: fmt.Sprintf("%s/%d", s.URL, i)})
			}
			o := fastOptions(t)
			o.PerHost, o.Timeout, o.Backoff, o.MaxWait = 1, time.Hour, tc.backoff, tc.backoff
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			rs, err := Check(ctx, links, o)
			if !errors.Is(err, context.Canceled) || err.Error() != "linkcheck: context canceled" || rs != nil {
				t.Errorf("Check = %v, %v; want nil, linkcheck: context canceled", rs, err)
			}
		})
	}
}
