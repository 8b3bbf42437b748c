package watch

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// timeout bounds every wait, so that a broken watcher fails a test instead
// of hanging it. It is a hang guard, far above what a busy machine needs:
// events arrive in milliseconds.
const timeout = 2 * time.Minute

// settle is how long a test keeps listening after the batch it waited for,
// to catch paths that should not be there.
const settle = 100 * time.Millisecond

// start watches paths with a short debounce and closes the watcher when the
// test ends.
func start(t *testing.T, paths []string, opts Options) *Watcher {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	w, err := New(paths, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

// write creates or replaces the file path, making its folder as needed.
func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// next returns the next batch, failing the test after timeout.
func next(t *testing.T, w *Watcher) Batch {
	t.Helper()
	select {
	case b, ok := <-w.Batches():
		if !ok {
			t.Fatal("Batches closed")
		}
		return b
	case <-time.After(timeout):
		t.Fatal("no batch within", timeout)
	}
	return Batch{}
}

// collect gathers batches until every path in want was seen, listens for
// settle more, and returns every path seen, relative to root, sorted. It
// makes tests independent of where one batch ends and the next begins.
func collect(t *testing.T, w *Watcher, root string, want ...string) []string {
	t.Helper()
	seen := map[string]bool{}
	missing := func() bool {
		for _, p := range want {
			if !seen[p] {
				return true
			}
		}
		return false
	}
	add := func(b Batch) {
		for _, p := range b.Paths {
			seen[rel(t, root, p)] = true
		}
	}
	deadline := time.After(timeout)
	for missing() {
		select {
		case b := <-w.Batches():
			add(b)
		case <-deadline:
			t.Fatalf("after %v saw %v, want at least %v", timeout, keys(seen), want)
		}
	}
	quiet := time.After(settle)
	for {
		select {
		case b := <-w.Batches():
			add(b)
		case <-quiet:
			return keys(seen)
		}
	}
}

// expect collects batches as collect does and fails unless exactly want
// was seen.
func expect(t *testing.T, w *Watcher, root string, want ...string) {
	t.Helper()
	got := collect(t, w, root, want...)
	sorted := slices.Clone(want)
	sort.Strings(sorted)
	if !slices.Equal(got, sorted) {
		t.Fatalf("changed paths = %q, want %q", got, sorted)
	}
}

// rel turns an absolute batch path into a slash-separated one relative to
// root, failing on a path that is not absolute and clean.
func rel(t *testing.T, root, path string) string {
	t.Helper()
	if !filepath.IsAbs(path) || filepath.Clean(path) != path {
		t.Fatalf("path %q is not absolute and clean", path)
	}
	r, err := filepath.Rel(root, path)
	if err != nil || strings.HasPrefix(r, "..") {
		t.Fatalf("path %q is outside %q", path, root)
	}
	return filepath.ToSlash(r)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// noErrors fails the test if the watcher reported an error.
func noErrors(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case err := <-w.Errors():
		t.Fatalf("unexpected error: %v", err)
	default:
	}
}

// writeErr is write for goroutines other than the test's.
func writeErr(path, content string) error {
	return os.WriteFile(path, []byte(content), 0o644)
}
