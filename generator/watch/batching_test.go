package watch

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestPendingCoalescesBurst is `git checkout` of 1,000 files as the batch
// logic sees it: changes closer together than the debounce are one batch,
// due one quiet period after the last of them. Times are given, not
// measured, so the test says the same on a busy machine.
func TestPendingCoalescesBurst(t *testing.T) {
	t.Parallel()
	p := newPending(50*time.Millisecond, time.Second)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	const n = 1000
	var last time.Time
	for i := range n {
		last = t0.Add(time.Duration(i) * 200 * time.Microsecond) // 0.2 s in all
		p.add(fmt.Sprintf("/site/p%04d.md", i), last)
	}
	if got, want := p.due(), last.Add(50*time.Millisecond); !got.Equal(want) {
		t.Fatalf("burst due at %v, want one debounce after its last change, %v", got.Sub(t0), want.Sub(t0))
	}
	b := p.batch()
	if len(b.Paths) != n || b.Rescan {
		t.Fatalf("batch has %d paths (rescan %v), want %d", len(b.Paths), b.Rescan, n)
	}
	for i, path := range b.Paths {
		if want := fmt.Sprintf("/site/p%04d.md", i); path != want {
			t.Fatalf("Paths[%d] = %q, want %q", i, path, want)
		}
	}
	p.reset()
	if !p.empty() {
		t.Fatal("pending not empty after reset")
	}
	// The next change starts a batch of its own.
	p.add("/site/later.md", last.Add(time.Minute))
	if got, want := p.due(), last.Add(time.Minute+50*time.Millisecond); !got.Equal(want) {
		t.Fatalf("next batch due at %v, want %v", got, want)
	}
}

// TestPendingMaxWait: a stream of changes that never pauses for the
// debounce is still due MaxWait after its first change.
func TestPendingMaxWait(t *testing.T) {
	t.Parallel()
	p := newPending(500*time.Millisecond, 100*time.Millisecond)
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for i := range 40 {
		p.add(fmt.Sprintf("/site/s%d.md", i%10), t0.Add(time.Duration(i)*5*time.Millisecond))
	}
	if got, want := p.due(), t0.Add(100*time.Millisecond); !got.Equal(want) {
		t.Fatalf("stream due at %v after its start, want MaxWait, %v", got.Sub(t0), want.Sub(t0))
	}
	if b := p.batch(); len(b.Paths) != 10 {
		t.Fatalf("batch has %d paths, want the 10 distinct files: %q", len(b.Paths), b.Paths)
	}
}

// TestBurstArrivesWhole writes 1,000 files through the real watcher: every
// one arrives, each batch sorted and without duplicates. Into how many
// batches the burst falls depends on the scheduler; the coalescing itself
// is TestPendingCoalescesBurst.
func TestBurstArrivesWhole(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{Debounce: 200 * time.Millisecond, MaxWait: time.Minute})

	const n = 1000
	want := make([]string, 0, n)
	for i := range n {
		write(t, filepath.Join(root, fmt.Sprintf("p%04d.md", i)), "x")
		want = append(want, fmt.Sprintf("p%04d.md", i))
	}
	expect(t, w, root, want...)
}

// TestMaxWaitFlushesDuringStream checks that a stream of saves that never
// pauses still produces batches through the real watcher.
func TestMaxWaitFlushesDuringStream(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{Debounce: 500 * time.Millisecond, MaxWait: 100 * time.Millisecond})

	stop := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		defer close(done)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			time.Sleep(5 * time.Millisecond)
			if err := writeErr(filepath.Join(root, fmt.Sprintf("s%d.md", i%10)), "x"); err != nil {
				done <- err
				return
			}
		}
	}()
	defer func() {
		close(stop)
		if err := <-done; err != nil {
			t.Error(err)
		}
	}()

	if b := next(t, w); len(b.Paths) == 0 {
		t.Fatal("empty batch")
	}
	next(t, w) // and another one, still while the stream goes on
}

// TestSlowReaderGetsEverythingInOneBatch: while the reader is busy (a
// rebuild), batches that come due are folded together, and nothing waits in
// the system's event queue. The test waits for the watcher's own state (the
// batch on offer) rather than sleeping, so a busy machine cannot change the
// outcome.
func TestSlowReaderGetsEverythingInOneBatch(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	offers := make(chan Batch, 1000)
	w := start(t, []string{root}, Options{onOffer: func(b Batch) { offers <- b }})
	offered := func(n int) {
		t.Helper()
		for {
			select {
			case b := <-offers:
				if len(b.Paths) >= n {
					return
				}
			case <-time.After(timeout):
				t.Fatalf("no batch of %d paths on offer within %v", n, timeout)
			}
		}
	}

	write(t, filepath.Join(root, "a.md"), "x")
	offered(1) // a.md's batch is due; nobody reads
	write(t, filepath.Join(root, "b.md"), "x")
	offered(2) // b.md's came due too, and was folded into it
	for i := range 100 {
		write(t, filepath.Join(root, fmt.Sprintf("c%03d.md", i)), "x")
	}
	offered(102)

	b := next(t, w)
	if len(b.Paths) != 102 {
		t.Fatalf("batch has %d paths, want 102: %q", len(b.Paths), b.Paths)
	}
	if b.Paths[0] != filepath.Join(root, "a.md") || b.Paths[1] != filepath.Join(root, "b.md") {
		t.Fatalf("batch starts with %q, want a.md and b.md", b.Paths[:2])
	}
}

func TestMerge(t *testing.T) {
	t.Parallel()
	got := merge(Batch{Paths: []string{"/a", "/c", "/d"}}, Batch{Paths: []string{"/b", "/c", "/e"}, Rescan: true})
	want := Batch{Paths: []string{"/a", "/b", "/c", "/d", "/e"}, Rescan: true}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("merge = %v, want %v", got, want)
	}
}
