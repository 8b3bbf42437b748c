package search

import (
	"slices"
	"sync"
)

// Page is what the index holds of one page, read once from its markup by
// Read: its units (what results link to), their passages of text, and the
// postings of its terms. The build adds each Page to an Indexer as soon as
// the page is rendered; serve keeps every page's Page and, when pages
// change, builds the index from them again (Build) without reading any
// markup twice. A Page is not changed by either.
type Page struct {
	url, title, section string
	units               []unit
	passages            []passage
	hits                []termHit
}

// unit is a part of a page that a result can link to.
type unit struct {
	id      string // the fragment of its link; "" for the top of the page
	label   string // what it is, as the theme names it ("Q&A"); "" for a heading or the top
	heading string
	parent  int  // the unit it is in; -1 for the top of the page
	first   int  // its first passage, where its heading's postings point
	title   bool // its heading weighs as a page title
	// The last passage and the last unit inside it, its own or a nested
	// one's (set by spans).
	lastPassage, lastUnit int32
	// While reading: whether its heading was seen, and whether its id is
	// still to come from the first element inside it that has one.
	headed, pendingID bool
}

// passage is a piece of the text of one unit.
type passage struct {
	unit int
	text string
}

// termHit is a posting of one term of a page: a passage, a weight class
// and, for a title or heading, the unit it heads.
type termHit struct {
	term   string
	loc    int32 // a passage
	unit   int32 // the unit whose heading has the term, -1 for text
	weight uint8
	best   bool // text: the passage with most of it, all that compact chunks list
}

// Read reads the page d whose article, the markup of its content without
// the navigation around it, is article. The page's title and extra names
// are indexed at its top, its description as the first text of its top, its
// site section as words of it that no snippet shows.
func Read(d Doc, article []byte) *Page {
	p := &Page{url: d.URL, title: d.Title, section: d.Section}
	p.units = []unit{{parent: -1, headed: true}}
	p.passages = []passage{{unit: 0}}
	w, _ := termPool.Get().(*pageTerms)
	if w == nil {
		w = &pageTerms{index: map[string]int32{}}
	}
	defer termPool.Put(w)
	w.begin(d)
	x := newExtractor(p, w)
	x.cur = 0
	if d.Description != "" {
		x.addText(d.Description)
		x.space()
	}
	x.run(string(article))
	x.finish()
	p.hits = w.end(nil)
	p.spans()
	return p
}

// spans sets how far each unit reaches: the last passage and the last unit
// inside it, its own or a nested one's. A unit and those nested in it are
// read in a row, so its heading covers a range of passages.
func (p *Page) spans() {
	for i := range p.units {
		p.units[i].lastPassage, p.units[i].lastUnit = int32(p.units[i].first), int32(i)
	}
	for j, ps := range p.passages {
		for u := ps.unit; u >= 0; u = p.units[u].parent {
			p.units[u].lastPassage = max(p.units[u].lastPassage, int32(j))
		}
	}
	for i := range p.units {
		for u := p.units[i].parent; u >= 0; u = p.units[u].parent {
			p.units[u].lastUnit = max(p.units[u].lastUnit, int32(i))
		}
	}
}

var termPool sync.Pool // *pageTerms

// pageTerms follows the terms of one page as it is read, reusing its
// memory from one page to the next.
type pageTerms struct {
	index map[string]int32 // term → position in acc
	acc   []termAcc
	heads []headHit
	texts []textHit
	tr    termReader
}

// termAcc follows one term through a page.
type termAcc struct {
	term     string
	lastHead int32 // its last entry in heads, -1 before one
	loc      int32 // the passage being counted, -1 before one
	count    int   // times in it
	bestLoc  int32 // the passage where it is found most often, first on a tie
	best     int
	texts    int  // its passages in texts
	bestIn   bool // whether bestLoc is among them
	listed   int  // of its titles and headings, how many end listed
}

// headHit is a title or heading a term is in.
type headHit struct {
	acc, loc, unit int32
	weight         uint8
}

// textHit is a passage a term is in, and how often.
type textHit struct {
	acc, loc int32
	count    int
}

// The most titles and headings, and the most passages, of one page that a
// term's postings list.
const (
	maxHeadHits = 8
	maxTextHits = 6
)

