package search

import (
	"strconv"
	"testing"
)

// BenchmarkDocFromHTML extracts the documents of 200 generated pages
// rendered as the build renders them (headings with ids, highlighted code):
// what serve keeps of every page, to index the site again as pages change.
func BenchmarkDocFromHTML(b *testing.B) {
	pages, size := renderedPages(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if d := DocFromHTML("/p/", "Page", "Section", p); len(d.Sections) == 0 {
				b.Fatal("no sections")
			}
		}
	}
}

// BenchmarkAddHTML indexes the same pages as the build does: each read
// once, its terms counted while its text is extracted.
func BenchmarkAddHTML(b *testing.B) {
	pages, size := renderedPages(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		x := NewIndexer(len(pages))
		for i, p := range pages {
			if err := x.AddHTML(i, Doc{URL: "/p/" + strconv.Itoa(i) + "/", Title: "Page", Section: "Section"}, p); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// renderedPages renders 200 generated pages as the build renders them
// and returns them with their total size.
func renderedPages(b *testing.B) ([][]byte, int) {
	var pages [][]byte
	size := 0
	for _, p := range renderedCorpus(b, 200) {
		pages = append(pages, p.body)
		size += len(p.body)
	}
	return pages, size
}
