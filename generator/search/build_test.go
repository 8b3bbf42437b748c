package search

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// manifest is index.json, decoded.
type manifest struct {
	V string   `json:"v"`
	N int      `json:"n"`
	P int      `json:"p"`
	K int      `json:"k"`
	S []string `json:"s"`
}

// posting is one decoded posting: a page, a passage, a weight class and,
// for a heading, how many passages after its own its unit reaches.
type posting struct{ doc, loc, weight, reach int }

// decodePostings reads a postings string.
func decodePostings(t testing.TB, s string) []posting {
	t.Helper()
	var out []posting
	doc := 0
	for s != "" {
		delta, rest, ok := readVarint(s)
		v, rest2, ok2 := readVarint(rest)
		if !ok || !ok2 {
			t.Fatalf("bad postings %q", s)
		}
		doc += delta
		p := posting{doc, v >> 3, v & 7, 0}
		if p.loc > 0 && p.weight >= weightHeading {
			if p.reach, rest2, ok = readVarint(rest2); !ok {
				t.Fatalf("bad postings %q: a heading without its reach", s)
			}
		}
		out = append(out, p)
		s = rest2
	}
	return out
}

// lookup finds term in the index files as search.js does: the shard whose
// first prefix is the last one not after the term's, then the postings,
// inline or in their own file.
func lookup(t testing.TB, files map[string][]byte, term string) []posting {
	t.Helper()
	var m manifest
	unmarshal(t, files, ManifestFile, &m)
	i := len(m.S) - 1
	for i > 0 && less16(prefix(term), m.S[i]) {
		i--
	}
	var shard map[string]json.RawMessage
	unmarshal(t, files, "s/"+strconv.Itoa(i)+".json", &shard)
	raw, ok := shard[term]
	if !ok {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		var ext [2]int
		if err := json.Unmarshal(raw, &ext); err != nil {
			t.Fatalf("shard %d, term %q: %s", i, term, raw)
		}
		unmarshal(t, files, "p/"+strconv.Itoa(ext[0])+".json", &s)
		if got := decodePostings(t, s); len(uniqueDocs(got)) != ext[1] {
			t.Errorf("term %q: the shard says %d documents, the postings hold %d", term, ext[1], len(uniqueDocs(got)))
		}
	}
	return decodePostings(t, s)
}

func uniqueDocs(ps []posting) map[int]bool {
	docs := map[int]bool{}
	for _, p := range ps {
		docs[p.doc] = true
	}
	return docs
}

func unmarshal(t testing.TB, files map[string][]byte, name string, v any) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("no file %q in the index", name)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestBuildPostings(t *testing.T) {
	files := buildDocs(t, handbook, defaultLimits())
	var urls []string
	for _, d := range byURL(handbook) {
		urls = append(urls, d.URL)
	}
	id := func(name string) int { return slices.Index(urls, "/handbook/"+name+"/") }
	var (
		technicians = id("articles/technicians")
		cafe        = id("pages/cafe")
		events      = id("pages/events")
		refinement  = id("pages/refinement")
		qa          = id("qa")
		po          = id("roles/product-owner")
		sm          = id("roles/scrum-master")
	)
	// Each page's passages: 0 for its top, then one per section.
	for _, c := range []struct {
		term string
		want []posting
	}{
		// "Product Owner" is a title of two terms, at the top of its page.
		{"owner", []posting{{technicians, 0, weightBody, 0}, {qa, 1, weightBody, 0}, {po, 0, weightTitleTiny, 0}}},
		// A heading lists where its unit reaches: its own passage only.
		{"refinement", []posting{{events, 2, weightHeadShort, 0}, {refinement, 0, weightTitleTiny, 0}, {po, 2, weightBody, 0}}},
		// A word in a heading and in the text under it is listed for both.
		{"decid", []posting{{qa, 1, weightHeading, 0}, {qa, 1, weightBody, 0}, {po, 0, weightBody, 0}}},
		{"rol", []posting{{po, 0, weightBody, 0}, {sm, 0, weightBody, 0}}}, // Doc.Section "Roles"
		{"caf", []posting{{cafe, 0, weightTitleTiny, 0}, {cafe, 0, weightBody, 0}}},
		{"equip", []posting{{cafe, 0, weightBody, 0}}}, // "d'Équipe"
		{"ready", []posting{{events, 2, weightBody, 0}, {refinement, 0, weightBody, 0}}},
		{"missing", nil},
	} {
		if got := lookup(t, files, c.term); !reflect.DeepEqual(got, c.want) {
			t.Errorf("postings of %q:\n got %v\nwant %v", c.term, got, c.want)
		}
	}
}

