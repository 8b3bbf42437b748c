package search

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
	"github.com/playbookhq/playbook/generator/internal/corpus"
)

// corpusQueries are first queries on a generated corpus, whose prose is
// drawn from small word lists: common words, a prefix, a typo.
var corpusQueries = []string{"roadmap", "incident review", "retro", "stakeholder group", "priortize", "quarterly budget checklist"}

// corpusPages generates a corpus of n pages and reads them, under
// basePath.
func corpusPages(b *testing.B, n int) []*Page {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return markdownPages(b, dir, strings.TrimSuffix(basePath, "/"))
}

// BenchmarkBuild builds the index of generated corpora of 1,000 and 10,000
// pages, read already. Besides the time, it reports the size of the index
// (files, and megabytes on disk) and, for each of corpusQueries, what
// Chromium fetched for it as a first query, gzipped, search.js included
// (minified as the build serves it: B-qN).
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			pages := corpusPages(b, n)
			var files map[string][]byte
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var err error
				if files, err = Build(pages); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			total := 0
			for _, data := range files {
				total += len(data)
			}
			b.ReportMetric(float64(len(files)), "files")
			b.ReportMetric(float64(total)/1e6, "MB")

			site := writeSiteFiles(b, nil, files)
			base := browsertest.Serve(b, site)
			ctx := browsertest.New(b)
			for i, q := range corpusQueries {
				browsertest.Open(b, ctx, base+basePath)
				typeQuery(b, ctx, q)
				got := fetched(b, ctx)
				b.ReportMetric(float64(fetchBytes(b, files, got)), "B-q"+strconv.Itoa(i))
				b.Logf("%q: %d results, fetched %d files", q, len(results(b, ctx)), len(got))
			}
		})
	}
}
