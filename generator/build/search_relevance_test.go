package build_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// relevanceCase is one line of testdata/search-relevance.txt: a query and
// the result a reader expects first.
type relevanceCase struct {
	query, want string
	line        int
}

// readRelevance reads the relevance set: "query → URL" lines, "#" comments.
func readRelevance(t *testing.T, name string) []relevanceCase {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []relevanceCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, want, ok := strings.Cut(line, " → ")
		if !ok {
			t.Fatalf("%s:%d: want \"query → URL\", got %q", name, n, line)
		}
		cases = append(cases, relevanceCase{strings.TrimSpace(q), strings.TrimSpace(want), n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestSearchRelevance types every query of the relevance set into the
// search box of the built example playbook, in Chromium, and checks the
// results a reader gets: at least 90% with the expected result first, all
// with it in the first three.
func TestSearchRelevance(t *testing.T) {
	cases := readRelevance(t, "testdata/search-relevance.txt")
	if len(cases) < 40 {
		t.Fatalf("the relevance set has %d queries, want at least 40", len(cases))
	}
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/")
	// "/" focuses the box, which loads search.js; it adds its status line.
	browsertest.Do(t, ctx, chromedp.KeyEvent("/"))
	browsertest.Until(t, ctx, "search.js has loaded", `document.querySelector(".search-status")`)
	first, top3 := 0, 0
	for _, c := range cases {
		var got []string
		for _, r := range typeAndRead(t, ctx, c.query) {
			got = append(got, r.Href)
		}
		rank := slices.Index(got, c.want)
		switch {
		case rank == 0:
			first++
			top3++
		case rank > 0 && rank < 3:
			top3++
			t.Logf("testdata/search-relevance.txt:%d: %q: %s is result %d; first: %s", c.line, c.query, c.want, rank+1, got[0])
		default:
			t.Errorf("testdata/search-relevance.txt:%d: %q: %s is not in the first three results: %q", c.line, c.query, c.want, got[:min(len(got), 3)])
		}
	}
	n := len(cases)
	t.Logf("relevance: %d of %d first (%.0f%%), %d of %d in the first three (%.0f%%)", first, n, 100*float64(first)/float64(n), top3, n, 100*float64(top3)/float64(n))
	if first*10 < n*9 {
		t.Errorf("only %d of %d queries have the expected result first, want at least 90%%", first, n)
	}
}
