package corpus

import (
	"math/rand/v2"
	"strings"
)

// link is one relative link from a page to another planned page.
type link struct {
	target   int    // page index
	fragment string // heading id in the target, or ""
}

// chooseLinks picks 2 to 5 distinct link targets for leaf page self: often a
// sibling in the same folder, now and then an index page, otherwise any leaf
// page; about a third carry a fragment naming a heading of the target.
func (p *plan) chooseLinks(self int, r *rand.Rand) []link {
	n := 2 + r.IntN(4)
	links := make([]link, 0, n)
	siblings := p.folders[p.pages[self].folder].leaves
	for tries := 0; len(links) < n && tries < 50; tries++ {
		var t int
		switch x := r.IntN(100); {
		case x < 35 && len(siblings) > 1:
			t = pick(r, siblings)
		case x < 45:
			t = pick(r, p.folders).index
		default:
			t = pick(r, p.leaves)
		}
		if t == self || containsTarget(links, t) {
			continue
		}
		l := link{target: t}
		if hs := p.pages[t].headings; len(hs) > 0 && r.IntN(100) < 33 {
			l.fragment = pick(r, hs).id
		}
		links = append(links, l)
	}
	return links
}

// containsTarget reports whether links already point at page t.
func containsTarget(links []link, t int) bool {
	for _, l := range links {
		if l.target == t {
			return true
		}
	}
	return false
}

// appendRelPath appends the relative link from a page in folder from to page
// to, such as "sibling.md", "sub/page.md" or "../../other/page.md".
func (p *plan) appendRelPath(b []byte, from string, to int) []byte {
	dst := &p.pages[to]
	rest := dst.dir
	for from != "" && rest != "" {
		f, fromRest, _ := strings.Cut(from, "/")
		t, toRest, _ := strings.Cut(rest, "/")
		if f != t {
			break
		}
		from, rest = fromRest, toRest
	}
	if from != "" {
		for range strings.Count(from, "/") + 1 {
			b = append(b, "../"...)
		}
	}
	if rest != "" {
		b = append(b, rest...)
		b = append(b, '/')
	}
	return append(b, dst.file...)
}
