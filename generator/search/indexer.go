package search

import "strings"

// postings is the growing posting list of one term: a posting per
// document, for the section where the term weighs most (the first of
// them on a tie). One per section would tell more about where several
// terms meet, but common words are in most sections of most pages, and
// their lists would be five times longer.
type postings struct {
	buf  []byte // encoded (document delta, section×8+weight) pairs
	last int    // the last document added
	docs int    // how many documents have the term
}

// hit is what one document says about one term in one section.
type hit struct {
	sec    int
	weight uint8 // the best heading or title class, 0 when only in text
	count  int   // times in the section's text
}

// indexer collects the postings of every term, one document at a time, in
// document order.
type indexer struct {
	terms map[string]*postings
	doc   map[string][]hit // the current document's terms, reused
	words []string         // scratch
	b     strings.Builder  // scratch
}

func newIndexer() *indexer {
	return &indexer{terms: map[string]*postings{}, doc: map[string][]hit{}}
}

// add indexes document id, whose first section is the top of the page.
func (ix *indexer) add(id int, d *Doc) {
	clear(ix.doc)
	ix.words = appendTerms(ix.words[:0], d.Title)
	ix.mark(0, ix.words, titleWeight(len(ix.words)))
	for _, e := range d.Extra {
		ix.words = appendTerms(ix.words[:0], e)
		ix.mark(0, ix.words, weightHeading)
	}
	ix.words = appendTerms(ix.words[:0], d.Section)
	ix.count(0, ix.words)
	for sec, s := range d.Sections {
		ix.words = appendTerms(ix.words[:0], s.Heading)
		ix.mark(sec, ix.words, headingWeight(len(ix.words)))
		ix.words = appendTerms(ix.words[:0], s.Text)
		ix.count(sec, ix.words)
	}
	for term, hits := range ix.doc {
		p := ix.terms[term]
		if p == nil {
			p = &postings{}
			ix.terms[term] = p
		}
		best, bestW := 0, -1
		for _, h := range hits {
			w := h.weight
			if h.count > 0 {
				w = max(w, bodyWeight(h.count))
			}
			if int(w) > bestW {
				best, bestW = h.sec, int(w)
			}
		}
		p.buf = appendVarint(p.buf, id-p.last)
		p.buf = appendVarint(p.buf, best*8+bestW)
		p.last = id
		p.docs++
	}
}

// entry returns the hit of term in section sec, adding it if needed.
// Sections are visited in order, so it is the last hit or a new one.
func (ix *indexer) entry(term string, sec int) *hit {
	hits := ix.doc[term]
	if n := len(hits); n > 0 && hits[n-1].sec == sec {
		return &hits[n-1]
	}
	ix.doc[term] = append(hits, hit{sec: sec})
	return &ix.doc[term][len(hits)]
}

// mark records words found in a title or heading of section sec.
func (ix *indexer) mark(sec int, words []string, weight uint8) {
	for _, w := range words {
		h := ix.entry(w, sec)
		h.weight = max(h.weight, weight)
	}
}

// count records words found in the text of section sec.
func (ix *indexer) count(sec int, words []string) {
	for _, w := range words {
		ix.entry(w, sec).count++
	}
}
