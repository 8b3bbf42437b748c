package build

import (
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/view"
)

func (s *Site) pageView(p *content.Page) *view.PageView {
	v := &view.PageView{
		Title:       p.Title,
		Description: p.Description,
		Kind:        p.Kind(),
		URL:         s.url(p),
		Permalink:   s.data.Permalink(p.URL),
		Date:        p.Date,
		Lastmod:     p.Lastmod,
		Tags:        p.Tags,
		Params:      p.Params,
		IsHome:      p.IsSection && p.Section == "",
		File:        p.File,
	}
	if !p.Generated {
		v.EditURL = s.Config.PageEditURL(p.File)
	}
	return v
}

// generatedView is the page view of a page the build makes (404, tags,
// print), at the site path url.
func (s *Site) generatedView(title, kind, url string) *view.PageView {
	return &view.PageView{Title: title, Kind: kind, URL: s.data.RelURL(url), Permalink: s.data.Permalink(url)}
}
