package build

import (
	"crypto/sha256"
	"sync"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markup"
)

// markdownCache keeps the rendered body of every page between the builds of
// a Session, so that a change that alters what every page shows (a title in
// the navigation, a template) re-executes templates but does not render
// unchanged Markdown again. An entry is valid while the page's body, its
// position in the file and everything its links resolve against are the
// same.
type markdownCache struct {
	mu      sync.Mutex
	links   [32]byte // the link context the entries were rendered in
	entries map[string]mdEntry
}

type mdEntry struct {
	key [32]byte
	res markup.Result
}

// newMarkdownCache returns the cache for a build whose link context is
// links, keeping the entries of prev when its context was the same.
func newMarkdownCache(prev *markdownCache, links [32]byte) *markdownCache {
	c := &markdownCache{links: links, entries: map[string]mdEntry{}}
	if prev != nil && prev.links == links {
		c.entries = prev.entries
	}
	return c
}

// get returns the cached body of p, or renders and keeps it.
func (c *markdownCache) get(p *content.Page, render func() (markup.Result, error)) (markup.Result, error) {
	h := sha256.New()
	h.Write(p.Body)
	h.Write([]byte{byte(p.BodyLine), byte(p.BodyLine >> 8), byte(p.BodyLine >> 16)})
	h.Write([]byte(p.DisplayPath))
	var key [32]byte
	copy(key[:], h.Sum(nil))
	c.mu.Lock()
	e, ok := c.entries[p.File]
	c.mu.Unlock()
	if ok && e.key == key {
		return e.res, nil
	}
	res, err := render()
	if err != nil {
		return res, err
	}
	c.mu.Lock()
	c.entries[p.File] = mdEntry{key: key, res: res}
	c.mu.Unlock()
	return res, nil
}

// prune drops the entries of pages the site no longer has.
func (c *markdownCache) prune(pages []*content.Page) {
	live := make(map[string]bool, len(pages))
	for _, p := range pages {
		live[p.File] = true
	}
	for f := range c.entries {
		if !live[f] {
			delete(c.entries, f)
		}
	}
}

// linkContext sums up what link resolution depends on: every page's file and
// URL, the other files, the drafts left out and the base path.
func (s *Site) linkContext() [32]byte {
	h := sha256.New()
	h.Write([]byte(s.data.BasePath))
	h.Write([]byte{0})
	for _, p := range s.Content.Pages {
		h.Write([]byte(p.File))
		h.Write([]byte{0})
		h.Write([]byte(p.URL))
		h.Write([]byte{0})
	}
	for _, f := range s.Content.Files {
		h.Write([]byte(f.File))
		h.Write([]byte{1})
	}
	h.Write([]byte(s.Content.DraftList()))
	var sum [32]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
