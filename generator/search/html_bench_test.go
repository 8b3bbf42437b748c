package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		_, body := splitFrontMatter(b, path, src)
		res, err := r.Render(markup.Document{Source: body, Path: path})
		if err != nil {
			return err
		}
		pages = append(pages, res.HTML)
		size += len(res.HTML)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
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
