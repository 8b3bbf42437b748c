package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/view"
)

// nav builds the sidebar whose deepest open entry is trail (nil: none):
// the top-level entries, with every entry on the way to trail open. Only
// the trail is open, so the sidebar of one page costs the size of the
// entries along it, not of the site. current is the page shown, if any.
func (s *Site) nav(trail *content.NavNode, current *content.Page) []*view.NavItem {
	open := map[*content.NavNode]bool{}
	for n := trail; n != nil; n = n.Parent {
		open[n] = true
	}
	return s.navEntries(s.Content.Nav, open, current)
}

func (s *Site) navEntries(node *content.NavNode, open map[*content.NavNode]bool, current *content.Page) []*view.NavItem {
	items := make([]*view.NavItem, 0, len(node.Children))
	for _, c := range node.Children {
		if c.Page.Hidden {
			continue
		}
		item := &view.NavItem{Title: c.Label(), URL: s.url(c.Page), Current: c.Page == current}
		if open[c] && c.Opens() {
			item.Open = true
			item.Children = s.navEntries(c, open, current)
		}
		items = append(items, item)
	}
	return items
}

// navTrail is the deepest entry the sidebar of page p opens: p's own when
// it opens, else the one above it. Pages with the same trail share one
// rendered sidebar.
func (s *Site) navTrail(p *content.Page) *content.NavNode {
	if p == nil {
		return nil
	}
	n := s.Content.NavNode(p)
	if n == nil || n.Opens() {
		return n
	}
	return n.Parent
}

// url is a page's site path under the base path.
func (s *Site) url(p *content.Page) string {
	return s.data.RelURL(p.URL)
}

// breadcrumbs returns the links to the sections above p, the home page first.
func (s *Site) breadcrumbs(p *content.Page) []view.Link {
	anc := s.Content.Ancestors(p)
	links := make([]view.Link, 0, len(anc))
	for _, sec := range anc {
		links = append(links, s.pageLink(sec.Page))
	}
	return links
}

// children lists the entries of the section whose page is p.
func (s *Site) children(p *content.Page) []view.ChildLink {
	if !p.IsSection {
		return nil
	}
	sec := s.Content.Section(p.Section)
	if sec == nil || sec.Page != p {
		return nil
	}
	out := make([]view.ChildLink, 0, len(sec.Entries))
	for _, e := range sec.Entries {
		cp := e.Page
		if e.Section != nil {
			cp = e.Section.Page
		}
		if cp.Hidden {
			continue
		}
		out = append(out, view.ChildLink{Title: cp.Title, URL: s.url(cp), Description: s.listText(cp), IsSection: e.Section != nil, Date: cp.Date})
	}
	return out
}

// navCache holds the sidebar of each trail rendered once, without a current
// page: every page with the same trail shares the same open entries, so a
// page's sidebar is its trail's with its own link marked. This keeps the
// cost of the sidebar per page proportional to its size, not to the work of
// executing a template for every entry of it.
//
// The contract with a theme: partials/nav.html is executed once per trail
// with every entry's .Current false, and the build then marks the page's own
// link, written `<a href="URL">`, with ` aria-current="page"`. A nav template
// that reads .Current anywhere (to mark the page its own way) is executed for
// every page instead, with the real entries: correct, and slower on a big
// site.
type navCache struct {
	mu      sync.Mutex
	entries map[*content.NavNode]*navEntry
	// perPage is set when the theme's nav template reads .Current.
	perPage     bool
	perPageOnce sync.Once
}

type navEntry struct {
	once  sync.Once
	html  string
	links map[string]int // where each link that appears once starts in html
	err   error
}

// navHTML renders the sidebar of page p (nil for generated pages).
func (s *Site) navHTML(p *content.Page) (view.Sidebar, error) {
	s.navs.perPageOnce.Do(func() { s.navs.perPage = s.Theme.Reads(navTemplate, "Current") })
	trail := s.navTrail(p)
	if p == nil || s.navs.perPage {
		html, err := s.renderNav(trail, p)
		return view.Sidebar{Before: html}, err
	}
	s.navs.mu.Lock()
	if s.navs.entries == nil {
		s.navs.entries = map[*content.NavNode]*navEntry{}
	}
	e, ok := s.navs.entries[trail]
	if !ok {
		e = &navEntry{}
		s.navs.entries[trail] = e
	}
	s.navs.mu.Unlock()
	e.once.Do(func() {
		var html template.HTML
		html, e.err = s.renderNav(trail, nil)
		e.html = string(html)
		e.links = linkOffsets(e.html)
	})
	if e.err != nil {
		return view.Sidebar{}, e.err
	}
	// Mark the page's own link.
	link := navLinkStart + template.HTMLEscapeString(s.url(p)) + `">`
	if i, ok := e.links[link]; ok {
		at := i + len(link) - 1
		return view.Sidebar{Before: template.HTML(e.html[:at]), Current: ariaCurrent, After: template.HTML(e.html[at:])}, nil
	}
	// The page is not in the sidebar (it is hidden, or the home page), or
	// the theme writes links otherwise: the trail's sidebar as it is.
	return view.Sidebar{Before: template.HTML(e.html)}, nil
}

// navTemplate is the partial that renders the sidebar.
const navTemplate = "partials/nav.html"

// navLinkStart begins a link in the nav as the default theme writes it;
// ariaCurrent is what marks the current page's link.
const (
	navLinkStart = `<a href="`
	ariaCurrent  = ` aria-current="page"`
)

// linkOffsets finds the links of a rendered nav written exactly as
// `<a href="URL">`, and returns where each that appears once starts.
func linkOffsets(html string) map[string]int {
	at := map[string]int{}
	for i := 0; ; {
		j := strings.Index(html[i:], navLinkStart)
		if j < 0 {
			break
		}
		start := i + j
		i = start + len(navLinkStart)
		end := strings.IndexAny(html[i:], `"<>`)
		if end < 0 {
			break
		}
		if !strings.HasPrefix(html[i+end:], `">`) {
			continue
		}
		link := html[start : i+end+2]
		if _, seen := at[link]; seen {
			at[link] = -1
		} else {
			at[link] = start
		}
		i += end + 2
	}
	for link, start := range at {
		if start < 0 {
			delete(at, link)
		}
	}
	return at
}

// renderNav executes the nav template for the sidebar that opens trail.
func (s *Site) renderNav(trail *content.NavNode, current *content.Page) (template.HTML, error) {
	var buf bytes.Buffer
	if err := s.Theme.ExecutePartial(&buf, navTemplate, s.nav(trail, current)); err != nil {
		return "", fmt.Errorf("template %s failed: %w", navTemplate, err)
	}
	return template.HTML(buf.String()), nil
}
