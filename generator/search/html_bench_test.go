package search

import (
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/corpus"
	"github.com/playbookhq/playbook/generator/markup"
)

// BenchmarkDocFromHTML extracts the documents of 200 generated pages
// rendered as the build renders them (headings with ids, highlighted code),
// the text search indexes on every full build.
func BenchmarkDocFromHTML(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: 200, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	r := markup.New(markup.Options{})
	var pages [][]byte
	size := 0
	walkMarkdown(b, dir, func(path, _ string, body []byte) error {
		res, err := r.Render(markup.Document{Source: body, Path: path})
		if err != nil {
			return err
		}
		pages = append(pages, []byte(res.HTML))
		size += len(res.HTML)
		return nil
	})
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
