package search

import "sort"

// foldEntry maps a lower-case rune whose canonical decomposition holds
// combining diacritics (U+0300–U+036F) to what remains without them,
// recomposed: 'é' → "e", 'ǖ' → "u", 'ά' → "α".
type foldEntry struct {
	r rune
	s string
}

// fold returns the folded form of the lower-case rune r, if it has one.
func fold(r rune) (string, bool) {
	if r < foldTable[0].r {
		return "", false
	}
	i := sort.Search(len(foldTable), func(i int) bool { return foldTable[i].r >= r })
	if i < len(foldTable) && foldTable[i].r == r {
		return foldTable[i].s, true
	}
	return "", false
}
