package build

// A build replaces its output folder whole (see write.go), so whatever is at
// the destination is deleted. Two rules keep that from deleting anyone's
// work. Some places are never an output, whatever the flags: the file
// system's root, the home folder, the current folder, the site's folder, its
// content and themes folders, its config files, a git repository, and any
// folder that holds one of them. Anything else is replaced only when it is
// missing, empty, or an output a build wrote before: every build writes
// .playbook-output, the list of the files it wrote, and a folder holding a
// file that list does not name is refused, unless --cleanDestinationDir says
// to replace it anyway. Paths are compared as the kernel reads them:
// symbolic links resolved, ".." taken after them.

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"github.com/playbookhq/playbook/generator/config"
)

// markerName is the file every output holds: the list of the files the
// build wrote, after a header line.
const markerName = ".playbook-output"

// markerHeader is the marker's first line.
const markerHeader = "# Written by playbook build, which replaces this folder whole: files not listed here are not its own."

// checkDestination refuses the places that are never an output folder: dest
// as written, real as resolved by realPath.
func checkDestination(source string, cfg config.Config, dest, real string) error {
	refuse := func(why string) error {
		return fmt.Errorf("refusing to build into %q: it is %s; choose an output folder of its own, such as %q", dest, why, filepath.Join(source, "public"))
	}
	if real == filepath.Dir(real) {
		return refuse("the root of the file system")
	}
	holds := func(p string) bool {
		r, err := realPath(p)
		return err == nil && within(r, real)
	}
	inOrHolds := func(p string) bool {
		r, err := realPath(p)
		return err == nil && (within(r, real) || within(real, r))
	}
	if home, err := os.UserHomeDir(); err == nil && holds(home) {
		return refuse("the home folder, or a folder that holds it")
	}
	if holds(source) {
		return refuse("the site's folder, or a folder that holds it")
	}
	if wd, err := os.Getwd(); err == nil && holds(wd) {
		return refuse("the current folder, or a folder that holds it")
	}
	if inOrHolds(filepath.Join(source, cfg.ContentDir)) {
		return refuse("the content folder, a folder inside it or one that holds it")
	}
	if inOrHolds(cfg.ThemesFolder(source)) || inOrHolds(cfg.ThemeDir(source)) {
		return refuse("the themes folder, a folder inside it or one that holds it")
	}
	for _, name := range config.FileNames {
		if r, err := realPath(filepath.Join(source, name)); err == nil && r == real {
			return refuse("the site's config file")
		}
	}
	info, err := os.Stat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder %q: %w", dest, err)
	case !info.IsDir():
		return refuse("a file, not a folder")
	}
	if _, err := os.Lstat(filepath.Join(real, ".git")); err == nil {
		return refuse("a git repository")
	}
	return nil
}

// checkReplaceable refuses an existing output folder that holds files a build
// did not write, unless clean is set: dest as written, real as resolved.
func checkReplaceable(dest, real string, clean bool) error {
	if clean {
		return nil
	}
	listed, marked, err := readMarker(real)
	if err != nil {
		return fmt.Errorf("output folder %q: %w", dest, err)
	}
	var foreign string
	err = filepath.WalkDir(real, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == real && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(real, p)
		rel = filepath.ToSlash(rel)
		if rel == markerName && marked {
			return nil
		}
		if !marked || !listed[rel] || !d.Type().IsRegular() {
			foreign = rel
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("output folder %q: %w", dest, err)
	}
	const flag = "pass --cleanDestinationDir to replace the folder with all it holds"
	switch {
	case foreign == "":
		return nil
	case marked:
		return fmt.Errorf("refusing to replace %q: %q is not a file playbook wrote there (%s does not list it); move it into the content folder, which publishes it, or %s", dest, foreign, markerName, flag)
	case looksLikeEarlierOutput(real):
		return fmt.Errorf("refusing to replace %q: it looks like the output of an earlier version of playbook, which did not mark its output folders; pass --cleanDestinationDir once to replace it (the builds after that mark it), or delete it yourself", dest)
	}
	return fmt.Errorf("refusing to replace %q: it holds files that playbook did not write, such as %q; delete them yourself, or %s", dest, foreign, flag)
}

// readMarker reads the list of files of an earlier output; marked is false
// when the folder has no marker.
func readMarker(dir string) (listed map[string]bool, marked bool, err error) {
	f, err := os.Open(filepath.Join(dir, markerName))
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	listed = map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for first := true; sc.Scan(); first = false {
		line := sc.Text()
		if first {
			if line != markerHeader {
				return nil, false, nil // not our marker
			}
			continue
		}
		listed[line] = true
	}
	return listed, true, sc.Err()
}

// marker returns the marker of an output holding files.
func marker(files []string) []byte {
	var b strings.Builder
	b.WriteString(markerHeader + "\n")
	for _, f := range files {
		b.WriteString(f + "\n")
	}
	return []byte(b.String())
}

// earlierAsset is the fingerprinted stylesheet every output of playbook
// has written, before outputs were marked as well.
var earlierAsset = regexp.MustCompile(`^playbook\.[0-9a-f]{8}\.css$`)

// looksLikeEarlierOutput reports whether an unmarked folder has the shape of
// an output written by a playbook that did not mark its outputs: a home
// page, a 404 page, a sitemap and the fingerprinted stylesheet.
func looksLikeEarlierOutput(dir string) bool {
	for _, f := range []string{"index.html", "404.html", "sitemap.xml", "robots.txt"} {
		if info, err := os.Lstat(filepath.Join(dir, f)); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "css"))
	for _, e := range entries {
		if earlierAsset.MatchString(e.Name()) {
			return true
		}
	}
	return false
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator)) || dir == string(filepath.Separator)
}

// realPath returns the absolute path p names, as the kernel reads it: the
// symbolic links of its existing part resolved, and ".." after a link taken
// from the link's target (root/link/.. is the target's parent, not root).
// The part that does not exist yet is cleaned, since the build creates it.
func realPath(p string) (string, error) {
	if !filepath.IsAbs(p) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		p = wd + string(filepath.Separator) + p
	}
	parts := strings.Split(p, string(filepath.Separator))
	for i := len(parts); i > 1; i-- {
		prefix := strings.Join(parts[:i], string(filepath.Separator))
		if r, err := filepath.EvalSymlinks(prefix); err == nil {
			return filepath.Join(append([]string{r}, parts[i:]...)...), nil
		}
	}
	return filepath.Clean(p), nil
}
