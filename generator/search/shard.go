package search

import (
	"sort"
	"strconv"
	"unicode/utf8"
)

// Shards hold the terms of a range of prefixes, a prefix being a term's
// first three runes. Every term with a given prefix is in one shard, so that
// search.js, having fetched the shard of "resp", sees every term starting
// with "res" for prefix and typo matching (a typo in the first three
// letters is missed where a shard ends). Prefixes are taken in order and a
// shard closes once it reaches lim.shard bytes, so a small site has a few
// shards and a large one a shard per busy prefix. Postings of lim.external
// bytes or more move to a file of their own, fetched only when a query
// needs that term: a shard stays a small dictionary however large the site.
//
// search.js compares prefixes with JavaScript's < on strings, which orders
// UTF-16 code units; so does less16.

// prefix returns the first three runes of term.
func prefix(term string) string {
	n := 0
	for range 3 {
		_, size := utf8.DecodeRuneInString(term[n:])
		n += size
	}
	return term[:n]
}

// less16 orders strings as JavaScript does.
func less16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			if ra > 0xffff && rb > 0xffff {
				return ra < rb
			}
			return unit16(ra) < unit16(rb)
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// unit16 returns the first UTF-16 code unit of r.
func unit16(r rune) rune {
	if r > 0xffff {
		return 0xd800 + (r-0x10000)>>10
	}
	return r
}

// writeShards adds the shards and external postings to files and returns
// the first prefix of each shard, "" for the first. With dense set (on a
// big site), the external postings of a term on more than half the pages
// are split in two: its titles as usual, and only the pages of its other
// postings, without the passage (splitDense).
func writeShards(files map[string][]byte, terms map[string]*postings, lim limits, pages int, dense bool) ([]string, error) {
	sorted := make([]string, 0, len(terms))
	for t := range terms {
		sorted = append(sorted, t)
	}
	sort.Slice(sorted, func(i, j int) bool {
		pi, pj := prefix(sorted[i]), prefix(sorted[j])
		if pi != pj {
			return less16(pi, pj)
		}
		return sorted[i] < sorted[j]
	})

	starts := []string{""}
	shard := map[string]any{}
	size, external := 0, 0
	closeShard := func() error {
		data, err := marshal(shard)
		if err != nil {
			return err
		}
		files["s/"+strconv.Itoa(len(starts)-1)+".json"] = data
		shard, size = map[string]any{}, 0
		return nil
	}
	for i, t := range sorted {
		p := terms[t]
		if i > 0 && size >= lim.shard {
			if pre := prefix(t); pre != prefix(sorted[i-1]) {
				if err := closeShard(); err != nil {
					return nil, err
				}
				starts = append(starts, pre)
			}
		}
		if len(p.buf) >= lim.external {
			var v any = string(p.buf)
			if dense && 2*p.docs > pages {
				v = splitDense(p.buf)
			}
			data, err := marshal(v)
			if err != nil {
				return nil, err
			}
			files["p/"+strconv.Itoa(external)+".json"] = data
			shard[t] = [2]int{external, p.docs}
			external++
			size += len(t) + 16
			continue
		}
		shard[t] = string(p.buf)
		size += len(t) + len(p.buf) + 6
	}
	if err := closeShard(); err != nil {
		return nil, err
	}
	return starts, nil
}

// splitDense returns the postings buf as two lists: the postings of titles
// (a question's heading included), and the pages of the others, each as the
// difference from the list's previous page. Where in a page a word of most pages is does
// not decide much, and the pages alone compress to a tenth of the size:
// search.js counts such a word, in such a page, as found elsewhere than in
// the passage it shows.
func splitDense(buf []byte) [2]string {
	var heads, pages []byte
	s := string(buf)
	doc, lastHead, lastPage := 0, 0, 0
	for s != "" {
		delta, rest, _ := readVarint(s)
		v, rest, _ := readVarint(rest)
		doc += delta
		loc, weight := v>>3, v&7
		reach := -1
		if loc > 0 && weight >= weightHeading {
			reach, rest, _ = readVarint(rest)
		}
		s = rest
		if weight < weightTitle {
			if len(pages) == 0 || doc != lastPage {
				pages = appendVarint(pages, doc-lastPage)
				lastPage = doc
			}
			continue
		}
		heads = appendVarint(heads, doc-lastHead)
		heads = appendVarint(heads, v)
		if reach >= 0 {
			heads = appendVarint(heads, reach)
		}
		lastHead = doc
	}
	return [2]string{string(heads), string(pages)}
}
