package build

import (
	"bytes"
	"fmt"
	"html/template"
	"runtime"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/theme"
)

// renderPages renders every page on all cores, but those keep says to keep,
// and hands each result to emit (which must be safe for concurrent use). It
// returns the problems found.
func (s *Site) renderPages(keep func(*content.Page) bool, emit func(file string, data []byte) error) diag.List {
	pages := s.Content.Ordered
	index := make(map[*content.Page]int, len(pages))
	for i, p := range pages {
		index[p] = i
	}
	var (
		mu    sync.Mutex
		diags diag.List
		wg    sync.WaitGroup
		next  = make(chan *content.Page)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range next {
				buf.Reset()
				d := s.renderPage(&buf, p, index[p])
				if len(d) == 0 || !d.HasErrors() {
					if err := emit(p.OutFile, buf.Bytes()); err != nil {
						d = append(d, diag.Errorf(p.DisplayPath, 0, 0, "writing %s: %v", p.OutFile, err))
					}
				}
				if len(d) > 0 {
					mu.Lock()
					diags = append(diags, d...)
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range pages {
		if keep == nil || !keep(p) {
			next <- p
		}
	}
	close(next)
	wg.Wait()
	return diags
}

// renderPage renders one page into buf.
func (s *Site) renderPage(buf *bytes.Buffer, p *content.Page, pos int) diag.List {
	res, rendered := s.Book.Rendered(p)
	if !rendered && len(p.Body) > 0 {
		var err error
		res, err = s.renderMarkdown(p)
		if err != nil {
			return diag.List{diag.Errorf(p.DisplayPath, 0, 0, "rendering Markdown: %v", err)}
		}
	} else {
		res.Diagnostics = nil // reported when the playbook was read
	}
	s.recordLinks(p, res)
	data := &PageData{
		Site:        s.data,
		Page:        pageView(p, s.data),
		Content:     template.HTML(res.HTML),
		TOC:         res.TOC,
		site:        s,
		page:        p,
		Breadcrumbs: s.breadcrumbs(p),
		Children:    s.children(p),
	}
	nav, err := s.navHTML(p)
	if err != nil {
		return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "%v", err))
	}
	data.Sidebar = nav
	s.addKindData(data, p)
	ordered := s.Content.Ordered
	if pos > 0 {
		prev := ordered[pos-1]
		data.Prev = &Link{Title: prev.Title, URL: s.url(prev)}
	}
	if pos+1 < len(ordered) {
		next := ordered[pos+1]
		data.Next = &Link{Title: next.Title, URL: s.url(next)}
	}
	if err := s.Theme.Execute(buf, s.layout(p), data); err != nil {
		return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "template %s.html failed: %v", s.layout(p), err))
	}
	if s.releaseBodies {
		p.Body = nil // rendered: a one-off build needs the Markdown no more
	}
	sp := s.searchPage(p, buf.Bytes())
	if s.index != nil {
		if err := s.index.Add(pos, sp); err != nil {
			return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "indexing for search: %v", err))
		}
		return res.Diagnostics
	}
	// serve keeps every page's search.Page, to index the site again as
	// pages change.
	s.links.mu.Lock()
	if pl := s.links.pages[p.File]; pl != nil {
		pl.search = sp
	}
	s.links.mu.Unlock()
	return res.Diagnostics
}

// layout picks the theme layout for a page: one named after its kind when
// the theme has it, else the generic one.
func (s *Site) layout(p *content.Page) string {
	kind := p.Kind()
	if p.IsSection && p.SectionKind() != "" && kind == content.KindSection {
		if list := p.SectionKind() + "-list"; s.Theme.Has(list) {
			return list
		}
	}
	if s.Theme.Has(kind) {
		return kind
	}
	if p.IsSection {
		return theme.LayoutSection
	}
	return theme.LayoutPage
}

// renderNotFound renders the 404 page.
func (s *Site) renderNotFound() ([]byte, error) {
	var buf bytes.Buffer
	data := &PageData{
		Site: s.data,
		Page: &PageView{Title: "Page not found", Kind: "404", URL: s.data.BasePath + "404.html", Permalink: permalink(s.data, "/404.html")},
		site: s,
	}
	nav, err := s.navHTML(nil)
	if err != nil {
		return nil, err
	}
	data.Sidebar = nav
	if err := s.Theme.Execute(&buf, theme.LayoutNotFound, data); err != nil {
		return nil, fmt.Errorf("template 404.html failed: %w", err)
	}
	return buf.Bytes(), nil
}

// renderMarkdown renders a page's body, through the markdown cache when the
// site has one.
func (s *Site) renderMarkdown(p *content.Page) (markup.Result, error) {
	render := func() (markup.Result, error) {
		return s.Renderer.Render(markup.Document{
			Source:     p.Body,
			Path:       p.DisplayPath,
			LineOffset: p.BodyLine,
			Resolver:   s.Content.LinkResolver(p, s.data.BasePath),
		})
	}
	if s.markdown == nil {
		return render()
	}
	return s.markdown.get(p, render)
}
