package corpus

// Every page draws from its own random stream, seeded by the corpus seed and
// the page's index, so a page's bytes depend only on the plan and on its
// place in it, not on the order in which pages are written.

// writePage appends the Markdown of page i to w.b, which it first empties.
func (w *pageWriter) writePage(p *plan, i int) {
	w.b = w.b[:0]
	if p.pages[i].kind == kindLeaf {
		w.leafPage(p, i)
	} else {
		w.indexPage(p, i)
	}
}

// leafPage appends an ordinary page: front matter (YAML mostly, TOML for
// about one page in ten, none for about one in thirty-three, which then opens
// with a `# Title` line), an introduction, then the planned headings, each
// with prose and now and then a list, a table or a code block.
func (w *pageWriter) leafPage(p *plan, i int) {
	r := w.r
	pg := &p.pages[i]
	var tagBuf [3]string
	fm := frontMatter{title: pg.title, description: w.description(), weight: pg.weight, tags: w.tags(tagBuf[:0])}
	if w.chance(30) {
		fm.date = w.date()
	}
	switch x := r.IntN(100); {
	case x < 3:
		w.str("# ")
		w.str(pg.title)
		w.str("\n\n")
	case x < 13:
		w.tomlFrontMatter(fm)
	default:
		w.yamlFrontMatter(fm)
	}

	// Decide which heading gets each link, code block and table before
	// writing, so that every one of them is written exactly once.
	hs := pg.headings
	links := p.chooseLinks(i, r)
	linkAt := make([]int, len(links))
	for k := range linkAt {
		linkAt[k] = r.IntN(len(hs))
	}
	codeAt := make([]int, r.IntN(5))
	for k := range codeAt {
		codeAt[k] = r.IntN(len(hs))
	}
	tableAt, externalAt := -1, -1
	if w.chance(35) {
		tableAt = r.IntN(len(hs))
	}
	if w.chance(30) {
		externalAt = r.IntN(len(hs))
	}

	w.paragraph(4, 6)
	for h, hd := range hs {
		if hd.level == 2 {
			w.str("## ")
		} else {
			w.str("### ")
		}
		w.str(hd.text)
		w.str("\n\n")
		w.paragraph(3, 6)
		for k, l := range links {
			if linkAt[k] == h {
				w.linkParagraph(p, pg.dir, l)
			}
		}
		if externalAt == h {
			w.externalParagraph(pg.file)
		}
		if w.chance(50) {
			w.paragraph(2, 5)
		}
		switch x := r.IntN(100); {
		case x < 30:
			w.list(false)
		case x < 45:
			w.list(true)
		}
		if tableAt == h {
			w.table()
		}
		for _, c := range codeAt {
			if c == h {
				w.codeBlock()
			}
		}
	}
}

// linkParagraph appends a short paragraph that links to l.
func (w *pageWriter) linkParagraph(p *plan, from string, l link) {
	r := w.r
	dst := &p.pages[l.target]
	text := dst.title
	if l.fragment != "" {
		for _, hd := range dst.headings {
			if hd.id == l.fragment {
				text = hd.text
			}
		}
	}
	w.sentence(true)
	switch r.IntN(3) {
	case 0:
		w.str(" See [")
		w.str(text)
		w.str("](")
		w.href(p, from, l)
		w.str(") for how this works elsewhere.")
	case 1:
		w.str(" [")
		w.str(text)
		w.str("](")
		w.href(p, from, l)
		w.str(") explains the same idea from another angle.")
	default:
		w.str(" Before changing anything, read [")
		w.str(text)
		w.str("](")
		w.href(p, from, l)
		w.str(") with ")
		w.str(pick(r, actors))
		w.str(".")
	}
	w.str("\n\n")
}

// href appends the relative destination of l from folder from.
func (w *pageWriter) href(p *plan, from string, l link) {
	w.b = p.appendRelPath(w.b, from, l.target)
	if l.fragment != "" {
		w.str("#")
		w.str(l.fragment)
	}
}

// externalParagraph appends a sentence with a link to example.com.
func (w *pageWriter) externalParagraph(file string) {
	w.sentence(true)
	w.str(" The [public version](https://example.com/handbook/")
	w.str(file[:len(file)-len(".md")])
	w.str(") is kept in step with this page.\n\n")
}

// indexPage appends the home page or a section's _index.md: front matter,
// an introduction, the list of its sub-sections and first pages, and a few
// paragraphs on how the section is used.
func (w *pageWriter) indexPage(p *plan, i int) {
	pg := &p.pages[i]
	w.yamlFrontMatter(frontMatter{title: pg.title, description: w.description(), weight: pg.weight})
	w.paragraph(3, 5)
	w.paragraph(3, 5)
	if pg.kind == kindHome {
		w.str("## Sections\n\n")
	} else {
		w.str("## In this section\n\n")
	}
	for _, c := range pg.children {
		w.str("- [")
		w.str(p.pages[c].title)
		w.str("](")
		w.href(p, pg.dir, link{target: c})
		w.str(")\n")
	}
	w.str("\n## How to use this part\n\n")
	for range 3 + w.r.IntN(4) {
		w.paragraph(3, 6)
	}
	w.list(false)
	w.str("## Keeping it current\n\n")
	w.paragraph(3, 6)
	w.paragraph(3, 6)
}
