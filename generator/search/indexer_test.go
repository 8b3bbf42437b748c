package search

import (
	"maps"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// longDocs is manyDocs with some pages long enough to have section files.
func longDocs(n int) []testDoc {
	docs := manyDocs(n)
	for i := 0; i < n; i += 7 {
		for j := range 70 {
			docs[i].Sections = append(docs[i].Sections, testSection{ID: "l" + strconv.Itoa(j), Heading: "Step " + strconv.Itoa(j), Text: strings.Repeat("charter quorum ", j%5+1)})
		}
	}
	return docs
}

// TestIndexerOrderFree adds documents in shuffled orders, from several
// goroutines at once, and checks that the files are those of adding them in
// order: the posting lists must not depend on which page was rendered first.
func TestIndexerOrderFree(t *testing.T) {
	pages := pagesOf(longDocs(300))
	want, err := build(pages, defaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := want["x/0-1.json"]; !ok {
		t.Fatal("no section file for the long document 0: the test does not cover them")
	}
	for seed := range uint64(5) {
		order := rand.New(rand.NewPCG(seed, 7)).Perm(len(pages))
		x := NewIndexer(len(pages))
		var wg sync.WaitGroup
		for w := range 3 {
			wg.Go(func() {
				for k := w; k < len(order); k += 3 {
					if err := x.Add(order[k], pages[order[k]]); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		got, err := x.Files()
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got, want, func(a, b []byte) bool { return string(a) == string(b) }) {
			for name := range want {
				if string(got[name]) != string(want[name]) {
					t.Fatalf("seed %d: %s differs from the in-order index:\n got %.200s\nwant %.200s", seed, name, got[name], want[name])
				}
			}
			t.Fatalf("seed %d: %d files, want %d", seed, len(got), len(want))
		}
	}
}

// TestIndexerNumbering checks that an Indexer numbers documents as it is
// told, not by URL: document 0 is the one added as 0.
func TestIndexerNumbering(t *testing.T) {
	x := NewIndexer(2)
	for i, d := range []testDoc{{URL: "/z/", Title: "Zebra"}, {URL: "/a/", Title: "Yak"}} {
		if err := x.Add(i, d.page()); err != nil {
			t.Fatal(err)
		}
	}
	files, err := x.Files()
	if err != nil {
		t.Fatal(err)
	}
	var chunk [][]any
	unmarshal(t, files, "d/0.json", &chunk)
	if len(chunk) != 2 || chunk[0][0] != "/z/" || chunk[1][0] != "/a/" {
		t.Fatalf("d/0.json = %v, want /z/ then /a/", chunk)
	}
}

// TestIndexerErrors checks what an Indexer refuses.
func TestIndexerErrors(t *testing.T) {
	x := NewIndexer(3)
	if err := x.Add(3, (testDoc{URL: "/a/"}).page()); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("Add(3) of 3 = %v, want out of range", err)
	}
	if err := x.Add(0, (testDoc{URL: "/a/"}).page()); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(0, (testDoc{URL: "/b/"}).page()); err == nil || !strings.Contains(err.Error(), "added twice") {
		t.Errorf("second Add(0) = %v, want added twice", err)
	}
	if err := x.Add(2, (testDoc{URL: "/a/"}).page()); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Files(); err == nil || err.Error() != "search: page 1 of 3 was never added" {
		t.Errorf("Files with document 1 missing = %v", err)
	}
	if err := x.Add(1, (testDoc{URL: "/c/"}).page()); err != nil {
		t.Fatal(err)
	}
	if _, err := x.Files(); err == nil || err.Error() != `search: two pages have the URL "/a/"` {
		t.Errorf("Files with /a/ twice = %v", err)
	}
}

// TestChunksGroupOnBigSites checks that documents too big to share a chunk
// by size are grouped anyway once a site has more than lim.chunkFiles of
// them, by no more than lim.crowdedPer.
func TestChunksGroupOnBigSites(t *testing.T) {
	lim := defaultLimits()
	lim.chunk, lim.chunkFiles, lim.crowdedPer = 10, 50, 4
	for _, c := range []struct{ docs, per int }{{50, 1}, {51, 2}, {120, 3}, {200, 4}, {1000, 4}} {
		files := buildDocs(t, manyDocs(c.docs), lim)
		var m manifest
		unmarshal(t, files, ManifestFile, &m)
		chunks := 0
		for name := range files {
			if strings.HasPrefix(name, "d/") {
				chunks++
			}
		}
		if m.P != c.per || chunks != (c.docs+c.per-1)/c.per {
			t.Errorf("%d documents: %d per chunk in %d chunks, want %d per chunk", c.docs, m.P, chunks, c.per)
		}
	}
}
