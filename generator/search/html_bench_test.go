package search

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/corpus"
	"github.com/playbookhq/playbook/generator/markup"
)

// htmlPage is a page to index from its markup.
type htmlPage struct {
	doc  Doc // URL, title, section, description and extra names
	body []byte
}

// renderedCorpus renders n generated pages as the build renders them
// (headings with ids, highlighted code).
func renderedCorpus(tb testing.TB, n int) []htmlPage {
	dir := filepath.Join(tb.TempDir(), "corpus")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: n, Seed: 3}); err != nil {
		tb.Fatal(err)
	}
	r := markup.New(markup.Options{})
	var pages []htmlPage
	walkMarkdown(tb, dir, func(path, title string, body []byte) error {
		res, err := r.Render(markup.Document{Source: body, Path: path})
		if err != nil {
			return err
		}
		doc := Doc{URL: "/" + strconv.Itoa(len(pages)) + "/", Title: title, Section: "Section " + strconv.Itoa(len(pages)%3)}
		pages = append(pages, htmlPage{doc, []byte(res.HTML)})
		return nil
	})
	return pages
}

// BenchmarkRead reads 200 generated pages, rendered as the build renders
// them, into Pages: their units, passages and postings, what the build
// does for every page it renders.
func BenchmarkRead(b *testing.B) {
	pages := renderedCorpus(b, 200)
	size := 0
	for _, p := range pages {
		size += len(p.body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if r := Read(p.doc, p.body); len(r.hits) == 0 {
				b.Fatal("no postings")
			}
		}
	}
}

// BenchmarkIndexer reads the same pages and adds them to an Indexer, as
// the build does, and makes the files.
func BenchmarkIndexer(b *testing.B) {
	pages := renderedCorpus(b, 200)
	b.ReportAllocs()
	for b.Loop() {
		x := NewIndexer(len(pages))
		for i, p := range pages {
			if err := x.Add(i, Read(p.doc, p.body)); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := x.Files(); err != nil {
			b.Fatal(err)
		}
	}
}
