package search

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// Indexer builds the index of a known number of documents, which may be
// added in any order and from many goroutines at once: a build adds each
// page as soon as it is rendered, so that reading its terms is spread over
// the render instead of waiting for the last page. Reading a page's terms,
// most of the work, runs in the goroutine that adds it; appending them to
// the posting lists, which must go in document order, runs under a lock
// once every document before it is in.
type Indexer struct {
	lim     limits
	readers sync.Pool // *pageReader

	mu           sync.Mutex
	err          error             // the first bad document
	entries      []json.RawMessage // what the chunks hold of each document
	urls         []string          // by document
	sectionFiles map[string][]byte // the x/ files of long documents
	pending      map[int][]termHit // hits of documents added but not merged yet
	free         [][]termHit       // merged hit lists, for reuse
	next         int               // the first document whose hits are not merged
	terms        map[string]*postings
}

// NewIndexer returns an Indexer for n documents, numbered 0 to n-1.
func NewIndexer(n int) *Indexer {
	return newIndexer(n, defaultLimits())
}

func newIndexer(n int, lim limits) *Indexer {
	return &Indexer{
		lim:          lim,
		entries:      make([]json.RawMessage, n),
		urls:         make([]string, n),
		sectionFiles: map[string][]byte{},
		pending:      map[int][]termHit{},
		terms:        map[string]*postings{},
	}
}

// Add indexes d as document number id. It is safe for concurrent use; each
// number must be added once.
func (x *Indexer) Add(id int, d Doc) error {
	return x.add(id, &d, func(r *pageReader) {
		d.Sections = withTop(d.Sections)
		r.hits = r.read(&d, r.hits[:0])
	})
}

// AddHTML is Add for the document whose sections DocFromHTML would find
// in body, d.Sections being ignored, and gives the same index. It is
// faster: it reads the terms as it finds the text, and keeps of each
// section's text only the snippet that the chunks hold.
func (x *Indexer) AddHTML(id int, d Doc, body []byte) error {
	// A snippet is lim.snippet runes, and an ellipsis when more follow.
	return x.add(id, &d, func(r *pageReader) { r.hits = r.readHTML(&d, body, x.lim.snippet, r.hits[:0]) })
}

// add indexes document id, once read sets the reader's hits and leaves
// d's sections with the top of the page first (withTop).
func (x *Indexer) add(id int, d *Doc, read func(*pageReader)) error {
	if id < 0 || id >= len(x.entries) {
		return fmt.Errorf("search: document number %d is out of range 0 to %d", id, len(x.entries)-1)
	}
	if d.URL == "" {
		err := fmt.Errorf("search: the document titled %q has no URL", d.Title)
		x.fail(err)
		return err
	}
	r, _ := x.readers.Get().(*pageReader)
	if r == nil {
		r = &pageReader{}
	}
	defer x.readers.Put(r)
	read(r)
	entry, extra := docEntry(id, d, x.lim)

	x.mu.Lock()
	defer x.mu.Unlock()
	if x.entries[id] != nil {
		return fmt.Errorf("search: document number %d was added twice", id)
	}
	x.entries[id], x.urls[id] = entry, d.URL
	for name, data := range extra {
		x.sectionFiles[name] = data
	}
	x.pending[id] = append(x.recycled(), r.hits...)
	// Merge a batch of documents at a time: the posting lists they append
	// to stay in the processor's cache from one document to the next,
	// where merging each alone, between two renders, missed it on most
	// of its hits.
	end := x.next
	for {
		if _, ok := x.pending[end]; !ok {
			break
		}
		end++
	}
	if end-x.next < mergeBatch && end < len(x.entries) {
		return nil
	}
	for ; x.next < end; x.next++ {
		hits := x.pending[x.next]
		delete(x.pending, x.next)
		x.merge(x.next, hits)
		x.free = append(x.free, hits[:0])
	}
	return nil
}

// withTop returns the sections of a document with the top of the page
// first, an empty one if it had none: section numbers count it.
func withTop(secs []Section) []Section {
	if len(secs) == 0 || secs[0].ID != "" {
		return append([]Section{{}}, secs...)
	}
	return secs
}

// mergeBatch is how many documents in a row are merged at once.
const mergeBatch = 32

// recycled returns an empty hit list, reusing one already merged.
func (x *Indexer) recycled() []termHit {
	if n := len(x.free); n > 0 {
		hits := x.free[n-1]
		x.free = x.free[:n-1]
		return hits
	}
	return nil
}

// fail records the first error of a document, for Files to return.
func (x *Indexer) fail(err error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.err == nil {
		x.err = err
	}
}

// merge appends the hits of document id, the next one in order, to the
// posting lists. A new term's key is copied, so that the posting lists do
// not keep the document's text alive.
func (x *Indexer) merge(id int, hits []termHit) {
	for _, h := range hits {
		p := x.terms[h.term]
		if p == nil {
			p = &postings{}
			x.terms[strings.Clone(h.term)] = p
		}
		p.buf = appendVarint(p.buf, id-p.last)
		p.buf = appendVarint(p.buf, h.sec*8+int(h.weight))
		p.last = id
		p.docs++
	}
}

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

