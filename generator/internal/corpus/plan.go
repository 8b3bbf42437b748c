package corpus

import (
	"math/rand/v2"
	"strconv"
)

// The plan is the whole corpus minus the prose: every folder, every file name,
// every title and every heading. It is made before any body is written so that
// each page can link to any other page, and to a heading that page really has.
// Once made it is only read.

// pageKind tells what a page is for.
type pageKind uint8

const (
	kindHome       pageKind = iota // the corpus root _index.md
	kindSection                    // a top-level folder's _index.md
	kindSubsection                 // a sub-folder's _index.md
	kindLeaf                       // an ordinary page
)

// heading is one `##` or `###` heading of a leaf page.
type heading struct {
	level int
	text  string
	id    string
}

// page is one planned file.
type page struct {
	kind     pageKind
	dir      string // slash-separated folder under the corpus root, "" for the root
	file     string // "_index.md" or "kebab-case-title.md"
	title    string
	weight   int
	headings []heading // leaf pages only
	children []int     // index pages: the pages they list, in order
	folder   int       // leaf pages: index into plan.folders
}

// folder is a directory holding leaf pages: a section or a sub-section.
type folder struct {
	index  int   // the page index of its _index.md
	leaves []int // the page indexes of its leaf pages
}

// plan is the planned corpus; pages[0] is the home page.
type plan struct {
	pages   []page
	folders []folder
	leaves  []int // every leaf page index, in page order
}

// minPages is the smallest corpus: the home page, two sections and a few
// pages in each, enough for every page to have two link targets.
const minPages = 10

// sectionCount returns how many top-level folders a corpus of n pages has:
// one per 100 pages up to 20, then one per 500 pages up to 100, never fewer
// than 2.
func sectionCount(n int) int {
	if n >= 10000 {
		return min(max(n/500, 20), 100)
	}
	return min(max(n/100, 2), 20)
}

// makePlan lays out a corpus of exactly n pages.
func makePlan(n int, r *rand.Rand) *plan {
	nsec := sectionCount(n)
	subs := make([]int, nsec)
	for i := range subs {
		if r.IntN(100) < 40 {
			subs[i] = 2 + r.IntN(3)
		}
	}
	// Every folder keeps at least two leaf pages; drop sub-sections, last
	// section first, until that fits.
	for i := nsec - 1; i >= 0 && !fits(n, subs); {
		if subs[i] == 0 {
			i--
			continue
		}
		subs[i]--
		if subs[i] == 1 {
			subs[i] = 0
		}
	}

	nfolders, nindexes := 0, 1
	for _, s := range subs {
		nfolders += 1 + s
		nindexes += 1 + s
	}
	// Share the leaf pages between folders by random weights, after giving
	// each folder one.
	nleaves := n - nindexes
	weights := make([]int, nfolders)
	total := 0
	for i := range weights {
		weights[i] = 2 + r.IntN(3)
		total += weights[i]
	}
	counts := make([]int, nfolders)
	spare := nleaves - nfolders
	given := 0
	for i, w := range weights {
		counts[i] = 1 + spare*w/total
		given += counts[i]
	}
	for i := 0; given < nleaves; i = (i + 1) % nfolders {
		counts[i]++
		given++
	}

	p := &plan{pages: make([]page, 0, n), leaves: make([]int, 0, nleaves)}
	p.pages = append(p.pages, page{kind: kindHome, file: "_index.md", title: "Generated Handbook"})
	f := 0
	for s := range nsec {
		name := sectionNames[s%len(sectionNames)]
		if s >= len(sectionNames) {
			name += "-" + strconv.Itoa(s/len(sectionNames)+1)
		}
		sec := p.addIndex(0, kindSection, name, titleCase(dehyphen(name)), (s+1)*10)
		p.addLeaves(sec, counts[f], r)
		f++
		first := r.IntN(len(subsectionNames))
		for k := range subs[s] {
			sub := subsectionNames[(first+k)%len(subsectionNames)]
			idx := p.addIndex(sec, kindSubsection, name+"/"+sub, titleCase(dehyphen(name+" "+sub)), (k+1)*10)
			p.addLeaves(idx, counts[f], r)
			f++
		}
	}
	return p
}

// fits reports whether n pages leave two leaf pages for every folder.
func fits(n int, subs []int) bool {
	need := 1
	for _, s := range subs {
		need += 3 * (1 + s)
	}
	return need <= n
}

// addIndex appends the _index.md of folder dir, lists it on its parent and
// returns its page index.
func (p *plan) addIndex(parent int, kind pageKind, dir, title string, weight int) int {
	idx := len(p.pages)
	p.pages = append(p.pages, page{kind: kind, dir: dir, file: "_index.md", title: title, weight: weight})
	p.pages[parent].children = append(p.pages[parent].children, idx)
	return idx
}

// addLeaves appends n leaf pages to the folder whose _index.md is page index.
func (p *plan) addLeaves(index, n int, r *rand.Rand) {
	dir := p.pages[index].dir
	fi := len(p.folders)
	p.folders = append(p.folders, folder{index: index, leaves: make([]int, 0, n)})
	used := make(map[string]bool, n)
	for k := range n {
		title := leafTitle(r)
		// A clash within a folder is rare; after a few redraws a number
		// settles it.
		for try := 1; used[kebab(title)]; try++ {
			title = leafTitle(r)
			if try > 8 {
				title += " " + strconv.Itoa(try)
			}
		}
		name := kebab(title)
		used[name] = true
		idx := len(p.pages)
		p.pages = append(p.pages, page{
			kind:     kindLeaf,
			dir:      dir,
			file:     name + ".md",
			title:    title,
			weight:   (k + 1) * 10,
			headings: leafHeadings(title, r),
			folder:   fi,
		})
		p.folders[fi].leaves = append(p.folders[fi].leaves, idx)
		p.leaves = append(p.leaves, idx)
		if k < 6 {
			p.pages[index].children = append(p.pages[index].children, idx)
		}
	}
}

// path returns the slash-separated path of page i under the corpus root.
func (p *plan) path(i int) string {
	pg := &p.pages[i]
	if pg.dir == "" {
		return pg.file
	}
	return pg.dir + "/" + pg.file
}

// dehyphen replaces hyphens with spaces.
func dehyphen(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '-' {
			b[i] = ' '
		}
	}
	return string(b)
}
