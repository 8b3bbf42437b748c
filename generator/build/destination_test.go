package build_test

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
)

// destinationSite is the site the destination tests build: it lives at
// root/repo/site, with a theme override and a config file.
const destinationSite = `
-- playbook.toml --
title = "Dest"
-- content/_index.md --
# Home
-- content/roles/po.md --
# PO
-- themes/default/static/css/extra.css --
p { color: red; }
`

// refusal is a destination that a build must refuse, and the exact error.
type refusal struct {
	name string
	// dest returns the destination, a file that must survive it ("" for
	// none) and the error wanted, given the temporary root and the site
	// folder root/repo/site. In the error, DEST stands for the quoted
	// destination as written and SITE for the site folder.
	dest func(t *testing.T, root, site string) (dest, keep, want string)
}

const (
	ownFolder = `; choose an output folder of its own, such as "SITE/public"`
	cleanHint = "; delete them yourself, or pass --cleanDestinationDir to replace the folder with all it holds"
)

var refusals = []refusal{
	{"the source folder", func(t *testing.T, root, site string) (string, string, string) {
		return site, filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the site's folder, or a folder that holds it" + ownFolder
	}},
	{"the repository root above the site", func(t *testing.T, root, site string) (string, string, string) {
		repo := filepath.Dir(site)
		writeHostileFile(t, filepath.Join(repo, ".git", "HEAD"), "keep\n")
		return repo, filepath.Join(repo, ".git", "HEAD"), "refusing to build into DEST: it is the site's folder, or a folder that holds it" + ownFolder
	}},
	{"the content folder", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "content"), filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"the content folder with a trailing slash", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "content") + "/", filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"the content folder through ..", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "content", "roles") + "/../../content", filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"the content folder through a symbolic link", func(t *testing.T, root, site string) (string, string, string) {
		link := filepath.Join(root, "out")
		if err := os.Symlink(filepath.Join(site, "content"), link); err != nil {
			t.Fatal(err)
		}
		return link, filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{".. after a symbolic link, as the kernel reads it", func(t *testing.T, root, site string) (string, string, string) {
		// root/l/.. is site/content: the link's target's parent, not root.
		if err := os.Symlink(filepath.Join(site, "content", "roles"), filepath.Join(root, "l")); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(root, "l") + "/..", filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"a folder inside the content folder", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "content", "roles"), filepath.Join(site, "content", "roles", "po.md"), "refusing to build into DEST: it is the content folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"the themes folder", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "themes"), filepath.Join(site, "themes", "default", "static", "css", "extra.css"), "refusing to build into DEST: it is the themes folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"a new folder inside the theme", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "themes", "default", "out"), filepath.Join(site, "themes", "default", "static", "css", "extra.css"), "refusing to build into DEST: it is the themes folder, a folder inside it or one that holds it" + ownFolder
	}},
	{"the config file", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "playbook.toml"), filepath.Join(site, "playbook.toml"), "refusing to build into DEST: it is the site's config file" + ownFolder
	}},
	{"a config file that does not exist yet", func(t *testing.T, root, site string) (string, string, string) {
		return filepath.Join(site, "playbook.yaml"), "", "refusing to build into DEST: it is the site's config file" + ownFolder
	}},
	{"$HOME", func(t *testing.T, root, site string) (string, string, string) {
		// A stand-in home, so that a build that is not refused deletes
		// a temporary folder and not the real one.
		t.Setenv("HOME", root)
		writeHostileFile(t, filepath.Join(root, ".bashrc"), "keep\n")
		return root, filepath.Join(root, ".bashrc"), "refusing to build into DEST: it is the home folder, or a folder that holds it" + ownFolder
	}},
	{"the folder that holds $HOME", func(t *testing.T, root, site string) (string, string, string) {
		home := filepath.Join(root, "home", "me")
		t.Setenv("HOME", home)
		writeHostileFile(t, filepath.Join(home, ".bashrc"), "keep\n")
		return filepath.Join(root, "home"), filepath.Join(home, ".bashrc"), "refusing to build into DEST: it is the home folder, or a folder that holds it" + ownFolder
	}},
	{"/", func(t *testing.T, root, site string) (string, string, string) {
		return "/", "", "refusing to build into DEST: it is the root of the file system" + ownFolder
	}},
	{"a folder of a git repository", func(t *testing.T, root, site string) (string, string, string) {
		repo := filepath.Join(root, "other")
		writeHostileFile(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
		writeHostileFile(t, filepath.Join(repo, "src", "main.go"), "package main\n")
		return filepath.Join(repo, "src"), filepath.Join(repo, "src", "main.go"),
			`refusing to replace DEST: it holds files that playbook did not write, such as "main.go"` + cleanHint
	}},
	{"a git repository", func(t *testing.T, root, site string) (string, string, string) {
		repo := filepath.Join(root, "other")
		writeHostileFile(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
		return repo, filepath.Join(repo, ".git", "HEAD"), "refusing to build into DEST: it is a git repository" + ownFolder
	}},
	{"a folder of the author's files", func(t *testing.T, root, site string) (string, string, string) {
		dir := filepath.Join(root, "notes")
		writeHostileFile(t, filepath.Join(dir, "b", "todo.txt"), "keep\n")
		writeHostileFile(t, filepath.Join(dir, "a.txt"), "keep\n")
		return dir, filepath.Join(dir, "b", "todo.txt"), `refusing to replace DEST: it holds files that playbook did not write, such as "a.txt"` + cleanHint
	}},
	{"a file", func(t *testing.T, root, site string) (string, string, string) {
		f := filepath.Join(root, "file.txt")
		writeHostileFile(t, f, "keep\n")
		return f, f, "refusing to build into DEST: it is a file, not a folder" + ownFolder
	}},
	{"a symbolic link to a file", func(t *testing.T, root, site string) (string, string, string) {
		f := filepath.Join(root, "file.txt")
		writeHostileFile(t, f, "keep\n")
		if err := os.Symlink(f, filepath.Join(root, "link")); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(root, "link"), f, "refusing to build into DEST: it is a file, not a folder" + ownFolder
	}},
}

// TestDangerousDestinationIsRefused builds into places that must never be
// replaced by a site: replacing them deletes the author's work. Each is
// refused, with its reason, before anything is written, and stays as it was.
func TestDangerousDestinationIsRefused(t *testing.T) {
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			s := siteAt(t, filepath.Join(root, "repo", "site"), destinationSite)
			dest, keep, want := tt.dest(t, root, s.Dir)
			before := treeOf(t, root)
			_, err := build.Build(build.Options{Source: s.Dir, Destination: dest})
			if err == nil {
				t.Fatalf("building into %s (%s) was not refused", tt.name, dest)
			}
			want = strings.NewReplacer("DEST", quote(dest), "SITE", s.Dir).Replace(want)
			if err.Error() != want {
				t.Errorf("error:\n%v\nwant:\n%s", err, want)
			}
			if keep != "" {
				if _, statErr := os.Stat(keep); statErr != nil {
					t.Errorf("building into %s deleted %s: %v", tt.name, keep, statErr)
				}
			}
			if after := treeOf(t, root); strings.Join(after, "\n") != strings.Join(before, "\n") {
				t.Errorf("a refused build changed the files:\nbefore:\n%s\nafter:\n%s", strings.Join(before, "\n"), strings.Join(after, "\n"))
			}
		})
	}
}

