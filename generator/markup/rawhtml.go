package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// escapedHTML shows raw HTML written in Markdown as text instead of passing
// it through (Options.Unsafe) or dropping it silently (goldmark's default):
// an author who writes "<br>" in a safe site sees the tag on the page and
// can fix it, and a reader never runs markup the site did not vet.
//
// HTML comments are the exception: they are notes to other authors (or
// lint directives) that no renderer shows, so they are dropped.
type escapedHTML struct{}

func (escapedHTML) Extend(m goldmark.Markdown) {
	// Below 1000, the priority of goldmark's HTML renderer, so that these
	// functions replace its own for the same kinds.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderEscapedRawHTML)
	reg.Register(ast.KindHTMLBlock, renderEscapedHTMLBlock)
}

const commentStart = "<!--"

func renderEscapedRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := node.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		v := seg.Value(source)
		if i == 0 && bytes.HasPrefix(v, []byte(commentStart)) {
			return ast.WalkSkipChildren, nil
		}
		writeEscaped(w, v)
	}
	return ast.WalkSkipChildren, nil
}

func renderEscapedHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	if n.HTMLBlockType == ast.HTMLBlockType2 {
		return ast.WalkSkipChildren, nil
	}
	lines := make([]text.Segment, 0, n.Lines().Len()+1)
	for i := 0; i < n.Lines().Len(); i++ {
		lines = append(lines, n.Lines().At(i))
	}
	if n.HasClosure() {
		lines = append(lines, n.ClosureLine)
	}
	_, _ = w.WriteString("<p>")
	for i, seg := range lines {
		v := seg.Value(source)
		if i == len(lines)-1 {
			v = bytes.TrimRight(v, "\r\n")
		}
		writeEscaped(w, v)
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

// writeEscaped writes v with the characters that are special in HTML
// escaped.
func writeEscaped(w util.BufWriter, v []byte) {
	start := 0
	for i, c := range v {
		if esc := util.EscapeHTMLByte(c); esc != nil {
			_, _ = w.Write(v[start:i])
			_, _ = w.Write(esc)
			start = i + 1
		}
	}
	_, _ = w.Write(v[start:])
}
