package build

import (
	"bytes"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/search"
)

// searchDir is where the search index is written in the output.
const searchDir = "search/"

// maxSyncSearchPages is the largest site whose search index a serve
// rebuild of one page writes at once; bigger sites get it right after the
// page is served (see Session.RefreshSearch).
const maxSyncSearchPages = 2000

// searchPage reads a rendered page for the search index: its URL, title,
// description, site section and the names a reader may look for (the roles
// a page is about, the roles of a table), and the markup of its article,
// where the theme marks what is a result of its own (data-search-unit) and
// what is shown from elsewhere (data-search="skip").
func (s *Site) searchPage(p *content.Page, page []byte) *search.Page {
	article := page
	if i := bytes.Index(page, []byte("<article")); i >= 0 {
		if j := bytes.LastIndex(page, []byte("</article>")); j > i {
			article = page[i : j+len("</article>")]
		}
	}
	section := ""
	if anc := s.Content.Ancestors(p); len(anc) > 1 {
		section = anc[1].Page.Title
	} else if p.IsSection && p.Section != "" {
		section = p.Title
	}
	doc := search.Doc{URL: s.url(p), Title: p.Title, Section: section, Description: p.Description}
	if m, ok := s.Book.Model(p).(playbook.Named); ok {
		doc.Extra = m.SearchNames()
	}
	return search.Read(doc, article)
}

// searchFiles builds the search index of every page rendered or kept,
// numbering the pages in Content.Ordered order, as s.index does.
func (s *Site) searchFiles() ([]outputAsset, error) {
	var files map[string][]byte
	var err error
	if s.index != nil {
		files, err = s.index.Files()
	} else {
		s.links.mu.Lock()
		pages := make([]*search.Page, 0, len(s.Content.Pages))
		for _, p := range s.Content.Ordered {
			if pl := s.links.pages[p.File]; pl != nil && pl.search != nil {
				pages = append(pages, pl.search)
			}
		}
		s.links.mu.Unlock()
		files, err = search.Build(pages)
	}
	if err != nil {
		return nil, err
	}
	out := make([]outputAsset, 0, len(files))
	for name, data := range files {
		out = append(out, outputAsset{Path: searchDir + name, Data: data})
	}
	return out, nil
}