// TestCleanDestinationDirReplacesOtherFiles checks that the flag replaces a
// folder of files playbook did not write, and nothing more: the places that
// are never an output are refused with the flag too.
func TestCleanDestinationDirReplacesOtherFiles(t *testing.T) {
	root := t.TempDir()
	s := siteAt(t, filepath.Join(root, "repo", "site"), destinationSite)
	dir := filepath.Join(root, "notes")
	writeHostileFile(t, filepath.Join(dir, "a.txt"), "gone\n")
	if _, err := build.Build(build.Options{Source: s.Dir, Destination: dir, CleanDestinationDir: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.txt")); !os.IsNotExist(err) {
		t.Errorf("a.txt is still in the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "roles", "po", "index.html")); err != nil {
		t.Errorf("the site was not built: %v", err)
	}

	for _, tt := range refusals {
		if strings.Contains(tt.name, "author's files") || strings.Contains(tt.name, "folder of a git repository") {
			continue // what the flag is for
		}
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			s := siteAt(t, filepath.Join(root, "repo", "site"), destinationSite)
			dest, keep, want := tt.dest(t, root, s.Dir)
			_, err := build.Build(build.Options{Source: s.Dir, Destination: dest, CleanDestinationDir: true})
			want = strings.NewReplacer("DEST", quote(dest), "SITE", s.Dir).Replace(want)
			if err == nil || err.Error() != want {
				t.Errorf("error:\n%v\nwant:\n%s", err, want)
			}
			if keep != "" {
				if _, statErr := os.Stat(keep); statErr != nil {
					t.Errorf("building into %s deleted %s: %v", tt.name, keep, statErr)
				}
			}
		})
	}
}

