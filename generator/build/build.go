// Package build turns a site folder into a static site: it loads the config
// and content, renders every page through the theme, and publishes the
// result atomically, so that a failed build never leaves a half-written
// output folder behind.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/kinds"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/search"
	"github.com/playbookhq/playbook/generator/theme"
	"github.com/playbookhq/playbook/generator/view"
	defaulttheme "github.com/playbookhq/playbook/themes/default"
)

// Options configure a build.
type Options struct {
	// Source is the site root: the folder holding playbook.toml and content/.
	Source string
	// Destination is the output folder; "" means public/ in Source.
	Destination string
	// BaseURL overrides the config's baseURL when not empty.
	BaseURL string
	// Drafts includes pages marked as drafts.
	Drafts bool
	// Redirects overrides the config's redirects (the static host whose
	// _redirects file is written) when not empty.
	Redirects string
	// CleanDestinationDir lets the build replace a destination that holds
	// files it did not write: without it, only a missing or empty folder, or
	// one a build marked as its own, is replaced (see checkReplaceable).
	CleanDestinationDir bool

	// StableAssetNames writes the theme's stylesheet and script under fixed
	// names instead of content-hashed ones. The preview server uses it so
	// that a CSS change changes only the stylesheet, which pages can then
	// swap without reloading.
	StableAssetNames bool
}

// Result describes a finished build.
type Result struct {
	// Count is what was written: pages, generated pages, other files.
	Count       Count
	Destination string
	// Inputs describe what the site was read from (Site.Inputs).
	Inputs   []string
	Duration time.Duration
	// Warnings are problems that did not fail the build.
	Warnings diag.List
	// HadOutput is true when an earlier output was at the destination:
	// when the build fails, it is still there.
	HadOutput bool
}

// Build builds the site described by opts. Content problems are returned as
// a *diag.ListError listing every error of the build; the output folder is
// then left as it was.
func Build(opts Options) (Result, error) {
	start := time.Now()
	dest := opts.destination()
	real, err := realPath(dest)
	if err != nil {
		return Result{Destination: dest}, fmt.Errorf("output folder %q: %w", dest, err)
	}
	// Before anything else: a build killed while publishing may have left
	// the previous site beside the destination.
	had, restored := restoreInterrupted(real)
	res := Result{Destination: dest, HadOutput: had}
	if restored {
		res.Warnings = append(res.Warnings, diag.Warnf("", 0, 0, "put back the previous output %q, which a build interrupted while publishing had moved aside", dest))
	}
	s, err := Prepare(opts)
	if err != nil {
		return res, err
	}
	if err := checkDestination(opts.source(), s.Config, dest, real); err != nil {
		return res, err
	}
	if err := checkReplaceable(dest, real, opts.CleanDestinationDir); err != nil {
		return res, err
	}
	s.releaseBodies = true
	s.index = search.NewIndexer(len(s.Content.Ordered))
	written, err := s.Write(real)
	res.Count, res.Inputs = written.Count, written.Inputs
	res.Warnings = append(res.Warnings, written.Warnings...)
	res.Duration = time.Since(start)
	return res, err
}

func (o Options) source() string {
	if o.Source == "" {
		return "."
	}
	return o.Source
}

func (o Options) destination() string {
	if o.Destination == "" {
		return filepath.Join(o.source(), "public")
	}
	return o.Destination
}

// Site is a loaded site, ready to render.
type Site struct {
	Config   config.Config
	Content  *content.Site
	Theme    *theme.Theme
	Renderer *markup.Renderer
	// Book is the playbook read from the typed pages.
	Book    *playbook.Book
	data    *view.SiteData
	kindEnv *playbook.Env
	envOnce sync.Once
	assets  []outputAsset
	navs    navCache
	links   *linkIndex
	// fixes holds pages whose links' fragments may need their case fixed.
	fixes fragmentFixes
	// kindFiles are the files the kinds write besides their pages (the
	// articles feed), made once the book is read; kindDiags their problems.
	kindFiles []outputAsset
	kindDiags diag.List
	// deferSearch leaves the search index out of a one-page rebuild.
	deferSearch bool
	// releaseBodies drops each page's Markdown once it is rendered, which a
	// one-off build can do and a Session cannot.
	releaseBodies bool
	// index, when set, indexes each page for search as soon as it is
	// rendered, numbered by its place in Content.Ordered, instead of
	// keeping its text for searchFiles: a one-off build renders every page
	// once and needs none of them again.
	index *search.Indexer
	// markdown, when set, keeps rendered bodies between a Session's builds.
	markdown *markdownCache
	source   string
	diags    diag.List
}

// Prepare loads the config, content and theme of a site without writing
// anything.
func Prepare(opts Options) (*Site, error) {
	return prepare(opts, func(o content.Options) (*content.Site, diag.List, error) { return content.Load(o) }, gitDates)
}

