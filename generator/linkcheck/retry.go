package linkcheck

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// wait returns how long to pause before try number n+1 (n counts from 0): the server's
// Retry-After when it sent one, else backoff doubled n times; never more than limit.
func wait(n int, backoff, limit, retryAfter time.Duration, hasRetryAfter bool) time.Duration {
	d := retryAfter
	if !hasRetryAfter {
		d = backoff
		for i := 0; i < n && d < limit; i++ {
			d *= 2
		}
	}
	return min(max(d, 0), limit)
}

// parseRetryAfter reads a Retry-After header, either delay-seconds or an HTTP date. A date
// in the past means no wait.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseUint(v, 10, 32); err == nil {
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// sleep waits for d or until ctx is done, and reports whether the full wait passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