// pageReader finds the terms of one page at a time, reusing its memory.
type pageReader struct {
	// index gives the position in acc of each term of the page.
	index   map[string]int32
	acc     []termAcc
	words   []string
	hits    []termHit
	scratch []byte // a word being normalised

	// The word countText saw at the end of its text, which the next text
	// may continue ("<b>re</b>ady" is one word): counted by endText.
	held      string
	heldPlain bool
	heldSec   int
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
	r.begin(d)
	for sec, s := range d.Sections {
		r.heading(sec, s.Heading)
		r.countText(sec, s.Text)
		r.endText()
	}
	return r.end(dst)
}

// readHTML is read for a Doc whose sections are in the markup body, as
// DocFromHTML finds them: it sets d.Sections (withTop), with each text cut to a
// prefix of more than keep runes, and reads the terms of the whole text as
// it goes, instead of collecting it to read it again.
func (r *pageReader) readHTML(d *Doc, body []byte, keep int, dst []termHit) []termHit {
	r.begin(d)
	x := extractor{words: r}
	x.text.limit = keep
	x.run(string(body))
	x.flush()
	d.Sections = withTop(x.sections)
	return r.end(dst)
}

// begin starts a page with the terms of its title, extra names and site
// section, all in the top section.
func (r *pageReader) begin(d *Doc) {
	if r.index == nil {
		r.index = make(map[string]int32, 512)
	}
	clear(r.index)
	r.acc = r.acc[:0]
	r.held = ""
	r.words = appendTerms(r.words[:0], d.Title)
	r.mark(0, r.words, titleWeight(len(r.words)))
	for _, e := range d.Extra {
		r.words = appendTerms(r.words[:0], e)
		r.mark(0, r.words, weightHeading)
	}
	r.countText(0, d.Section)
	r.endText()
}

// end appends to dst where each term of the page weighs most.
func (r *pageReader) end(dst []termHit) []termHit {
	for i := range r.acc {
		a := &r.acc[i]
		a.settle()
		dst = append(dst, termHit{term: a.term, sec: a.bestSec, weight: uint8(a.bestWeight)})
	}
	return dst
}

// heading records the terms of the heading of section sec.
func (r *pageReader) heading(sec int, heading string) {
	r.words = appendTerms(r.words[:0], heading)
	r.mark(sec, r.words, headingWeight(len(r.words)))
}

// countText counts the words of text found in section sec, as
// appendTerms cuts them. A word that reaches the end of text is held, as
// the next text may go on with it; endText, at a break between words,
// counts it.
func (r *pageReader) countText(sec int, text string) {
	i := 0
	if r.held != "" {
		plain := r.heldPlain
		for i < len(text) {
			kind, size := wordAt(text, i)
			if kind == notWord {
				break
			}
			plain = plain && kind == plainWord
			i += size
		}
		if i > 0 {
			r.held, r.heldPlain = r.held+text[:i], plain
		}
		if i == len(text) {
			return
		}
		r.endText()
	}
	for i < len(text) {
		// Between words.
		if c := text[i]; c < utf8.RuneSelf {
			if asciiKind[c] == notWord {
				i++
				continue
			}
		} else if kind, size := wordAt(text, i); kind == notWord {
			i += size
			continue
		}
		// A word.
		start, plain := i, true
		for i < len(text) {
			c := text[i]
			if c >= utf8.RuneSelf {
				kind, size := wordAt(text, i)
				if kind == notWord {
					break
				}
				plain = false
				i += size
				continue
			}
			kind := asciiKind[c]
			if kind == notWord {
				break
			}
			plain = plain && kind == plainWord
			i++
		}
		if i == len(text) {
			r.held, r.heldPlain, r.heldSec = text[start:], plain, sec
			return
		}
		if plain {
			r.countPlain(sec, text[start:i])
		} else {
			r.countWord(sec, text[start:i], false)
		}
	}
}

// countPlain counts a word that is its own term.
func (r *pageReader) countPlain(sec int, word string) {
	if len(word) < minTermLen || len(word) > maxTermLen {
		return
	}
	accOf(r, word, sec).count++
}

// endText counts the word held by countText, if any.
func (r *pageReader) endText() {
	if r.held != "" {
		r.countWord(r.heldSec, r.held, r.heldPlain)
		r.held = ""
	}
}

// countWord counts one word of the text of section sec, normalised, when
// its length is within the limits; plain says it is already normalised.
func (r *pageReader) countWord(sec int, word string, plain bool) {
	if plain {
		r.countPlain(sec, word)
		return
	}
	var n int
	r.scratch, n = appendNormalized(r.scratch[:0], word)
	if n < minTermLen || n > maxTermLen {
		return
	}
	accOf(r, r.scratch, sec).count++
}

// entry returns the accumulator of term, moved on to section sec.
func (r *pageReader) entry(term string, sec int) *termAcc {
	return accOf(r, term, sec)
}

// accOf returns the accumulator of term moved on to section sec, adding it
// when the page had no such term yet. A term given as bytes (a normalised
// word) becomes a string only then: looking a map up by string(b) does not
// allocate. A plain map measured as fast as the hash table of our own it
// replaced (BenchmarkAddHTML, README: Performance).
func accOf[T string | []byte](r *pageReader, term T, sec int) *termAcc {
	i, ok := r.index[string(term)]
	if !ok {
		key := string(term)
		i = int32(len(r.acc))
		r.acc = append(r.acc, termAcc{term: key, sec: sec, bestWeight: -1})
		r.index[key] = i
	}
	return r.move(int(i), sec)
}

// move returns accumulator i, moved on to section sec.
func (r *pageReader) move(i, sec int) *termAcc {
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
