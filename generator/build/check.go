package build

import (
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/markup"
)

// Check runs every content check of a build without rendering HTML or
// writing anything: config, front matter, the playbook's kinds, links and
// their fragments, aliases and duplicate URLs, plus the warnings (pages
// nothing reaches, images without alternative text). It returns every
// problem, sorted; the error is for a site that cannot be read at all.
func Check(opts Options) (diag.List, *Site, error) {
	s, err := Prepare(opts)
	if err != nil {
		var p *Problems
		if ok := asProblems(err, &p); ok {
			return p.List, nil, nil
		}
		return nil, nil, err
	}
	diags := append(diag.List(nil), s.diags...)
	pages := s.Content.Pages
	results := make([]diag.List, len(pages))
	parallel.For(len(pages), func(i int) { results[i] = s.checkPage(pages[i]) })
	for _, r := range results {
		diags = append(diags, r...)
	}
	diags = append(diags, s.checkOutputs()...)
	diags = append(diags, s.claimOutputs()...)
	diags = append(diags, s.checkActiveContent()...)
	diags = append(diags, s.checkLinks()...)
	diags = append(diags, s.contentWarnings()...)
	diags.Sort()
	return diags, s, nil
}

// checkPage parses one page (no HTML, no highlighting) and records its ids
// and links.
func (s *Site) checkPage(p *content.Page) diag.List {
	res, typed := s.Book.Rendered(p)
	if !typed {
		parsed := s.Renderer.ParseDocument(s.markdownDoc(p))
		res = parsed.Result()
	} else {
		res.Diagnostics = nil // reported when the playbook was read
	}
	s.recordLinks(p, res, s.Book.Blocks(p, s.env()))
	return res.Diagnostics
}

// contentWarnings finds what does not break the site but should be fixed:
// hidden pages that no page links to (no reader can reach them) and images
// without alternative text.
func (s *Site) contentWarnings() diag.List { return s.contentWarningsOf(s.Content.Pages) }

// contentWarningsOf finds the warnings of the given pages; hidden pages are
// checked against the links of those pages only, so a caller passing a part
// of the site must pass all of it when the site has hidden pages.
func (s *Site) contentWarningsOf(pages []*content.Page) diag.List {
	s.links.mu.Lock()
	defer s.links.mu.Unlock()
	var diags diag.List
	linked := map[string]bool{}
	for _, p := range pages {
		pl := s.links.pages[p.File]
		if pl == nil {
			continue
		}
		for _, l := range append(append([]markup.Link(nil), pl.links...), pl.external...) {
			switch {
			case l.Image && l.Alt == "" && l.RawHTML:
				diags = append(diags, diag.Warnf(p.DisplayPath, l.Line, l.Col,
					"image %q has no alternative text: describe it in an alt attribute, <img alt=\"like this\" …>", l.Dest))
			case l.Image && l.Alt == "":
				diags = append(diags, diag.Warnf(p.DisplayPath, l.Line, l.Col,
					"image %q has no alternative text: describe it between the brackets, ![like this](%s)", l.Dest, l.Dest))
			}
			target := l.URL
			if i := strings.IndexAny(target, "#?"); i >= 0 {
				target = target[:i]
			}
			if target != "" {
				linked[target] = true
			}
		}
	}
	for _, p := range s.Content.Pages {
		if p.Hidden && !linked[s.url(p)] {
			diags = append(diags, diag.Warnf(p.DisplayPath, 1, 1,
				"page is hidden from the navigation and no page links to it, so no reader can reach it: link to it or remove `hidden: true`"))
		}
	}
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].File < diags[j].File })
	return diags
}
