package search

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Indexing is split in two: reading a page's terms, which is most of the
// work and independent for every page, runs on all processors, a batch of
// pages at a time; appending to the posting lists, which must go in page
// order, runs on one goroutine, each batch while the next one is read.

// postings is the growing posting list of one term: a posting per page,
// for the section where the term weighs most (the first of them on a tie).
// One per section would tell more about where several terms meet, but
// common words are in most sections of most pages, and their lists would
// be five times longer.
type postings struct {
	buf  []byte // encoded (document delta, section×8+weight) pairs
	last int    // the last document added
	docs int    // how many documents have the term
}

// termHit is where a term weighs most in one page.
type termHit struct {
	term   string
	sec    int
	weight uint8
}

// batchSize is how many pages are read between two merges: enough to keep
// every processor busy, few enough that their terms take little memory.
const batchSize = 256

// indexTerms returns the posting lists of every term of docs, whose first
// sections are the tops of the pages.
func indexTerms(docs []Doc) map[string]*postings {
	terms := map[string]*postings{}
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	readers := make([]pageReader, max(workers, 1))
	// Two sets of hits: a batch is read into one while the batch before
	// is merged from the other.
	var bufs [2][][]termHit
	for i := range bufs {
		bufs[i] = make([][]termHit, min(batchSize, len(docs)))
	}
	var merging sync.WaitGroup
	for b, start := 0, 0; start < len(docs); b, start = b+1, start+batchSize {
		batch := docs[start:min(start+batchSize, len(docs))]
		hits := bufs[b%2]
		var next atomic.Int64
		var wg sync.WaitGroup
		for w := range readers {
			wg.Go(func() {
				for {
					i := int(next.Add(1) - 1)
					if i >= len(batch) {
						return
					}
					hits[i] = readers[w].read(&batch[i], hits[i][:0])
				}
			})
		}
		wg.Wait()
		merging.Wait()
		merging.Go(func() { mergeHits(terms, start, hits[:len(batch)]) })
	}
	merging.Wait()
	return terms
}

// mergeHits appends the hits of the pages numbered from first, in order, to
// the posting lists.
func mergeHits(terms map[string]*postings, first int, hits [][]termHit) {
	for i, page := range hits {
		id := first + i
		for _, h := range page {
			p := terms[h.term]
			if p == nil {
				p = &postings{}
				terms[h.term] = p
			}
			p.buf = appendVarint(p.buf, id-p.last)
			p.buf = appendVarint(p.buf, h.sec*8+int(h.weight))
			p.last = id
			p.docs++
		}
	}
}

// pageReader finds the terms of one page at a time, reusing its memory.
type pageReader struct {
	index map[string]int // term → position in acc
	acc   []termAcc
	words []string
}

// termAcc follows one term through a page's sections, in order.
type termAcc struct {
	term       string
	sec        int   // the section being read
	weight     uint8 // its heading or title class there
	count      int   // times in its text
	bestSec    int
	bestWeight int // -1 before the first section ends
}

// settle ends the section a.sec, keeping it if it weighs more than the best.
func (a *termAcc) settle() {
	w := a.weight
	if a.count > 0 {
		w = max(w, bodyWeight(a.count))
	}
	if int(w) > a.bestWeight {
		a.bestSec, a.bestWeight = a.sec, int(w)
	}
}

// read appends to dst where each term of d weighs most.
func (r *pageReader) read(d *Doc, dst []termHit) []termHit {
	if r.index == nil {
		r.index = map[string]int{}
	}
	clear(r.index)
	r.acc = r.acc[:0]
	r.words = appendTerms(r.words[:0], d.Title)
	r.mark(0, r.words, titleWeight(len(r.words)))
	for _, e := range d.Extra {
		r.words = appendTerms(r.words[:0], e)
		r.mark(0, r.words, weightHeading)
	}
	r.words = appendTerms(r.words[:0], d.Section)
	r.count(0, r.words)
	for sec, s := range d.Sections {
		r.words = appendTerms(r.words[:0], s.Heading)
		r.mark(sec, r.words, headingWeight(len(r.words)))
		r.words = appendTerms(r.words[:0], s.Text)
		r.count(sec, r.words)
	}
	for i := range r.acc {
		a := &r.acc[i]
		a.settle()
		dst = append(dst, termHit{term: a.term, sec: a.bestSec, weight: uint8(a.bestWeight)})
	}
	return dst
}

// entry returns the accumulator of term, moved on to section sec.
func (r *pageReader) entry(term string, sec int) *termAcc {
	i, ok := r.index[term]
	if !ok {
		r.index[term] = len(r.acc)
		r.acc = append(r.acc, termAcc{term: term, sec: sec, bestWeight: -1})
		return &r.acc[len(r.acc)-1]
	}
	a := &r.acc[i]
	if a.sec != sec {
		a.settle()
		a.sec, a.weight, a.count = sec, 0, 0
	}
	return a
}

// mark records words found in a title or heading of section sec.
func (r *pageReader) mark(sec int, words []string, weight uint8) {
	for _, w := range words {
		a := r.entry(w, sec)
		a.weight = max(a.weight, weight)
	}
}

// count records words found in the text of section sec.
func (r *pageReader) count(sec int, words []string) {
	for _, w := range words {
		r.entry(w, sec).count++
	}
}