// begin starts a page with the terms of its title, its extra names and its
// site section, all at its top.
func (w *pageTerms) begin(d Doc) {
	clear(w.index)
	w.acc, w.heads, w.texts = w.acc[:0], w.heads[:0], w.texts[:0]
	terms := w.tr.read(d.Title, false)
	w.mark(0, 0, terms, titleWeight(len(terms)))
	for _, e := range d.Extra {
		w.mark(0, 0, w.tr.read(e, false), weightHeading)
	}
	w.text(0, d.Section, false)
}

// heading records the terms of the heading of unit u of p.
func (w *pageTerms) heading(p *Page, u int) {
	un := &p.units[u]
	terms := w.tr.read(un.heading, false)
	weight := headingWeight(len(terms))
	if un.title {
		weight = titleWeight(len(terms))
	}
	w.mark(int32(un.first), int32(u), terms, weight)
}

// mark records terms found in the title or heading of unit u, whose
// postings point at passage loc.
func (w *pageTerms) mark(loc, u int32, terms []string, weight uint8) {
	for _, t := range terms {
		i := w.find(t)
		a := &w.acc[i]
		if a.lastHead >= 0 && w.heads[a.lastHead].loc == loc {
			h := &w.heads[a.lastHead]
			h.weight = max(h.weight, weight)
			continue
		}
		a.lastHead = int32(len(w.heads))
		w.heads = append(w.heads, headHit{acc: i, loc: loc, unit: u, weight: weight})
	}
}

// text counts the terms of the text of passage loc; in code, a term
// counts once however often it is there. Passages come in order.
func (w *pageTerms) text(loc int, text string, code bool) {
	for _, t := range w.tr.read(text, false) {
		i := w.find(t)
		a := &w.acc[i]
		if a.loc != int32(loc) {
			w.settle(i)
			a.loc, a.count = int32(loc), 0
		}
		if !code || a.count == 0 {
			a.count++
		}
	}
}

// settle ends the passage where term i is being counted. Of a term's
// passages, the first maxTextHits are kept, and the best.
func (w *pageTerms) settle(i int32) {
	a := &w.acc[i]
	if a.count == 0 {
		return
	}
	kept := a.texts < maxTextHits
	if kept {
		w.texts = append(w.texts, textHit{acc: i, loc: a.loc, count: a.count})
		a.texts++
	}
	if a.count > a.best {
		a.best, a.bestLoc, a.bestIn = a.count, a.loc, kept
	}
	a.count = 0
}

// find returns the position of term in w.acc, adding it.
func (w *pageTerms) find(term string) int32 {
	i, ok := w.index[term]
	if !ok {
		i = int32(len(w.acc))
		w.acc = append(w.acc, termAcc{term: term, lastHead: -1, loc: -1})
		w.index[term] = i
	}
	return i
}

// end appends the page's postings to dst: of each term, the titles and
// headings it is in (up to maxHeadHits) and the passages it is in (up to
// maxTextHits), the one where it is found most marked best.
func (w *pageTerms) end(dst []termHit) []termHit {
	for i := range w.acc {
		w.settle(int32(i))
	}
	n := len(w.heads) + len(w.texts)
	for i := range w.acc {
		if a := &w.acc[i]; a.best > 0 && !a.bestIn {
			n++
		}
	}
	dst = slices.Grow(dst, n)
	for _, h := range w.heads {
		a := &w.acc[h.acc]
		if a.listed == maxHeadHits {
			continue
		}
		a.listed++
		dst = append(dst, termHit{term: a.term, loc: h.loc, unit: h.unit, weight: h.weight})
	}
	for _, t := range w.texts {
		a := &w.acc[t.acc]
		dst = append(dst, termHit{term: a.term, loc: t.loc, unit: -1, weight: bodyWeight(t.count), best: t.loc == a.bestLoc})
	}
	for i := range w.acc {
		if a := &w.acc[i]; a.best > 0 && !a.bestIn {
			dst = append(dst, termHit{term: a.term, loc: a.bestLoc, unit: -1, weight: bodyWeight(a.best), best: true})
		}
	}
	return dst
}

// truncate cuts s to at most n runes, at a word boundary when there is one
// in the second half, and marks the cut with an ellipsis.
func truncate(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			cut := s[:i]
			if sp := lastSpace(cut); sp > len(cut)/2 {
				cut = cut[:sp]
			}
			return cut + "…"
		}
		count++
	}
	return s
}

func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}
