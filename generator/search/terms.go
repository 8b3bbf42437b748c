package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terms are what the index stores and what search.js looks up, so both
// sides must cut text into terms identically. This file is the one
// definition on the Go side; search.js's terms() is the other, and
// TestTermsAgreeWithBrowser runs it in Chromium against appendTerms.
//
//  1. A token is a run of word characters (\p{L}, \p{N}, \p{M}) in which a
//     single joiner (- ‐ ‑ . ' ’ & _) between two word characters keeps a
//     compound together: "over-committing", "a.m.", "Q&A", "team's".
//  2. Each piece between joiners is normalised: lower case, the combining
//     diacritics U+0300–U+036F dropped (foldTable: "é" → "e", "ά" → "α").
//  3. A piece is cut where it goes from CJK characters (isCJK) to others.
//     A run of CJK characters, written without spaces, gives its
//     overlapping character pairs ("製品責任" → 製品 品責 責任), one character
//     alone gives itself. Any other run is a term when it has two to
//     maxTermLen characters, or is a single digit ("7 a.m.").
//  4. A compound without CJK also gives its pieces joined: "over-committing"
//     gives over, committing and overcommitting, so that it meets the closed
//     compound; "a.m." gives am. A query (queryTerms) takes a compound's
//     joined form only, which every way of writing it has.
//  5. Every term is stemmed (stem.go): "reviews", "reviewed" → review.

// maxTermLen is the most characters of a term: longer words are hashes and
// the like.
const maxTermLen = 40

// isWordRune reports whether r belongs to a word: \p{L}, \p{N} or \p{M}.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isJoiner reports whether r keeps the word characters on either side of it
// in one compound.
func isJoiner(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '.', '\'', '\u2019', '&', '_':
		return true
	}
	return false
}

// isCJK reports whether r is written without spaces between words: kana,
// CJK ideographs (and 々〆〇) and Hangul syllables. search.js lists the same
// ranges.
func isCJK(r rune) bool {
	switch {
	case r < 0x3005:
		return false
	case r <= 0x3007, 0x3040 <= r && r <= 0x30ff, 0x31f0 <= r && r <= 0x31ff,
		0x3400 <= r && r <= 0x4dbf, 0x4e00 <= r && r <= 0x9fff, 0xac00 <= r && r <= 0xd7af,
		0xf900 <= r && r <= 0xfaff, 0x20000 <= r && r <= 0x3ffff:
		return true
	}
	return false
}

// isDiacritic reports whether r is one of the combining diacritical marks
// that normalisation removes.
func isDiacritic(r rune) bool { return 0x300 <= r && r <= 0x36f }

// termReader cuts text into terms, reusing its memory from one text to the
// next.
type termReader struct {
	terms   []string
	pieces  []string
	scratch []byte
	// lowered remembers the normalised forms of the words that needed
	// normalising ("The", "Product"), so that a word met again costs no
	// new string.
	lowered map[string]string
}

// read returns the terms of text, in order, repeats included, valid until
// the next call. With query set, a compound gives only its joined form.
func (tr *termReader) read(text string, query bool) []string {
	tr.terms = tr.terms[:0]
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !isWordRune(r) {
			i += size
			continue
		}
		end, plain := tokenEnd(text, i)
		if plain {
			// Lower-case ASCII letters and digits, no joiner: most words.
			tr.add(text[i:end])
		} else {
			tr.token(text[i:end], query)
		}
		i = end
	}
	return tr.terms
}

// tokenEnd returns where the token that starts at text[i] ends, and
// whether it is plain: lower-case ASCII letters and digits only.
func tokenEnd(text string, i int) (int, bool) {
	plain := true
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf && asciiWord[c] {
			plain = plain && (c < 'A' || c > 'Z')
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			plain = false
			i += size
			continue
		}
		if isJoiner(r) && i+size < len(text) {
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(next) {
				plain = false
				i += size
				continue
			}
		}
		break
	}
	return i, plain
}

// asciiWord marks the ASCII bytes that isWordRune accepts (indexed by any
// byte, so that looking up does not need a bounds check first).
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// token appends the terms of one token.
func (tr *termReader) token(tok string, query bool) {
	tr.pieces = tr.pieces[:0]
	cjk := false
	start := 0
	for i, r := range tok {
		if isJoiner(r) {
			tr.pieces = append(tr.pieces, tr.normalize(tok[start:i]))
			start = i + utf8.RuneLen(r)
		} else if !cjk && r >= 0x3005 && isCJK(r) {
			cjk = true
		}
	}
	tr.pieces = append(tr.pieces, tr.normalize(tok[start:]))
	compound := len(tr.pieces) > 1 && !cjk
	if !query || !compound {
		for _, p := range tr.pieces {
			tr.segments(p)
		}
	}
	if compound {
		tr.add(strings.Join(tr.pieces, ""))
	}
}

// segments appends the terms of one normalised piece: its CJK runs as
// character pairs, its other runs as words.
func (tr *termReader) segments(p string) {
	if isASCII(p) {
		tr.add(p)
		return
	}
	start, inCJK := 0, false
	for i, r := range p {
		c := r >= 0x3005 && isCJK(r)
		if i > 0 && c != inCJK {
			tr.segment(p[start:i], inCJK)
			start = i
		}
		inCJK = c
	}
	if start < len(p) {
		tr.segment(p[start:], inCJK)
	}
}

func (tr *termReader) segment(s string, cjk bool) {
	if !cjk {
		tr.add(s)
		return
	}
	_, first := utf8.DecodeRuneInString(s)
	if first == len(s) {
		tr.terms = append(tr.terms, s)
		return
	}
	for i := 0; i < len(s); {
		_, a := utf8.DecodeRuneInString(s[i:])
		if i+a == len(s) {
			break
		}
		_, b := utf8.DecodeRuneInString(s[i+a:])
		tr.terms = append(tr.terms, s[i:i+a+b])
		i += a
	}
}

// add appends the stem of the normalised word w when its length makes it a
// term.
func (tr *termReader) add(w string) {
	n := len(w)
	if !isASCII(w) {
		n = utf8.RuneCountInString(w)
	}
	if n > maxTermLen || n == 0 {
		return
	}
	if n == 1 {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsNumber(r) {
			return
		}
	}
	tr.terms = append(tr.terms, stem(w))
}

// normalize returns the normalised form of a word: itself when it is
// lower-case ASCII already, as most words are.
func (tr *termReader) normalize(word string) string {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			tr.scratch = appendNormalized(tr.scratch[:0], word)
			if s, ok := tr.lowered[string(tr.scratch)]; ok {
				return s
			}
			if tr.lowered == nil || len(tr.lowered) > 1<<14 {
				tr.lowered = make(map[string]string, 1024)
			}
			s := string(tr.scratch)
			tr.lowered[s] = s
			return s
		}
	}
	return word
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendNormalized appends the normalised form of word to dst.
func appendNormalized(dst []byte, word string) []byte {
	for _, r := range word {
		r = unicode.ToLower(r)
		if isDiacritic(r) {
			continue
		}
		if f, ok := fold(r); ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// appendTerms appends the terms of text to dst, as the index holds them.
func appendTerms(dst []string, text string) []string {
	var tr termReader
	return append(dst, tr.read(text, false)...)
}

// queryTerms returns the distinct terms of a query, in order, as search.js
// looks them up.
func queryTerms(q string) []string {
	var tr termReader
	var out []string
	for _, t := range tr.read(q, true) {
		if !containsString(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
