package build

import (
	"html/template"
	"net/url"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markup"
)

// PageData is what a layout template receives as its dot.
type PageData struct {
	Site *SiteData
	Page *PageView
	// Content is the page's rendered Markdown.
	Content template.HTML
	// TOC is the page's table of contents (h2 and h3).
	TOC []markup.TOCEntry
	// Sidebar is the sidebar (see Nav) rendered by the partials/nav.html
	// template, in pieces; NavHTML joins them.
	Sidebar Sidebar
	// Breadcrumbs are the sections above the page, the home page first.
	Breadcrumbs []Link
	Prev, Next  *Link
	// Children lists a section's pages and sub-sections.
	Children []ChildLink
	// TagLinks link the page's tags to their tag pages.
	TagLinks []Link

	// Kind-specific data; nil unless the page is of that kind.
	Role   *RoleView
	Table  *TableView
	Board  *BoardView
	Thread *ThreadView
	// Matrix is set on the expectations section page.
	Matrix *MatrixView
	// Articles lists the newest articles on the home page and all of them
	// on the articles section page.
	Articles []ArticleLink
	// Print holds every page of the handbook, on the /print/ page.
	Print []PrintPage

	site *Site
	page *content.Page // nil for generated pages
}

// Sidebar is a page's sidebar in three pieces, to be written one after the
// other: Before and After are slices of its section's sidebar, shared by
// every page of the section, and Current is the attribute that marks the
// page's own link between them (or ""). Writing the pieces, as the default
// theme does, saves copying a sidebar of hundreds of links for every page.
type Sidebar struct {
	Before, Current, After template.HTML
}

// NavHTML returns the whole sidebar, for themes that print it at once.
func (d *PageData) NavHTML() template.HTML {
	return d.Sidebar.Before + d.Sidebar.Current + d.Sidebar.After
}

// Nav returns the sidebar entries: the top-level ones, with the sections on
// the path to the current page expanded. It is computed on demand: the
// default theme uses NavHTML, which is cached per section.
func (d *PageData) Nav() []*NavItem { return d.site.nav(d.page) }

// SiteData is the site-wide part of PageData, shared by every page.
type SiteData struct {
	Title    string
	Language string
	// BaseURL is the absolute base URL with a trailing slash, or "" when the
	// site has none configured.
	BaseURL string
	// BasePath is the base URL's path, with a trailing slash ("/handbook/").
	BasePath string
	Params   map[string]any
	// editURL maps a content file to its edit address.
	editURL func(rel string) string
	// PrintURL is the site path of the /print/ page, "" when the site is too
	// big to get one.
	PrintURL string
	// FeedURL is the site path of the articles' Atom feed, "" without one.
	FeedURL string
	// Stylesheets and Scripts are the theme's assets to link, output-relative.
	Stylesheets []string
	Scripts     []string
}

// PageView is the page-level part of PageData.
type PageView struct {
	Title       string
	Description string
	Kind        string
	URL         string // site path including the base path
	Permalink   string // absolute URL when the site has a base URL, else URL
	Date        time.Time
	Lastmod     time.Time
	Tags        []string
	Params      map[string]any
	IsHome      bool
	File        string // content-relative source file
	// EditURL is where the page's source can be edited on the git host, ""
	// without a configured repository.
	EditURL string
}

// Link is a titled URL.
type Link struct {
	Title string
	URL   string
}

// ChildLink is an entry of a section's list of contents.
type ChildLink struct {
	Title       string
	URL         string
	Description string
	IsSection   bool
	Date        time.Time
}

// NavItem is one entry of the sidebar navigation.
type NavItem struct {
	Title string
	URL   string
	// Current marks the page being shown; Open marks sections on its path.
	Current  bool
	Open     bool
	Children []*NavItem
}

func pageView(p *content.Page, site *SiteData) *PageView {
	v := &PageView{
		Title:       p.Title,
		Description: p.Description,
		Kind:        p.Kind(),
		URL:         site.BasePath + trimSlash(p.URL),
		Permalink:   permalink(site, p.URL),
		Date:        p.Date,
		Lastmod:     p.Lastmod,
		Tags:        p.Tags,
		Params:      p.Params,
		IsHome:      p.IsSection && p.Section == "",
		File:        p.File,
	}
	if !p.Generated {
		v.EditURL = site.editURL(p.File)
	}
	return v
}

func trimSlash(url string) string {
	if len(url) > 0 && url[0] == '/' {
		return url[1:]
	}
	return url
}

// permalink is the absolute URL of a site path when the site has a base URL.
// The path is percent-encoded: file names may hold quotes, spaces or
// control characters, which an absolute URL in a feed or the sitemap (XML,
// where control characters are not allowed at all) cannot.
func permalink(site *SiteData, p string) string {
	p = (&url.URL{Path: trimSlash(p)}).EscapedPath()
	if site.BaseURL == "" {
		return site.BasePath + p
	}
	return site.BaseURL + p
}
