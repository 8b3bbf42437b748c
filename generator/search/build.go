package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	part        int // sections of a document per chunk entry or section file
	shard       int // bytes of JSON after which a shard is closed
	external    int // bytes of postings from which a term's postings get their own file
}

// defaultLimits are the limits Build uses.
func defaultLimits() limits {
	return limits{snippet: 120, chunk: 1000, maxPerChunk: 32, part: 32, shard: 1500, external: 1024}
}

// Build makes the search index of docs and returns its files, by path
// relative to the index folder (ManifestFile, "s/0.json", ...). The same
// documents, in any order, give the same files. It fails when a document has
// no URL or two have the same.
func Build(docs []Doc) (map[string][]byte, error) {
	return build(docs, defaultLimits())
}

func build(docs []Doc, lim limits) (map[string][]byte, error) {
	sorted := slices.Clone(docs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].URL < sorted[j].URL })
	for i, d := range sorted {
		if d.URL == "" {
			return nil, fmt.Errorf("search: the document titled %q has no URL", d.Title)
		}
		if i > 0 && sorted[i-1].URL == d.URL {
			return nil, fmt.Errorf("search: two documents have the URL %q", d.URL)
		}
		if len(d.Sections) == 0 || d.Sections[0].ID != "" {
			sorted[i].Sections = append([]Section{{}}, d.Sections...)
		}
	}

	// The chunks are made while the terms are read: neither needs the other.
	files := map[string][]byte{}
	var per int
	var chunkErr error
	var wg sync.WaitGroup
	wg.Go(func() { per, chunkErr = writeChunks(files, sorted, lim) })
	terms := indexTerms(sorted)
	wg.Wait()
	if chunkErr != nil {
		return nil, chunkErr
	}
	starts, err := writeShards(files, terms, lim)
	if err != nil {
		return nil, err
	}
	m := struct {
		V string   `json:"v"`
		N int      `json:"n"`
		P int      `json:"p"`
		K int      `json:"k"`
		S []string `json:"s"`
	}{version(files), len(sorted), per, lim.part, starts}
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = data
	return files, nil
}

// writeChunks adds the document chunks to files and returns how many
// documents each holds: as many as make about lim.chunk bytes on average,
// so that a result costs its neighbours' text too, but not much of it. A
// chunk keeps the first lim.part sections of each document; the sections
// after them go, lim.part at a time, to files of their own, so that a long
// page costs no more than a short one.
func writeChunks(files map[string][]byte, docs []Doc, lim limits) (int, error) {
	entries := make([]json.RawMessage, len(docs))
	total := 0
	for i, d := range docs {
		secs := make([][3]string, len(d.Sections))
		for j, s := range d.Sections {
			secs[j] = [3]string{s.ID, s.Heading, truncate(s.Text, lim.snippet)}
		}
		for part := 1; part*lim.part < len(secs); part++ {
			data, err := marshal(secs[part*lim.part : min((part+1)*lim.part, len(secs))])
			if err != nil {
				return 0, err
			}
			files["x/"+strconv.Itoa(i)+"-"+strconv.Itoa(part)+".json"] = data
		}
		data, err := marshal([]any{d.URL, d.Title, secs[:min(lim.part, len(secs))]})
		if err != nil {
			return 0, err
		}
		entries[i] = bytes.TrimSuffix(data, []byte("\n"))
		total += len(entries[i])
	}
	per := 1
	if len(docs) > 0 {
		per = max(1, min(lim.maxPerChunk, lim.chunk*len(docs)/max(total, 1)))
	}
	for start := 0; start < len(entries); start += per {
		data, err := marshal(entries[start:min(start+per, len(entries))])
		if err != nil {
			return 0, err
		}
		files["d/"+strconv.Itoa(start/per)+".json"] = data
	}
	return per, nil
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
