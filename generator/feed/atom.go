package feed

import (
	"cmp"
	"encoding/xml"
	"slices"
	"strings"
	"time"
)

// The types below are the XML shape of the feed; Feed and Entry are the API. Keeping them
// apart lets the API use time.Time and plain strings while the wire form fixes element
// order, attributes and namespaces in one place.

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomPerson  `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Author     *atomPerson    `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
	Content    *atomContent   `xml:"content"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomContent struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// build checks f and turns it into its wire form.
func build(f Feed) (*atomFeed, error) {
	if err := checkFeed(f); err != nil {
		return nil, err
	}
	entries := slices.Clone(f.Entries)
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})

	updated := f.Updated
	doc := &atomFeed{
		Lang:     f.Language,
		ID:       f.ID,
		Title:    f.Title,
		Subtitle: f.Subtitle,
		Links:    []atomLink{{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL}},
		Author:   atomPerson{Name: cmp.Or(f.Author, DefaultAuthor)},
	}
	if f.SiteURL != "" {
		doc.Links = append(doc.Links, atomLink{Rel: "alternate", Type: "text/html", Href: f.SiteURL})
	}
	for _, e := range entries {
		u := entryUpdated(e)
		if u.After(updated) {
			updated = u
		}
		doc.Entries = append(doc.Entries, buildEntry(e, u))
	}
	doc.Updated = stamp(updated)
	return doc, nil
}

func buildEntry(e Entry, updated time.Time) atomEntry {
	a := atomEntry{
		ID:        cmp.Or(e.ID, e.URL),
		Title:     e.Title,
		Link:      atomLink{Rel: "alternate", Type: "text/html", Href: e.URL},
		Published: stamp(e.Published),
		Updated:   stamp(updated),
		Summary:   e.Summary,
	}
	if e.Author != "" {
		a.Author = &atomPerson{Name: e.Author}
	}
	if e.Content != "" {
		a.Content = &atomContent{Type: "html", Body: e.Content}
	}
	seen := map[string]bool{}
	for _, t := range e.Tags {
		if strings.TrimSpace(t) == "" || seen[t] {
			continue
		}
		seen[t] = true
		a.Categories = append(a.Categories, atomCategory{Term: t})
	}
	return a
}

// entryUpdated is the entry's <updated>: Updated, or Published when Updated is zero.
func entryUpdated(e Entry) time.Time {
	if e.Updated.IsZero() {
		return e.Published
	}
	return e.Updated
}

// stamp formats t as an RFC 3339 date in UTC, whole seconds, as Atom dates are.
func stamp(t time.Time) string {
	return t.UTC().Format(time.RFC3339)
}
