package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkDestination refuses output folders that a build must never replace:
// a build swaps its output folder in whole, so building into the source,
// the content, a repository or the home folder would delete the author's
// work.
func checkDestination(source, contentDir, dest string) error {
	d, err := realPath(dest)
	if err != nil {
		return fmt.Errorf("output folder %q: %w", dest, err)
	}
	refuse := func(why string) error {
		return fmt.Errorf("refusing to build into %q: it is %s; choose an output folder of its own, such as %q", dest, why, filepath.Join(source, "public"))
	}
	if d == filepath.Dir(d) {
		return refuse("the root of the file system")
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := realPath(home); err == nil && h == d {
			return refuse("the home folder")
		}
	}
	src, err := realPath(source)
	if err == nil && within(src, d) {
		return refuse("the site's folder, or a folder that holds it")
	}
	if c, err := realPath(contentDir); err == nil && within(d, c) {
		return refuse("inside the content folder")
	}
	if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
		return refuse("a git repository")
	}
	return nil
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

// realPath returns the absolute, clean path with the symbolic links of its
// existing part resolved, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// Resolve the longest existing prefix; the rest does not exist yet.
	rest := ""
	for cur := abs; ; cur = filepath.Dir(cur) {
		if r, err := filepath.EvalSymlinks(cur); err == nil {
			return filepath.Join(r, rest), nil
		}
		if cur == filepath.Dir(cur) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
	}
}
