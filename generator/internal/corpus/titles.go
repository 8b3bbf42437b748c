package corpus

import (
	"math/rand/v2"
	"strconv"
)

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T {
	return list[r.IntN(len(list))]
}

// leafTitle returns a page title in title case.
func leafTitle(r *rand.Rand) string {
	switch r.IntN(5) {
	case 0:
		return pick(r, gerunds) + " the " + titleCase(pick(r, adjectives)+" "+pick(r, nouns))
	case 1:
		return titleCase(pick(r, adjectives)+" "+pick(r, nouns)) + " for " + pick(r, audiences)
	case 2:
		return "How to " + titleCase(pick(r, verbs)[0]) + " the " + titleCase(pick(r, nouns))
	case 3:
		return titleCase(pick(r, nouns)) + " " + pick(r, []string{"Guide", "Checklist", "Basics", "Principles", "Template", "Pitfalls"})
	default:
		return "A Practical Guide to the " + titleCase(pick(r, nouns))
	}
}

// leafHeadings returns the `##` and `###` headings of a leaf page, in order.
// Their ids differ from each other and from the id of the page title, so that
// a link fragment names exactly one heading.
func leafHeadings(title string, r *rand.Rand) []heading {
	n := 4 + r.IntN(5)
	hs := make([]heading, 0, n+n/2)
	titleID := headingID(title)
	taken := func(id string) bool {
		for _, h := range hs {
			if h.id == id {
				return true
			}
		}
		return id == titleID
	}
	add := func(level int) {
		text := headingText(r)
		id := headingID(text)
		for try := 1; taken(id); try++ {
			text = headingText(r)
			if try > 8 {
				text += " " + strconv.Itoa(try)
			}
			id = headingID(text)
		}
		hs = append(hs, heading{level: level, text: text, id: id})
	}
	for range n {
		add(2)
		if r.IntN(100) < 40 {
			for range 1 + r.IntN(2) {
				add(3)
			}
		}
	}
	return hs
}

// headingText returns a heading in sentence case. Some carry a colon or a
// question mark, which ids drop.
func headingText(r *rand.Rand) string {
	switch r.IntN(9) {
	case 0:
		return "How we " + pick(r, verbs)[0] + " the " + pick(r, nouns)
	case 1:
		return "Why the " + pick(r, nouns) + " matters"
	case 2:
		return "The " + pick(r, adjectives) + " " + pick(r, nouns)
	case 3:
		return "Step " + strconv.Itoa(1+r.IntN(9)) + ": " + pick(r, verbs)[0] + " the " + pick(r, nouns)
	case 4:
		return "When " + pick(r, events)
	case 5:
		return "What if " + pick(r, events) + "?"
	case 6:
		return "Working with " + pick(r, actors)
	case 7:
		return "Checklist for the " + pick(r, nouns)
	default:
		return capitalize(pick(r, nouns)) + " in practice"
	}
}
