// Package markup turns the Markdown body of one page into HTML.
//
// It configures goldmark once (GFM, footnotes, definition lists, typographer)
// and adds the site's own extensions, one file each: GitHub heading ids and
// the page title (headings.go, slug.go), GitHub alerts (alerts.go), code
// highlighting with chroma (highlight.go), link resolution (links.go),
// figures with captions from image titles (figures.go) and
// escaping of raw HTML (rawhtml.go). Everything that belongs to one document
// (ids, diagnostics, the resolver) lives in the goldmark parser.Context of
// that document, so one Renderer serves many goroutines at once.
package markup

import (
	"bufio"
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Options configure a Renderer.
type Options struct {
	// Unsafe lets raw HTML in Markdown pass through. When false (the
	// default) raw HTML is escaped and shown as text, not dropped; HTML
	// comments, which no reader is meant to see, are dropped.
	Unsafe bool
}

// LinkResolver maps a link or image destination written in a page to the
// URL written in HTML.
type LinkResolver interface {
	// ResolveLink returns the URL to write for dest (e.g.
	// "../roles/scrum-master.md#duties"). It returns dest unchanged for links
	// it does not handle (external, mailto:, "#frag" ...). A non-nil error
	// means a broken link; its Error() text is the message (no position).
	ResolveLink(dest string) (string, error)
}

// Document is one page body to render.
type Document struct {
	Source     []byte       // Markdown body (front matter already removed)
	Path       string       // file path shown in diagnostics, e.g. "roles/product-owner.md"
	LineOffset int          // number of file lines before Source (front matter), added to diagnostic lines
	Resolver   LinkResolver // may be nil: links are left as written
}

// Heading is one heading of a rendered page.
type Heading struct {
	Level int
	ID    string
	Text  string // plain text of the heading
	Line  int    // 1-based line in the file (LineOffset applied)
}

// TOCEntry is one h2 of a page's table of contents, with its h3s as
// Children (or a lone h3 that no h2 precedes).
type TOCEntry struct {
	ID, Text string
	Children []TOCEntry
}

// Result is a rendered page body and what was learnt while rendering it.
type Result struct {
	HTML        string
	Title       string     // text of a level-1 heading that is the FIRST block of the body, else ""
	Headings    []Heading  // every heading rendered, in order (the leading h1 excluded)
	TOC         []TOCEntry // h2 and h3 as a tree: h3 nested under the preceding h2
	Diagnostics diag.List  // broken links: "file:line:col: message" with the link's position
	// Links lists the links and images that point into the site (a path or
	// a fragment after resolution), with their positions, so that the build
	// can check their fragments once every page's headings are known.
	Links []Link
	// External lists the http(s) links and images, for `check --external`.
	External []Link
}

// Link is one link or image of a page that points into the site.
type Link struct {
	Dest      string // as written
	URL       string // as resolved: "/roles/sm/#duties" or "#local"
	Line, Col int
	Image     bool
	Alt       string // an image's alternative text
}

// Renderer converts Markdown documents to HTML. It is safe for concurrent
// use by many goroutines.
type Renderer struct {
	md   goldmark.Markdown
	bufs sync.Pool // of *outBuf
}

// outBuf is a reusable output buffer: goldmark writes through a
// bufio.Writer, which it would otherwise allocate for every document.
type outBuf struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

// maxPooledBuf keeps one huge page from pinning its buffer forever.
const maxPooledBuf = 1 << 20

// New returns a Renderer configured by opts.
func New(opts Options) *Renderer {
	var rendererOpts []goldmark.Option
	extensions := []goldmark.Extender{
		// GFM, with table alignment as align attributes rather than style
		// attributes, which a strict Content-Security-Policy would block.
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
		extension.Strikethrough,
		extension.TaskList,
		extension.Footnote,
		extension.DefinitionList,
		extension.NewTypographer(extension.WithTypographicSubstitutions(typographicSubstitutions())),
		links{},
		alerts{},
		headings{},
		highlighting{},
		readerAids{},
		figures{},
	}
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	} else {
		extensions = append(extensions, escapedHTML{})
	}
	md := goldmark.New(append(rendererOpts, goldmark.WithExtensions(extensions...))...)
	r := &Renderer{md: md}
	r.bufs.New = func() any {
		o := &outBuf{}
		o.w = bufio.NewWriterSize(&o.buf, 8<<10)
		return o
	}
	return r
}

// typographicSubstitutions writes typographic punctuation as UTF-8
// characters rather than entities, so that heading texts are plain text.
// Angle quotes are left alone: "<<" is more often an operator than a quote.
// (The values are written as raw HTML, hence the entities for "<" and ">".)
func typographicSubstitutions() map[extension.TypographicPunctuation]string {
	return map[extension.TypographicPunctuation]string{
		extension.LeftSingleQuote:  "‘",
		extension.RightSingleQuote: "’",
		extension.LeftDoubleQuote:  "“",
		extension.RightDoubleQuote: "”",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftAngleQuote:   "&lt;&lt;",
		extension.RightAngleQuote:  "&gt;&gt;",
		extension.Apostrophe:       "’",
	}
}

// Parse returns the goldmark AST of doc after all transformers have run (the
// leading h1 removed, alerts recognised, heading ids set, links resolved),
// and a reader over doc.Source, for code that extracts structure from a page.
func (r *Renderer) Parse(doc Document) (ast.Node, text.Reader) {
	root, _ := r.parse(doc)
	return root, text.NewReader(doc.Source)
}

func (r *Renderer) parse(doc Document) (ast.Node, *docState) {
	st := newDocState(doc)
	pc := parser.NewContext(parser.WithIDs(newGitHubIDs()))
	pc.Set(stateKey, st)
	root := r.md.Parser().Parse(text.NewReader(doc.Source), parser.WithContext(pc))
	return root, st
}

// Render converts doc to HTML. Broken links are reported in
// Result.Diagnostics, not as an error; an error means the HTML could not be
// written at all.
func (r *Renderer) Render(doc Document) (Result, error) {
	root, st := r.parse(doc)

	out := r.bufs.Get().(*outBuf)
	out.buf.Reset()
	out.w.Reset(&out.buf)
	err := r.md.Renderer().Render(out.w, doc.Source, root)
	body := out.buf.String()
	if out.buf.Cap() <= maxPooledBuf {
		r.bufs.Put(out)
	}
	if err != nil {
		return Result{}, fmt.Errorf("render %q: %w", doc.Path, err)
	}

	return Result{
		HTML:        body,
		Title:       st.title,
		Headings:    st.headings,
		TOC:         buildTOC(st.headings),
		Diagnostics: st.diags,
		Links:       st.links,
		External:    st.external,
	}, nil
}