// gitDates returns the last commit date of every file of the content
// folder, and its newest commit: one git process for the whole site.
// Without git, or outside a repository, pages simply have no date; a
// failing git is not a reason to fail the build either, so its error is
// dropped too.
func gitDates(contentDir string) gitinfo.Info {
	info, err := gitinfo.Read(context.Background(), contentDir)
	if err != nil {
		return gitinfo.Info{}
	}
	return info
}

// contentLoader loads the content folder described by its options.
type contentLoader func(content.Options) (*content.Site, diag.List, error)

// prepare is Prepare with the content loaded by load and the git dates
// read by git, so that a Session can keep its caches between builds.
func prepare(opts Options, load contentLoader, git func(contentDir string) gitinfo.Info) (*Site, error) {
	src := opts.source()
	cfg, diags, err := config.Load(src, displayDir(opts.Source))
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
		if _, err := config.ParseBaseURL(cfg.BaseURL); err != nil {
			return nil, fmt.Errorf("--baseURL: %w", err)
		}
	}
	if opts.Redirects != "" {
		cfg.Redirects = opts.Redirects
	}
	// The kinds of this build: fresh, as they keep what they index.
	siteKinds := kinds.New()
	diags = append(diags, playbook.CheckKinds(cfg, siteKinds)...)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	titles, descriptions, order := playbook.Sections(cfg, siteKinds)
	contentDir := filepath.Join(src, cfg.ContentDir)
	if st, err := os.Stat(contentDir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("no content folder at %q: put the Markdown pages there, or pass the site folder with --source", contentDir)
	}
	cs, more, err := load(content.Options{
		Dir:                 contentDir,
		DisplayDir:          filepath.ToSlash(filepath.Join(displayDir(opts.Source), cfg.ContentDir)),
		Drafts:              opts.Drafts,
		KindFolders:         playbook.Folders(cfg, siteKinds),
		SectionTitles:       titles,
		SectionDescriptions: descriptions,
		SectionOrder:        order,
		RepositoryDir:       cfg.ContentRepositoryDir(),
		Repository:          cfg.Repository,
		Branch:              cfg.Branch,
		FrontMatterKeys:     append(playbook.Keys(siteKinds), cfg.FrontMatterKeys...),
		Skip:                configFilesIn(src, contentDir),
	})
	if err != nil {
		return nil, err
	}
	diags = append(diags, more...)
	history := git(contentDir)
	if known := history.Dates; len(known) > 0 {
		for _, p := range cs.Pages {
			if d, ok := known[p.File]; ok && p.Lastmod.IsZero() {
				p.Lastmod = d
			}
		}
	}

	th, err := loadTheme(src, cfg)
	if err != nil {
		return nil, err
	}
	s := &Site{
		Config:   cfg,
		Content:  cs,
		Theme:    th,
		Renderer: markup.New(markup.Options{Unsafe: cfg.Unsafe}),
		diags:    diags,
		source:   src,
		links:    newLinkIndex(nil),
	}
	s.data = newSiteData(cfg)
	s.data.Edition = edition(history.Last, cs)
	s.diags = append(s.diags, s.checkLogo()...)
	s.assets, err = themeAssets(th, s.data, !opts.StableAssetNames, cfg.BrandCSS())
	if err != nil {
		return nil, err
	}
	book, more := playbook.Read(cs, s.Renderer, siteKinds, playbook.Options{
		Config:   cfg,
		BasePath: s.data.BasePath,
	})
	s.Book = book
	s.readKindFiles()
	s.data.FeedURL = s.feedURL()
	if s.printable() {
		s.data.PrintURL = s.data.BasePath + "print/"
	}
	s.diags = append(s.diags, more...)
	return s, nil
}

func displayDir(source string) string {
	if source == "" || source == "." {
		return ""
	}
	return source
}

// loadTheme loads the built-in theme overlaid by the site's theme folder,
// when it has one.
func loadTheme(src string, cfg config.Config) (*theme.Theme, error) {
	dir := cfg.ThemeDir(src)
	var override fs.FS
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		override = os.DirFS(dir)
	} else if cfg.Theme != "" && cfg.Theme != "default" {
		return nil, fmt.Errorf("theme %q not found: expected a folder at %q", cfg.Theme, dir)
	}
	base, err := fs.Sub(defaulttheme.FS, ".")
	if err != nil {
		return nil, err
	}
	_, bp := basePath(cfg.BaseURL)
	th, err := theme.Load(base, override, filepath.ToSlash(dir), templateFuncs(bp))
	if err != nil {
		var le *diag.ListError
		if errors.As(err, &le) {
			return nil, err
		}
		return nil, fmt.Errorf("loading theme: %w", err)
	}
	return th, nil
}

// configFilesIn returns the config file names when the content folder is the
// site's folder itself (`contentDir = "."`): they are not content.
func configFilesIn(site, contentDir string) []string {
	a, errA := filepath.Abs(site)
	b, errB := filepath.Abs(contentDir)
	if errA != nil || errB != nil || a != b {
		return nil
	}
	return config.FileNames
}
