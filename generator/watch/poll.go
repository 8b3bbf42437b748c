package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"syscall"
	"time"
)

// entry is what polling remembers of a folder's entry. Folders are compared
// by presence only: their mod time changes with every child, and each child
// folder is watched on its own.
type entry struct {
	isDir bool
	size  int64
	mod   time.Time
	typ   fs.FileMode // the type bits only: a chmod is no change
}

// snapshot records the entries of the folder path as listed by os.ReadDir.
// An entry that vanished between listing and stat is left out; polling
// reports it the next time if it existed before.
func snapshot(path string, entries []fs.DirEntry) map[string]entry {
	snap := make(map[string]entry, len(entries))
	for _, e := range entries {
		if e.IsDir() {
			snap[e.Name()] = entry{isDir: true}
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		snap[e.Name()] = entry{size: info.Size(), mod: info.ModTime(), typ: info.Mode().Type()}
	}
	return snap
}

// poll lists every polled folder and records what changed since last time.
func (t *tree) poll() {
	paths := make([]string, 0, t.polled)
	for p, d := range t.dirs {
		if d.polled {
			paths = append(paths, p)
		}
	}
	// Parents first, so that a removed subtree is dropped once, from the top.
	sort.Strings(paths)
	for _, p := range paths {
		if d, ok := t.dirs[p]; ok && d.polled {
			t.pollDir(p, d)
		}
	}
}

// pollDir compares the folder path with its last listing.
func (t *tree) pollDir(path string, d *dir) {
	entries, err := os.ReadDir(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
			t.gone(path)
			return
		}
		t.report(fmt.Errorf("watch: polling %q: %w", path, err))
		return
	}
	now := snapshot(path, entries)
	old := d.snap
	d.snap = now
	for name, e := range now {
		child := filepath.Join(path, name)
		was, existed := old[name]
		switch {
		case !existed:
			t.appeared(child, e)
		case was.isDir != e.isDir:
			t.gone(child)
			t.appeared(child, e)
		case was != e && !e.isDir:
			t.changedIfWanted(child)
		}
	}
	for name := range old {
		if _, ok := now[name]; !ok {
			t.gone(filepath.Join(path, name))
		}
	}
}

// appeared handles a new entry found by polling: a new folder is watched and
// its files recorded, as for a folder created under a kernel watch.
func (t *tree) appeared(path string, e entry) {
	if e.isDir && t.roots.needsWatch(path) {
		t.addTree(path, true)
	}
	t.changedIfWanted(path)
}

// gone handles an entry that vanished: its watches go and its path is recorded.
func (t *tree) gone(path string) {
	t.drop(path)
	t.changedIfWanted(path)
}

func (t *tree) changedIfWanted(path string) {
	if t.roots.wanted(path) {
		t.changed(path)
	}
}
