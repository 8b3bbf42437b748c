package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/kinds"
	"github.com/playbookhq/playbook/generator/playbook"
)

// The site's own skeletons: its config, .gitignore, home page and guide.
//
//go:embed skeletons/*.tmpl
var skeletonFiles embed.FS

var skeletons = playbook.ParseSkeletons(skeletonFiles, "skeletons/*.tmpl")

// render fills in the site skeleton name (a file in skeletons/ without
// .tmpl) with data.
func render(name string, data any) ([]byte, error) {
	return playbook.FillSkeleton(skeletons, name+".tmpl", data)
}

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
	s.cfg = cfg
	dir := s.contentDir()
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("no content folder at %q: run the command in a site folder, or pass the site with --source", dir)
	}
	return s, nil
}

// contentDir is the site's content folder.
func (s *Site) contentDir() string { return filepath.Join(s.root, s.cfg.ContentDir) }

// Page writes a new page of the kind named kind (`role`, `qa`…) from the
// command's arguments, into the kind's folder, and returns its path.
func (s *Site) Page(kind string, args ...string) (string, error) {
	return s.page(kind, nil, args...)
}

// page writes a new page of kind with prefilled values (see
// playbook.SkeletonRequest.Prefill).
func (s *Site) page(kind string, prefill map[string]any, args ...string) (string, error) {
	var k playbook.Kind
	for _, c := range kinds.New() {
		if c.Name() == kind {
			k = c
		}
	}
	sc, ok := k.(playbook.Scaffolder)
	if !ok {
		return "", fmt.Errorf("no skeleton of the kind %q", kind)
	}
	if want := len(sc.Usage().Args); len(args) != want {
		return "", fmt.Errorf("a %s skeleton takes %d arguments (%s), not %d", kind, want, strings.Join(sc.Usage().Args, " "), len(args))
	}
	sk, err := sc.Skeleton(&playbook.SkeletonRequest{Args: args, Config: s.cfg, Today: s.today(), Pages: s.pages, Prefill: prefill})
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.contentDir(), playbook.FolderOf(s.cfg, k), sk.ID+".md")
	if err := writeNew(path, sk.Data); err != nil {
		return "", err
	}
	return path, nil
}

// pages returns the site's pages of a kind, drafts included, as the build
// reads them.
func (s *Site) pages(kind string) ([]*content.Page, error) {
	site, _, err := content.Load(content.Options{
		Dir:         s.contentDir(),
		DisplayDir:  filepath.ToSlash(s.contentDir()),
		Drafts:      true,
		KindFolders: playbook.Folders(s.cfg, kinds.New()),
	})
	if err != nil {
		return nil, err
	}
	var out []*content.Page
	for _, p := range site.Pages {
		if p.Kind() == kind {
			out = append(out, p)
		}
	}
	return out, nil
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
