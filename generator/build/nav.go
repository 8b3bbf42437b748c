package build

import (
	"strings"

	"github.com/playbookhq/playbook/generator/content"
)

// nav builds the sidebar for page p: the top-level entries, with every
// section on the way to p expanded. Only the trail is expanded, so the
// sidebar of one page costs the size of its sections, not of the site.
func (s *Site) nav(p *content.Page) []*NavItem {
	return s.navEntries(s.Content.Root, p)
}

func (s *Site) navEntries(sec *content.Section, p *content.Page) []*NavItem {
	items := make([]*NavItem, 0, len(sec.Entries))
	for _, e := range sec.Entries {
		if e.Page != nil {
			items = append(items, &NavItem{Title: e.Page.Title, URL: s.url(e.Page), Current: e.Page == p})
			continue
		}
		child := e.Section
		item := &NavItem{Title: child.Page.Title, URL: s.url(child.Page), Current: child.Page == p}
		if p != nil && onTrail(child.Dir, p.Section) {
			item.Open = true
			item.Children = s.navEntries(child, p)
		}
		items = append(items, item)
	}
	return items
}

// onTrail reports whether the folder dir holds the folder of the page.
func onTrail(dir, pageDir string) bool {
	return pageDir == dir || strings.HasPrefix(pageDir, dir+"/")
}

// url is a page's site path under the base path.
func (s *Site) url(p *content.Page) string {
	return s.data.BasePath + trimSlash(p.URL)
}

// breadcrumbs returns the links to the sections above p, the home page first.
func (s *Site) breadcrumbs(p *content.Page) []Link {
	anc := s.Content.Ancestors(p)
	links := make([]Link, 0, len(anc))
	for _, sec := range anc {
		links = append(links, Link{Title: sec.Page.Title, URL: s.url(sec.Page)})
	}
	return links
}

// children lists the entries of the section whose page is p.
func (s *Site) children(p *content.Page) []ChildLink {
	if !p.IsSection {
		return nil
	}
	sec := s.Content.Section(p.Section)
	if sec == nil || sec.Page != p {
		return nil
	}
	out := make([]ChildLink, 0, len(sec.Entries))
	for _, e := range sec.Entries {
		cp := e.Page
		if e.Section != nil {
			cp = e.Section.Page
		}
		out = append(out, ChildLink{Title: cp.Title, URL: s.url(cp), Description: cp.Description, IsSection: e.Section != nil, Date: cp.Date})
	}
	return out
}
