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

// posting is one decoded posting.
type posting struct{ doc, sec, weight int }

// decodePostings reads a postings string.
func decodePostings(t testing.TB, s string) []posting {
	t.Helper()
	var out []posting
	doc := 0
	for s != "" {
		delta, rest, ok := readVarint(s)
		sw, rest2, ok2 := readVarint(rest)
		if !ok || !ok2 {
			t.Fatalf("bad postings %q", s)
		}
		doc += delta
		out = append(out, posting{doc, sw >> 3, sw & 7})
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
	files, err := Build(handbook)
	if err != nil {
		t.Fatal(err)
	}
	// Documents are numbered in URL order.
	var urls []string
	for _, d := range handbook {
		urls = append(urls, d.URL)
	}
	slices.Sort(urls)
	id := func(name string) int { return slices.Index(urls, "/handbook/"+name+"/") }
	var (
		technicians = id("articles/technicians")
		cafe        = id("pages/cafe")
		events      = id("pages/events")
		long        = id("pages/long")
		refinement  = id("pages/refinement")
		qa          = id("qa")
		po          = id("roles/product-owner")
		sm          = id("roles/scrum-master")
	)
	for _, c := range []struct {
		term string
		want []posting
	}{
		// A posting per page, for the section where the term weighs most:
		// "Product Owner" is a title of two terms, which outweighs
		// "product" in the text of section 1.
		{"owner", []posting{{technicians, 0, weightBody}, {qa, 1, weightBody}, {po, 0, weightTitleTiny}}},
		{"product", []posting{{technicians, 0, weightBody}, {qa, 1, weightBody}, {po, 0, weightTitleTiny}}},
		{"refinement", []posting{{events, 2, weightHeadShort}, {refinement, 0, weightTitleTiny}, {po, 2, weightBody}}},
		{"team", []posting{{technicians, 0, weightBody}, {po, 0, weightBody}, {sm, 0, weightBody}}},
		{"roles", []posting{{po, 0, weightBody}, {sm, 0, weightBody}}}, // Doc.Section
		{"cafe", []posting{{cafe, 0, weightTitleTiny}}},                // "Café" in the title and "café" in the text
		{"equipe", []posting{{cafe, 0, weightBody}}},
		{"ready", []posting{{events, 2, weightBody}, {refinement, 0, weightBody}}},
		// Twice in a section beats once; on a tie the first section wins.
		{"the", []posting{{technicians, 0, weightBody + 1}, {events, 0, weightBody}, {long, longSection, weightBody + 2}, {qa, 0, weightBody}, {po, 1, weightBody + 1}, {sm, 0, weightBody + 1}}},
		{"missing", nil},
	} {
		got := lookup(t, files, c.term)
		slices.SortFunc(got, func(a, b posting) int { return a.doc*100 + a.sec - b.doc*100 - b.sec })
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("postings of %q:\n got %v\nwant %v", c.term, got, c.want)
		}
	}
}

// manyDocs returns n documents with varied words, accents included.
func manyDocs(n int) []Doc {
	words := strings.Fields("backlog réunion équipe roadmap sprint review release refinement risk owner " +
		"stakeholder persona metric charter incident budget hypothesis experiment dashboard estimate " +
		"ζωή 製品 données über naïve zebra yak quality quorum")
	docs := make([]Doc, n)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range docs {
		var text strings.Builder
		for range 40 {
			text.WriteString(words[r.IntN(len(words))] + " ")
		}
		docs[i] = Doc{
			URL:   fmt.Sprintf("/pages/%03d/", i),
			Title: fmt.Sprintf("Page %d about %s", i, words[i%len(words)]),
			Sections: []Section{
				{Text: text.String()},
				{ID: "s1", Heading: words[(i+3)%len(words)], Text: text.String()[:80]},
			},
		}
	}
	return docs
}

func TestBuildDeterministic(t *testing.T) {
	docs := manyDocs(120)
	a, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(docs)
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	b, err := Build(shuffled)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, func(x, y []byte) bool { return string(x) == string(y) }) {
		t.Error("the same documents in another order gave other files")
	}
	if !reflect.DeepEqual(docs, manyDocs(120)) {
		t.Error("Build changed its argument")
	}
	docs[7].Sections[0].Text += " changed"
	c, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	var ma, mc manifest
	unmarshal(t, a, ManifestFile, &ma)
	unmarshal(t, c, ManifestFile, &mc)
	if ma.V == mc.V {
		t.Errorf("a changed document left the version at %q", ma.V)
	}
}

func TestBuildErrors(t *testing.T) {
	for _, c := range []struct {
		docs []Doc
		want string
	}{
		{[]Doc{{Title: "Lost"}}, `search: the document titled "Lost" has no URL`},
		{[]Doc{{URL: "/a/"}, {URL: "/b/"}, {URL: "/a/"}}, `search: two documents have the URL "/a/"`},
	} {
		if _, err := Build(c.docs); err == nil || err.Error() != c.want {
			t.Errorf("Build error = %v, want %q", err, c.want)
		}
	}
}

// TestBuildSplits builds with small limits and checks that every term is
// found through its shard, that shards hold whole prefixes, that large
// postings get files of their own and that every document is in its chunk.
func TestBuildSplits(t *testing.T) {
	docs := manyDocs(200)
	lim := limits{snippet: 30, chunk: 400, maxPerChunk: 32, chunkFiles: 1000, crowdedPer: 4, part: 8, shard: 300, external: 200}
	files, err := build(docs, lim)
	if err != nil {
		t.Fatal(err)
	}
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
	for _, want := range []string{"réunion", "données", "ζωή", "製品"} {
		if _, ok := seen[prefix(normalize(want))]; !ok {
			t.Errorf("no shard holds %q", normalize(want))
		}
	}
	if externals == 0 {
		t.Error("no postings were moved to their own file")
	}
	for i, d := range docs {
		var chunk [][]json.RawMessage
		unmarshal(t, files, "d/"+strconv.Itoa(i/m.P)+".json", &chunk)
		var url, title string
		json.Unmarshal(chunk[i%m.P][0], &url)
		json.Unmarshal(chunk[i%m.P][1], &title)
		if url != d.URL || title != d.Title {
			t.Errorf("document %d in its chunk is %q %q, want %q %q", i, url, title, d.URL, d.Title)
		}
		var secs [][3]string
		json.Unmarshal(chunk[i%m.P][2], &secs)
		if want := truncate(d.Sections[0].Text, 30); secs[0][2] != want || !strings.HasSuffix(want, "…") {
			t.Errorf("document %d text %q, want %q ending in …", i, secs[0][2], want)
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
