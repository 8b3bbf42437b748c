package build_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
)

// BenchmarkIncrementalRebuild measures one Session rebuild after a body edit
// of one page: what `serve` does on a save. PLAYBOOK_BENCH_PAGES sets the
// corpus size (default 1,000).
func BenchmarkIncrementalRebuild(b *testing.B) {
	dir := benchCorpus(b)
	session := build.NewSession(build.Options{Source: dir, StableAssetNames: true}, filepath.Join(dir, "out"))
	if _, err := session.Build(nil); err != nil {
		b.Fatal(err)
	}
	var page string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if page == "" && err == nil && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			page = p
		}
		return nil
	})
	src, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if err := os.WriteFile(page, append(src, fmt.Sprintf("\nEdit %d.\n", i)...), 0o644); err != nil {
			b.Fatal(err)
		}
		rb, err := session.Build([]string{page})
		if err != nil {
			b.Fatal(err)
		}
		if rb.Full || rb.Rendered != 1 {
			b.Fatalf("body edit rendered %d pages (full=%v), want 1", rb.Rendered, rb.Full)
		}
	}
}
