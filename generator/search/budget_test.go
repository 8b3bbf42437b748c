package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// budget is the most that search may fetch, gzipped, for a first query on
// the example playbook: search.js and the index files.
const budget = 12 << 10

// firstQueries are what a reader might type first in the example playbook.
var firstQueries = []string{"product owner", "resp", "backlog refinement", "vision board", "scrum master", "stakeholders", "technicians"}

// gzipSize returns the size of data gzipped at the default level, as web
// servers send it.
func gzipSize(tb testing.TB, data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Len()
}

// neededFiles returns the index files that a first query q needs at most:
// the manifest, the shard of each term, the postings files of the terms
// it matches exactly or as a prefix, and, of the pages that match every
// term, the maxResults whose chunk and section files cost most. (search.js
// fetches the files of the best results only; typo matches may add
// postings files, but the example playbook has none.)
func neededFiles(t testing.TB, files map[string][]byte, q string) []string {
	t.Helper()
	var m manifest
	unmarshal(t, files, ManifestFile, &m)
	need := map[string]bool{ManifestFile: true}
	var docs map[int][]string // page → the files its result may need
	for _, term := range appendTerms(nil, q) {
		i := len(m.S) - 1
		for i > 0 && less16(prefix(term), m.S[i]) {
			i--
		}
		name := "s/" + strconv.Itoa(i) + ".json"
		need[name] = true
		var shard map[string]json.RawMessage
		unmarshal(t, files, name, &shard)
		found := map[int][]string{}
		for k, raw := range shard {
			if !strings.HasPrefix(k, term) {
				continue
			}
			if raw[0] == '[' {
				var ext [2]int
				json.Unmarshal(raw, &ext)
				need["p/"+strconv.Itoa(ext[0])+".json"] = true
			}
			for _, p := range lookup(t, files, k) {
				name := "d/" + strconv.Itoa(p.doc/m.P) + ".json"
				if p.sec >= m.K {
					name = "x/" + strconv.Itoa(p.doc) + "-" + strconv.Itoa(p.sec/m.K) + ".json"
				}
				if !slices.Contains(found[p.doc], name) {
					found[p.doc] = append(found[p.doc], name)
				}
			}
		}
		if docs == nil {
			docs = found
			continue
		}
		for d := range docs {
			if found[d] == nil {
				delete(docs, d)
			} else {
				docs[d] = append(docs[d], found[d]...)
			}
		}
	}
	type cost struct {
		files []string
		bytes int
	}
	var costs []cost
	for d, names := range docs {
		c := cost{files: []string{"d/" + strconv.Itoa(d/m.P) + ".json"}}
		part := ""
		for _, n := range names {
			if strings.HasPrefix(n, "x/") && len(files[n]) > len(files[part]) {
				part = n
			}
		}
		if part != "" {
			c.files = append(c.files, part)
		}
		for _, n := range c.files {
			c.bytes += len(files[n])
		}
		costs = append(costs, c)
	}
	sort.Slice(costs, func(i, j int) bool { return costs[i].bytes > costs[j].bytes })
	for _, c := range costs[:min(len(costs), maxResults)] {
		for _, n := range c.files {
			need[n] = true
		}
	}
	out := make([]string, 0, len(need))
	for name := range need {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// maxResults is search.js's MAX: how many results it shows.
const maxResults = 8

// fetchBytes returns the gzipped size of search.js and of the named index
// files.
func fetchBytes(tb testing.TB, files map[string][]byte, names []string) int {
	total := gzipSize(tb, readFile(tb, theme+"js/search.js"))
	for _, n := range names {
		total += gzipSize(tb, files[n])
	}
	return total
}

func TestBudgetExample(t *testing.T) {
	docs := markdownDocs(t, "../../content")
	if len(docs) < 25 {
		t.Fatalf("the example playbook gave %d pages, want about 30", len(docs))
	}
	files, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range firstQueries {
		names := neededFiles(t, files, q)
		if n := fetchBytes(t, files, names); n >= budget {
			t.Errorf("a first query %q needs %d bytes gzipped (%v), over the budget of %d", q, n, names, budget)
		} else {
			t.Logf("%-20q %5d bytes gzipped, %d index files", q, n, len(names))
		}
	}
}

// TestBrowserBudgetExample runs the first queries in Chromium and adds up
// what the page really fetched.
func TestBrowserBudgetExample(t *testing.T) {
	docs := markdownDocs(t, "../../content")
	for i := range docs {
		docs[i].URL = strings.TrimSuffix(basePath, "/") + docs[i].URL
	}
	dir, files := writeSite(t, docs)
	base := browsertest.Serve(t, dir)
	ctx := browsertest.New(t)
	for _, q := range firstQueries {
		browsertest.Open(t, ctx, base+basePath)
		typeQuery(t, ctx, q)
		if len(results(t, ctx)) == 0 {
			t.Errorf("no results for %q", q)
		}
		got := fetched(t, ctx)
		if n := fetchBytes(t, files, got); n >= budget {
			t.Errorf("the first query %q fetched %d bytes gzipped (%v), over the budget of %d", q, n, got, budget)
		} else {
			t.Logf("%-20q %5d bytes gzipped, %d index files", q, n, len(got))
		}
	}
}
