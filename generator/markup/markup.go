// Package markup turns the Markdown body of one page into HTML.
//
// It configures goldmark once (GFM, footnotes, definition lists, typographer)
// and adds the site's own extensions, one file each: GitHub heading ids and
// the page title (headings.go, slug.go), GitHub alerts (alerts.go), code
// highlighting with chroma (highlight.go), link resolution (links.go),
// figures with captions from image titles (figures.go) and
// raw HTML with its links resolved (rawhtml.go), sanitized (sanitize.go). Everything that belongs to one document
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
	// Unsafe lets raw HTML in Markdown pass through as written. When false
	// (the default) raw HTML goes through an allow-list sanitizer, as on the
	// git host (see sanitize.go); HTML comments, which no reader is meant to
	// see, are dropped.
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
	// KeepH1 says the page has a title of its own (in its front matter):
	// a level-1 heading that opens the body is then part of the body, as
	// on the git host, instead of being taken out as the title.
	KeepH1 bool
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
	TitleID     string     // the id that heading had: the page template gives it to the title
	Headings    []Heading  // every heading rendered, in order (the leading h1 excluded)
	TOC         []TOCEntry // h2 and h3 as a tree: h3 nested under the preceding h2
	Diagnostics diag.List  // broken links: "file:line:col: message" with the link's position
	// Links lists the links and images that point into the site (a path or
	// a fragment after resolution), with their positions, so that the build
	// can check their fragments once every page's headings are known.
	Links []Link
	// External lists the http(s) links and images, for `check --external`.
	External []Link
	// Anchors are the ids (and <a name>s) written in raw HTML, which
	// fragments may point at like heading ids.
	Anchors []string
}

// Link is one link or image of a page that points into the site.
type Link struct {
	Dest      string // as written
	URL       string // as resolved: "/roles/sm/#duties" or "#local"
	Line, Col int
	Image     bool
	Alt       string // an image's alternative text
	RawHTML   bool   // written in raw HTML (<a href>, <img src>)
}

// Renderer converts Markdown documents to HTML. It is safe for concurrent
// use by many goroutines.
type Renderer struct {
	md     goldmark.Markdown
	bufs   sync.Pool // of *outBuf
	unsafe bool
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
		// GFM, with table alignment written by readerAids as classes: style
		// attributes are blocked by the Content-Security-Policy, and the
		// align attribute is obsolete HTML.
		extension.Linkify,
		extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
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
		templateTags{},
		figures{},
	}
	// Raw HTML is always written out by rawhtml.go's renderers; a safe
	// site sanitizes the body it ends up in. goldmark's own unsafe mode
	// (which also lets dangerous link URLs through) is for unsafe sites.
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	extensions = append(extensions, rawHTML{unsafe: opts.Unsafe})
	md := goldmark.New(append(rendererOpts, goldmark.WithExtensions(extensions...))...)
	r := &Renderer{md: md, unsafe: opts.Unsafe}
	r.bufs.New = func() any {
		o := &outBuf{}
		o.w = bufio.NewWriterSize(&o.buf, 8<<10)
		return o
	}
	return r
}

// typographicSubstitutions writes typographic quotes as UTF-8 characters
// rather than entities, so that heading texts are plain text. Dashes and
// ellipses stay as typed, as on the git host: "--force-with-lease" must not
// become an en dash, nor "--" in a table a dash that no one typed. Angle
// quotes are left alone: "<<" is more often an operator than a quote. A nil
// value switches a substitution off.
func typographicSubstitutions() map[extension.TypographicPunctuation][]byte {
	return map[extension.TypographicPunctuation][]byte{
		extension.LeftSingleQuote:  []byte("‘"),
		extension.RightSingleQuote: []byte("’"),
		extension.LeftDoubleQuote:  []byte("“"),
		extension.RightDoubleQuote: []byte("”"),
		extension.EnDash:           nil,
		extension.EmDash:           nil,
		extension.Ellipsis:         nil,
		extension.LeftAngleQuote:   nil,
		extension.RightAngleQuote:  nil,
		extension.Apostrophe:       []byte("’"),
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
	var body string
	if err == nil {
		body = r.finish(st, out.buf.Bytes())
	}
	if out.buf.Cap() <= maxPooledBuf {
		r.bufs.Put(out)
	}
	if err != nil {
		return Result{}, fmt.Errorf("render %q: %w", doc.Path, err)
	}

	return Result{
		HTML:        body,
		Title:       st.title,
		TitleID:     st.titleID,
		Headings:    st.headings,
		TOC:         buildTOC(st.headings),
		Diagnostics: st.diags,
		Links:       st.links,
		External:    st.external,
		Anchors:     st.anchors,
	}, nil
}

// finish returns the rendered HTML of a document: sanitized when the
// document holds raw HTML and the site is not unsafe. Only such pages pay
// for the sanitizer.
func (r *Renderer) finish(st *docState, html []byte) string {
	if st.rawHTML && !r.unsafe {
		return string(sanitize(html))
	}
	return string(html)
}
