package markup

// buildTOC arranges the h2 and h3 headings as a tree: each h3 under the h2
// before it, or at the top when no h2 precedes it.
func buildTOC(hs []Heading) []TOCEntry {
	var toc []TOCEntry
	seenH2 := false
	for _, h := range hs {
		switch {
		case h.Level == 2:
			toc = append(toc, TOCEntry{ID: h.ID, Text: h.Text})
			seenH2 = true
		case h.Level == 3 && seenH2:
			parent := &toc[len(toc)-1]
			parent.Children = append(parent.Children, TOCEntry{ID: h.ID, Text: h.Text})
		case h.Level == 3:
			toc = append(toc, TOCEntry{ID: h.ID, Text: h.Text})
		}
	}
	return toc
}
