package markup

import (
	"bytes"
	"html"
	"strconv"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// headings gives every heading its GitHub id, records it for Result.Headings
// and, unless the page has a title of its own (Document.KeepH1), removes a
// leading h1, whose text becomes the page title: the page template prints
// the title as the page's h1, with the id the heading had (Result.TitleID),
// so that "page.md#title" lands on it as on the git host.
//
// Ids are computed here from the heading's text as rendered (link text
// without its URL, code without backticks), as GitHub does, rather than by
// goldmark's auto heading ids, which slug the raw Markdown line. The leading
// h1 still takes its id first, so later duplicates get the same suffixes as
// on GitHub.
type headings struct{}

func (headings) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(headings{}, 300)))
}

func (headings) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	var leading *ast.Heading
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 && !st.keepH1 {
		leading = h
	}
	var label, slugText []byte
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		label, slugText = headingText(h, source, label[:0], slugText[:0])
		id := pc.IDs().Generate(slugText, ast.KindHeading)
		if len(id) > 0 { // an empty id is no attribute: "#" is the top of the page
			h.SetAttributeString("id", id)
		}
		if h == leading {
			st.title, st.titleID = string(label), string(id)
			return ast.WalkSkipChildren, nil
		}
		line, _ := st.position(headingOffset(h))
		st.headings = append(st.headings, Heading{Level: h.Level, ID: string(id), Text: string(label), Line: line})
		return ast.WalkSkipChildren, nil
	})
	if leading != nil {
		doc.RemoveChild(doc, leading)
	}
}

// headingOffset is the byte offset at which h starts.
func headingOffset(h *ast.Heading) int {
	if p := h.Pos(); p >= 0 {
		return p
	}
	if h.Lines().Len() > 0 {
		return h.Lines().At(0).Start
	}
	return 0
}

// headingText appends to label the plain text of h as a reader sees it, and
// to slugText the text GitHub slugs: the same, except that line breaks
// vanish and a footnote reference counts as its number ("Title[^1]" is
// "title1" on GitHub, which slugs the rendered text).
func headingText(h ast.Node, source, label, slugText []byte) ([]byte, []byte) {
	_ = ast.Walk(h, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			v := n.Value(source)
			if !n.IsRaw() && n.Parent().Kind() != ast.KindCodeSpan {
				v = unescapeText(v)
			}
			label = append(label, v...)
			slugText = append(slugText, v...)
			if n.SoftLineBreak() || n.HardLineBreak() {
				label = append(label, ' ')
			}
		case *ast.String:
			v := n.Value
			if n.IsCode() || n.IsRaw() {
				v = unescapeHTML(v)
			}
			label = append(label, v...)
			slugText = append(slugText, v...)
		case *ast.AutoLink:
			label = append(label, n.Label(source)...)
			slugText = append(slugText, n.Label(source)...)
			return ast.WalkSkipChildren, nil
		case *east.FootnoteLink:
			slugText = strconv.AppendInt(slugText, int64(n.Index), 10)
			return ast.WalkSkipChildren, nil
		case *ast.Image, *ast.RawHTML:
			// Not part of the text GitHub slugs.
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return bytes.TrimSpace(label), slugText
}

// unescapeText resolves backslash escapes and entity references in Markdown
// text, as the HTML renderer does.
func unescapeText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	return unescapeHTML(v)
}

// unescapeHTML resolves the character references in v.
func unescapeHTML(v []byte) []byte {
	if bytes.IndexByte(v, '&') < 0 {
		return v
	}
	return []byte(html.UnescapeString(string(v)))
}
