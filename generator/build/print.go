package build

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strconv"
)

// maxPrintPages is the largest site that gets a /print/ page: the whole
// handbook on one page is for printing a playbook, not a 10,000-page wiki.
const maxPrintPages = 2000

// printable reports whether the site gets a /print/ page.
func (s *Site) printable() bool { return len(s.Content.Pages) <= maxPrintPages }

// PrintPage is one page of the handbook on the /print/ page.
type PrintPage struct {
	ID    string // the anchor of the page on the print page
	Title string
	URL   string
	Depth int // 0 for the home page, 1 for top-level pages and sections…
	Body  template.HTML
}

// printPage renders /print/: every page in navigation order with a table of
// contents, so that "Print → Save as PDF" gives the whole playbook. Heading
// ids are prefixed per page so that they stay unique, and links between
// pages of the handbook become links within the print page.
func (s *Site) printPage() ([]byte, error) {
	if !s.printable() {
		return nil, nil
	}
	s.links.mu.Lock()
	anchors := map[string]string{} // page URL → anchor on the print page
	for i, p := range s.Content.Ordered {
		anchors[s.url(p)] = "p" + strconv.Itoa(i)
	}
	var pages []PrintPage
	for i, p := range s.Content.Ordered {
		if p.Hidden {
			continue
		}
		id := "p" + strconv.Itoa(i)
		var body []byte
		if pl := s.links.pages[p.File]; pl != nil {
			body = prefixIDs(pl.body, id, anchors)
		}
		depth := len(s.Content.Ancestors(p))
		if p.IsSection && p.Section != "" {
			depth++
		}
		pages = append(pages, PrintPage{ID: id, Title: p.Title, URL: s.url(p), Depth: depth, Body: template.HTML(body)})
	}
	s.links.mu.Unlock()
	data := &PageData{
		Site:  s.data,
		Page:  &PageView{Title: "The whole handbook", Kind: "print", URL: s.data.BasePath + "print/", Permalink: permalink(s.data, "/print/")},
		site:  s,
		Print: pages,
	}
	nav, err := s.navHTML(nil)
	if err != nil {
		return nil, err
	}
	data.NavHTML = nav
	var buf bytes.Buffer
	if err := s.Theme.Execute(&buf, "print", data); err != nil {
		return nil, fmt.Errorf("template print.html failed: %w", err)
	}
	return buf.Bytes(), nil
}

var (
	idAttr   = regexp.MustCompile(`\bid="([^"]*)"`)
	hrefAttr = regexp.MustCompile(`\bhref="([^"]*)"`)
)

// prefixIDs makes the ids of one page's body unique on the print page and
// points its links at the print page's own anchors where it can.
func prefixIDs(body []byte, prefix string, anchors map[string]string) []byte {
	body = idAttr.ReplaceAllFunc(body, func(m []byte) []byte {
		return []byte(`id="` + prefix + "-" + string(idAttr.FindSubmatch(m)[1]) + `"`)
	})
	return hrefAttr.ReplaceAllFunc(body, func(m []byte) []byte {
		href := string(hrefAttr.FindSubmatch(m)[1])
		if len(href) > 0 && href[0] == '#' {
			return []byte(`href="#` + prefix + "-" + href[1:] + `"`)
		}
		path, frag, _ := cutFragment(href)
		if a, ok := anchors[path]; ok {
			if frag != "" {
				return []byte(`href="#` + a + "-" + frag + `"`)
			}
			return []byte(`href="#` + a + `"`)
		}
		return m
	})
}

func cutFragment(href string) (string, string, bool) {
	for i := 0; i < len(href); i++ {
		if href[i] == '#' {
			return href[:i], href[i+1:], true
		}
	}
	return href, "", false
}
