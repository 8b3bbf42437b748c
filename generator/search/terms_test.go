package search

import (
	"slices"
	"strings"
	"testing"
)

func TestTerms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Product Owner's responsibilities", "product owner responsibilities"},
		{"Café, Équipe: naïve FAÇADE!", "cafe equipe naive facade"},
		{"e\u0301te\u0301 (decomposed)", "ete decomposed"},
		{"Ångström ÆSIR Øresund Straße", "angstrom æsir øresund straße"},
		{"ΆΛΦΑ ἄλφα", "αλφα αλφα"},
		{"Йод и ёж", "иод еж"},
		{"हिन्दी भाषा", "हिन्दी भाषा"},                            // vowel signs are kept
		{"製品責任者とは", "製品責任者とは"},                                    // no spaces, one term
		{"Q3 2026, v1.2 — ci/cd e-mail", "q3 2026 v1 ci cd mail"}, // one-character words go
		{"a " + strings.Repeat("x", 41) + " " + strings.Repeat("y", 40), strings.Repeat("y", 40)},
		{"\U0001D400\U0001D401 emoji😀ok", "\U0001D400\U0001D401 emoji ok"},
		{"", ""},
	} {
		if got := normalize(c.in); got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPrefixAndOrder(t *testing.T) {
	if got := prefix("écrire"); got != "éc" {
		t.Errorf("prefix(%q) = %q", "écrire", got)
	}
	if got := prefix("x"); got != "x" {
		t.Errorf("prefix(%q) = %q", "x", got)
	}
	// JavaScript compares UTF-16 code units: a character above U+FFFF
	// (a surrogate pair, from U+D800) sorts before U+E000–U+FFFF.
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"ab", "ac", true},
		{"a", "ab", true},
		{"ab", "ab", false},
		{"\U0001F600", "\uffff", true},
		{"\uffff", "\U0001F600", false},
		{"\ud7ff", "\U0001F600", true},
		{"\U0001F600", "\U0001F601", true},
	} {
		if got := less16(c.a, c.b); got != c.want {
			t.Errorf("less16(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestVarint(t *testing.T) {
	var b []byte
	nums := []int{0, 1, 31, 32, 1023, 1024, 1 << 30}
	for _, n := range nums {
		b = appendVarint(b, n)
	}
	if want := "01vw1_vww1wwwwww1"; string(b) != want {
		t.Errorf("encoded %v as %q, want %q", nums, b, want)
	}
	s := string(b)
	for _, want := range nums {
		n, rest, ok := readVarint(s)
		if !ok || n != want {
			t.Fatalf("read %d, %v from %q, want %d", n, ok, s, want)
		}
		s = rest
	}
	if _, _, ok := readVarint("w"); ok {
		t.Error("readVarint accepted a number cut short")
	}
}

// termsByRune is appendTerms written plainly, one rune at a time: the
// reference the fast version must agree with.
func termsByRune(text string) []string {
	var dst []string
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = appendTerm(dst, text[start:i])
			start = -1
		}
	}
	if start >= 0 {
		dst = appendTerm(dst, text[start:])
	}
	return dst
}

func FuzzAppendTerms(f *testing.F) {
	f.Add("Product Owner's backlog: café, naïve, Ωμέγα 42 \xff x")
	f.Add("e\u0301t\u00e9 — déjà-vu")
	f.Fuzz(func(t *testing.T, text string) {
		got, want := appendTerms(nil, text), termsByRune(text)
		if !slices.Equal(got, want) {
			t.Errorf("appendTerms(%q) = %q, want %q", text, got, want)
		}
	})
}
