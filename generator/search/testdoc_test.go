package search

import (
	"html"
	"slices"
	"sort"
	"strings"
	"testing"
)

// testDoc is a page for tests: its sections become h2 headings with ids
// and paragraphs, read by Read as the build reads a rendered page.
type testDoc struct {
	URL, Title, Section string
	Sections            []testSection
}

// testSection is the text under one heading; the first, without an id,
// is the top of the page.
type testSection struct{ ID, Heading, Text string }

// html returns the markup of the page's article.
func (d testDoc) html() string {
	var b strings.Builder
	for _, s := range d.Sections {
		if s.ID != "" {
			b.WriteString(`<h2 id="` + html.EscapeString(s.ID) + `">` + html.EscapeString(s.Heading) + "</h2>")
		}
		b.WriteString("<p>" + html.EscapeString(s.Text) + "</p>")
	}
	return b.String()
}

func (d testDoc) page() *Page {
	return Read(Doc{URL: d.URL, Title: d.Title, Section: d.Section}, []byte(d.html()))
}

// byURL returns docs in URL order, the order the tests number them in.
func byURL(docs []testDoc) []testDoc {
	sorted := slices.Clone(docs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].URL < sorted[j].URL })
	return sorted
}

// pagesOf reads docs, in URL order.
func pagesOf(docs []testDoc) []*Page {
	var pages []*Page
	for _, d := range byURL(docs) {
		pages = append(pages, d.page())
	}
	return pages
}

// buildDocs builds the index of docs, numbered in URL order.
func buildDocs(tb testing.TB, docs []testDoc, lim limits) map[string][]byte {
	tb.Helper()
	files, err := build(pagesOf(docs), lim)
	if err != nil {
		tb.Fatal(err)
	}
	return files
}
