package content

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// The navigation is a tree of pages. Without a SUMMARY.md it is the folder
// tree: a folder's page holds the folder's pages and sub-folders, ordered by
// weight, then title. A SUMMARY.md at the content root (GitBook's and
// mdBook's table of contents) gives the order, the nesting and the titles
// instead: its nested list of links is the tree; the pages it does not
// list follow, in the usual order, under the nearest listed folder page
// above them (or at the end of the top level). SUMMARY.md is not a page.
//
// Previous/next links, the print page and the search index follow the tree
// depth first (Site.Ordered).

// NavNode is one entry of the navigation: a page and the entries under it.
type NavNode struct {
	Page *Page
	// Title is the text of the SUMMARY.md link, "" when the navigation
	// shows the page's own title (see Label).
	Title    string
	Parent   *NavNode
	Children []*NavNode
}

// Label is the title the navigation shows: the SUMMARY.md link's text, else
// the page's title as the build has it (a content kind may name a page
// after it has been loaded, such as an untitled expectation table).
func (n *NavNode) Label() string {
	if n.Title != "" {
		return n.Title
	}
	return n.Page.Title
}

// Opens reports whether the entry opens to show entries under it when the
// page shown is on its trail: a folder's page or an entry with children.
func (n *NavNode) Opens() bool { return n.Page.IsSection || len(n.Children) > 0 }

// summaryFile is the table of contents GitBook and mdBook keep at the root.
const summaryFile = "SUMMARY.md"

// isSummary reports whether a content-relative file is the root SUMMARY.md.
func isSummary(file string) bool { return strings.EqualFold(file, summaryFile) }

// folderTree builds the navigation from the section tree.
func (s *Site) folderTree() *NavNode {
	var build func(sec *Section, parent *NavNode) *NavNode
	build = func(sec *Section, parent *NavNode) *NavNode {
		n := &NavNode{Page: sec.Page, Parent: parent}
		for _, e := range sec.Entries {
			if e.Section != nil {
				n.Children = append(n.Children, build(e.Section, n))
			} else {
				n.Children = append(n.Children, &NavNode{Page: e.Page, Parent: n})
			}
		}
		return n
	}
	return build(s.Root, nil)
}

// summaryItem is one list item of SUMMARY.md.
type summaryItem struct {
	indent    int
	title     string
	target    string
	line, col int
}

// summaryItemRE reads a list item: its indentation, its marker and its text.
var summaryItemRE = regexp.MustCompile(`^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$`)

// summaryLinkRE reads the first link of an item's text.
var summaryLinkRE = regexp.MustCompile(`\[((?:[^\[\]\\]|\\.|\[[^\]]*\])*)\]\(\s*<?([^)>\s]*)>?(?:\s+"[^"]*")?\s*\)`)

// parseSummary reads the list items of SUMMARY.md that link somewhere.
func parseSummary(body []byte, bodyLine int) []summaryItem {
	var items []summaryItem
	fence := ""
	for i, line := range strings.Split(string(body), "\n") {
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			if fence == "" {
				fence = t[:3]
			} else if strings.HasPrefix(t, fence) {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		m := summaryItemRE.FindStringSubmatchIndex(line)
		if m == nil {
			continue
		}
		indent := len(strings.ReplaceAll(line[m[2]:m[3]], "\t", "    "))
		text := line[m[4]:m[5]]
		l := summaryLinkRE.FindStringSubmatchIndex(text)
		if l == nil || l[5] == l[4] { // no link, or mdBook's draft chapter "[Title]()"
			continue
		}
		items = append(items, summaryItem{
			indent: indent,
			title:  plainInline(text[l[2]:l[3]]),
			target: text[l[4]:l[5]],
			line:   bodyLine + i + 1,
			col:    1 + len([]rune(line[:m[4]+l[0]])),
		})
	}
	return items
}

// summaryTree builds the navigation from SUMMARY.md, the folder tree giving
// the place of every page it does not list. Links to pages that do not
// exist are errors, as they are broken on the git host too.
func (s *Site) summaryTree(summary *Page, folders *NavNode) (*NavNode, diag.List) {
	var diags diag.List
	root := &NavNode{Page: s.Root.Page}
	listed := map[*Page]*NavNode{s.Root.Page: root}
	type open struct {
		indent int
		node   *NavNode
	}
	stack := []open{{indent: -1, node: root}}
	for _, it := range parseSummary(summary.Body, summary.BodyLine) {
		for len(stack) > 1 && stack[len(stack)-1].indent >= it.indent {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1].node
		p, problem, external := s.summaryPage(it.target)
		switch {
		case external:
			// GitBook lists links to other sites; they work on the git
			// host, but the sidebar lists pages only.
			diags = append(diags, diag.Warnf(summary.DisplayPath, it.line, it.col, "%s", problem))
			continue
		case problem != "":
			diags = append(diags, diag.Errorf(summary.DisplayPath, it.line, it.col, "%s", problem))
			continue
		}
		node := listed[p]
		if node == nil {
			node = &NavNode{Page: p, Title: it.title, Parent: parent}
			parent.Children = append(parent.Children, node)
			listed[p] = node
		}
		stack = append(stack, open{indent: it.indent, node: node})
	}
	// Every page the summary leaves out goes under the nearest listed page
	// above it in the folder tree, in the folder tree's order.
	var place func(n *NavNode, under *NavNode)
	place = func(n *NavNode, under *NavNode) {
		for _, c := range n.Children {
			at := listed[c.Page]
			if at == nil {
				at = &NavNode{Page: c.Page, Title: c.Title, Parent: under}
				under.Children = append(under.Children, at)
				listed[c.Page] = at
			}
			place(c, at)
		}
	}
	place(folders, root)
	return root, diags
}

// summaryPage finds the page a SUMMARY.md link points at, or says what is
// wrong with it; external is true for a link to another site.
func (s *Site) summaryPage(target string) (p *Page, problem string, external bool) {
	dest, _ := splitSuffix(target)
	if hasScheme(dest) || strings.HasPrefix(dest, "//") {
		return nil, fmt.Sprintf("SUMMARY.md lists %q, another site, which the sidebar leaves out: it lists the handbook's pages", target), true
	}
	rel := path.Clean(strings.TrimPrefix(decodePath(dest), "/"))
	if rel == "." {
		rel = ""
	}
	if p := s.byFile[rel]; p != nil {
		return p, "", false
	}
	if sec := s.sections[rel]; sec != nil {
		return sec.Page, "", false
	}
	r := &LinkResolver{site: s, page: &Page{File: summaryFile}}
	return nil, fmt.Sprintf("link to missing page %q%s", target, r.didYouMean(target, rel)), false
}

// walkNav calls f for every node of the tree, depth first, root included.
func walkNav(n *NavNode, f func(*NavNode)) {
	f(n)
	for _, c := range n.Children {
		walkNav(c, f)
	}
}
