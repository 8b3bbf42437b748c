package linkcheck

import (
	"testing"
	"time"
)

func TestWait(t *testing.T) {
	const ms = time.Millisecond
	for _, tc := range []struct {
		n             int
		retryAfter    time.Duration
		hasRetryAfter bool
		want          time.Duration
	}{
		{0, 0, false, 200 * ms},
		{1, 0, false, 400 * ms},
		{2, 0, false, 800 * ms},
		{60, 0, false, 10 * time.Second}, // doubling stops at the cap, no overflow
		{0, time.Second, true, time.Second},
		{3, 0, true, 0},
		{0, time.Hour, true, 10 * time.Second},
	} {
		if got := wait(tc.n, 200*ms, 10*time.Second, tc.retryAfter, tc.hasRetryAfter); got != tc.want {
			t.Errorf("wait(%d, retry-after %v %v) = %v, want %v", tc.n, tc.retryAfter, tc.hasRetryAfter, got, tc.want)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"1", time.Second, true},
		{" 120 ", 2 * time.Minute, true},
		{"Fri, 02 Jan 2026 03:04:35 GMT", 30 * time.Second, true},
		{"Fri, 02 Jan 2026 03:00:00 GMT", 0, true},
		{"", 0, false},
		{"-5", 0, false},
		{"soon", 0, false},
	} {
		got, ok := parseRetryAfter(tc.header, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.header, got, ok, tc.want, tc.ok)
		}
	}
}
