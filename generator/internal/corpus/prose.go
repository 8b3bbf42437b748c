package corpus

import (
	"math/rand/v2"
	"strconv"
)

// pageWriter appends the Markdown of one page to b, drawing every choice from
// r. One pageWriter is reused for every page; its buffer keeps its capacity.
type pageWriter struct {
	r *rand.Rand
	b []byte
}

// str appends s.
func (w *pageWriter) str(s string) { w.b = append(w.b, s...) }

// num appends n in decimal.
func (w *pageWriter) num(n int) { w.b = strconv.AppendInt(w.b, int64(n), 10) }

// chance reports true with the given percentage.
func (w *pageWriter) chance(percent int) bool { return w.r.IntN(100) < percent }

// object appends a noun phrase, sometimes in bold, emphasis or code when
// markup is allowed.
func (w *pageWriter) object(markup bool) {
	r := w.r
	phrase := pick(r, nouns)
	if w.chance(45) {
		phrase = pick(r, adjectives) + " " + phrase
	}
	switch {
	case r.IntN(3) > 0:
		phrase = "the " + phrase
	case phrase[0] == 'a' || phrase[0] == 'e' || phrase[0] == 'i' || phrase[0] == 'o':
		phrase = "an " + phrase
	default:
		phrase = "a " + phrase
	}
	if !markup {
		w.str(phrase)
		return
	}
	switch x := r.IntN(100); {
	case x < 8:
		w.str("**")
		w.str(phrase)
		w.str("**")
	case x < 14:
		w.str("*")
		w.str(phrase)
		w.str("*")
	case x < 20:
		w.str(phrase)
		w.str(" in `")
		w.str(pick(r, codeWords))
		w.str("`")
	default:
		w.str(phrase)
	}
}

// sentence appends one sentence ending in a full stop, without a trailing
// space.
func (w *pageWriter) sentence(markup bool) {
	r := w.r
	switch r.IntN(6) {
	case 0:
		w.str("When ")
		w.str(pick(r, events))
		w.str(", ")
		w.str(pick(r, actors))
		w.str(" ")
		w.str(pick(r, verbs)[1])
		w.str(" ")
		w.object(markup)
	case 1:
		w.str(capitalize(pick(r, verbs)[0]))
		w.str(" ")
		w.object(markup)
		w.str(" ")
		w.str(pick(r, clauses))
	case 2:
		w.str("Ask ")
		w.str(pick(r, actors))
		w.str(" to ")
		w.str(pick(r, verbs)[0])
		w.str(" ")
		w.object(markup)
		w.str(", ")
		w.str(pick(r, connectives))
		w.str(" ")
		w.str(pick(r, actors))
		w.str(" ")
		w.str(pick(r, verbs)[1])
		w.str(" ")
		w.object(false)
	default:
		w.str(capitalize(pick(r, actors)))
		w.str(" ")
		w.str(pick(r, verbs)[1])
		w.str(" ")
		w.object(markup)
		w.str(" ")
		w.str(pick(r, clauses))
		if w.chance(40) {
			w.str(", ")
			w.str(pick(r, connectives))
			w.str(" ")
			w.str(pick(r, actors))
			w.str(" ")
			w.str(pick(r, verbs)[1])
			w.str(" ")
			w.object(markup)
		}
	}
	w.str(".")
}

// paragraph appends a paragraph of min to max sentences and a blank line;
// the extra sentences, such as link sentences, close it.
func (w *pageWriter) paragraph(lo, hi int, extra ...func()) {
	n := lo + w.r.IntN(hi-lo+1)
	for i := range n {
		if i > 0 {
			w.str(" ")
		}
		w.sentence(true)
	}
	for _, f := range extra {
		w.str(" ")
		f()
	}
	w.str("\n\n")
}

// list appends a bullet or numbered list of 3 to 6 items.
func (w *pageWriter) list(numbered bool) {
	n := 3 + w.r.IntN(4)
	for i := range n {
		if numbered {
			w.num(i + 1)
			w.str(". ")
		} else {
			w.str("- ")
		}
		w.sentence(true)
		w.str("\n")
	}
	w.str("\n")
}

// table appends a GFM table of owners and cadences.
func (w *pageWriter) table() {
	r := w.r
	w.str("| Artifact | Owner | Cadence | Notes |\n|---|---|---|---|\n")
	for range 3 + r.IntN(4) {
		w.str("| ")
		w.str(capitalize(pick(r, nouns)))
		w.str(" | ")
		w.str(capitalize(pick(r, actors)))
		w.str(" | ")
		w.str(pick(r, []string{"weekly", "every sprint", "monthly", "quarterly", "on demand", "yearly"}))
		w.str(" | ")
		w.str(capitalize(pick(r, clauses)))
		w.str(" |\n")
	}
	w.str("\n")
}

// description returns a one-sentence summary without markup, for front
// matter.
func (w *pageWriter) description() string {
	start := len(w.b)
	w.sentence(false)
	d := string(w.b[start:])
	w.b = w.b[:start]
	return d
}
