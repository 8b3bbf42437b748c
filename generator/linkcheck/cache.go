package linkcheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// The cache is a convenience, never a source of truth: a file that is missing, unreadable,
// corrupt or written by another version is treated as empty, and only successes are kept, so a
// broken link is always fetched again.

const cacheVersion = 1

type cacheFile struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`
}

// cacheEntry is one URL (fragment removed) that answered 2xx at Checked.
type cacheEntry struct {
	Status  int       `json:"status"`
	Checked time.Time `json:"checked"`
}

// fresh reports whether e may stand in for a request at now.
func (e cacheEntry) fresh(now time.Time, maxAge time.Duration) bool {
	age := now.Sub(e.Checked)
	return isOK(e.Status) && age >= 0 && age < maxAge
}

// loadCache reads the cache file name. A file that cannot be read counts as empty, like a
// missing one: if its path is wrong, writing it at the end reports that.
func loadCache(name string) map[string]cacheEntry {
	var f cacheFile
	data, err := os.ReadFile(name)
	if err != nil || json.Unmarshal(data, &f) != nil || f.Version != cacheVersion || f.Entries == nil {
		return map[string]cacheEntry{}
	}
	return f.Entries
}

// saveCache writes entries to name through a temporary file in the same folder and a
// rename, so that a reader, or a run killed half-way, never sees half a file.
func saveCache(name string, entries map[string]cacheEntry) (err error) {
	data, err := json.MarshalIndent(cacheFile{Version: cacheVersion, Entries: entries}, "", "  ")
	if err != nil {
		return cacheErr("encode", name, err)
	}
	data = append(data, '\n')
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return cacheErr("write", name, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(name)+".*.tmp")
	if err != nil {
		return cacheErr("write", name, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return cacheErr("write", name, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return cacheErr("write", name, err)
	}
	if err = tmp.Close(); err != nil {
		return cacheErr("write", name, err)
	}
	if err = os.Rename(tmp.Name(), name); err != nil {
		return cacheErr("write", name, err)
	}
	return nil
}

// cacheErr wraps err for the cache file name, dropping the path an *fs.PathError or
// *os.LinkError already carries so that it is not printed twice.
func cacheErr(op, name string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("linkcheck: %s cache %q: %w", op, name, err)
}
