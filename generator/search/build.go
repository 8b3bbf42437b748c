package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"sort"
	"strconv"
)

// ManifestFile is the name of the index's manifest in the index folder, the
// one file search.js fetches first.
const ManifestFile = "index.json"

// limits are the sizes that decide how the index is split. Their values
// were chosen by measuring the example playbook and generated corpora
// (see budget_test.go and bench_test.go).
type limits struct {
	snippet     int // runes of text kept of a unit on a site of compact chunks
	fullText    int // pages up to which the chunks hold every passage
	chunk       int // bytes of JSON aimed at per page chunk
	maxPerChunk int // most pages in one chunk
	chunkFiles  int // chunk files beyond which pages are grouped by more
	crowdedPer  int // the most pages per chunk that grouping adds up to
	part        int // passages per chunk entry or passage file, with every passage kept
	compactPart int // the same, on a site of compact chunks
	shard       int // bytes of JSON after which a shard is closed
	external    int // bytes of postings from which a term's postings get their own file
}

// defaultLimits are the limits Build uses.
func defaultLimits() limits {
	return limits{snippet: 100, fullText: 2500, chunk: 1000, maxPerChunk: 32, chunkFiles: 2500, crowdedPer: 4,
		part: 2, compactPart: 32, shard: 1500, external: 512}
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
			return nil, fmt.Errorf("search: page %d of %d was never added", id, len(x.entries))
		}
	}
	urls := make(map[string]bool, len(x.entries))
	for _, u := range x.urls {
		if urls[u] {
			return nil, fmt.Errorf("search: two pages have the URL %q", u)
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
	starts, err := writeShards(files, x.terms, x.lim, len(x.entries), x.compact)
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
	}{version(files), len(x.entries), per, x.part(), starts}
	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files[ManifestFile] = data
	return files, nil
}

// entry returns what the chunks hold of page id: its URL, title, site
// section, units and its first passages; the passages after them go, a
// part at a time, to files of their own, returned by name (nil for most
// pages), so that a long page costs a result no more than a short one.
// Compact, it holds each unit's first passage only, cut to lim.snippet
// runes: on a big site the whole text would make thousands more files, or
// bigger ones for every result.
func (p *Page) entry(id int, lim limits, compact bool) (entry json.RawMessage, files map[string][]byte) {
	units := make([][]any, len(p.units))
	for i, u := range p.units {
		units[i] = []any{u.id, u.heading, u.parent}
		if u.label != "" {
			units[i] = append(units[i], u.label)
		}
	}
	part := lim.part
	var passages [][2]any
	if compact {
		part = lim.compactPart
		passages = make([][2]any, len(p.units))
		for i, u := range p.units {
			passages[i] = [2]any{i, truncate(p.passages[u.first].text, lim.snippet)}
		}
	} else {
		passages = make([][2]any, len(p.passages))
		for i, ps := range p.passages {
			passages[i] = [2]any{ps.unit, ps.text}
		}
	}
	for j := 1; j*part < len(passages); j++ {
		if files == nil {
			files = map[string][]byte{}
		}
		files["x/"+strconv.Itoa(id)+"-"+strconv.Itoa(j)+".json"] = mustMarshal(passages[j*part : min((j+1)*part, len(passages))])
	}
	entry = bytes.TrimSuffix(mustMarshal([]any{p.url, p.title, p.section, units, passages[:min(part, len(passages))]}), []byte("\n"))
	return entry, files
}

// mustMarshal is marshal for values made of strings, numbers and slices
// of them, which always encode.
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

// part is how many passages a chunk entry or a passage file holds.
func (x *Indexer) part() int {
	if x.compact {
		return x.lim.compactPart
	}
	return x.lim.part
}
