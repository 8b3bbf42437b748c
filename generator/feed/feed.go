// Package feed writes the Atom 1.0 feed (RFC 4287) of the handbook's dated articles.
//
// The output is meant to pass a feed validator unchanged, so Write refuses what a validator
// would reject instead of writing it: relative URLs, ids that are not absolute IRIs, missing
// dates. It never reads the clock: the feed's <updated> comes from the entries (or
// Feed.Updated), which keeps a rebuild of the same content byte-identical.
package feed

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// declaration starts every feed. xml.Header says "UTF-8"; the lower-case spelling is the
// one feed validators and most published feeds show, and either is correct.
const declaration = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// DefaultAuthor is the feed author written when Feed.Author is empty; Atom requires one.
const DefaultAuthor = "Playbook"

// Feed is an Atom feed.
type Feed struct {
	Title    string
	Subtitle string // optional
	ID       string // stable absolute IRI, e.g. the absolute URL of the articles section
	SelfURL  string // absolute URL of the feed file itself (rel="self")
	SiteURL  string // absolute URL of the HTML page for the feed (rel="alternate"); optional
	Author   string // feed-level author name; DefaultAuthor when empty
	Language string // xml:lang, optional
	// Updated is the feed's <updated> when it is later than every entry's, and the only
	// source of it when there are no entries. Zero means "take it from the entries".
	Updated time.Time
	Entries []Entry
}

// Entry is one article in the feed.
type Entry struct {
	Title     string
	URL       string    // absolute URL of the entry (link rel="alternate", and id when ID is empty)
	ID        string    // optional stable id; URL when empty
	Published time.Time // required
	Updated   time.Time // Published when zero
	Summary   string    // plain text, optional
	Content   string    // HTML, optional; written as escaped text with type="html"
	Author    string    // optional
	Tags      []string  // one <category term="…"/> each; blanks and repeats are dropped
}

// Write encodes f as Atom 1.0 XML: an XML declaration, then the feed indented by two spaces,
// then a newline. Entries are written newest first (by Published, then URL) whatever their
// order in f. It returns an error, before writing anything, when a URL or id is not absolute
// or a date is missing.
func Write(w io.Writer, f Feed) error {
	doc, err := build(f)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(declaration)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("feed: encode: %w", err)
	}
	buf.WriteByte('\n')
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("feed: write: %w", err)
	}
	return nil
}
