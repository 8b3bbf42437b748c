package build

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/gitinfo"
	"github.com/playbookhq/playbook/generator/view"
)

// maxPrintPages is the largest site that gets a /print/ page: the whole
// handbook on one page is for printing a playbook, not a 10,000-page wiki.
const maxPrintPages = 2000

// printable reports whether the site gets a /print/ page.
func (s *Site) printable() bool { return len(s.Content.Pages) <= maxPrintPages }

// printPage renders /print/: every page in navigation order with a table of
// contents, so that "Print → Save as PDF" gives the whole playbook. Each
// page is what its layout's main block shows, so that a kind prints as it
// shows on screen (a board as a board, a thread with its authors). Ids are
// prefixed per page so that they stay unique (and so are the references to
// them), and links between pages of the handbook become links within the
// print page.
func (s *Site) printPage() ([]byte, error) {
	if !s.printable() {
		return nil, nil
	}
	s.links.mu.Lock()
	anchors := map[string]string{} // page URL → anchor on the print page
	for i, p := range s.Content.Ordered {
		anchors[s.url(p)] = "p" + strconv.Itoa(i)
	}
	var pages []view.PrintPage
	for i, p := range s.Content.Ordered {
		if p.Hidden {
			continue
		}
		id := "p" + strconv.Itoa(i)
		var body []byte
		if pl := s.links.pages[p.File]; pl != nil {
			body = prefixIDs([]byte(pl.body), id, anchors)
		}
		depth := len(s.Content.Ancestors(p))
		if p.IsSection && p.Section != "" {
			depth++
		}
		pages = append(pages, view.PrintPage{ID: id, Title: p.Title, URL: s.url(p), Kind: p.Kind(), Date: p.Date, Depth: depth, Body: template.HTML(body)})
	}
	s.links.mu.Unlock()
	data := &view.PageData{
		Site:  s.data,
		Page:  s.generatedView("The whole handbook", "print", "/print/"),
		Print: pages,
	}
	for _, p := range pages {
		data.Page.HasCode = data.Page.HasCode || hasCode(string(p.Body))
	}
	data.SetNav(func() []*view.NavItem { return s.nav(nil, nil) })
	nav, err := s.navHTML(nil)
	if err != nil {
		return nil, err
	}
	data.Sidebar = nav
	var buf bytes.Buffer
	if err := s.Theme.Execute(&buf, "print", data); err != nil {
		return nil, fmt.Errorf("template print.html failed: %w", err)
	}
	return buf.Bytes(), nil
}

// prefixIDs makes the ids of one page's body unique on the print page and
// points its links at the print page's own anchors where it can. It scans
// for the attribute openings the renderer writes (` id="` and ` href="`)
// rather than using a regular expression: bodies can be megabytes long.
func prefixIDs(body []byte, prefix string, anchors map[string]string) []byte {
	out := make([]byte, 0, len(body)+len(body)/16)
	for len(body) > 0 {
		i := bytes.Index(body, []byte(`="`))
		if i < 0 {
			break
		}
		attr := ""
		for _, a := range idAttrs {
			if i > len(a) && body[i-len(a)-1] == ' ' && string(body[i-len(a):i]) == a {
				attr = a
				break
			}
		}
		end := bytes.IndexByte(body[i+2:], '"')
		if attr == "" || end < 0 {
			out = append(out, body[:i+2]...)
			body = body[i+2:]
			continue
		}
		value := string(body[i+2 : i+2+end])
		out = append(out, body[:i+2]...)
		out = append(out, rewriteAttr(attr, value, prefix, anchors)...)
		body = body[i+2+end:]
	}
	return append(out, body...)
}

// idAttrs are the attributes that hold ids or links to them.
var idAttrs = []string{"id", "href", "aria-labelledby", "aria-describedby"}

// rewriteAttr returns the new value of an id, href or id reference on the
// print page.
func rewriteAttr(attr, value, prefix string, anchors map[string]string) string {
	switch attr {
	case "id":
		return prefix + "-" + value
	case "aria-labelledby", "aria-describedby":
		refs := strings.Fields(value)
		for i, r := range refs {
			refs[i] = prefix + "-" + r
		}
		return strings.Join(refs, " ")
	}
	if strings.HasPrefix(value, "#") {
		return "#" + prefix + "-" + value[1:]
	}
	path, frag, _ := cutFragment(value)
	if a, ok := anchors[path]; ok {
		if frag != "" {
			return "#" + a + "-" + frag
		}
		return "#" + a
	}
	return value
}

// edition is the version of the content: its newest commit when the site
// is in git, else the newest date of its pages.
func edition(last gitinfo.Commit, cs *content.Site) view.Edition {
	if last.Hash != "" {
		return view.Edition{Date: last.Date, Commit: last.Hash[:min(len(last.Hash), 12)]}
	}
	var e view.Edition
	for _, p := range cs.Pages {
		for _, d := range []time.Time{p.Lastmod, p.Date} {
			if d.After(e.Date) {
				e.Date = d
			}
		}
	}
	return e
}

func cutFragment(href string) (string, string, bool) {
	for i := 0; i < len(href); i++ {
		if href[i] == '#' {
			return href[:i], href[i+1:], true
		}
	}
	return href, "", false
}
