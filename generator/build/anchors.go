package build

import (
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/suggest"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/search"
)

// A link can only be checked for its fragment once the page it points to
// has been rendered: the ids are those the renderer actually produced. So
// every render records the page's ids and links here, and checkLinks runs
// when all pages are done.

// pageLinks is what one rendered page contributes to link checking.
type pageLinks struct {
	ids      map[string]bool
	links    []markup.Link
	external []markup.Link
	// body is what the page's layout shows in its "main" block, kept for
	// the /print/ page on sites small enough to print.
	body string
	// search is what the search index holds of the page.
	search *search.Page
}

// linkIndex holds the pageLinks of every page, by content file.
type linkIndex struct {
	mu    sync.Mutex
	pages map[string]*pageLinks
}

func newLinkIndex(prev *linkIndex) *linkIndex {
	idx := &linkIndex{pages: map[string]*pageLinks{}}
	if prev != nil {
		prev.mu.Lock()
		for k, v := range prev.pages {
			idx.pages[k] = v
		}
		prev.mu.Unlock()
	}
	return idx
}

// recordLinks keeps the ids and links of a page just rendered (or, by
// check, parsed): its headings', its model's anchors (questions and
// answers), the theme's and those of the blocks the kinds add to it.
func (s *Site) recordLinks(p *content.Page, res markup.Result, blocks []playbook.Block) {
	ids := make(map[string]bool, len(res.Headings)+len(blocks)+2)
	for _, h := range res.Headings {
		ids[h.ID] = true
	}
	if res.TitleID != "" {
		ids[res.TitleID] = true
	}
	for _, id := range res.Anchors {
		ids[id] = true
	}
	if m, ok := s.Book.Model(p).(playbook.Anchored); ok {
		for _, id := range m.IDs() {
			ids[id] = true
		}
	}
	for _, id := range themeIDs {
		ids[id] = true
	}
	for _, b := range blocks {
		ids[b.ID] = true
	}
	pl := &pageLinks{ids: ids, links: res.Links, external: res.External}
	s.links.mu.Lock()
	s.links.pages[p.File] = pl
	s.links.mu.Unlock()
}

// themeIDs are the ids the default theme gives every page besides its
// headings and blocks: names no heading's id can be.
var themeIDs = []string{"pbMain", "pbSidebar", "pbTop"}

// checkLinks checks every recorded link that points into the site: the
// page or file must exist and a fragment must be an id of the target page.
func (s *Site) checkLinks() diag.List { return s.checkLinksOf(s.Content.Pages) }

// checkLinksOf checks the links written in the given pages. A fragment that
// differs from an id only in case, which works on the git host, is fixed
// in the held pages (see holdForFixes) with a warning.
func (s *Site) checkLinksOf(pages []*content.Page) diag.List {
	var diags diag.List
	s.links.mu.Lock()
	defer s.links.mu.Unlock()
	for _, p := range pages {
		pl := s.links.pages[p.File]
		if pl == nil {
			continue
		}
		for _, l := range pl.links {
			msg, fixed := s.checkLink(p, pl, l)
			switch {
			case fixed != "":
				diags = append(diags, diag.Warnf(p.DisplayPath, l.Line, l.Col, "%s", msg))
				s.fixes.add(p.File, l.URL, fixed)
			case msg != "":
				diags = append(diags, diag.Errorf(p.DisplayPath, l.Line, l.Col, "%s", msg))
			}
		}
	}
	return diags
}

