package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// ManifestFile is the name of the index's manifest in the index folder, the
// one file search.js fetches first.
const ManifestFile = "index.json"

// limits are the sizes that decide how the index is split. Their values
// were chosen by measuring the example playbook and generated corpora
// (see budget_test.go and bench_test.go).
type limits struct {
	snippet     int // runes of each section's text kept for snippets
	chunk       int // bytes of JSON aimed at per document chunk
	maxPerChunk int // most documents in one chunk
	chunkFiles  int // chunk files beyond which documents are grouped by more
	crowdedPer  int // the most documents per chunk that grouping adds up to
	part        int // sections of a document per chunk entry or section file
	shard       int // bytes of JSON after which a shard is closed
	external    int // bytes of postings from which a term's postings get their own file
}

// defaultLimits are the limits Build uses.
func defaultLimits() limits {
	return limits{snippet: 120, chunk: 1000, maxPerChunk: 32, chunkFiles: 2500, crowdedPer: 4, part: 32, shard: 1500, external: 1024}
}

// Build makes the search index of docs and returns its files, by path
// relative to the index folder (ManifestFile, "s/0.json", ...). It numbers
// the documents in URL order, so the same documents, in any order, give the
// same files. It fails when a document has no URL or two have the same.
func Build(docs []Doc) (map[string][]byte, error) {
	return build(docs, defaultLimits())
}

func build(docs []Doc, lim limits) (map[string][]byte, error) {
	sorted := slices.Clone(docs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].URL < sorted[j].URL })
	return buildInOrder(sorted, lim)
}

// BuildInOrder is Build with the documents numbered in the order given,
// as an Indexer numbers them, instead of by URL.
func BuildInOrder(docs []Doc) (map[string][]byte, error) {
	return buildInOrder(docs, defaultLimits())
}

func buildInOrder(docs []Doc, lim limits) (map[string][]byte, error) {
	x := newIndexer(len(docs), lim)
	for i, d := range docs {
		if err := x.Add(i, d); err != nil {
			return nil, err
		}
	}
	return x.Files()
}

// Files returns the files of the index of every document added. It fails
// when a document was left out or two have the same URL.
func (x *Indexer) Files() (map[string][]byte, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.err != nil {
		return nil, x.err
	}
	for id, e := range x.entries {
		if e == nil {
			return nil, fmt.Errorf("search: document %d of %d was never added", id, len(x.entries))
		}
	}
	urls := make(map[string]bool, len(x.entries))
	for _, u := range x.urls {
		if urls[u] {
			return nil, fmt.Errorf("search: two documents have the URL %q", u)
		}
		urls[u] = true
	}
	// The chunks and the shards are independent: make them at once.
	chunks := map[string][]byte{}
	var per int
	done := make(chan struct{})
	go func() {
		defer close(done)
		per = writeChunks(chunks, x.entries, x.lim)
	}()
	files := x.sectionFiles
	starts, err := writeShards(files, x.terms, x.lim)
	<-done
	if err != nil {
		return nil, err
	}
	maps.Copy(files, chunks)
	m := struct {
		V string   `json:"v"`
		N int      `json:"n"`
		P int      `json:"p"`
		K int      `json:"k"`
		S []string `json:"s"`
	}{version(files), len(x.entries), per, x.lim.part, starts}
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = data
	return files, nil
}

// docEntry returns what the chunks hold of document id: its URL, title and
// first lim.part sections, each cut to a snippet. The sections after them
// go, lim.part at a time, to files of their own, returned by name (nil for
// most pages), so that a long page costs no more than a short one.
func docEntry(id int, d *Doc, lim limits) (entry json.RawMessage, files map[string][]byte) {
	secs := make([][3]string, len(d.Sections))
	for j, s := range d.Sections {
		secs[j] = [3]string{s.ID, s.Heading, truncate(s.Text, lim.snippet)}
	}
	for part := 1; part*lim.part < len(secs); part++ {
		if files == nil {
			files = map[string][]byte{}
		}
		files["x/"+strconv.Itoa(id)+"-"+strconv.Itoa(part)+".json"] = mustMarshal(secs[part*lim.part : min((part+1)*lim.part, len(secs))])
	}
	entry = bytes.TrimSuffix(mustMarshal([]any{d.URL, d.Title, secs[:min(lim.part, len(secs))]}), []byte("\n"))
	return entry, files
}

// mustMarshal is marshal for values that are strings and slices of them,
// which always encode.
func mustMarshal(v any) []byte {
	data, err := marshal(v)
	if err != nil {
		panic(err)
	}
	return data
}

// writeChunks adds the document chunks to files and returns how many
// documents each holds: as many as make about lim.chunk bytes on average,
// so that a result costs its neighbours' text too, but not much of it. On
// a site of more than lim.chunkFiles documents, they are grouped by up to
// lim.crowdedPer so that there are about lim.chunkFiles chunks: every file
// costs the build a file creation: at 10,000 pages, four per chunk make
// 2,920 index files instead of 10,420, and take 1 to 2 s of kernel time
// off the build, for 2 to 12 KB more (gzipped) per first query
// (BenchmarkBuild, B-q*-real).
func writeChunks(files map[string][]byte, entries []json.RawMessage, lim limits) int {
	total := 0
	for _, e := range entries {
		total += len(e)
	}
	per := 1
	if n := len(entries); n > 0 {
		bySize := lim.chunk * n / max(total, 1)
		byFiles := min(lim.crowdedPer, (n+lim.chunkFiles-1)/max(lim.chunkFiles, 1))
		per = max(1, min(lim.maxPerChunk, max(bySize, byFiles)))
	}
	for start := 0; start < len(entries); start += per {
		// The entries are compact JSON already: join them.
		group := entries[start:min(start+per, len(entries))]
		size := 3
		for _, e := range group {
			size += len(e) + 1
		}
		data := make([]byte, 0, size)
		data = append(data, '[')
		for i, e := range group {
			if i > 0 {
				data = append(data, ',')
			}
			data = append(data, e...)
		}
		files["d/"+strconv.Itoa(start/per)+".json"] = append(data, ']', '\n')
	}
	return per
}

// truncate cuts s to at most n runes, at a word boundary when there is one
// in the second half, and marks the cut with an ellipsis.
func truncate(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			cut := s[:i]
			if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
				cut = cut[:sp]
			}
			return cut + "…"
		}
		count++
	}
	return s
}

// version names a build of the index: a hash of every file but the
// manifest, so that it changes whenever one of them does.
func version(files map[string][]byte) string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		fmt.Fprintf(h, "%s %d\n", name, len(files[name]))
		h.Write(files[name])
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// marshal encodes v as compact JSON, leaving <, > and & as they are.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("search: encoding the index: %w", err)
	}
	return b.Bytes(), nil
}
