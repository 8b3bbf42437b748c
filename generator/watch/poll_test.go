package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"
)

// logs records what a watcher logs; Logf is called from its goroutine.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logs) get() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.lines)
}

func TestPollingFallback(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "index.md"), "x")
	write(t, filepath.Join(root, "roles", "po.md"), "x")
	write(t, filepath.Join(root, "roles", "pm.md"), "x")
	write(t, filepath.Join(root, "articles", "a.md"), "x")
	var log logs
	w := start(t, []string{root}, Options{MaxWatches: 1, PollInterval: 20 * time.Millisecond, Logf: log.logf})

	// The root has the one kernel watch; roles/ and articles/ are polled.
	write(t, filepath.Join(root, "roles", "po.md"), "changed, and longer")
	expect(t, w, root, "roles/po.md")

	must(t, os.Remove(filepath.Join(root, "roles", "pm.md")))
	expect(t, w, root, "roles/pm.md")

	write(t, filepath.Join(root, "roles", "new", "deep", "x.md"), "x")
	expect(t, w, root, "roles/new", "roles/new/deep", "roles/new/deep/x.md")
	write(t, filepath.Join(root, "roles", "new", "deep", "x.md"), "changed")
	expect(t, w, root, "roles/new/deep/x.md")

	// The file may be seen to go before its folder does, if a poll falls
	// between the two removals: either way the folder is reported.
	must(t, os.RemoveAll(filepath.Join(root, "articles")))
	if got := collect(t, w, root, "articles"); !slices.Equal(got, []string{"articles"}) && !slices.Equal(got, []string{"articles", "articles/a.md"}) {
		t.Fatalf("removing articles/ reported %q, want articles (and perhaps articles/a.md)", got)
	}

	// Editor temporaries and chmods are left out of polled folders too.
	write(t, filepath.Join(root, "roles", ".po.md.swp"), "x")
	write(t, filepath.Join(root, "roles", "po.md~"), "x")
	must(t, os.Chmod(filepath.Join(root, "roles", "po.md"), 0o600))
	write(t, filepath.Join(root, "roles", "sentinel.md"), "x")
	expect(t, w, root, "roles/sentinel.md")

	write(t, filepath.Join(root, "index.md"), "changed") // kernel-watched
	expect(t, w, root, "index.md")

	want := []string{"watch: the system's file-watch limit is reached; polling 2 folders instead (raise fs.inotify.max_user_watches to avoid this)"}
	if got := log.get(); !slices.Equal(got, want) {
		t.Fatalf("logged %q, want %q", got, want)
	}
	noErrors(t, w)
}

func TestSnapshotSeesSameSizeRewrite(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "sub", "a.md"), "one")
	w := start(t, []string{root}, Options{MaxWatches: 1, PollInterval: 20 * time.Millisecond})

	// Same size; only the mod time tells, and the kernel's file clock may
	// tick as slowly as every 10ms.
	time.Sleep(25 * time.Millisecond)
	write(t, filepath.Join(root, "sub", "a.md"), "two")
	expect(t, w, root, "sub/a.md")
}
