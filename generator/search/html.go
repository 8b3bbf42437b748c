package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The extractor reads the markup of a page's article (not the whole page
// with its navigation) into units and passages.
//
// A unit is what a result links to: the top of the page (unit 0), a
// section under an h2 or h3 with an id, or an element the theme marks with
// data-search-unit="What it is" (a question, an answer, a row of an
// expectation table, a section of a vision board). A marked unit's link is
// its own id or, without one, the first id inside it (a row's th); its
// heading is its first h1–h6 or th, or the element marked
// data-search-heading (an answer's author); data-search-weight="title"
// makes that heading weigh as a page title (a question). Units nest: an
// answer inside its question, a reply inside its answer, an h3 under the
// h2 before it. Text after a nested unit goes back to the one around it.
//
// A passage is a piece of a unit's text: blocks (paragraphs, list items,
// cells) are gathered until one holds minPassage bytes, and a longer block
// is cut at a sentence or a word, so that a snippet can be cut from one
// passage and a search result needs one passage, not the page. A code
// block (pre) is a passage of its own, and a word it repeats counts once:
// a name in an example says less than a word of prose.
//
// Left out: an h1 (the title is given), script, style, template, svg, nav,
// noscript, textarea, and any element with hidden, aria-hidden="true",
// data-search="skip" (what a page shows from elsewhere: a role page's
// expectation tables are indexed where they are written) or
// data-search-ignore. It reads markup as the generator writes it and does
// not validate it: an unclosed skipped element skips to the end.

// Passage sizes, in bytes of text.
const (
	minPassage = 100
	maxPassage = 300
)

// extractor walks the markup of a page.
type extractor struct {
	page    *Page
	words   *pageTerms
	stack   []container
	text    spaceCollapser // the current passage's text
	heading spaceCollapser // the text of a heading, while inside it
	cur     int            // the current passage, -1 when there is none
	// headingOf is the unit whose heading is being read, with the tag that
	// closes it; -1 outside a heading.
	headingOf  int
	headingTag string
	headDepth  int
	inH1       bool
	pre        int    // how many pre elements are open
	skip       string // the tag name of the element being skipped
	depth      int    // how many elements named skip are open
}

// container is an element that holds a unit: the article for the top of
// the page, or an element marked data-search-unit.
type container struct {
	tag   string
	depth int // elements named tag open inside it, itself included
	unit  int
	h2    int // the unit of its last h2, -1 before one
	cur   int // the unit its text goes to now: its own or a heading's
}

func newExtractor(p *Page, words *pageTerms) *extractor {
	x := &extractor{page: p, words: words, cur: -1, headingOf: -1}
	x.stack = []container{{unit: 0, h2: -1, cur: 0}}
	return x
}

// unitNow is the unit that text goes to.
func (x *extractor) unitNow() int { return x.stack[len(x.stack)-1].cur }

// isInline reports whether the element sits inside a line of text without
// breaking it: its edges add no space, so "<b>re</b>ady" stays one word.
func isInline(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i",
		"ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
		"time", "u", "var", "wbr":
		return true
	}
	return false
}

// isSkipped reports whether the element's content is not text a reader
// searches for.
func isSkipped(name string) bool {
	switch name {
	case "script", "style", "template", "svg", "nav", "noscript", "textarea", "title":
		return true
	}
	return false
}

// isRawText reports whether the element holds text in which "<" starts no
// tag.
func isRawText(name string) bool {
	switch name {
	case "script", "style", "textarea", "title":
		return true
	}
	return false
}

// isHeadingTag reports whether the element may be a marked unit's heading.
func isHeadingTag(name string) bool {
	switch name {
	case "h1", "h2", "h3", "h4", "h5", "h6", "th":
		return true
	}
	return false
}

func (x *extractor) run(b string) {
	for len(b) > 0 {
		lt := strings.IndexByte(b, '<')
		if lt < 0 {
			x.addText(b)
			return
		}
		x.addText(b[:lt])
		b = b[lt:]
		switch {
		case strings.HasPrefix(b, "<!--"):
			end := strings.Index(b[4:], "-->")
			if end < 0 {
				return
			}
			b = b[4+end+3:]
			continue
		case len(b) > 1 && (b[1] == '!' || b[1] == '?'):
			end := strings.IndexByte(b, '>')
			if end < 0 {
				return
			}
			b = b[end+1:]
			continue
		}
		t, rest, ok := parseTag(b)
		if !ok {
			// A "<" that starts no tag is text.
			x.addText(b[:1])
			b = b[1:]
			continue
		}
		b = rest
		if t.end {
			x.endTag(t.name)
			continue
		}
		x.startTag(t)
		if isRawText(t.name) && !t.selfClosing {
			// Skip to the closing tag: the content is never indexed.
			end := indexFold(b, "</"+t.name)
			if end < 0 {
				return
			}
			b = b[end:]
		}
	}
}

