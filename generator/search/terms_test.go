package search

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTerms(t *testing.T) {
	for _, c := range []struct{ in, want, query string }{
		{"Product Owner's responsibilities", "product owner owner responsibility", "product owner responsibility"},
		{"Café, Équipe: naïve FAÇADE!", "caf equip naiv facad", ""},
		{"e\u0301te\u0301 (decomposed)", "ete decompos", ""},
		{"Ångström ÆSIR Øresund Straße", "angstrom æsir øresund straße", ""},
		{"ΆΛΦΑ ἄλφα", "αλφα αλφα", ""},
		{"Йод и ёж", "иод еж", ""},
		{"हिन्दी भाषा", "हिन्दी भाषा", ""}, // vowel signs are kept
		// Compounds give their pieces and, joined, the whole; a query the
		// joined form only.
		{"over-committing overcommitting", "over commit overcommit overcommit", "overcommit"},
		{"7 a.m. and 7 am", "7 am and 7 am", "7 am and"},
		{"Q3 OKRs Q&A R&D", "q3 okr qa rd", ""},
		{"e-mail ci/cd v1.2", "mail email ci cd v1 2 v12", "email ci cd v12"},
		{"code_review: works_with", "cod review codereview work with workswith", "codereview workswith"},
		{"end. Next", "end next", ""},
		// CJK runs give pairs of characters.
		{"製品責任者とは", "製品 品責 責任 任者 者と とは", ""},
		{"日本語 の", "日本 本語 の", ""},
		{"Scrum中文", "scrum 中文", ""},
		// Inflections meet.
		{"review reviews reviewed reviewing", "review review review review", "review"},
		{"decide decides decided deciding", "decid decid decid decid", "decid"},
		{"plan planned planning plans", "plan plan plan plan", "plan"},
		{"stories story tried try", "story story try try", ""},
		{"a " + strings.Repeat("x", 41) + " " + strings.Repeat("y", 40), strings.Repeat("y", 40), ""},
		{"\U0001D400\U0001D401 emoji😀ok", "\U0001D400\U0001D401 emoji ok", ""},
		{"", "", ""},
	} {
		if got := strings.Join(appendTerms(nil, c.in), " "); got != c.want {
			t.Errorf("terms of %q = %q, want %q", c.in, got, c.want)
		}
		want := c.query
		if want == "" {
			want = strings.Join(queryTermsOf(c.want), " ")
		}
		if got := strings.Join(queryTerms(c.in), " "); got != want {
			t.Errorf("query terms of %q = %q, want %q", c.in, got, want)
		}
	}
}

// queryTermsOf returns the distinct terms, in order.
func queryTermsOf(s string) []string {
	var out []string
	for _, t := range strings.Fields(s) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"reviews": "review", "reviewed": "review", "reviewing": "review", "review": "review",
		"decides": "decid", "decided": "decid", "deciding": "decid", "decide": "decid",
		"committing": "commit", "committed": "commit", "commits": "commit",
		"planned": "plan", "planning": "plan", "filled": "fill", "added": "add",
		"business": "business", "status": "status", "analysis": "analysis",
		"stories": "story", "tried": "try", "ties": "tie",
		"need": "need", "needs": "need", "bring": "bring", "string": "string", "thing": "thing",
		"agreed": "agre", "agree": "agre", "agreeing": "agre",
		"okrs": "okr", "q3s": "q3s", "the": "the", "uses": "use", "caf\u00e9": "caf\u00e9",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrefixAndOrder(t *testing.T) {
	if got := prefix("écrire"); got != "écr" {
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

// FuzzTerms checks that any text cuts into terms without panicking, every
// term within the limits, and that a query finds every term it looks up
// among the terms the index holds of the same text.
func FuzzTerms(f *testing.F) {
	f.Add("Product Owner's backlog: café, naïve, Ωμέγα 42 \xff x")
	f.Add("e\u0301t\u00e9 — déjà-vu over-committing 7 a.m. 製品責任者")
	f.Fuzz(func(t *testing.T, text string) {
		terms := appendTerms(nil, text)
		for _, term := range terms {
			if n := utf8.RuneCountInString(term); term == "" || n > maxTermLen {
				t.Errorf("term %q of %q", term, text)
			}
		}
		for _, q := range queryTerms(text) {
			if !slices.Contains(terms, q) {
				t.Errorf("query term %q of %q is not among its terms %q", q, text, terms)
			}
		}
	})
}