// TestOutputIsMarked checks that every output lists the files it holds in
// .playbook-output, and that the next build replaces such a folder, and an
// empty one, without being asked to.
func TestOutputIsMarked(t *testing.T) {
	root := t.TempDir()
	s := siteAt(t, filepath.Join(root, "site"), destinationSite)
	if err := os.MkdirAll(s.Out, 0o755); err != nil {
		t.Fatal(err)
	}
	s.MustBuild(build.Options{}) // into an empty folder
	marker := s.File(".playbook-output")
	var files []string
	for name := range s.Tree() {
		if name != ".playbook-output" {
			files = append(files, name)
		}
	}
	sort.Strings(files)
	header, list, _ := strings.Cut(marker, "\n")
	if header != "# Written by playbook build, which replaces this folder whole: files not listed here are not its own." {
		t.Errorf("marker header %q", header)
	}
	if list != strings.Join(files, "\n")+"\n" {
		t.Errorf("the marker lists:\n%s\nthe output holds:\n%s", list, strings.Join(files, "\n"))
	}
	s.WriteFile("content/roles/sm.md", "# SM\n")
	s.MustBuild(build.Options{})
	s.AssertContains("roles/sm/index.html", "SM")
}

// TestHandAddedOutputFileIsRefused puts a file into a marked output by hand:
// the next build would delete it, so it refuses and names it.
func TestHandAddedOutputFileIsRefused(t *testing.T) {
	root := t.TempDir()
	s := siteAt(t, filepath.Join(root, "site"), destinationSite)
	s.MustBuild(build.Options{})
	writeHostileFile(t, filepath.Join(s.Out, "CNAME"), "handbook.example.org\n")
	s.Build(build.Options{})
	want := `refusing to replace "` + s.Out + `": "CNAME" is not a file playbook wrote there (.playbook-output does not list it); move it into the content folder, which publishes it, or pass --cleanDestinationDir to replace the folder with all it holds`
	if s.Err == nil || s.Err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", s.Err, want)
	}
	if data := s.File("CNAME"); data != "handbook.example.org\n" {
		t.Errorf("CNAME holds %q", data)
	}
	// Moved into the content folder, it is published, and the build goes on.
	if err := os.Rename(filepath.Join(s.Out, "CNAME"), filepath.Join(s.Dir, "content", "CNAME")); err != nil {
		t.Fatal(err)
	}
	s.MustBuild(build.Options{})
	s.AssertContains("CNAME", "handbook.example.org")
}

// TestEarlierOutputNeedsTheFlagOnce builds into an output written before
// outputs were marked: it is refused with a message that says how to go on,
// and after one build with --cleanDestinationDir no flag is needed.
func TestEarlierOutputNeedsTheFlagOnce(t *testing.T) {
	root := t.TempDir()
	s := siteAt(t, filepath.Join(root, "site"), destinationSite)
	s.MustBuild(build.Options{})
	if err := os.Remove(filepath.Join(s.Out, ".playbook-output")); err != nil {
		t.Fatal(err)
	}
	s.Build(build.Options{})
	want := `refusing to replace "` + s.Out + `": it looks like the output of an earlier version of playbook, which did not mark its output folders; pass --cleanDestinationDir once to replace it (the builds after that mark it), or delete it yourself`
	if s.Err == nil || s.Err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", s.Err, want)
	}
	s.MustBuild(build.Options{CleanDestinationDir: true})
	s.MustBuild(build.Options{})
}

// treeOf lists every file and folder under root with its size, following
// no link.
func treeOf(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		out = append(out, p+" "+info.Mode().String())
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return out
}

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// TestPreviewFolderInsideContentIsRefused gives a serve session an output
// folder inside the content folder, where serve's temporary folder lands
// when TMPDIR points there: the site would publish its own output.
func TestPreviewFolderInsideContentIsRefused(t *testing.T) {
	root := t.TempDir()
	s := siteAt(t, filepath.Join(root, "site"), destinationSite)
	dest := filepath.Join(s.Dir, "content", "playbook-serve-1", "site")
	_, err := build.NewSession(build.Options{Source: s.Dir}, dest).Build(nil)
	want := `the preview folder "` + dest + `" is inside "` + filepath.Join(s.Dir, "content") + `", which the site reads: set TMPDIR to a folder outside the site`
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", err, want)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("the preview folder was written: %v", err)
	}
}
