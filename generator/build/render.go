package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/theme"
	"github.com/playbookhq/playbook/generator/view"
)

// renderPages renders every page on all cores, but those keep says to keep,
// and hands each result to emit (which must be safe for concurrent use). It
// returns the problems found.
func (s *Site) renderPages(keep func(*content.Page) bool, emit func(file string, data []byte) error) diag.List {
	index := make(map[*content.Page]int, len(s.Content.Ordered))
	todo := make([]*content.Page, 0, len(s.Content.Ordered))
	for i, p := range s.Content.Ordered {
		index[p] = i
		if keep == nil || !keep(p) {
			todo = append(todo, p)
		}
	}
	var (
		mu    sync.Mutex
		diags diag.List
	)
	parallel.For(len(todo), func(i int) {
		p := todo[i]
		buf := renderBuffers.Get().(*bytes.Buffer)
		defer renderBuffers.Put(buf)
		buf.Reset()
		d := s.renderPage(buf, p, index[p])
		if !d.HasErrors() && !s.holdForFixes(p, buf.Bytes()) {
			if err := emit(p.OutFile, buf.Bytes()); err != nil {
				d = append(d, diag.Errorf(p.DisplayPath, 0, 0, "writing %s: %v", p.OutFile, err))
			}
		}
		if len(d) > 0 {
			mu.Lock()
			diags = append(diags, d...)
			mu.Unlock()
		}
	})
	return diags
}

// renderBuffers are the buffers pages are rendered into, reused across
// pages: emit must not keep the bytes it is handed.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

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
	blocks := s.Book.Blocks(p, s.env())
	s.recordLinks(p, res, blocks)
	data := &view.PageData{
		Site:        s.data,
		Page:        s.pageView(p),
		Content:     template.HTML(res.HTML),
		TitleID:     res.TitleID,
		TOC:         playbook.TOC(res.TOC, blocks),
		Breadcrumbs: s.breadcrumbs(p),
		Children:    s.children(p),
	}
	markLinked(data.Children, res.Links)
	data.Page.HasCode = hasCode(res.HTML)
	data.SetNav(func() []*view.NavItem { return s.nav(s.navTrail(p), p) })
	nav, err := s.navHTML(p)
	if err != nil {
		return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "%v", err))
	}
	data.Sidebar = nav
	if err := s.addKindData(data, p, blocks); err != nil {
		return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "%v", err))
	}
	ordered := s.Content.Ordered
	if pos > 0 {
		prev := s.pageLink(ordered[pos-1])
		data.Prev = &prev
	}
	if pos+1 < len(ordered) {
		next := s.pageLink(ordered[pos+1])
		data.Next = &next
	}
	layout := s.layout(p)
	if err := s.Theme.Execute(buf, layout, data); err != nil {
		return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "template %s.html failed: %v", layout, err))
	}
	if s.printable() {
		// The print page shows each page as its layout does, kinds and
		// blocks included: what the layout's main block makes of it.
		var main strings.Builder
		if err := s.Theme.ExecuteMain(&main, layout, data); err != nil {
			return append(res.Diagnostics, diag.Errorf(p.DisplayPath, 0, 0, "template %s.html failed: %v", layout, err))
		}
		s.links.mu.Lock()
		if pl := s.links.pages[p.File]; pl != nil {
			pl.body = main.String()
		}
		s.links.mu.Unlock()
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

// hasCode reports whether rendered HTML holds highlighted code.
func hasCode(html string) bool { return strings.Contains(html, `<pre class="chroma"`) }

// markLinked marks the children that the page's text links to.
func markLinked(children []view.ChildLink, links []markup.Link) {
	if len(children) == 0 || len(links) == 0 {
		return
	}
	linked := make(map[string]bool, len(links))
	for _, l := range links {
		u, _, _ := cutFragment(l.URL)
		linked[u] = true
	}
	for i := range children {
		children[i].Linked = linked[children[i].URL]
	}
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
	data := &view.PageData{
		Site: s.data,
		Page: s.generatedView("Page not found", "404", "/404.html"),
	}
	data.SetNav(func() []*view.NavItem { return s.nav(nil, nil) })
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
		return s.Renderer.Render(s.markdownDoc(p))
	}
	if s.markdown == nil {
		return render()
	}
	return s.markdown.get(p, render)
}

// markdownDoc is the Markdown body of a page, to render or parse.
func (s *Site) markdownDoc(p *content.Page) markup.Document {
	return markup.Document{
		Source:     p.Body,
		Path:       p.DisplayPath,
		LineOffset: p.BodyLine,
		Resolver:   s.Content.LinkResolver(p, s.data.BasePath),
		KeepH1:     !p.TitleFromBody(),
	}
}
