package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
)

// Indexer builds the index of a known number of pages, which may be added
// in any order and from many goroutines at once: a build adds each page as
// soon as it is rendered and read, so that the work is spread over the
// render instead of waiting for the last page. Encoding a page's chunk
// entry runs in the goroutine that adds it; appending its postings, which
// must go in page order, runs under a lock once every page before it is
// in, a batch at a time.
type Indexer struct {
	lim     limits
	compact bool // the chunks hold each unit's first passage only

	mu           sync.Mutex
	err          error             // the first bad page
	entries      []json.RawMessage // what the chunks hold of each page
	urls         []string          // by page
	sectionFiles map[string][]byte // the x/ files of long pages
	pending      map[int]*Page     // pages added but not merged yet
	next         int               // the first page not merged yet
	terms        map[string]*postings
	scratch      []termHit      // compactHits's, reused
	at           map[string]int // compactHits's, reused
}

// NewIndexer returns an Indexer for n pages, numbered 0 to n-1.
func NewIndexer(n int) *Indexer {
	return newIndexer(n, defaultLimits())
}

func newIndexer(n int, lim limits) *Indexer {
	return &Indexer{
		lim:          lim,
		compact:      n > lim.fullText,
		entries:      make([]json.RawMessage, n),
		urls:         make([]string, n),
		sectionFiles: map[string][]byte{},
		pending:      map[int]*Page{},
		terms:        map[string]*postings{},
	}
}

// Build makes the index of pages, numbered in the order given, and returns
// its files by path relative to the index folder (ManifestFile,
// "s/0.json", ...). It fails when a page has no URL or two have the same.
func Build(pages []*Page) (map[string][]byte, error) {
	return build(pages, defaultLimits())
}

func build(pages []*Page, lim limits) (map[string][]byte, error) {
	x := newIndexer(len(pages), lim)
	for i, p := range pages {
		if err := x.Add(i, p); err != nil {
			return nil, err
		}
	}
	return x.Files()
}

// Add indexes p as page number id. It is safe for concurrent use; each
// number must be added once.
func (x *Indexer) Add(id int, p *Page) error {
	if id < 0 || id >= len(x.entries) {
		return fmt.Errorf("search: page number %d is out of range 0 to %d", id, len(x.entries)-1)
	}
	if p.url == "" {
		err := fmt.Errorf("search: the page titled %q has no URL", p.title)
		x.fail(err)
		return err
	}
	entry, extra := p.entry(id, x.lim, x.compact)

	x.mu.Lock()
	defer x.mu.Unlock()
	if x.entries[id] != nil {
		return fmt.Errorf("search: page number %d was added twice", id)
	}
	x.entries[id], x.urls[id] = entry, p.url
	for name, data := range extra {
		x.sectionFiles[name] = data
	}
	x.pending[id] = p
	// Merge a batch of pages at a time: the posting lists they append to
	// stay in the processor's cache from one page to the next, where
	// merging each alone, between two renders, missed it on most of its
	// postings.
	end := x.next
	for x.pending[end] != nil {
		end++
	}
	if end-x.next < mergeBatch && end < len(x.entries) {
		return nil
	}
	for ; x.next < end; x.next++ {
		x.merge(x.next, x.pending[x.next])
		delete(x.pending, x.next)
	}
	return nil
}

// mergeBatch is how many pages in a row are merged at once.
const mergeBatch = 32

// fail records the first error of a page, for Files to return.
func (x *Indexer) fail(err error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.err == nil {
		x.err = err
	}
}

// merge appends the postings of page id, the next one in order, to the
// posting lists. A new term's key is copied, so that the posting lists do
// not keep the page's text alive.
//
// A posting is the page (as the difference from the list's last), then
// passage×8+weight and, for a heading below the top of the page, how many
// passages after its first its unit reaches (nested units included), so
// that a question's heading counts for its answers. Compact chunks hold a
// passage per unit, so there the passage is the unit and the reach counts
// units; and a term's text is listed at its best passage only.
func (x *Indexer) merge(id int, p *Page) {
	hits := p.hits
	if x.compact {
		if x.at == nil {
			x.at = map[string]int{}
		}
		hits = compactHits(p.hits, x.scratch[:0], x.at)
		x.scratch = hits
	}
	for _, h := range hits {
		l := x.terms[h.term]
		if l == nil {
			l = &postings{last: -1}
			x.terms[strings.Clone(h.term)] = l
		}
		loc, reach := int(h.loc), 0
		if h.unit >= 0 {
			u := &p.units[h.unit]
			reach = int(u.lastPassage) - u.first
			if x.compact {
				reach = int(u.lastUnit - h.unit)
			}
		}
		if x.compact {
			loc = p.passages[loc].unit // the unit's first passage, all the chunk holds
		}
		if id != l.last {
			l.docs++
		}
		l.buf = appendVarint(l.buf, id-max(l.last, 0))
		l.buf = appendVarint(l.buf, loc*8+int(h.weight))
		if loc > 0 && h.weight >= weightHeading {
			l.buf = appendVarint(l.buf, reach)
		}
		l.last = id
	}
}

// compactHits appends to dst one posting per term of hits: its first title
// or heading of the highest class, else its best passage. On a big site a
// posting per title, heading and passage would make the lists of common
// words, which most queries fetch, several times longer.
func compactHits(hits []termHit, dst []termHit, at map[string]int) []termHit {
	clear(at)
	for _, h := range hits {
		if h.unit < 0 && !h.best {
			continue
		}
		i, ok := at[h.term]
		switch {
		case !ok:
			at[h.term] = len(dst)
			dst = append(dst, h)
		case h.weight > dst[i].weight:
			dst[i] = h
		}
	}
	return dst
}

// postings is the growing posting list of one term: for each page, the
// titles and headings it is in and the passages it is in.
type postings struct {
	buf  []byte // encoded (page delta, passage×8+weight) pairs
	last int    // the last page added, -1 before one
	docs int    // how many pages have the term
}
