// Package view is the data a theme's templates receive: the page being
// rendered, the site, the navigation and the links between pages. It holds
// no logic of the build; the build fills it in, and the content kinds add
// their own views (a role's diagram, an expectation table) as PageData.Kind.
package view

import (
	"html/template"
	"net/url"
	"time"

	"github.com/playbookhq/playbook/generator/markup"
)

// PageData is what a layout template receives as its dot.
type PageData struct {
	Site *SiteData
	Page *PageView
	// Content is the page's rendered Markdown.
	Content template.HTML
	// TitleID is the id of the page's title (the h1): the id the git host
	// gives the leading heading it came from, "" when it came from
	// elsewhere.
	TitleID string
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

	// Kind is what the page's content kind gives its layout: for a page of
	// a kind, the model's view (a role's summary and diagram, a table's
	// categories); for the section page of a kind's folder, the kind's
	// overview (the expectations matrix, every article). nil otherwise.
	Kind any
	// Blocks are what the content kinds add to this page, in order: on a
	// role page what the role can expect and what others expect from it,
	// and the questions tagged with it; on the home page the recent
	// articles.
	Blocks []Block
	// Print holds every page of the handbook, on the /print/ page.
	Print []PrintPage

	nav func() []*NavItem
}

// Unlinked are the entries of Children that the page's own text does not
// link to: a section page whose author lists its pages by hand, as a
// README on a git host does, needs no cards that say it again, and cards
// still show the pages the text leaves out.
func (d *PageData) Unlinked() []ChildLink {
	var out []ChildLink
	for _, c := range d.Children {
		if !c.Linked {
			out = append(out, c)
		}
	}
	return out
}

// SubSections are the entries of Children that are sections themselves:
// what a section page whose kind's overview lists its pages (the roles, the
// matrix of expectations) still has to link to.
func (d *PageData) SubSections() []ChildLink {
	var out []ChildLink
	for _, c := range d.Children {
		if c.IsSection {
			out = append(out, c)
		}
	}
	return out
}

// Block is a titled part that a content kind adds to another page.
type Block struct {
	// ID is the block's anchor, unique on the page; Title its heading.
	ID, Title string
	// HTML is the block, rendered by a partial template of the theme.
	HTML template.HTML
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
func (d *PageData) Nav() []*NavItem {
	if d.nav == nil {
		return nil
	}
	return d.nav()
}

// SetNav sets the function Nav calls.
func (d *PageData) SetNav(nav func() []*NavItem) { d.nav = nav }

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
	// PrintURL is the site path of the /print/ page, "" when the site is too
	// big to get one.
	PrintURL string
	// FeedURL is the site path of the articles' Atom feed, "" without one.
	FeedURL string
	// Edition is the version of the content built, which the print page
	// is stamped with.
	Edition Edition
	// Logo is the site path of the configured logo, "" without one.
	Logo string
	// Stylesheets and Scripts are the theme's assets to link, output-relative.
	Stylesheets []string
	// CodeStylesheet holds the code-highlighting colours, for the pages
	// whose .Page.HasCode.
	CodeStylesheet string
	Scripts        []string
	// Integrity maps each fingerprinted stylesheet and script to its
	// Subresource Integrity value ("sha384-…"). It is empty for `serve`,
	// whose stable asset names are swapped in place on a change.
	Integrity map[string]string
}

// Permalink is the absolute URL of a site path ("/roles/po/") when the
// site has a base URL, else the path under the base path. The path is
// percent-encoded: file names may hold quotes, spaces or control
// characters, which an absolute URL in a feed or the sitemap (XML, where
// control characters are not allowed at all) cannot.
func (s *SiteData) Permalink(p string) string {
	p = (&url.URL{Path: trimSlash(p)}).EscapedPath()
	if s.BaseURL == "" {
		return s.BasePath + p
	}
	return s.BaseURL + p
}

// RelURL is a site path ("/roles/po/") under the base path.
func (s *SiteData) RelURL(path string) string { return s.BasePath + trimSlash(path) }

func trimSlash(url string) string {
	if len(url) > 0 && url[0] == '/' {
		return url[1:]
	}
	return url
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
	// HasCode is true when the page shows highlighted code, which needs
	// the site's CodeStylesheet.
	HasCode bool
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
	// Linked is true when the section page's own text links to the entry.
	Linked bool
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

// PrintPage is one page of the handbook on the /print/ page.
type PrintPage struct {
	ID    string // the anchor of the page on the print page
	Title string
	URL   string
	Kind  string
	Date  time.Time
	Depth int // 0 for the home page, 1 for top-level pages and sections…
	// Body is what the page's layout shows in its "main" block: its text
	// and what its kind makes of it, as on its own page.
	Body template.HTML
}

// Edition is the version of the content a build shows: the newest commit
// that changed it when the site is kept in git, else the newest date of its
// pages. Both come from the content, so that a build of the same content
// is the same, whenever it runs.
type Edition struct {
	Date   time.Time // zero when unknown
	Commit string    // the commit's hash, shortened; "" outside git
}
