package content

import (
	"math"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Site is the loaded content: every published page, the section tree and
// the other files, with the look-ups that link resolution needs.
type Site struct {
	// Pages holds every published page, sorted by File.
	Pages []*Page
	// Files holds the non-Markdown files, sorted by File.
	Files []StaticFile
	// Root is the content folder's section.
	Root *Section
	// Ordered is every page in navigation order: the navigation tree (Nav)
	// depth first. Previous/next links follow it.
	Ordered []*Page
	// Nav is the navigation tree: its root is the home page, whose children
	// are the top level of the sidebar (see nav.go).
	Nav *NavNode

	byFile   map[string]*Page
	byURL    map[string]*Page
	sections map[string]*Section
	files    map[string]bool
	drafts   map[string]bool
	// hiddenFiles are the files in dot folders, by content-relative path:
	// links may point at them, and the build publishes those linked.
	hiddenFiles map[string]StaticFile
	// repositoryDir is Options.RepositoryDir, cleaned.
	repositoryDir string
	navNodes      map[*Page]*NavNode
	// contentDir is the content folder on disk; repository and branch
	// are Options.Repository and Options.Branch.
	contentDir, repository, branch string
}

// NavNode returns the navigation entry of a page.
func (s *Site) NavNode(p *Page) *NavNode { return s.navNodes[p] }

// Section is a folder of the content tree.
type Section struct {
	Dir     string // slash-separated folder, "" for the root
	Page    *Page  // the folder's own page (generated when the folder has none)
	Parent  *Section
	Entries []Entry // pages and sub-sections in navigation order
}

// Entry is one item of a section: exactly one of Page and Section is set.
type Entry struct {
	Page    *Page
	Section *Section
}

// Title returns the entry's title.
func (e Entry) Title() string { return e.page().Title }

func (e Entry) page() *Page {
	if e.Section != nil {
		return e.Section.Page
	}
	return e.Page
}

// PageByFile returns the page built from the given content-relative file.
func (s *Site) PageByFile(file string) *Page { return s.byFile[file] }

// PageByURL returns the page served at url ("/roles/product-owner/").
func (s *Site) PageByURL(url string) *Page { return s.byURL[url] }

// Section returns the section of a content-relative folder ("" is the root).
func (s *Site) Section(dir string) *Section { return s.sections[dir] }

// HasFile reports whether a non-Markdown file exists at the content-relative path.
func (s *Site) HasFile(file string) bool { return s.files[file] }

// HiddenFile returns the file at a content-relative path inside a dot
// folder (".gitbook/assets/a.png"), which is published only when a page
// links to it.
func (s *Site) HiddenFile(file string) (StaticFile, bool) {
	f, ok := s.hiddenFiles[file]
	return f, ok
}

// HiddenFiles returns the paths of the files in dot folders, sorted.
func (s *Site) HiddenFiles() []string {
	out := make([]string, 0, len(s.hiddenFiles))
	for f := range s.hiddenFiles {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// DraftList returns the drafts left out of this build, sorted, one per line.
func (s *Site) DraftList() string {
	list := make([]string, 0, len(s.drafts))
	for f := range s.drafts {
		list = append(list, f)
	}
	sort.Strings(list)
	return strings.Join(list, "\n")
}

// IsDraft reports whether the content-relative file is a draft left out of this build.
func (s *Site) IsDraft(file string) bool { return s.drafts[file] }

// Ancestors returns the sections above a page, root first, excluding the
// page's own section when the page is that section's page.
func (s *Site) Ancestors(p *Page) []*Section {
	var out []*Section
	sec := s.sections[p.Section]
	if p.IsSection && sec != nil {
		sec = sec.Parent
	}
	for ; sec != nil; sec = sec.Parent {
		out = append(out, sec)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func newSite(pages []*Page, files []StaticFile, drafts map[string]bool, opts Options, display func(string) string, summary *Page) (*Site, diag.List) {
	folderKinds := opts.KindFolders
	s := &Site{
		Files:    files,
		byFile:   map[string]*Page{},
		byURL:    map[string]*Page{},
		sections: map[string]*Section{},
		files:    map[string]bool{},
		drafts:   drafts,
	}
	for _, f := range files {
		s.files[f.File] = true
	}
	var diags diag.List
	s.Root = s.section("")
	// Every folder that holds pages is a section: create them all first, so
	// that a page X.md beside a folder X/ can be told apart.
	for _, p := range pages {
		s.section(p.Section)
	}
	hasIndex := map[string]*Page{}
	for _, p := range pages {
		if p.IsSection {
			if other := hasIndex[p.Section]; other == nil || indexRank(p.File) < indexRank(other.File) {
				hasIndex[p.Section] = p
			}
		}
	}
	for _, p := range pages {
		// X.md beside a folder X/ is that folder's page, as a git host
		// has no other page for it, unless the folder has one of its own.
		dir := strings.TrimSuffix(p.File, path.Ext(p.File))
		if p.IsSection || s.sections[dir] == nil || !isMarkdown(p.File) {
			continue
		}
		if index := hasIndex[dir]; index != nil {
			diags = append(diags, diag.Errorf(p.DisplayPath, 1, 1,
				"%s and %s are both the page of the folder %q: keep one (move the text of %s into %s, or rename one)",
				p.DisplayPath, index.DisplayPath, dir, path.Base(p.File), path.Join(path.Base(dir), path.Base(index.File))))
			p.duplicateOf = index
			continue
		}
		p.Section, p.IsSection = dir, true
		p.setKind(folderKinds)
		hasIndex[dir] = p
	}
	for _, p := range pages {
		if p.duplicateOf != nil {
			continue
		}
		sec := s.section(p.Section)
		if p.IsSection {
			// Two index pages (index.md and the repository's README.md) work
			// on the git host, which shows one for the folder and the other as
			// a file: the one first in precedence is the folder's page, the
			// other an ordinary page.
			if other := sec.Page; other != nil {
				page, ordinary := other, p
				if indexRank(p.File) < indexRank(other.File) {
					page, ordinary = p, other
				}
				diags = append(diags, diag.Warnf(ordinary.DisplayPath, 1, 1,
					"%s and %s are both index pages of the folder %s: %s is the folder's page, %s an ordinary page (precedence: %s; keep one to make this plain)",
					path.Base(page.File), path.Base(ordinary.File), display(p.Section), path.Base(page.File), path.Base(ordinary.File), strings.Join(indexNames, ", ")))
				ordinary.IsSection = false
				ordinary.setKind(folderKinds)
				sec.Entries = append(sec.Entries, Entry{Page: ordinary})
				sec.Page = page
				continue
			}
			sec.Page = p
			continue
		}
		sec.Entries = append(sec.Entries, Entry{Page: p})
	}
	// Folders without an index page get a generated one so that they still
	// have a URL and a place in the navigation.
	dirs := make([]string, 0, len(s.sections))
	for dir := range s.sections {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		sec := s.sections[dir]
		if sec.Page == nil {
			file := path.Join(dir, "_index.md")
			sec.Page = &Page{File: file, DisplayPath: display(file), Section: dir, IsSection: true, Generated: true, Params: map[string]any{}}
			sec.Page.Title = titleFromName(sec.Page)
			if t := opts.SectionTitles[dir]; t != "" {
				sec.Page.Title = t
			}
			sec.Page.Description = opts.SectionDescriptions[dir]
			sec.Page.setKind(folderKinds)
			pages = append(pages, sec.Page)
		}
		if sec.Parent != nil {
			sec.Parent.Entries = append(sec.Parent.Entries, Entry{Section: sec})
		}
	}
	rank := func(p *Page) int {
		if p.IsSection {
			for i, dir := range opts.SectionOrder {
				if p.Section == dir {
					return i
				}
			}
		}
		return len(opts.SectionOrder)
	}
	for _, sec := range s.sections {
		sortEntries(sec.Entries, rank)
	}

	// Keep only the pages actually placed (a losing duplicate index is out).
	for _, p := range pages {
		// SUMMARY.md's links are read before URLs are known.
		if !p.Generated && p.duplicateOf == nil && (!p.IsSection || s.sections[p.Section].Page == p) {
			s.byFile[p.File] = p
		}
	}
	s.Nav = s.folderTree()
	if summary != nil {
		tree, more := s.summaryTree(summary, s.Nav)
		s.Nav = tree
		diags = append(diags, more...)
	}
	seen := map[*Page]bool{}
	var placed []*Page
	s.navNodes = map[*Page]*NavNode{}
	walkNav(s.Nav, func(n *NavNode) {
		placed = append(placed, n.Page)
		seen[n.Page] = true
		s.navNodes[n.Page] = n
	})
	s.Ordered = placed
	for _, p := range pages {
		if seen[p] {
			s.Pages = append(s.Pages, p)
		}
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].File < s.Pages[j].File })

	for _, p := range pages {
		if p.duplicateOf != nil {
			// Links to it go to the folder's page; the error above says
			// which to keep.
			s.byFile[p.File] = p.duplicateOf
		}
	}
	for _, p := range s.Pages {
		p.URL, p.OutFile = pageURL(p)
		if !p.Generated {
			s.byFile[p.File] = p
		}
		if other, dup := s.byURL[p.URL]; dup {
			diags = append(diags, diag.Errorf(p.DisplayPath, 1, 1,
				"page URL %s is also the URL of %s: rename one of the files or give one a different slug", p.URL, other.DisplayPath))
			continue
		}
		s.byURL[p.URL] = p
	}
	return s, diags
}

// section returns the section for dir, creating it and its parents.
func (s *Site) section(dir string) *Section {
	if sec, ok := s.sections[dir]; ok {
		return sec
	}
	sec := &Section{Dir: dir}
	s.sections[dir] = sec
	if dir != "" {
		parent := path.Dir(dir)
		if parent == "." {
			parent = ""
		}
		sec.Parent = s.section(parent)
	}
	return sec
}

func indexRank(file string) int {
	base := path.Base(file)
	for i, n := range indexNames {
		if strings.EqualFold(base, n) {
			return i
		}
	}
	return len(indexNames)
}

// sortEntries orders entries by weight (pages without a weight last), then
// rank, then title, then file name, so that the order never depends on the
// walk.
func sortEntries(entries []Entry, rank func(*Page) int) {
	weight := func(p *Page) int {
		if p.Weight == 0 {
			return math.MaxInt
		}
		return p.Weight
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i].page(), entries[j].page()
		if wa, wb := weight(a), weight(b); wa != wb {
			return wa < wb
		}
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
			return ta < tb
		}
		return a.File < b.File
	})
}

// pageURL computes a page's pretty URL and output file.
func pageURL(p *Page) (url, out string) {
	var dir string
	if p.IsSection {
		dir = p.Section
	} else {
		name := strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
		if p.Slug != "" {
			name = p.Slug
		}
		dir = path.Join(p.Section, urlSafe(name))
	}
	if dir == "" {
		return "/", "index.html"
	}
	dir = urlSafe(dir)
	return "/" + dir + "/", dir + "/index.html"
}

// urlSafe turns spaces into hyphens, as git hosts and Hugo do.
func urlSafe(name string) string {
	return strings.ReplaceAll(strings.TrimSpace(name), " ", "-")
}
