package build

import (
	"bytes"
	"strings"
	"sync"
	"unicode"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markup"
)

// A link's fragment can only be checked once every page is rendered, but a
// fragment that differs from the target's id only in case ("#Budget" for
// "budget", which works on the git host) must be written fixed into the
// page that holds it. So a page with such a candidate link (a fragment with
// an upper-case letter: every generated id is lower case) is held back when
// rendered, and written once the link check has said what to fix. Such
// pages are few; every other page is written as soon as it is rendered.

// fragmentFixes collects, per page file, the link URLs to rewrite.
type fragmentFixes struct {
	mu   sync.Mutex
	urls map[string]map[string]string // page file → URL as rendered → fixed URL
	held []heldPage
}

// heldPage is a rendered page waiting for its fixes.
type heldPage struct {
	file, out string
	data      []byte
}

func (f *fragmentFixes) add(file, from, to string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.urls == nil {
		f.urls = map[string]map[string]string{}
	}
	if f.urls[file] == nil {
		f.urls[file] = map[string]string{}
	}
	f.urls[file][from] = to
}

func (f *fragmentFixes) hold(file, out string, data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.held = append(f.held, heldPage{file: file, out: out, data: bytes.Clone(data)})
}

// mayNeedFix reports whether one of the links may have its fragment fixed.
func mayNeedFix(links []markup.Link) bool {
	for _, l := range links {
		if _, frag, ok := strings.Cut(l.URL, "#"); ok && strings.ContainsFunc(frag, unicode.IsUpper) {
			return true
		}
	}
	return false
}

// holdForFixes reports whether the page just rendered must wait for the
// link check, and holds its bytes if so.
func (s *Site) holdForFixes(p *content.Page, data []byte) bool {
	s.links.mu.Lock()
	pl := s.links.pages[p.File]
	s.links.mu.Unlock()
	if pl == nil || !mayNeedFix(pl.links) {
		return false
	}
	s.fixes.hold(p.File, p.OutFile, data)
	return true
}

// emitHeld writes the held pages with their fixes applied (also to the
// bodies kept for the print page), and forgets them.
func (s *Site) emitHeld(emit func(rel string, data []byte) error) error {
	s.fixes.mu.Lock()
	held, urls := s.fixes.held, s.fixes.urls
	s.fixes.held, s.fixes.urls = nil, nil
	s.fixes.mu.Unlock()
	for _, h := range held {
		data := h.data
		for from, to := range urls[h.file] {
			data = bytes.ReplaceAll(data, []byte(`href="`+markup.AttrURL(from)+`"`), []byte(`href="`+markup.AttrURL(to)+`"`))
			s.links.mu.Lock()
			if pl := s.links.pages[h.file]; pl != nil && pl.body != "" {
				pl.body = strings.ReplaceAll(pl.body, `href="`+markup.AttrURL(from)+`"`, `href="`+markup.AttrURL(to)+`"`)
			}
			s.links.mu.Unlock()
		}
		if err := emit(h.out, data); err != nil {
			return err
		}
	}
	return nil
}
