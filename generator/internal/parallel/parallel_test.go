package parallel

import (
	"errors"
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]atomic.Int32, n)
		For(n, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if got := seen[i].Load(); got != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, got)
			}
		}
	}
}

func TestTryReturnsTheFirstErrorByIndexAfterEveryCall(t *testing.T) {
	errs := map[int]error{3: errors.New("three"), 7: errors.New("seven")}
	var calls atomic.Int32
	err := Try(10, func(i int) error {
		calls.Add(1)
		return errs[i]
	})
	if err != errs[3] {
		t.Errorf("got %v, want the error of index 3", err)
	}
	if calls.Load() != 10 {
		t.Errorf("%d calls, want 10", calls.Load())
	}
	if err := Try(0, func(int) error { return errs[3] }); err != nil {
		t.Errorf("no calls gave %v", err)
	}
}
