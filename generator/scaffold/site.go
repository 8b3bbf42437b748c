package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/internal/slug"
)

// Site is an existing site that pages are scaffolded into. Its config
// decides the content folder and the folder of each kind.
type Site struct {
	root string
	cfg  config.Config
	now  func() time.Time
	ci   string // the host whose CI file NewSite writes, if any
}

// Option configures Open and NewSite.
type Option func(*Site)

// WithClock sets the clock that dates articles and Q&A threads; the default
// is time.Now. Tests pass a fixed time.
func WithClock(now func() time.Time) Option {
	return func(s *Site) { s.now = now }
}

// Open reads the config of the site at root. It fails when the config has
// errors or the site has no content folder, so that a page is never written
// into a folder that is not a site.
func Open(root string, opts ...Option) (*Site, error) {
	s := &Site{root: root, now: time.Now}
	for _, o := range opts {
		o(s)
	}
	display := root
	if filepath.Clean(root) == "." {
		display = ""
	}
	cfg, diags, err := config.Load(root, display)
	if err != nil {
		return nil, err
	}
	if err := diags.Err(); err != nil {
		return nil, err
	}
	for kind, folder := range config.DefaultKinds() {
		if cfg.Kinds[kind] == "" {
			cfg.Kinds[kind] = folder
		}
	}
	s.cfg = cfg
	dir := s.contentDir()
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("no content folder at %q: run the command in a site folder, or pass the site with --source", dir)
	}
	return s, nil
}

// contentDir is the site's content folder.
func (s *Site) contentDir() string { return filepath.Join(s.root, s.cfg.ContentDir) }

// create writes the page id of kind, id.md in the kind's folder, and
// returns its path.
func (s *Site) create(kind, id string, data []byte) (string, error) {
	path := filepath.Join(s.contentDir(), s.cfg.Kinds[kind], id+".md")
	if err := writeNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// today is the date of the site's clock, as front matter writes it.
func (s *Site) today() string { return s.now().Format("2006-01-02") }

// writeNew creates the file at path, with its folders, and fails without
// touching it when it already exists.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the folder of %q: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%q already exists: choose another name, or edit that file", path)
	}
	if err != nil {
		return fmt.Errorf("creating %q: %w", path, err)
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	return nil
}

// slugOf returns the slug of a title, or an error saying why it has none.
func slugOf(title string) (string, error) {
	if id := slug.Make(title); id != "" {
		return id, nil
	}
	return "", fmt.Errorf("%q has no letters or digits to make a file name from", title)
}
