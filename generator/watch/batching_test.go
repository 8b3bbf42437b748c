package watch

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestBurstIsOneBatch is `git checkout` of 1,000 files: one rebuild, not a
// storm. The debounce is longer than elsewhere only so that a scheduler
// pause on a busy 2-core machine cannot split the burst; the coalescing is
// the same.
func TestBurstIsOneBatch(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{Debounce: 200 * time.Millisecond, MaxWait: time.Minute})

	const n = 1000
	for i := range n {
		write(t, filepath.Join(root, fmt.Sprintf("p%04d.md", i)), "x")
	}
	b := next(t, w)
	if len(b.Paths) != n {
		t.Fatalf("first batch has %d paths, want %d", len(b.Paths), n)
	}
	for i, p := range b.Paths {
		if want := filepath.Join(root, fmt.Sprintf("p%04d.md", i)); p != want {
			t.Fatalf("Paths[%d] = %q, want %q", i, p, want)
		}
	}
	select {
	case b := <-w.Batches():
		t.Fatalf("a second batch arrived with %d paths", len(b.Paths))
	case <-time.After(500 * time.Millisecond):
	}
}

// TestMaxWaitFlushesDuringStream checks that a stream of saves that never
// pauses still produces batches, at the latest every MaxWait.
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
			case <-time.After(5 * time.Millisecond):
			}
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

	started := time.Now()
	b := next(t, w)
	if len(b.Paths) == 0 {
		t.Fatal("empty batch")
	}
	if waited := time.Since(started); waited > 2*time.Second {
		t.Fatalf("first batch took %v while saves kept coming; MaxWait is 100ms", waited)
	}
	next(t, w) // and another one, still while the stream goes on
}

// TestSlowReaderGetsEverythingInOneBatch: while the reader is busy (a
// rebuild), batches that come due are folded together, and nothing waits in
// the system's event queue.
func TestSlowReaderGetsEverythingInOneBatch(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{})

	write(t, filepath.Join(root, "a.md"), "x")
	time.Sleep(200 * time.Millisecond) // a.md's batch comes due; nobody reads
	write(t, filepath.Join(root, "b.md"), "x")
	time.Sleep(200 * time.Millisecond) // and b.md's
	for i := range 100 {
		write(t, filepath.Join(root, fmt.Sprintf("c%03d.md", i)), "x")
	}
	time.Sleep(300 * time.Millisecond)

	b := next(t, w)
	if len(b.Paths) != 102 {
		t.Fatalf("batch has %d paths, want 102: %q", len(b.Paths), b.Paths)
	}
	if b.Paths[0] != filepath.Join(root, "a.md") || b.Paths[1] != filepath.Join(root, "b.md") {
		t.Fatalf("batch starts with %q, want a.md and b.md", b.Paths[:2])
	}
	select {
	case b := <-w.Batches():
		t.Fatalf("a second batch arrived: %q", b.Paths)
	case <-time.After(settle):
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
