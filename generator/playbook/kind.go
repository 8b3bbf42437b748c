// Package playbook is the frame of a product playbook's content kinds —
// role guides, expectation tables, vision boards, Q&A threads, articles and
// whatever comes next. A kind is one unit, as a goldmark extension is: it
// says which pages are its own, reads and checks them, and says what they
// add to the site. The kinds themselves live in package kinds; this package
// reads a site with them into a Book and knows them only through the
// interfaces below.
//
// Reading happens in three phases: kinds that others refer to by id (roles)
// declare their pages first; then every page of a kind is read, on all
// cores, with every declaration known; last, each kind checks what involves
// several pages (two tables for one pair of roles).
package playbook

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/view"
)

// Kind is one content kind. Its value lives for one build and may keep the
// indexes it builds while reading (the questions tagged with each role).
type Kind interface {
	// Name is the kind's name: the value of a page's `type:` and the key of
	// its folder in the config's [kinds].
	Name() string
	// Folder is the top-level content folder whose pages are of the kind
	// when the config names none.
	Folder() string
	// Title and Description are the title and one-line description of the
	// kind's folder when it has no index page.
	Title() string
	Description() string
	// Keys lists the front matter keys the kind reads, besides the ones
	// every page has.
	Keys() []string
	// Read reads one page of the kind from its parsed body. It runs on many
	// pages at once: it may read the book (every declaration is there) but
	// not change it.
	Read(r *Reader, p *content.Page, doc *markup.Parsed) (Model, diag.List)
}

// Model is what a kind read from one page.
type Model interface {
	// View is what the page's layout receives as .Kind.
	View(env *Env) any
}

// Declarer is a kind whose pages other pages refer to by id, such as
// roles: each of its pages is declared before any page is read.
type Declarer interface {
	Declare(b *Book, p *content.Page)
}

// Finisher is a kind that checks, or indexes, what involves several of its
// pages once every page has been read.
type Finisher interface {
	Finish(b *Book) diag.List
}

// Contributor is a kind that adds blocks to other pages: expectation tables
// to the pages of the roles they name, recent articles to the home page.
type Contributor interface {
	Blocks(b *Book, p *content.Page, env *Env) []Block
}

// Overviewer is a kind whose folder's section page shows an overview of its
// pages (the matrix of expectations, the list of articles). Overview is
// called for the section pages of the kind's folder; it returns nil for a
// section that has none.
type Overviewer interface {
	Overview(b *Book, section *content.Page, env *Env) any
}

// Outputter is a kind that writes files of its own besides its pages, such
// as a feed. Outputs runs once the book is read (page bodies are rendered
// by then), before any page is: its files are claimed with every other
// output path, and a feed among them is linked from every page.
type Outputter interface {
	Outputs(b *Book, env *Env) ([]File, diag.List)
}

// Anchored is a model whose page has anchors besides its headings (the
// permalinks of questions and answers), which links may point at.
type Anchored interface {
	IDs() []string
}

// Outsider is a model that other pages show something of. Outside sums up
// everything they show, so that serve knows to render them again when it
// changes and not otherwise.
type Outsider interface {
	Outside() string
}

// Named is a model with names a reader may search its page by (the roles
// of a table, the questions of a thread).
type Named interface {
	SearchNames() []string
}

// Listed is a model with a sentence of its own that lists of pages (a
// section's cards, a tag's pages) show under its title instead of the
// page's description, which is written for search engines: a role's
// summary. ListText returns "" to leave the description.
type Listed interface {
	ListText() string
}

// Block is a titled part that a kind adds to another page, rendered with
// one of the theme's partial templates. Blocks follow the page's own text,
// and so do their entries in its table of contents.
type Block struct {
	ID, Title string
	// Template is the partial that renders the block ("partials/role-questions.html"),
	// Data its dot.
	Template string
	Data     any
	// TOC lists the block's own headings, with the ids its partial gives
	// them, to list under its title in the page's table of contents.
	TOC []markup.TOCEntry
}

// TOC is a page's table of contents: its own headings', then each block's
// title with the block's headings under it.
func TOC(page []markup.TOCEntry, blocks []Block) []markup.TOCEntry {
	if len(blocks) == 0 {
		return page
	}
	// A new slice: page may be the cached result of a render.
	out := make([]markup.TOCEntry, 0, len(page)+len(blocks))
	out = append(out, page...)
	for _, b := range blocks {
		out = append(out, markup.TOCEntry{ID: b.ID, Text: b.Title, Children: b.TOC})
	}
	return out
}

// File is a file a kind writes besides its pages.
type File struct {
	Path string // output-relative, slash-separated
	Data []byte
	// What names the file in messages ("the articles feed").
	What string
	// Feed marks an Atom feed, which pages link to in their head.
	Feed bool
}

// BlockContext is the dot of a block's partial template.
type BlockContext struct {
	ID, Title string
	Data      any
	Site      *view.SiteData
}

// Views renders the blocks of a page into what its layout receives.
func Views(blocks []Block, env *Env) ([]view.Block, error) {
	out := make([]view.Block, 0, len(blocks))
	for _, b := range blocks {
		html, err := env.Partial(b.Template, BlockContext{ID: b.ID, Title: b.Title, Data: b.Data, Site: env.Data})
		if err != nil {
			return nil, fmt.Errorf("block %q: %w", b.ID, err)
		}
		out = append(out, view.Block{ID: b.ID, Title: b.Title, HTML: template.HTML(strings.TrimSpace(string(html)))})
	}
	return out, nil
}
