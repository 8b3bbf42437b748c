package build_test

import (
	"path/filepath"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/corpus"
)

// BenchmarkBuild1000 builds a generated 1,000-page playbook, the whole
// pipeline from reading Markdown to the swapped-in output folder.
func BenchmarkBuild1000(b *testing.B) {
	benchmarkBuild(b, 1000)
}

func benchmarkBuild(b *testing.B, pages int) {
	dir := b.TempDir()
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: dir, Destination: filepath.Join(dir, "public")}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := build.Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		if res.Count.Pages < pages {
			b.Fatalf("built %d pages, want at least %d", res.Count.Pages, pages)
		}
	}
}
