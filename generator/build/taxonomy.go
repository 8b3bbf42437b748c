package build

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/view"
)

// tagPages renders a page per tag at /tags/<tag>/ listing the pages that
// carry it, and /tags/ listing every tag.
func (s *Site) tagPages() ([]outputAsset, diag.List) {
	byTag := map[string][]*content.Page{}
	names := map[string]string{}
	for _, p := range s.Content.Pages {
		for _, t := range p.Tags {
			slug := tagSlug(t)
			if slug == "" {
				continue
			}
			byTag[slug] = append(byTag[slug], p)
			if _, ok := names[slug]; !ok {
				names[slug] = t
			}
		}
	}
	if len(byTag) == 0 {
		return nil, nil
	}
	slugs := make([]string, 0, len(byTag))
	for slug := range byTag {
		slugs = append(slugs, slug)
	}
	sort.Strings(slugs)
	var out []outputAsset
	var diags diag.List
	var index []view.ChildLink
	for _, slug := range slugs {
		pages := byTag[slug]
		sort.SliceStable(pages, func(i, j int) bool {
			a, b := pages[i], pages[j]
			if !a.Date.Equal(b.Date) {
				return a.Date.After(b.Date)
			}
			return a.Title < b.Title
		})
		children := make([]view.ChildLink, 0, len(pages))
		for _, p := range pages {
			children = append(children, view.ChildLink{Title: p.Title, URL: s.url(p), Description: s.listText(p), Date: p.Date})
		}
		url := "/tags/" + slug + "/"
		title := "Tagged “" + names[slug] + "”"
		html, err := s.renderListPage(title, url, children)
		if err != nil {
			diags = append(diags, diag.Errorf("", 0, 0, "%v", err))
			continue
		}
		out = append(out, outputAsset{Path: "tags/" + slug + "/index.html", Data: html})
		index = append(index, view.ChildLink{Title: names[slug], URL: s.data.BasePath + strings.TrimPrefix(url, "/"),
			Description: fmt.Sprintf("%d page%s", len(pages), pluralS(len(pages)))})
	}
	html, err := s.renderListPage("Tags", "/tags/", index)
	if err != nil {
		return out, append(diags, diag.Errorf("", 0, 0, "%v", err))
	}
	out = append(out, outputAsset{Path: "tags/index.html", Data: html})
	return out, diags
}

// renderListPage renders a generated page that lists links, with the "tag"
// layout.
func (s *Site) renderListPage(title, url string, children []view.ChildLink) ([]byte, error) {
	var buf bytes.Buffer
	data := &view.PageData{
		Site:        s.data,
		Page:        s.generatedView(title, "tag", url),
		Breadcrumbs: []view.Link{s.pageLink(s.Content.Root.Page)},
		Children:    children,
	}
	data.SetNav(func() []*view.NavItem { return s.nav(nil, nil) })
	nav, err := s.navHTML(nil)
	if err != nil {
		return nil, err
	}
	data.Sidebar = nav
	if err := s.Theme.Execute(&buf, "tag", data); err != nil {
		return nil, fmt.Errorf("template tag.html failed: %w", err)
	}
	return buf.Bytes(), nil
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
