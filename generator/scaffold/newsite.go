package scaffold

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/kinds"
	"github.com/playbookhq/playbook/generator/playbook"
)

// The pages of a new site, written with the same skeletons as `new <kind>`
// so that the site shows what each command writes.
const (
	siteTitle     = "Product Playbook"
	siteBoard     = "Product Vision Board"
	siteThread    = "Questions about this playbook"
	siteArticle   = "Why we keep a playbook"
	productOwner  = "product-owner"
	scrumMaster   = "scrum-master"
	ownerSummary  = "Answers for the value of the product by deciding what the team builds next, for whom and why."
	masterSummary = "Answers for how well the team works, by coaching it and removing what slows it down."
)

// siteData fills in the skeletons of a new site's own pages.
type siteData struct {
	Title string
	// Paths of the example pages, relative to the content folder.
	ProductOwner, ScrumMaster, Expectations, Board, Thread, Article string
}

// NewSite writes a complete small site into dir, which must be missing or
// empty: a config, a .gitignore for the output, a home page, two role guides, an expectation table
// between them, a vision board, a Q&A thread, an article dated today and a
// short guide to the conventions, and, WithCI, the file that publishes it.
// It returns the paths written, in order.
func NewSite(dir string, opts ...Option) ([]string, error) {
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	probe := &Site{}
	for _, o := range opts {
		o(probe)
	}
	if probe.ci != "" {
		if _, _, err := CIFile(probe.ci); err != nil {
			return nil, err // before anything is written
		}
	}
	toml, err := render("playbook.toml", siteData{Title: siteTitle})
	if err != nil {
		return nil, err
	}
	if err := writeNew(filepath.Join(dir, "playbook.toml"), toml); err != nil {
		return nil, err
	}
	written := []string{filepath.Join(dir, "playbook.toml")}
	ignore, err := render("gitignore", nil)
	if err != nil {
		return written, err
	}
	if err := writeNew(filepath.Join(dir, ".gitignore"), ignore); err != nil {
		return written, err
	}
	written = append(written, filepath.Join(dir, ".gitignore"))
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return written, fmt.Errorf("creating %q: %w", filepath.Join(dir, "content"), err)
	}
	s, err := Open(dir, opts...)
	if err != nil {
		return written, err
	}
	steps := []func() (string, error){
		func() (string, error) { return s.sitePage("home.md", "README.md") },
		func() (string, error) {
			return s.page("role", map[string]any{"summary": ownerSummary, "works_with": []string{scrumMaster}}, "Product Owner")
		},
		func() (string, error) {
			return s.page("role", map[string]any{"summary": masterSummary, "works_with": []string{productOwner}}, "Scrum Master")
		},
		func() (string, error) { return s.Page("expectations", productOwner, scrumMaster) },
		func() (string, error) { return s.Page("vision-board", siteBoard) },
		func() (string, error) {
			return s.page("qa", map[string]any{"roles": []string{productOwner, scrumMaster}}, siteThread)
		},
		func() (string, error) { return s.Page("article", siteArticle) },
		func() (string, error) { return s.sitePage("how-to-write.md", "how-to-write/README.md") },
		s.writeCI,
	}
	for _, step := range steps {
		path, err := step()
		if err != nil {
			return written, err
		}
		if path != "" {
			written = append(written, path)
		}
	}
	return written, nil
}

// sitePage writes the site skeleton name to file in the content folder.
func (s *Site) sitePage(name, file string) (string, error) {
	rel := func(kind, id string) string {
		folder := kind
		for _, k := range kinds.New() {
			if k.Name() == kind {
				folder = playbook.FolderOf(s.cfg, k)
			}
		}
		return filepath.ToSlash(filepath.Join(folder, id+".md"))
	}
	boardID, threadID, articleID := slug.Make(siteBoard), slug.Make(siteThread), slug.Make(siteArticle)
	data, err := render(name, siteData{
		Title:        siteTitle,
		ProductOwner: rel("role", productOwner),
		ScrumMaster:  rel("role", scrumMaster),
		Expectations: rel("expectations", productOwner+"-from-"+scrumMaster),
		Board:        rel("vision-board", boardID),
		Thread:       rel("qa", threadID),
		Article:      rel("article", articleID),
	})
	if err != nil {
		return "", err
	}
	path := filepath.Join(s.contentDir(), filepath.FromSlash(file))
	if err := writeNew(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// checkEmpty fails unless dir is missing or an empty folder.
func checkEmpty(dir string) error {
	f, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("opening %q: %w", dir, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.IsDir() {
		return fmt.Errorf("%q is a file: new site writes only into a new or empty folder", dir)
	}
	if _, err := f.Readdirnames(1); !errors.Is(err, io.EOF) {
		if err != nil {
			return fmt.Errorf("reading %q: %w", dir, err)
		}
		return fmt.Errorf("%q is not empty: new site writes only into a new or empty folder", dir)
	}
	return nil
}
