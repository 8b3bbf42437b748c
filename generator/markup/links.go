package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// links passes the destination of every link and image through the
// document's LinkResolver, so that authors can write relative ".md" links
// that work on a git host and still point at the right page on the site.
// Autolinks (bare URLs) are left alone: they are never site-relative.
//
// A broken link is reported at the position of its "[" (or "!["), which
// goldmark records as the node's Pos; the fallback for nodes without one is
// to search back from the link text.
type links struct{}

func (links) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(links{}, 100)))
}

func (links) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil || st.resolver == nil {
		return
	}
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			l.Destination = st.resolve(l, l.Destination, source)
		case *ast.Image:
			l.Destination = st.resolve(l, l.Destination, source)
		case *ast.AutoLink:
			if u := string(l.URL(source)); l.AutoLinkType == ast.AutoLinkURL && (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) {
				off := l.Pos()
				if off < 0 {
					off = blockStart(l)
				}
				line, col := st.position(off)
				st.external = append(st.external, Link{Dest: u, URL: u, Line: line, Col: col})
			}
		}
		return ast.WalkContinue, nil
	})
}

// resolve returns the URL to write for dest, or dest itself when the
// resolver reports it broken, recording a diagnostic at n's position.
func (s *docState) resolve(n ast.Node, dest, source []byte) []byte {
	resolved, err := s.resolver.ResolveLink(string(dest))
	if err != nil {
		line, col := s.position(linkOffset(n, source))
		s.diags = append(s.diags, diag.Errorf(s.path, line, col, "%s", err.Error()))
		return dest
	}
	switch {
	case isSiteLink(resolved):
		line, col := s.position(linkOffset(n, source))
		_, image := n.(*ast.Image)
		l := Link{Dest: string(dest), URL: resolved, Line: line, Col: col, Image: image}
		if image {
			l.Alt = strings.TrimSpace(string(n.Text(source)))
		}
		s.links = append(s.links, l)
	case strings.HasPrefix(resolved, "http://") || strings.HasPrefix(resolved, "https://"):
		line, col := s.position(linkOffset(n, source))
		_, image := n.(*ast.Image)
		l := Link{Dest: string(dest), URL: resolved, Line: line, Col: col, Image: image}
		if image {
			l.Alt = strings.TrimSpace(string(n.Text(source)))
		}
		s.external = append(s.external, l)
	}
	if resolved == string(dest) {
		return dest
	}
	return []byte(resolved)
}

// linkOffset is the byte offset of the "[" or "![" that opens link or image n.
func linkOffset(n ast.Node, source []byte) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	start := firstTextStart(n)
	if start < 0 {
		return blockStart(n)
	}
	open := bytes.LastIndexByte(source[:start], '[')
	if open < 0 {
		return start
	}
	if _, image := n.(*ast.Image); image && open > 0 && source[open-1] == '!' {
		open--
	}
	return open
}

// firstTextStart is the offset of the first text inside n, or -1.
func firstTextStart(n ast.Node) int {
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			start = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return start
}

// blockStart is the offset of the first line of the block that holds n.
func blockStart(n ast.Node) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// isSiteLink reports whether a resolved URL points into the site: a path or
// a fragment, not a URL with a scheme or host.
func isSiteLink(u string) bool {
	if strings.HasPrefix(u, "#") {
		return true
	}
	return strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//")
}

// AttrURL returns a resolved URL as the renderer writes it in an href or
// src attribute: %-escaped where a URL needs it, then HTML-escaped.
func AttrURL(u string) string {
	return string(util.EscapeHTML(util.URLEscape([]byte(u), true)))
}
