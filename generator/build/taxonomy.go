package build

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/feed"
	"github.com/playbookhq/playbook/generator/internal/diag"
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
	var index []ChildLink
	for _, slug := range slugs {
		pages := byTag[slug]
		sort.SliceStable(pages, func(i, j int) bool {
			a, b := pages[i], pages[j]
			if !a.Date.Equal(b.Date) {
				return a.Date.After(b.Date)
			}
			return a.Title < b.Title
		})
		children := make([]ChildLink, 0, len(pages))
		for _, p := range pages {
			children = append(children, ChildLink{Title: p.Title, URL: s.url(p), Description: p.Description, Date: p.Date})
		}
		url := "/tags/" + slug + "/"
		title := "Tagged “" + names[slug] + "”"
		html, err := s.renderListPage(title, url, children)
		if err != nil {
			diags = append(diags, diag.Errorf("", 0, 0, "%v", err))
			continue
		}
		out = append(out, outputAsset{Path: "tags/" + slug + "/index.html", Data: html})
		index = append(index, ChildLink{Title: names[slug], URL: s.data.BasePath + strings.TrimPrefix(url, "/"),
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
func (s *Site) renderListPage(title, url string, children []ChildLink) ([]byte, error) {
	var buf bytes.Buffer
	data := &PageData{
		Site:        s.data,
		Page:        &PageView{Title: title, Kind: "tag", URL: s.data.BasePath + strings.TrimPrefix(url, "/"), Permalink: permalink(s.data, url)},
		site:        s,
		Breadcrumbs: []Link{s.pageLink(s.Content.Root.Page)},
		Children:    children,
	}
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

// articlesFeed writes the Atom feed of the articles section, which needs the
// site's absolute base URL.
func (s *Site) articlesFeed() ([]outputAsset, diag.List) {
	sec := s.Content.Section(s.Config.Kinds[config.KindArticle])
	if sec == nil || len(s.Book.Articles) == 0 {
		return nil, nil
	}
	if s.data.BaseURL == "" {
		return nil, diag.List{diag.Warnf(s.configName(), 0, 0,
			"the articles feed is not written: feeds need absolute URLs, so set baseURL (e.g. baseURL = \"https://handbook.example.org/\")")}
	}
	f := feed.Feed{
		Title:    s.data.Title + ": " + sec.Page.Title,
		Subtitle: sec.Page.Description,
		ID:       permalink(s.data, sec.Page.URL),
		SelfURL:  permalink(s.data, sec.Page.URL+"feed.xml"),
		SiteURL:  permalink(s.data, sec.Page.URL),
		Author:   s.data.Title,
		Language: s.data.Language,
	}
	for _, a := range s.Book.Articles {
		e := feed.Entry{Title: a.Title, URL: permalink(s.data, a.URL), Published: a.Date, Updated: a.Lastmod, Summary: a.Description, Tags: a.Tags}
		if r, ok := s.Book.Rendered(a); ok {
			e.Content = s.absoluteLinks(r.HTML)
		}
		if author, ok := a.Params["author"].(string); ok {
			e.Author = author
		}
		f.Entries = append(f.Entries, e)
	}
	var buf bytes.Buffer
	if err := feed.Write(&buf, f); err != nil {
		return nil, diag.List{diag.Errorf(sec.Page.DisplayPath, 0, 0, "writing the articles feed: %v", err)}
	}
	return []outputAsset{{Path: strings.TrimPrefix(sec.Page.URL, "/") + "feed.xml", Data: buf.Bytes()}}, nil
}

// configName is the config file's name for messages, "" when there is none.
func (s *Site) configName() string { return s.Config.File }

// feedURL returns the site path of the articles feed, "" when none is written.
func (s *Site) feedURL() string {
	sec := s.Content.Section(s.Config.Kinds[config.KindArticle])
	if sec == nil || len(s.Book.Articles) == 0 || s.data.BaseURL == "" {
		return ""
	}
	return s.url(sec.Page) + "feed.xml"
}

// absoluteLinks makes the site-relative links of rendered HTML absolute, for
// feed readers, which show the content away from the site.
func (s *Site) absoluteLinks(html string) string {
	origin := strings.TrimSuffix(s.data.BaseURL, strings.TrimPrefix(s.data.BasePath, "/"))
	origin = strings.TrimSuffix(origin, "/")
	r := strings.NewReplacer(`href="//`, `href="//`, `src="//`, `src="//`, `href="/`, `href="`+origin+`/`, `src="/`, `src="`+origin+`/`)
	return r.Replace(html)
}