func (x *extractor) startTag(t tag) {
	if x.skip != "" {
		if t.name == x.skip && !t.selfClosing {
			x.depth++
		}
		return
	}
	void := t.selfClosing || isVoid(t.name)
	if (isSkipped(t.name) || t.ignored) && !void {
		x.skip, x.depth = t.name, 1
		return
	}
	if void {
		if !isInline(t.name) {
			x.space()
		}
		return
	}
	top := &x.stack[len(x.stack)-1]
	if t.name == top.tag && (!t.marked || x.headingOf >= 0) {
		top.depth++
	}
	if x.headingOf >= 0 {
		if t.name == x.headingTag {
			x.headDepth++
		}
		if !isInline(t.name) {
			x.heading.space()
		}
		return
	}
	if t.id != "" {
		if u := &x.page.units[top.unit]; u.pendingID {
			u.id, u.pendingID = t.id, false
		}
	}
	switch {
	case t.marked:
		x.openUnit(t)
		return
	case t.name == "h1" && top.unit == 0:
		x.inH1 = true
		return
	case x.wantsHeading(t):
		x.startHeading(top.unit, t.name)
		return
	case (t.name == "h2" || t.name == "h3") && t.id != "":
		x.headingUnit(t)
		return
	case t.name == "pre":
		// A code block is a passage of its own, whose words weigh less.
		x.endPassage()
		x.pre++
		return
	}
	if !isInline(t.name) {
		x.space()
	}
}

// wantsHeading reports whether t is the heading of the marked unit it is
// in: the first heading element in it, or one marked data-search-heading.
func (x *extractor) wantsHeading(t tag) bool {
	top := x.stack[len(x.stack)-1]
	u := x.page.units[top.unit]
	if top.unit == 0 || u.headed || top.cur != top.unit {
		return false
	}
	return t.heading || isHeadingTag(t.name)
}

// openUnit starts a unit marked data-search-unit.
func (x *extractor) openUnit(t tag) {
	parent := x.unitNow()
	u := x.newUnit(unit{id: t.id, label: t.unit, parent: parent, pendingID: t.id == "", title: t.title})
	x.stack = append(x.stack, container{tag: t.name, depth: 1, unit: u, h2: -1, cur: u})
}

// headingUnit starts the unit of an h2 or h3 with an id.
func (x *extractor) headingUnit(t tag) {
	top := &x.stack[len(x.stack)-1]
	parent := top.unit
	if t.name == "h3" && top.h2 >= 0 {
		parent = top.h2
	}
	u := x.newUnit(unit{id: t.id, parent: parent})
	if t.name == "h2" {
		top.h2 = u
	}
	top.cur = u
	x.startHeading(u, t.name)
}

// newUnit adds u with its first passage, which its heading's terms point
// at, and returns its number.
func (x *extractor) newUnit(u unit) int {
	x.endPassage()
	n := len(x.page.units)
	u.first = len(x.page.passages)
	x.page.units = append(x.page.units, u)
	x.startPassage(n)
	return n
}

func (x *extractor) startHeading(u int, tagName string) {
	x.headingOf, x.headingTag, x.headDepth = u, tagName, 1
	x.page.units[u].headed = true
}

func (x *extractor) endTag(name string) {
	if x.skip != "" {
		if name == x.skip {
			x.depth--
			if x.depth == 0 {
				x.skip = ""
			}
		}
		return
	}
	if x.headingOf >= 0 {
		if name == x.headingTag {
			x.headDepth--
			if x.headDepth == 0 {
				x.endHeading()
				return
			}
		}
		if !isInline(name) {
			x.heading.space()
		}
		if name != x.stack[len(x.stack)-1].tag {
			return
		}
		// The unit closes inside its heading: markup the generator does
		// not write, but the heading must end with it.
		x.endHeading()
	}
	if name == "h1" && x.inH1 {
		x.inH1 = false
		return
	}
	if name == "pre" && x.pre > 0 {
		x.endPassage()
		x.pre--
	}
	top := &x.stack[len(x.stack)-1]
	if name == top.tag {
		top.depth--
		if top.depth == 0 {
			x.closeUnit()
			return
		}
	}
	if !isInline(name) {
		x.space()
	}
}

// closeUnit ends the innermost marked unit: text goes back to the unit
// around it.
func (x *extractor) closeUnit() {
	x.endPassage()
	x.stack = x.stack[:len(x.stack)-1]
}

// endHeading ends the heading being read.
func (x *extractor) endHeading() {
	u := &x.page.units[x.headingOf]
	u.heading = x.heading.take()
	x.words.heading(x.page, x.headingOf)
	x.headingOf = -1
}

// space marks a break between blocks: a passage long enough ends there.
func (x *extractor) space() {
	x.text.space()
	if x.cur >= 0 && len(x.text.buf) >= minPassage {
		x.endPassage()
	}
}

