package build_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/corpus"
)

// benchCorpus writes a generated corpus of PLAYBOOK_BENCH_PAGES pages
// (default 1,000) and returns its site folder.
func benchCorpus(b *testing.B) string {
	b.Helper()
	pages := 1000
	if v := os.Getenv("PLAYBOOK_BENCH_PAGES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			b.Fatalf("PLAYBOOK_BENCH_PAGES=%q: %v", v, err)
		}
		pages = n
	}
	dir := b.TempDir()
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkCheck runs `playbook check` on a generated corpus.
func BenchmarkCheck(b *testing.B) {
	dir := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		problems, _, err := build.Check(build.Options{Source: dir})
		if err != nil || len(problems) != 0 {
			b.Fatalf("check: %v %v", err, problems)
		}
	}
}
