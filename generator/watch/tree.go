package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// tree keeps one watch per folder: a kernel watch while the system allows
// it, polling after that. It is owned by one goroutine at a time (New, then
// the watcher's loop) and needs no lock.
type tree struct {
	roots      *roots
	fsw        *fsnotify.Watcher // nil when the system gave no watcher at all
	maxWatches int
	logf       func(format string, args ...any)
	changed    func(path string) // records a wanted path in the pending batch
	report     func(err error)   // passes on a non-fatal error

	dirs map[string]*dir
	// missing are folders New watches on their own (roots and the folders of
	// files given to New) that do not exist right now: they are looked for
	// again on every poll tick and after every creation, and watched as soon
	// as they are back.
	missing   map[string]bool
	kernel    int  // folders with a kernel watch
	polled    int  // folders watched by polling
	exhausted bool // the system refused a watch; new folders are polled
	noticed   bool // the polling notice has been logged
}

// dir is one watched folder. A polled folder keeps the listing it was last
// compared against.
type dir struct {
	polled bool
	snap   map[string]entry
}

// isLimit reports whether err means the system's watch or file limit is
// reached, which the watcher answers by polling instead of failing.
func isLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// addTree watches path and, when needed, the folders beneath it. With emit
// set, everything found is recorded as changed: the folder is new, and files
// may have landed in it before its watch existed.
func (t *tree) addTree(path string, emit bool) {
	entries, ok := t.register(path)
	if !ok {
		return
	}
	for _, e := range entries {
		child := filepath.Join(path, e.Name())
		if e.IsDir() && t.roots.needsWatch(child) {
			t.addTree(child, emit)
		}
		if emit && t.roots.wanted(child) {
			t.changed(child)
		}
	}
}

// register watches the folder path (again, if it is watched already) and
// returns its entries, listed after the watch was added so that no file
// slips between the two. It reports false when the folder cannot be read.
func (t *tree) register(path string) ([]fs.DirEntry, bool) {
	d, known := t.dirs[path]
	if !known {
		d = t.watch(path)
		if d == nil {
			return nil, false
		}
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		if !known {
			t.forget(path, d)
		}
		if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
			// A folder that vanished is no error: its removal arrives as a change.
			t.report(fmt.Errorf("watch: listing %q: %w", path, err))
		}
		return nil, false
	}
	if d.polled {
		d.snap = snapshot(path, entries)
	}
	t.dirs[path] = d
	return entries, true
}

// watch gives path a kernel watch, or a polled one when the limit is reached.
// It returns nil when the folder cannot be watched at all.
func (t *tree) watch(path string) *dir {
	if t.fsw != nil && !t.exhausted && (t.maxWatches == 0 || t.kernel < t.maxWatches) {
		err := t.fsw.Add(path)
		if err == nil {
			t.kernel++
			return &dir{}
		}
		if !isLimit(err) {
			if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
				t.report(fmt.Errorf("watch: watching %q: %w", path, err))
			}
			return nil
		}
		t.exhausted = true
	}
	t.polled++
	return &dir{polled: true}
}

// forget releases the watch that watch gave the folder path.
func (t *tree) forget(path string, d *dir) {
	if d.polled {
		t.polled--
		return
	}
	t.kernel--
	if t.fsw != nil {
		_ = t.fsw.Remove(path) // it may be gone already; nothing to undo then
	}
}

// drop stops watching path and every folder beneath it, after the folder
// was removed or renamed away.
func (t *tree) drop(path string) {
	if t.dirs[path] == nil && !t.roots.holdsStart(path) {
		return // most removed paths are files: spare them the scan
	}
	prefix := path + string(filepath.Separator)
	for p, d := range t.dirs {
		if p != path && !strings.HasPrefix(p, prefix) {
			continue
		}
		delete(t.dirs, p)
		t.forget(p, d)
		if t.roots.isRoot(p) || t.roots.isFileParent(p) {
			t.missing[p] = true
		}
	}
	t.revive() // it may be back already: `rm -rf x && git checkout x`
}

// revive watches again the missing folders that exist again, and records
// what they hold as changed: files may have landed in them before the watch.
func (t *tree) revive() {
	for p := range t.missing {
		if t.dirs[p] != nil {
			delete(t.missing, p) // a parent's creation event got there first
			continue
		}
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			continue
		}
		delete(t.missing, p)
		if t.roots.isRoot(p) {
			t.addTree(p, true)
			t.changedIfWanted(p)
			continue
		}
		t.register(p)
		for _, f := range t.roots.files {
			if filepath.Dir(f) == p {
				if _, err := os.Lstat(f); err == nil {
					t.changedIfWanted(f)
				}
			}
		}
	}
}

// notice logs, once per watcher, that folders are being polled.
func (t *tree) notice() {
	if t.polled == 0 || t.noticed {
		return
	}
	t.noticed = true
	t.logf("watch: the system's file-watch limit is reached; polling %d folders instead (raise fs.inotify.max_user_watches to avoid this)", t.polled)
}

// setup watches the folders given to New, with their subtrees, and the
// folders of the files given to New.
func (t *tree) setup() {
	for _, d := range t.roots.dirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			t.missing[d] = true // a folder given to New that is not there yet
			continue
		}
		t.addTree(d, false)
	}
	for _, f := range t.roots.files {
		if parent := filepath.Dir(f); t.dirs[parent] == nil {
			t.register(parent)
		}
	}
}

// rescan brings the watches up to date after events were lost: folders that
// are gone lose their watches, folders that appeared get one.
func (t *tree) rescan() {
	for p := range t.dirs {
		if info, err := os.Stat(p); err != nil || !info.IsDir() {
			t.drop(p)
		}
	}
	t.setup()
}
