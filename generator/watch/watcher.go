package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher watches folders recursively, and single files, and sends their
// changes as batches. Create one with New and stop it with Close.
type Watcher struct {
	opts    Options
	fsw     *fsnotify.Watcher // nil when the system gave none: everything is polled
	tree    *tree
	pending *pending

	batches chan Batch
	errs    chan error
	done    chan struct{} // closed by Close
	stopped chan struct{} // closed when the loop has ended

	closeOnce sync.Once
	closeErr  error
}

// errBuffer is how many non-fatal errors wait for a reader before further
// ones are dropped.
const errBuffer = 16

// New starts watching paths. A folder is watched with everything beneath it
// except hidden folders and node_modules; a file is watched through its
// folder, so that editors that replace the file are followed, and it need
// not exist yet. A path that ends in a separator is a folder that need not
// exist yet either. A folder that is removed, or renamed away, is watched
// again, with everything in it, once it is back. New fails when there is
// nothing to watch, when a path's folder cannot be read, or when the system
// gives no watcher for another reason than its limits (at its limits,
// folders are polled instead).
func New(paths []string, opts Options) (*Watcher, error) {
	opts = opts.withDefaults()
	if len(paths) == 0 {
		return nil, errors.New("watch: no paths to watch")
	}
	r, err := newRoots(paths, opts.Ignore)
	if err != nil {
		return nil, err
	}

	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if !isLimit(err) {
			return nil, fmt.Errorf("watch: %w", err)
		}
		fsw = nil // out of inotify instances: poll every folder
	}

	w := &Watcher{
		opts:    opts,
		fsw:     fsw,
		pending: newPending(opts.Debounce, opts.MaxWait),
		batches: make(chan Batch),
		errs:    make(chan error, errBuffer),
		done:    make(chan struct{}),
		stopped: make(chan struct{}),
	}
	w.tree = &tree{
		roots:      r,
		fsw:        fsw,
		maxWatches: opts.MaxWatches,
		logf:       opts.Logf,
		changed:    func(path string) { w.pending.add(path, time.Now()) },
		report:     w.report,
		dirs:       map[string]*dir{},
		missing:    map[string]bool{},
	}
	if fsw == nil {
		w.tree.exhausted = true
	}
	w.tree.setup()
	w.tree.notice()
	go w.loop()
	return w, nil
}

// newRoots makes paths absolute and sorts them into folders and files.
func newRoots(paths []string, ignore func(string) bool) (*roots, error) {
	r := &roots{ignore: ignore}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("watch: %q: %w", p, err)
		}
		info, err := os.Stat(abs)
		if errors.Is(err, os.ErrNotExist) && strings.HasSuffix(p, string(filepath.Separator)) {
			r.dirs = append(r.dirs, abs) // a folder to come
			continue
		}
		if err == nil && info.IsDir() {
			if _, err := os.ReadDir(abs); err != nil {
				return nil, fmt.Errorf("watch: %w", err)
			}
			r.dirs = append(r.dirs, abs)
			continue
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("watch: %w", err)
		}
		if _, err := os.ReadDir(filepath.Dir(abs)); err != nil {
			return nil, fmt.Errorf("watch: folder of %q: %w", p, err)
		}
		r.files = append(r.files, abs)
	}
	return r, nil
}

// Batches delivers the batches of changes. It is closed by Close. A batch
// waits for a slow reader while later changes join it, so the reader never
// misses a change and the system's events are never held up.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers non-fatal errors, such as a folder that cannot be read or
// a watched folder that was removed. A folder that vanishes while being
// added is no error: its removal arrives in a batch. Errors nobody reads are
// dropped once a few are waiting, so ignoring the channel is safe. It is
// closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops the watcher and releases its goroutines and file descriptors.
// Calling it again does nothing and returns nil.
func (w *Watcher) Close() error {
	first := false
	w.closeOnce.Do(func() {
		first = true
		close(w.done)
		<-w.stopped
	})
	if !first {
		return nil
	}
	return w.closeErr
}

// report passes on a non-fatal error without ever blocking.
func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}
