package search

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DocFromHTML makes the Doc of a rendered page from the HTML of its content
// (the article, not the whole page with its navigation): a new section starts
// at every h2 or h3 that has an id, and the text up to the next one is its
// text. The text before the first such heading is the top section, with id
// "". An h1 is left out, as the title is given; so is everything inside
// script, style, template, svg, nav, and any element with the attribute
// hidden, aria-hidden="true" or data-search-ignore.
//
// It reads markup as the generator writes it and does not validate it: an
// unclosed skipped element skips to the end of the body.
func DocFromHTML(url, title, section string, body []byte) Doc {
	return Doc{URL: url, Title: title, Section: section, Sections: SectionsFromHTML(body)}
}

// SectionsFromHTML returns the sections of the markup body, as
// DocFromHTML finds them.
func SectionsFromHTML(body []byte) []Section {
	x := extractor{}
	x.run(string(body))
	x.flush()
	return x.sections
}

// extractor walks the markup of a page, collecting sections.
type extractor struct {
	sections []Section
	cur      Section
	text     spaceCollapser // the current section's text
	heading  spaceCollapser // the current heading's text, while inside it
	inHead   string         // the heading's tag name while inside a section heading
	inH1     bool
	skip     string // the tag name of the element being skipped
	depth    int    // how many elements named skip are open
	started  bool   // whether cur has content or a heading

	// For Indexer.AddHTML: words, when set, reads the terms of the text as
	// it is found, section by section (sec is the current one, numbered as
	// Indexer.Add numbers them: the top of the page is 0 whether it has
	// text or not), and text keeps only what a snippet needs.
	words *pageReader
	sec   int
}

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
	if (isSkipped(t.name) || t.ignored) && !t.selfClosing && !isVoid(t.name) {
		x.skip, x.depth = t.name, 1
		return
	}
	switch t.name {
	case "h1":
		x.inH1 = true
		return
	case "h2", "h3":
		if t.id != "" {
			x.flush()
			x.sec++
			x.cur = Section{ID: t.id}
			x.inHead = t.name
			x.started = true
			return
		}
	}
	if !isInline(t.name) {
		x.space()
	}
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
	switch {
	case name == "h1":
		x.inH1 = false
		return
	case name == x.inHead:
		x.endHeading()
		return
	}
	if !isInline(name) {
		x.space()
	}
}

// space separates what comes before a block edge from what follows.
func (x *extractor) space() {
	if x.inHead != "" {
		x.heading.space()
		return
	}
	x.text.space()
	if x.words != nil {
		x.words.endText()
	}
}

// endHeading ends the current section's heading.
func (x *extractor) endHeading() {
	x.cur.Heading = x.heading.take()
	x.inHead = ""
	if x.words != nil {
		x.words.heading(x.sec, x.cur.Heading)
	}
}

func (x *extractor) addText(b string) {
	if len(b) == 0 || x.skip != "" || x.inH1 {
		return
	}
	if strings.IndexByte(b, '&') >= 0 {
		b = html.UnescapeString(b)
	}
	if x.inHead != "" {
		x.heading.write(b)
		return
	}
	if x.text.write(b) {
		x.started = true
	}
	if x.words != nil {
		x.words.countText(x.sec, b)
	}
}

// flush ends the current section, keeping it if it has a heading or text.
func (x *extractor) flush() {
	if x.inHead != "" {
		x.endHeading()
	}
	if x.words != nil {
		x.words.endText()
	}
	x.cur.Text = x.text.take()
	if x.started {
		x.sections = append(x.sections, x.cur)
	}
	x.cur, x.started = Section{}, false
}

// spaceCollapser collects text with every run of white space (as
// strings.Fields sees it) turned into one space and none at the start or
// the end.
type spaceCollapser struct {
	buf     []byte
	pending bool // white space was seen after the last word
	// limit, when above 0, is a number of runes: once buf holds more,
	// it takes no more, holding a prefix of the text that is enough to
	// cut a snippet of limit runes from.
	limit int
	full  bool
}

// write adds b and reports whether it held anything but white space
// (or, once full, whether the text has any).
func (c *spaceCollapser) write(b string) bool {
	if c.full {
		return true
	}
	words := false
	for i := 0; i < len(b); {
		if size := spaceAt(b, i); size > 0 {
			c.pending = true
			i += size
			continue
		}
		if c.limit > 0 && len(c.buf) > c.limit && utf8.RuneCount(c.buf) > c.limit {
			c.full = true
			return true
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
	c.buf, c.pending, c.full = c.buf[:0], false, false
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