func (x *extractor) addText(b string) {
	if len(b) == 0 || x.skip != "" || x.inH1 {
		return
	}
	if strings.IndexByte(b, '&') >= 0 {
		b = html.UnescapeString(b)
	}
	if x.headingOf >= 0 {
		x.heading.write(b)
		return
	}
	if x.cur < 0 {
		if strings.TrimFunc(b, unicode.IsSpace) == "" {
			return // white space before any text of a passage
		}
		x.startPassage(x.unitNow())
	}
	x.text.write(b)
	for len(x.text.buf) > maxPassage {
		x.splitPassage()
	}
}

// startPassage starts a passage of unit u.
func (x *extractor) startPassage(u int) {
	x.page.passages = append(x.page.passages, passage{unit: u})
	x.cur = len(x.page.passages) - 1
	x.text.take()
}

// endPassage ends the current passage, counting the terms of its text.
func (x *extractor) endPassage() {
	if x.cur < 0 {
		x.text.take()
		return
	}
	p := &x.page.passages[x.cur]
	p.text = x.text.take()
	x.words.text(x.cur, p.text, x.pre > 0)
	x.cur = -1
}

// splitPassage ends the current passage, too long, at the end of a
// sentence or a word before maxPassage, and starts the next one of the same
// unit with the rest.
func (x *extractor) splitPassage() {
	buf := x.text.buf
	cut := cutPoint(buf)
	end := cut
	for end > 0 && buf[end-1] == ' ' {
		end--
	}
	for cut < len(buf) && buf[cut] == ' ' {
		cut++
	}
	p := &x.page.passages[x.cur]
	p.text = string(buf[:end])
	x.words.text(x.cur, p.text, x.pre > 0)
	// The rest starts the next passage of the same unit.
	x.page.passages = append(x.page.passages, passage{unit: p.unit})
	x.cur = len(x.page.passages) - 1
	x.text.buf = buf[:copy(buf, buf[cut:])]
}

// cutPoint returns where to cut text longer than maxPassage: after the
// last sentence that ends between minPassage and maxPassage, else at the
// last space before maxPassage, else at a character boundary.
func cutPoint(b []byte) int {
	limit := min(len(b), maxPassage)
	for i := limit - 1; i > minPassage; i-- {
		if b[i] == ' ' && (b[i-1] == '.' || b[i-1] == '?' || b[i-1] == '!' || b[i-1] == ':' || b[i-1] == ';') {
			return i + 1
		}
		// A CJK full stop "。" ends a sentence without a space.
		if i >= 3 && b[i-3] == 0xe3 && b[i-2] == 0x80 && b[i-1] == 0x82 {
			return i
		}
	}
	for i := limit - 1; i > 0; i-- {
		if b[i] == ' ' {
			return i + 1
		}
	}
	i := limit
	for i > 0 && !utf8.RuneStart(b[i]) {
		i--
	}
	if i == 0 {
		i = limit
	}
	return i
}

// finish ends the page: the open passage and heading.
func (x *extractor) finish() {
	if x.headingOf >= 0 {
		x.endHeading()
	}
	x.endPassage()
}

// spaceCollapser collects text with every run of white space (as
// strings.Fields sees it) turned into one space and none at the start or
// the end.
type spaceCollapser struct {
	buf     []byte
	pending bool // white space was seen after the last word
}

// write adds b and reports whether it held anything but white space.
func (c *spaceCollapser) write(b string) bool {
	words := false
	for i := 0; i < len(b); {
		if size := spaceAt(b, i); size > 0 {
			c.pending = true
			i += size
			continue
		}
		// A run of word bytes, copied at once.
		j := i + 1
		for j < len(b) {
			if c := b[j]; c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
			} else if spaceAt(b, j) > 0 {
				break
			}
			j++
		}
		if c.pending && len(c.buf) > 0 {
			c.buf = append(c.buf, ' ')
		}
		c.pending = false
		c.buf = append(c.buf, b[i:j]...)
		words = true
		i = j
	}
	return words
}

// asciiSpace marks the ASCII bytes that are white space to strings.Fields.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// spaceAt returns the length of the white-space rune at b[i], or 0 when
// there is none. Bytes inside a multi-byte rune are never white space, so a
// caller may step byte by byte over words.
func spaceAt(b string, i int) int {
	if c := b[i]; c < utf8.RuneSelf {
		if asciiSpace[c] {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(b[i:])
	if unicode.IsSpace(r) {
		return size
	}
	return 0
}

// space marks a break between words, as white space does.
func (c *spaceCollapser) space() { c.pending = true }

// take returns the text collected and starts again.
func (c *spaceCollapser) take() string {
	s := string(c.buf)
	c.buf, c.pending = c.buf[:0], false
	return s
}

// indexFold returns the index of the first ASCII-case-insensitive match of
// the lower-case prefix in b, or -1.
func indexFold(b string, prefix string) int {
	for i := 0; i+len(prefix) <= len(b); i++ {
		if b[i] == '<' && strings.EqualFold(b[i:i+len(prefix)], prefix) {
			return i
		}
	}
	return -1
}