// manyDocs returns n documents with varied words, accents included.
func manyDocs(n int) []testDoc {
	words := strings.Fields("backlog réunion équipe roadmap sprint review release refinement risk owner " +
		"stakeholder persona metric charter incident budget hypothesis experiment dashboard estimate " +
		"ζωή 製品 données über naïve zebra yak quality quorum")
	docs := make([]testDoc, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range docs {
		var text strings.Builder
		for range 40 {
			text.WriteString(words[r.IntN(len(words))] + " ")
		}
		docs[i] = testDoc{
			URL:   fmt.Sprintf("/pages/%03d/", i),
			Title: fmt.Sprintf("Page %d about %s", i, words[i%len(words)]),
			Sections: []testSection{
				{Text: text.String()},
				{ID: "s1", Heading: words[(i+3)%len(words)], Text: text.String()[:80]},
			},
		}
	}
	return docs
}

func TestBuildDeterministic(t *testing.T) {
	docs := manyDocs(120)
	pages := pagesOf(docs)
	a, err := Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	// serve builds the index again and again from the same Pages.
	b, err := Build(pages)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, func(x, y []byte) bool { return string(x) == string(y) }) {
		t.Error("the same pages gave other files the second time")
	}
	if !reflect.DeepEqual(pages, pagesOf(manyDocs(120))) {
		t.Error("Build changed the pages")
	}
	docs[7].Sections[0].Text += " changed"
	c := buildDocs(t, docs, defaultLimits())
	var ma, mc manifest
	unmarshal(t, a, ManifestFile, &ma)
	unmarshal(t, c, ManifestFile, &mc)
	if ma.V == mc.V {
		t.Errorf("a changed document left the version at %q", ma.V)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, c := range []struct {
		docs []testDoc
		want string
	}{
		{[]testDoc{{Title: "Lost"}}, `search: the page titled "Lost" has no URL`},
		{[]testDoc{{URL: "/a/"}, {URL: "/b/"}, {URL: "/a/"}}, `search: two pages have the URL "/a/"`},
	} {
		if _, err := Build(pagesOf(c.docs)); err == nil || err.Error() != c.want {
			t.Errorf("Build error = %v, want %q", err, c.want)
		}
	}
}

// TestBuildSplits builds with small limits and checks that every term is
// found through its shard, that shards hold whole prefixes, that large
// postings get files of their own and that every document is in its chunk.
func TestBuildSplits(t *testing.T) {
	docs := manyDocs(200)
	lim := limits{snippet: 30, fullText: 1000, chunk: 400, maxPerChunk: 32, chunkFiles: 1000, crowdedPer: 4, part: 8, compactPart: 8, shard: 300, external: 200}
	files := buildDocs(t, docs, lim)
	var m manifest
	unmarshal(t, files, ManifestFile, &m)
	if m.N != 200 || m.P < 1 || len(m.S) < 5 || m.S[0] != "" {
		t.Fatalf("manifest %+v: want 200 documents, chunks and several shards from \"\"", m)
	}
	for i := 1; i < len(m.S); i++ {
		if !less16(m.S[i-1], m.S[i]) {
			t.Errorf("shard starts %q, %q out of order", m.S[i-1], m.S[i])
		}
	}
	seen := map[string]int{}
	externals := 0
	for i := range m.S {
		var shard map[string]json.RawMessage
		unmarshal(t, files, "s/"+strconv.Itoa(i)+".json", &shard)
		for term, raw := range shard {
			if prev, ok := seen[prefix(term)]; ok && prev != i {
				t.Errorf("prefix %q is in shards %d and %d", prefix(term), prev, i)
			}
			seen[prefix(term)] = i
			if raw[0] == '[' {
				externals++
			}
			if len(lookup(t, files, term)) == 0 {
				t.Errorf("term %q of shard %d has no postings through lookup", term, i)
			}
		}
	}
	for _, want := range []string{"reunion", "donne", "ζωη", "製品"} {
		if _, ok := seen[prefix(want)]; !ok {
			t.Errorf("no shard holds %q", want)
		}
	}
	if externals == 0 {
		t.Error("no postings were moved to their own file")
	}
	for i, d := range byURL(docs) {
		var chunk [][]json.RawMessage
		unmarshal(t, files, "d/"+strconv.Itoa(i/m.P)+".json", &chunk)
		var url, title string
		json.Unmarshal(chunk[i%m.P][0], &url)
		json.Unmarshal(chunk[i%m.P][1], &title)
		if url != d.URL || title != d.Title {
			t.Errorf("document %d in its chunk is %q %q, want %q %q", i, url, title, d.URL, d.Title)
		}
		var passages [][2]any
		json.Unmarshal(chunk[i%m.P][4], &passages)
		if text, _ := passages[0][1].(string); text == "" || !strings.HasPrefix(d.Sections[0].Text, text) {
			t.Errorf("document %d first passage %v, want the start of %q", i, passages, d.Sections[0].Text)
		}
	}
}

func TestTruncate(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four five", 12, "one two…"},
		{"one two three four five", 15, "one two three…"},
		{"unbrokenwordthatgoeson", 8, "unbroken…"},
		{"ééééé", 3, "ééé…"},
	} {
		if got := truncate(c.s, c.n); got != c.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}
