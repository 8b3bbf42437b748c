// Package testsite builds whole sites from txtar archives in tests: the
// archive holds the site's files, the test asserts on the files built.
package testsite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/playbookhq/playbook/generator/build"
)

// Site is a site written from an archive into a temporary folder.
type Site struct {
	T   testing.TB
	Dir string // the site root
	Out string // the output folder
	// Result and Err are those of the last Build.
	Result build.Result
	Err    error
}

// New writes the files of the txtar archive into a new temporary site root.
func New(t testing.TB, archive string) *Site {
	t.Helper()
	dir := t.TempDir()
	s := &Site{T: t, Dir: dir, Out: filepath.Join(dir, "public")}
	s.WriteArchive(archive)
	return s
}

// WriteArchive writes (or overwrites) the archive's files into the site.
func (s *Site) WriteArchive(archive string) {
	s.T.Helper()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		s.WriteFile(f.Name, string(f.Data))
	}
}

// WriteFile writes one file of the site, creating its folders.
func (s *Site) WriteFile(name, data string) {
	s.T.Helper()
	p := filepath.Join(s.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.T.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		s.T.Fatal(err)
	}
}

// SaveFile replaces one file of the site as an editor's safe write does:
// the data goes to a hidden file beside it, which is then renamed over it,
// so that a watcher never sees the file half written.
func (s *Site) SaveFile(name, data string) {
	s.T.Helper()
	p := filepath.Join(s.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.T.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".saving")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		s.T.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		s.T.Fatal(err)
	}
}

// Build builds the site with opts (Source and Destination default to the
// site's folders) and records the outcome.
func (s *Site) Build(opts build.Options) *Site {
	s.T.Helper()
	if opts.Source == "" {
		opts.Source = s.Dir
	}
	if opts.Destination == "" {
		opts.Destination = s.Out
	}
	s.Out = opts.Destination
	s.Result, s.Err = build.Build(opts)
	return s
}

// MustBuild builds the site and fails the test on any error.
func (s *Site) MustBuild(opts build.Options) *Site {
	s.T.Helper()
	s.Build(opts)
	if s.Err != nil {
		s.T.Fatalf("build failed:\n%v", s.Err)
	}
	return s
}

// Problems returns the build's error messages with the site folder removed
// from paths, one per line.
func (s *Site) Problems() string {
	s.T.Helper()
	if s.Err == nil {
		return ""
	}
	var p *build.Problems
	if !errors.As(s.Err, &p) {
		return s.Err.Error()
	}
	lines := make([]string, len(p.List))
	for i, d := range p.List {
		lines[i] = strings.ReplaceAll(d.String(), filepath.ToSlash(s.Dir)+"/", "")
	}
	return strings.Join(lines, "\n")
}

// File returns an output file's content, failing the test when it is missing.
func (s *Site) File(name string) string {
	s.T.Helper()
	data, err := os.ReadFile(filepath.Join(s.Out, filepath.FromSlash(name)))
	if err != nil {
		s.T.Fatalf("output file %s: %v", name, err)
	}
	return string(data)
}

// Exists reports whether the output has a file or folder at name.
func (s *Site) Exists(name string) bool {
	_, err := os.Stat(filepath.Join(s.Out, filepath.FromSlash(name)))
	return err == nil
}

// AssertContains fails the test unless the output file holds every fragment.
func (s *Site) AssertContains(name string, fragments ...string) {
	s.T.Helper()
	got := s.File(name)
	for _, f := range fragments {
		if !strings.Contains(got, f) {
			s.T.Errorf("%s: missing %q\n--- file ---\n%s", name, f, excerpt(got))
		}
	}
}

// AssertNotContains fails the test if the output file holds any fragment.
func (s *Site) AssertNotContains(name string, fragments ...string) {
	s.T.Helper()
	got := s.File(name)
	for _, f := range fragments {
		if strings.Contains(got, f) {
			s.T.Errorf("%s: unexpected %q", name, f)
		}
	}
}

func excerpt(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "\n…"
	}
	return s
}

// Tree returns every output file (slash paths, sorted) with its bytes.
func (s *Site) Tree() map[string]string {
	s.T.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(s.Out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.Out, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		s.T.Fatal(err)
	}
	return out
}
