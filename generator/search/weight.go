package search

// Weight classes of a posting, 0 to 7: search.js maps them to the scores
// 1, 2, 3, 8, 9, 12, 13, 14, so that any title match outranks any heading
// match, which outranks any body match, and a short title or heading, whose
// every word counts, outranks a long one.
const (
	weightBody       = 0 // once in the section's text; +1 for twice, +2 for more
	weightHeading    = 3 // in a heading, or in Doc.Extra
	weightHeadShort  = 4 // in a heading of at most 4 terms
	weightTitle      = 5 // in the page title
	weightTitleShort = 6 // in a title of at most 4 terms
	weightTitleTiny  = 7 // in a title of at most 2 terms
)

// titleWeight is the class of the terms of a title of n terms.
func titleWeight(n int) uint8 {
	switch {
	case n <= 2:
		return weightTitleTiny
	case n <= 4:
		return weightTitleShort
	}
	return weightTitle
}

// headingWeight is the class of the terms of a heading of n terms.
func headingWeight(n int) uint8 {
	if n <= 4 {
		return weightHeadShort
	}
	return weightHeading
}

// bodyWeight is the class of a term found count times in a section's text.
func bodyWeight(count int) uint8 {
	return weightBody + uint8(min(count, 3)-1)
}
