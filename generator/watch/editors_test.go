package watch

import (
	"os"
	"path/filepath"
	"testing"
)

// These tests replay what editors do on save and expect a batch with the
// real file only.

func TestWriteInPlace(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "a.md"), "one")
	w := start(t, []string{root}, Options{})

	write(t, filepath.Join(root, "a.md"), "two")
	expect(t, w, root, "a.md")
	noErrors(t, w)
}

func TestCreateFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	w := start(t, []string{root}, Options{})

	write(t, filepath.Join(root, "new.md"), "x")
	expect(t, w, root, "new.md")
}

func TestDeleteFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "a.md"), "x")
	w := start(t, []string{root}, Options{})

	must(t, os.Remove(filepath.Join(root, "a.md")))
	expect(t, w, root, "a.md")
}

func TestRenameOver(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "a.md")
	write(t, file, "one")
	w := start(t, []string{root}, Options{})

	write(t, file+".tmp", "two")
	must(t, os.Rename(file+".tmp", file))
	expect(t, w, root, "a.md")
}

func TestJetBrainsSafeWrite(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "a.md")
	write(t, file, "one")
	w := start(t, []string{root}, Options{})

	write(t, file+"___jb_tmp___", "two")
	must(t, os.Rename(file, file+"___jb_old___"))
	must(t, os.Rename(file+"___jb_tmp___", file))
	must(t, os.Remove(file+"___jb_old___"))
	expect(t, w, root, "a.md")
}

func TestVimSave(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "a.md")
	swap := filepath.Join(root, ".a.md.swp")
	write(t, file, "one")
	w := start(t, []string{root}, Options{})

	write(t, swap, "swap")
	write(t, filepath.Join(root, ".a.md.swx"), "swap")
	write(t, filepath.Join(root, "4913"), "")
	must(t, os.Remove(filepath.Join(root, "4913")))
	must(t, os.Rename(file, file+"~"))
	write(t, file, "two")
	must(t, os.Remove(file+"~"))
	write(t, swap, "swap again")
	must(t, os.Remove(swap))
	expect(t, w, root, "a.md")
}

func TestEmacsSave(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	file := filepath.Join(root, "a.md")
	lock := filepath.Join(root, ".#a.md")
	autosave := filepath.Join(root, "#a.md#")
	write(t, file, "one")
	w := start(t, []string{root}, Options{})

	must(t, os.Symlink("user@host.1234:1700000000", lock))
	write(t, autosave, "draft")
	must(t, os.Rename(file, file+"~"))
	write(t, file, "two")
	must(t, os.Remove(autosave))
	must(t, os.Remove(lock))
	expect(t, w, root, "a.md")
}

func TestChmodIsIgnored(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, "a.md"), "x")
	w := start(t, []string{root}, Options{})

	must(t, os.Chmod(filepath.Join(root, "a.md"), 0o600))
	// Events arrive in order, so a chmod that leaked would show up no later
	// than the sentinel written after it.
	write(t, filepath.Join(root, "sentinel.md"), "x")
	expect(t, w, root, "sentinel.md")
}

func TestVCSAndIDEFoldersAndNodeModulesAreSkipped(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	write(t, filepath.Join(root, ".git", "HEAD"), "ref")
	write(t, filepath.Join(root, "node_modules", "x", "index.js"), "x")
	w := start(t, []string{root}, Options{})

	write(t, filepath.Join(root, ".git", "HEAD"), "ref2")
	write(t, filepath.Join(root, ".git", "objects", "ab", "cd"), "blob")
	write(t, filepath.Join(root, "node_modules", "x", "index.js"), "y")
	write(t, filepath.Join(root, ".idea", "workspace.xml"), "x")
	write(t, filepath.Join(root, "docs", ".DS_Store"), "x")
	write(t, filepath.Join(root, "sentinel.md"), "x")
	expect(t, w, root, "docs", "sentinel.md")
}

func TestIgnoreOption(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	public := filepath.Join(root, "public")
	write(t, filepath.Join(public, "index.html"), "old")
	w := start(t, []string{root}, Options{Ignore: func(path string) bool {
		return path == public || filepath.Ext(path) == ".draft"
	}})

	write(t, filepath.Join(public, "index.html"), "new")
	write(t, filepath.Join(public, "roles", "index.html"), "new")
	write(t, filepath.Join(root, "idea.draft"), "x")
	write(t, filepath.Join(root, "sentinel.md"), "x")
	expect(t, w, root, "sentinel.md")
}
