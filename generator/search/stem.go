package search

import "strings"

// stem reduces a normalised English word to the form its simple
// inflections share, so that "review", "reviews", "reviewed" and
// "reviewing" meet, and "decide", "decides", "decided" and "deciding"
// (decid). It strips suffixes by a handful of rules rather than a full
// Porter stemmer: search.js must apply exactly the same rules to a query
// (its stem(); TestTermsAgreeWithBrowser checks every word of the example
// playbook and a list of edge cases), and a rule that merges too much costs
// more than one that misses an irregular verb. Only lower-case ASCII words
// of four letters or more change:
//
//  1. -ies → -y (stories → story); else a final -s goes, but not from
//     -ss, -us or -is (business, status, analysis).
//  2. -ied → -y (tried → try), -eed → -ee (agreed → agree); else -ed or
//     -ing goes when at least three letters with a vowel stay (need and
//     bring do not change), and a
//     doubled final consonant but l, s or z is undoubled (planned → plan,
//     committing → commit, filled → fill).
//  3. A final -e goes (decide → decid, release → releas), so that the
//     forms without it meet.
func stem(w string) string {
	if len(w) < 4 || !isLowerASCII(w) {
		return w
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case w[n-1] == 's' && !strings.ContainsRune("siu", rune(w[n-2])):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "eed"):
		w = w[:n-1] // agreed → agree, which rule 3 makes agre
	case strings.HasSuffix(w, "ed") && n-2 >= 3 && hasVowel(w[:n-2]):
		w = undouble(w[:n-2])
	case strings.HasSuffix(w, "ing") && n-3 >= 3 && hasVowel(w[:n-3]):
		w = undouble(w[:n-3])
	}
	if n = len(w); n >= 4 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}

// isLowerASCII reports whether w is made of the letters a to z only.
func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func hasVowel(w string) bool { return strings.ContainsAny(w, "aeiouy") }

// undouble removes the second of two equal final consonants, but not of
// l, s or z, and only from four letters up (add stays).
func undouble(w string) string {
	n := len(w)
	if n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}
