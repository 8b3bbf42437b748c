package watch

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// eventually retries cond until it holds or timeout passes.
func eventually(cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
	return true
}

// openFiles counts this process's file descriptors, or -1 where /proc is missing.
func openFiles() int {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(fds)
}

func TestCloseLeavesNothingBehind(t *testing.T) {
	for _, opts := range []Options{
		{Debounce: 30 * time.Millisecond},
		{Debounce: 30 * time.Millisecond, MaxWatches: 1, PollInterval: 10 * time.Millisecond},
	} {
		root := t.TempDir()
		write(t, filepath.Join(root, "a", "b", "c.md"), "x")
		goroutines, fds := runtime.NumGoroutine(), openFiles()

		w, err := New([]string{root}, opts)
		if err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(root, "a", "b", "c.md"), "y")
		next(t, w)
		write(t, filepath.Join(root, "a", "d.md"), "y") // a batch nobody reads
		time.Sleep(100 * time.Millisecond)

		if err := w.Close(); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if err := w.Close(); err != nil {
			t.Fatalf("second Close: %v", err)
		}
		if _, ok := <-w.Batches(); ok {
			t.Fatal("Batches still open after Close")
		}
		if !eventually(func() bool { return runtime.NumGoroutine() <= goroutines }) {
			t.Fatalf("%d goroutines after Close, %d before New", runtime.NumGoroutine(), goroutines)
		}
		if !eventually(func() bool { return openFiles() <= fds }) {
			t.Fatalf("%d open files after Close, %d before New", openFiles(), fds)
		}
	}
}

// TestOverflowAsksForRescan feeds the watcher the error fsnotify sends when
// the kernel's event queue overflowed, which a test cannot cause reliably.
func TestOverflowAsksForRescan(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{})

	w.fsw.Errors <- fsnotify.ErrEventOverflow
	b := next(t, w)
	if !b.Rescan {
		t.Fatalf("batch %+v after an overflow has Rescan false", b)
	}
	select {
	case err := <-w.Errors():
		want := "watch: events were lost (fsnotify: queue or buffer overflow); everything is treated as changed (raise fs.inotify.max_queued_events to avoid this)"
		if err.Error() != want || !errors.Is(err, fsnotify.ErrEventOverflow) {
			t.Fatalf("error = %q, want %q wrapping fsnotify.ErrEventOverflow", err, want)
		}
	case <-time.After(timeout):
		t.Fatal("no error reported")
	}

	// Watching goes on as before, and the next batch is an ordinary one.
	write(t, filepath.Join(root, "a", "x.md"), "x")
	b = next(t, w)
	if b.Rescan || len(b.Paths) == 0 {
		t.Fatalf("batch after the rescan = %+v", b)
	}
}
