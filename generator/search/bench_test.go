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

// corpusDocs generates a corpus of n pages and extracts its documents,
// under basePath.
func corpusDocs(b *testing.B, n int) []Doc {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "corpus")
	if _, err := corpus.Generate(dir, corpus.Options{Pages: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	docs := markdownDocs(b, dir)
	for i := range docs {
		docs[i].URL = strings.TrimSuffix(basePath, "/") + docs[i].URL
	}
	return docs
}

// BenchmarkBuild builds the index of generated corpora of 1,000 and 10,000
// pages. Besides the time, it reports the size of the index (files, and
// megabytes on disk) and, for each of corpusQueries, what search fetches
// for it as a first query, gzipped, search.js included: "-est" is the upper
// bound of neededFiles, "-real" what Chromium fetched.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			docs := corpusDocs(b, n)
			var files map[string][]byte
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				var err error
				if files, err = Build(docs); err != nil {
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

			site := writeSiteFiles(b, docs, files, false)
			base := browsertest.Serve(b, site)
			ctx := browsertest.New(b)
			for i, q := range corpusQueries {
				b.ReportMetric(float64(fetchBytes(b, files, neededFiles(b, files, q))), "B-q"+strconv.Itoa(i)+"-est")
				browsertest.Open(b, ctx, base+basePath)
				typeQuery(b, ctx, q)
				got := fetched(b, ctx)
				b.ReportMetric(float64(fetchBytes(b, files, got)), "B-q"+strconv.Itoa(i)+"-real")
				b.Logf("%q: %d results, fetched %d files", q, len(results(b, ctx)), len(got))
			}
		})
	}
}
