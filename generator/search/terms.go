package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Terms are what the index stores and what search.js looks up, so both sides
// must cut and normalise text identically. search.js does
//
//	text.match(/[\p{L}\p{N}\p{M}]+/gu) // words: runs of letters, digits and marks
//	word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC")
//
// and appendTerms does the same one rune at a time: unicode.ToLower, then the
// combining diacritics U+0300–U+036F dropped, then foldTable for the letters
// whose canonical decomposition carries such a diacritic ("é" → "e",
// "Å" → "a", "ά" → "α", "й" → "и"). Only those diacritics go: the vowel
// signs of Devanagari are marks too, and removing them would merge different
// words. TestFoldAgreesWithBrowser checks every character against Chromium.

// Term lengths, in runes: shorter words ("a", the "s" of "team's") match too
// much to be worth their postings; longer ones are hashes and the like.
const (
	minTermLen = 2
	maxTermLen = 40
)

// isWordRune reports whether r belongs to a word: \p{L}, \p{N} or \p{M}.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// isDiacritic reports whether r is one of the combining diacritical marks
// that normalisation removes.
func isDiacritic(r rune) bool { return 0x300 <= r && r <= 0x36f }

// appendTerms appends the terms of text to dst, in order, repeats included.
func appendTerms(dst []string, text string) []string {
	start := -1
	for i := 0; i < len(text); {
		word, size := asciiWord[text[i]], 1
		if text[i] >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			dst = appendTerm(dst, text[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		dst = appendTerm(dst, text[start:])
	}
	return dst
}

// asciiWord marks the ASCII bytes that isWordRune accepts (indexed by any
// byte, so that looking up does not need a bounds check first).
var asciiWord = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// Kinds of byte for wordAt: not in a word, in a word that is its own term
// (lower-case ASCII letters and digits), in a word that must be normalised.
const (
	notWord = iota
	plainWord
	otherWord
)

// asciiKind gives the kind of each ASCII byte; bytes from utf8.RuneSelf up
// start a multi-byte rune, which wordAt decodes.
var asciiKind = func() (t [256]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = otherWord
		case asciiWord[c]:
			t[c] = plainWord
		}
	}
	return t
}()

// wordAt returns the kind of the rune at text[i] and its length in bytes.
func wordAt(text string, i int) (kind uint8, size int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return asciiKind[c], 1
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if isWordRune(r) {
		return otherWord, size
	}
	return notWord, size
}

// appendTerm normalises one word and appends it to dst when its length is
// within the limits.
func appendTerm(dst []string, word string) []string {
	w, n := normalizeWord(word)
	if n < minTermLen || n > maxTermLen {
		return dst
	}
	return append(dst, w)
}

// normalizeWord returns the normalised form of word and its length in runes.
func normalizeWord(word string) (string, int) {
	for i := 0; i < len(word); i++ {
		if asciiKind[word[i]] != plainWord {
			b, n := appendNormalized(nil, word)
			return string(b), n
		}
	}
	return word, len(word)
}

// appendNormalized appends the normalised form of word to dst and returns
// it with the form's length in runes.
func appendNormalized(dst []byte, word string) ([]byte, int) {
	n := 0
	for _, r := range word {
		r = unicode.ToLower(r)
		if isDiacritic(r) {
			continue
		}
		if f, ok := fold(r); ok {
			dst = append(dst, f...)
			n += utf8.RuneCountInString(f)
			continue
		}
		dst = utf8.AppendRune(dst, r)
		n++
	}
	return dst, n
}

// normalize returns the terms of text joined by spaces; tests use it to
// compare with search.js.
func normalize(text string) string {
	return strings.Join(appendTerms(nil, text), " ")
}
