package watch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// holdAt returns an Ignore function that keeps the watcher from going on
// with path until release is called, so that a test can change files before
// the watcher gets to add a folder's watch, which otherwise is a race.
func holdAt(path string) (ignore func(string) bool, release func()) {
	gate := make(chan struct{})
	var once sync.Once
	ignore = func(p string) bool {
		if p == path {
			select {
			case <-gate:
			case <-time.After(timeout):
			}
		}
		return false
	}
	release = func() { once.Do(func() { close(gate) }) }
	return ignore, release
}

func TestFolderCreatedWithFileInside(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ignore, release := holdAt(filepath.Join(root, "a"))
	defer release()
	w := start(t, []string{root}, Options{Ignore: ignore})

	// The file lands before the watcher adds a watch for "a".
	must(t, os.Mkdir(filepath.Join(root, "a"), 0o755))
	write(t, filepath.Join(root, "a", "c.md"), "x")
	release()
	expect(t, w, root, "a", "a/c.md")

	// Then the new folder is watched like any other.
	write(t, filepath.Join(root, "a", "c.md"), "y")
	expect(t, w, root, "a/c.md")
}

func TestNestedFoldersCreatedAtOnce(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	ignore, release := holdAt(filepath.Join(root, "a"))
	defer release()
	w := start(t, []string{root}, Options{Ignore: ignore})

	write(t, filepath.Join(root, "a", "b", "c", "x.md"), "x")
	release()
	expect(t, w, root, "a", "a/b", "a/b/c", "a/b/c/x.md")

	write(t, filepath.Join(root, "a", "b", "c", "x.md"), "y")
	expect(t, w, root, "a/b/c/x.md")
}

func TestFolderDeleted(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "a", "x.md"), "x")
	write(t, filepath.Join(root, "a", "b", "y.md"), "y")
	w := start(t, []string{root}, Options{})

	must(t, os.RemoveAll(filepath.Join(root, "a")))
	expect(t, w, root, "a", "a/b", "a/b/y.md", "a/x.md")

	// A folder made again under the same name is watched afresh.
	write(t, filepath.Join(root, "a", "b", "z.md"), "z")
	expect(t, w, root, "a", "a/b", "a/b/z.md")
	write(t, filepath.Join(root, "a", "b", "z.md"), "zz")
	expect(t, w, root, "a/b/z.md")
	noErrors(t, w)
}

// TestFolderRenamed guards against stale watches: the kernel keeps watching a
// moved folder, and a watch left under the old name would report later saves
// at paths that no longer exist.
func TestFolderRenamed(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "a", "s", "x.md"), "x")
	w := start(t, []string{root}, Options{})

	must(t, os.Rename(filepath.Join(root, "a"), filepath.Join(root, "b")))
	expect(t, w, root, "a", "b", "b/s", "b/s/x.md")

	write(t, filepath.Join(root, "b", "s", "x.md"), "y")
	expect(t, w, root, "b/s/x.md")
}

func TestFolderMovedIn(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	outside := t.TempDir()
	write(t, filepath.Join(outside, "guide", "roles", "po.md"), "x")
	w := start(t, []string{root}, Options{})

	must(t, os.Rename(filepath.Join(outside, "guide"), filepath.Join(root, "guide")))
	expect(t, w, root, "guide", "guide/roles", "guide/roles/po.md")
}

func TestFolderMovedOut(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	outside := t.TempDir()
	write(t, filepath.Join(root, "guide", "roles", "po.md"), "x")
	w := start(t, []string{root}, Options{})

	must(t, os.Rename(filepath.Join(root, "guide"), filepath.Join(outside, "guide")))
	expect(t, w, root, "guide")

	// The moved folder is no longer watched.
	write(t, filepath.Join(outside, "guide", "roles", "po.md"), "y")
	write(t, filepath.Join(root, "sentinel.md"), "x")
	expect(t, w, root, "sentinel.md")
}

func TestFileGivenToNew(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	config := filepath.Join(root, "playbook.toml")
	write(t, config, "title = 'a'")
	write(t, filepath.Join(root, "other.md"), "x")
	w := start(t, []string{config}, Options{})

	write(t, filepath.Join(root, "other.md"), "y")
	write(t, filepath.Join(root, "sub", "z.md"), "z")
	write(t, config, "title = 'b'")
	expect(t, w, root, "playbook.toml")

	// An editor's rename-over is followed too: the parent folder is watched,
	// not the replaced file.
	write(t, config+".tmp", "title = 'c'")
	must(t, os.Rename(config+".tmp", config))
	expect(t, w, root, "playbook.toml")
	write(t, config, "title = 'd'")
	expect(t, w, root, "playbook.toml")
}