// checkLink returns what is wrong with one link, "" when nothing is. When
// the link's fragment differs from an id of its target only in case, fixed
// is the URL to write instead and msg the warning that says so.
func (s *Site) checkLink(from *content.Page, own *pageLinks, l markup.Link) (msg, fixed string) {
	target, fragment, _ := strings.Cut(l.URL, "#")
	if i := strings.IndexByte(target, '?'); i >= 0 {
		target = target[:i]
	}
	var targetPage *content.Page
	ids := own.ids
	if target != "" {
		sitePath := "/" + strings.TrimPrefix(target, s.data.BasePath)
		if !strings.HasPrefix(target, s.data.BasePath) {
			return "link to " + quoteLink(l.Dest) + " is outside the site's base path " + s.data.BasePath, ""
		}
		targetPage = s.Content.PageByURL(sitePath)
		if targetPage == nil && !strings.HasSuffix(sitePath, "/") {
			targetPage = s.Content.PageByURL(sitePath + "/")
		}
		if targetPage == nil {
			if s.isGeneratedPath(sitePath) {
				return "", ""
			}
			msg := "link to missing page " + quoteLink(l.Dest)
			if best, ok := suggest.Closest(sitePath, s.pageURLs()); ok {
				msg += " (did you mean " + quoteLink(best) + "?)"
			}
			return msg, ""
		}
		pl := s.links.pages[targetPage.File]
		if pl == nil {
			return "", "" // not rendered in this build: nothing to check against
		}
		ids = pl.ids
	}
	if fragment == "" || ids[fragment] || strings.HasPrefix(fragment, "fn:") || strings.HasPrefix(fragment, "fnref:") {
		return "", ""
	}
	where := "this page"
	if targetPage != nil && targetPage != from {
		where = targetPage.DisplayPath
	}
	// The git host finds "#Birthday-gift-budget" by lower-casing it, and
	// every heading id is lower case: the site links to the id itself.
	if lower := strings.ToLower(fragment); lower != fragment && ids[lower] {
		return "link to #" + fragment + " in " + where + " differs in case from the heading id #" + lower +
			": the site links to #" + lower + " (write it so, as browsers match ids exactly)", l.URL[:len(l.URL)-len(fragment)] + lower
	}
	msg = "link to missing heading #" + fragment + " in " + where
	known := make([]string, 0, len(ids))
	for id := range ids {
		known = append(known, id)
	}
	sort.Strings(known)
	if best, ok := suggest.Closest(fragment, known); ok {
		msg += " (did you mean #" + best + "?)"
	}
	return msg, ""
}

// isGeneratedPath reports whether a site path is a file the build writes
// besides the pages: static files, theme assets, tags, feeds, aliases.
func (s *Site) isGeneratedPath(sitePath string) bool {
	rel := strings.TrimPrefix(sitePath, "/")
	if s.Content.HasFile(rel) {
		return true
	}
	if _, ok := s.Content.HiddenFile(rel); ok {
		return true // published because this link points at it
	}
	for _, a := range s.assets {
		if a.Path == rel {
			return true
		}
	}
	switch {
	case rel == "" || rel == "404.html" || rel == "sitemap.xml" || rel == "robots.txt":
		return true
	case strings.HasPrefix(rel, "tags/"):
		return true
	case s.data.FeedURL != "" && s.data.BasePath+rel == s.data.FeedURL:
		return true
	}
	for _, p := range s.Content.Pages {
		for _, a := range p.Aliases {
			if strings.TrimSuffix(path.Clean(a), "/") == strings.TrimSuffix(path.Clean(sitePath), "/") {
				return true
			}
		}
	}
	return false
}

func (s *Site) pageURLs() []string {
	urls := make([]string, 0, len(s.Content.Pages))
	for _, p := range s.Content.Pages {
		urls = append(urls, p.URL)
	}
	sort.Strings(urls)
	return urls
}

func quoteLink(s string) string { return `"` + s + `"` }

// idsOf returns the ids recorded for the given pages, by file.
func (s *Site) idsOf(pages []*content.Page) map[string]map[string]bool {
	s.links.mu.Lock()
	defer s.links.mu.Unlock()
	out := make(map[string]map[string]bool, len(pages))
	for _, p := range pages {
		if pl := s.links.pages[p.File]; pl != nil {
			out[p.File] = pl.ids
		}
	}
	return out
}

func sameIDs(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for id := range a {
		if !b[id] {
			return false
		}
	}
	return true
}
