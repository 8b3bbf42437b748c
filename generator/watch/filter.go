package watch

import (
	"path/filepath"
	"strings"
)

// editorTempSuffixes end the names of files that editors write beside the one
// being edited: backups (`~`), vim swap files, generic temporaries and
// JetBrains' "safe write" files.
var editorTempSuffixes = []string{"~", ".swp", ".swx", ".swo", ".tmp", "___jb_tmp___", "___jb_old___"}

// isEditorTemp reports whether a base name belongs to an editor's or the
// system's scratch files rather than to the site: the suffixes above, Emacs'
// `.#name` lock links and `#name#` autosaves, vim's `4913` write probe, and
// every hidden name (which covers `.DS_Store` and `.name.swp`).
func isEditorTemp(name string) bool {
	if name == "4913" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") {
		return true
	}
	for _, s := range editorTempSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// isSkippedDir reports whether a folder's name keeps it out of the watch:
// version control folders, node_modules and the IDE folders that are
// written all the time (.idea). Other dot folders are watched: pages link to
// files in them (GitBook keeps images in .gitbook/assets).
func isSkippedDir(name string) bool {
	switch name {
	case ".git", ".hg", ".svn", ".idea", "node_modules":
		return true
	}
	return false
}

// roots are the paths given to New, split into folders (watched recursively)
// and files (watched through their parent folder).
type roots struct {
	dirs   []string
	files  []string
	ignore func(string) bool
}

// anyRoot reports whether some root folder holds path and accepts it: accept
// gets path relative to that root, "." for the root itself.
func (r *roots) anyRoot(path string, accept func(rel string) bool) bool {
	for _, d := range r.dirs {
		rel, ok := relTo(d, path)
		if ok && accept(rel) {
			return true
		}
	}
	return false
}

// relTo returns path relative to the folder dir, or ok false when path is
// not dir or beneath it.
func relTo(dir, path string) (rel string, ok bool) {
	if path == dir {
		return ".", true
	}
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if !strings.HasPrefix(path, prefix) {
		return "", false
	}
	return path[len(prefix):], true
}

// isFile reports whether path is one of the files given to New.
func (r *roots) isFile(path string) bool {
	for _, f := range r.files {
		if f == path {
			return true
		}
	}
	return false
}

// isFileParent reports whether dir is the folder of a file given to New.
func (r *roots) isFileParent(dir string) bool {
	for _, f := range r.files {
		if filepath.Dir(f) == dir {
			return true
		}
	}
	return false
}

// holdsStart reports whether path is, or is above, a folder that New
// watches on its own: a root folder or the folder of a file given to New.
func (r *roots) holdsStart(path string) bool {
	for _, d := range r.dirs {
		if _, ok := relTo(path, d); ok {
			return true
		}
	}
	for _, f := range r.files {
		if _, ok := relTo(path, filepath.Dir(f)); ok {
			return true
		}
	}
	return false
}

// isRoot reports whether dir is a folder given to New.
func (r *roots) isRoot(dir string) bool {
	for _, d := range r.dirs {
		if d == dir {
			return true
		}
	}
	return false
}

// needsWatch reports whether the folder dir must be watched: it lies in a
// root folder outside any skipped or ignored folder, or it holds a file given
// to New.
func (r *roots) needsWatch(dir string) bool {
	if r.isFileParent(dir) {
		return true
	}
	return r.anyRoot(dir, func(rel string) bool {
		if rel == "." {
			return true
		}
		for _, part := range strings.Split(rel, string(filepath.Separator)) {
			if isSkippedDir(part) {
				return false
			}
		}
		return !r.ignore(dir)
	})
}

// wanted reports whether a change to path belongs in a batch: it is a file
// given to New, or it lies in a root folder, outside any skipped folder, and
// is no editor temporary; in both cases Options.Ignore has the last word.
func (r *roots) wanted(path string) bool {
	if r.isFile(path) {
		return !r.ignore(path)
	}
	return r.anyRoot(path, func(rel string) bool {
		if rel != "." {
			parts := strings.Split(rel, string(filepath.Separator))
			last := len(parts) - 1
			for _, part := range parts[:last] {
				if isSkippedDir(part) {
					return false
				}
			}
			if isSkippedDir(parts[last]) || isEditorTemp(parts[last]) {
				return false
			}
		}
		return !r.ignore(path)
	})
}
