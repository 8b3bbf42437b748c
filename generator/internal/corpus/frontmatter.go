package corpus

// frontMatter holds the fields every page may carry.
type frontMatter struct {
	title, description string
	weight             int
	tags               []string
	date               string // "2026-MM-DD" or ""
}

// yamlFrontMatter appends fm between `---` lines.
func (w *pageWriter) yamlFrontMatter(fm frontMatter) {
	w.str("---\ntitle: \"")
	w.str(fm.title)
	w.str("\"\ndescription: \"")
	w.str(fm.description)
	w.str("\"\nweight: ")
	w.num(fm.weight)
	w.str("\n")
	if len(fm.tags) > 0 {
		w.str("tags:\n")
		for _, t := range fm.tags {
			w.str("  - ")
			w.str(t)
			w.str("\n")
		}
	}
	if fm.date != "" {
		w.str("date: ")
		w.str(fm.date)
		w.str("\n")
	}
	w.str("---\n\n")
}

// tomlFrontMatter appends fm between `+++` lines.
func (w *pageWriter) tomlFrontMatter(fm frontMatter) {
	w.str("+++\ntitle = \"")
	w.str(fm.title)
	w.str("\"\ndescription = \"")
	w.str(fm.description)
	w.str("\"\nweight = ")
	w.num(fm.weight)
	w.str("\n")
	if len(fm.tags) > 0 {
		w.str("tags = [")
		for i, t := range fm.tags {
			if i > 0 {
				w.str(", ")
			}
			w.str("\"")
			w.str(t)
			w.str("\"")
		}
		w.str("]\n")
	}
	if fm.date != "" {
		w.str("date = ")
		w.str(fm.date)
		w.str("\n")
	}
	w.str("+++\n\n")
}

// tags returns one to three distinct tags.
func (w *pageWriter) tags(buf []string) []string {
	buf = buf[:0]
	for n := 1 + w.r.IntN(3); len(buf) < n; {
		t := pick(w.r, tagNames)
		dup := false
		for _, u := range buf {
			dup = dup || u == t
		}
		if !dup {
			buf = append(buf, t)
		}
	}
	return buf
}

// date returns a date in 2026 with a day every month has.
func (w *pageWriter) date() string {
	m, d := 1+w.r.IntN(12), 1+w.r.IntN(28)
	return "2026-" + string(rune('0'+m/10)) + string(rune('0'+m%10)) + "-" + string(rune('0'+d/10)) + string(rune('0'+d%10))
}
