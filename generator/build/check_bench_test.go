package build_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/corpus"
)

// BenchmarkCheck runs `playbook check` on a generated corpus
// (PLAYBOOK_BENCH_PAGES, default 1,000).
func BenchmarkCheck(b *testing.B) {
	pages := 1000
	if v := os.Getenv("PLAYBOOK_BENCH_PAGES"); v != "" {
		pages, _ = strconv.Atoi(v)
	}
	dir := b.TempDir()
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		problems, _, err := build.Check(build.Options{Source: dir})
		if err != nil || len(problems) != 0 {
			b.Fatalf("check: %v %v", err, problems)
		}
	}
}