func TestFileGivenToNewMayNotExistYet(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	config := filepath.Join(root, "playbook.yaml")
	w := start(t, []string{config}, Options{})

	write(t, config, "title: a")
	expect(t, w, root, "playbook.yaml")
}

func TestFolderAndFileTogether(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	content := filepath.Join(root, "content")
	config := filepath.Join(root, "playbook.toml")
	write(t, filepath.Join(content, "index.md"), "x")
	w := start(t, []string{content, config}, Options{})

	write(t, filepath.Join(root, "README.md"), "x")
	write(t, config, "x")
	write(t, filepath.Join(content, "index.md"), "y")
	expect(t, w, root, "content/index.md", "playbook.toml")
}

func TestRelativePathsComeBackAbsolute(t *testing.T) {
	root := t.TempDir()
	t.Chdir(root)
	must(t, os.Mkdir("content", 0o755))
	w := start(t, []string{"content"}, Options{})

	write(t, filepath.Join(root, "content", "a.md"), "x")
	expect(t, w, root, "content/a.md") // collect fails on relative paths
}

// TestRootRemovedAndRecreated removes a folder given to New whose parent
// nobody watches, as themes/default is, and makes it again: its files, and
// later edits in it, are seen as before, and nothing is reported as an
// error.
func TestRootRemovedAndRecreated(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	theme := filepath.Join(site, "themes", "default")
	write(t, filepath.Join(theme, "templates", "page.html"), "x")
	w := start(t, []string{theme}, Options{PollInterval: 20 * time.Millisecond})

	must(t, os.RemoveAll(theme))
	expect(t, w, site, "themes/default", "themes/default/templates", "themes/default/templates/page.html")

	write(t, filepath.Join(theme, "templates", "page.html"), "y")
	expect(t, w, site, "themes/default", "themes/default/templates", "themes/default/templates/page.html")

	write(t, filepath.Join(theme, "templates", "page.html"), "z")
	write(t, filepath.Join(theme, "static", "site.css"), "a {}")
	expect(t, w, site, "themes/default/templates/page.html", "themes/default/static", "themes/default/static/site.css")
	noErrors(t, w)
}

// TestRootRenamedAwayAndBack renames the content folder away and back, as a
// branch switch or a careful author does; its parent is watched, for the
// config file beside it.
func TestRootRenamedAwayAndBack(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	content := filepath.Join(site, "content")
	write(t, filepath.Join(content, "a.md"), "x")
	w := start(t, []string{content, filepath.Join(site, "playbook.toml")}, Options{PollInterval: 20 * time.Millisecond})

	must(t, os.Rename(content, filepath.Join(site, "content.old")))
	expect(t, w, site, "content")
	must(t, os.Rename(filepath.Join(site, "content.old"), content))
	expect(t, w, site, "content", "content/a.md")

	write(t, filepath.Join(content, "a.md"), "y")
	expect(t, w, site, "content/a.md")
	noErrors(t, w)
}

// TestFolderToCome watches a folder that does not exist yet, given with a
// trailing separator, under a parent that does not exist either.
func TestFolderToCome(t *testing.T) {
	t.Parallel()
	site := t.TempDir()
	theme := filepath.Join(site, "themes", "default")
	w := start(t, []string{theme + string(filepath.Separator)}, Options{PollInterval: 20 * time.Millisecond})

	write(t, filepath.Join(theme, "static", "site.css"), "a {}")
	expect(t, w, site, "themes/default", "themes/default/static", "themes/default/static/site.css")
	write(t, filepath.Join(theme, "static", "site.css"), "b {}")
	expect(t, w, site, "themes/default/static/site.css")
	noErrors(t, w)
}

func TestNewErrors(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if _, err := New(nil, Options{}); err == nil || err.Error() != "watch: no paths to watch" {
		t.Errorf("New(nil) error = %v, want %q", err, "watch: no paths to watch")
	}

	missing := filepath.Join(root, "missing", "playbook.toml")
	_, err := New([]string{missing}, Options{})
	want := `watch: folder of "` + missing + `": open ` + filepath.Join(root, "missing") + `: no such file or directory`
	if err == nil || err.Error() != want {
		t.Errorf("New(missing) error = %v, want %q", err, want)
	}
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("New(missing) error %v does not wrap os.ErrNotExist", err)
	}

	file := filepath.Join(root, "page.md")
	write(t, file, "x")
	_, err = New([]string{filepath.Join(file, "x.toml")}, Options{})
	if err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("New(file/x) error = %v, want a not-a-directory error", err)
	}
}
