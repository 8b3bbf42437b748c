package markup

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Parsed is a parsed page body, for code that reads the structure of a page
// (the playbook's content kinds) and renders parts of it on their own.
type Parsed struct {
	// Root is the document after all transformers have run.
	Root   ast.Node
	Source []byte
	st     *docState
}

// ParseDocument parses doc once; its parts can then be rendered with
// RenderNodes and RenderChildren, and the whole with RenderParsed.
func (r *Renderer) ParseDocument(doc Document) *Parsed {
	root, st := r.parse(doc)
	return &Parsed{Root: root, Source: doc.Source, st: st}
}

// RenderParsed renders the whole document, like Render.
func (r *Renderer) RenderParsed(p *Parsed) (Result, error) {
	html, err := r.renderNodes(p, p.Root)
	if err != nil {
		return Result{}, err
	}
	res := p.Result()
	res.HTML = string(html)
	return res, nil
}

// Result returns what was learnt while parsing, without HTML.
func (p *Parsed) Result() Result {
	return Result{
		Title:       p.st.title,
		TitleID:     p.st.titleID,
		Headings:    p.st.headings,
		TOC:         buildTOC(p.st.headings),
		Diagnostics: p.st.diags,
		Links:       p.st.links,
		External:    p.st.external,
		Anchors:     p.st.anchors,
	}
}

// Diagnostics returns the problems found while parsing (broken links).
func (p *Parsed) Diagnostics() diag.List { return p.st.diags }

// RenderNodes renders the given nodes, each with its children, one after
// the other.
func (r *Renderer) RenderNodes(p *Parsed, nodes ...ast.Node) ([]byte, error) {
	return r.renderNodes(p, nodes...)
}

// RenderChildren renders the children of n without n itself: the inline
// content of a paragraph or heading, or the blocks of a list item.
func (r *Renderer) RenderChildren(p *Parsed, n ast.Node) ([]byte, error) {
	var nodes []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		nodes = append(nodes, c)
	}
	return r.renderNodes(p, nodes...)
}

func (r *Renderer) renderNodes(p *Parsed, nodes ...ast.Node) ([]byte, error) {
	var buf bytes.Buffer
	for _, n := range nodes {
		if err := r.md.Renderer().Render(&buf, p.Source, n); err != nil {
			return nil, fmt.Errorf("render %q: %w", p.st.path, err)
		}
	}
	return bytes.TrimSpace([]byte(r.finish(p.st, buf.Bytes()))), nil
}

// Position returns the file line and column of a byte offset in the body.
func (p *Parsed) Position(offset int) (line, col int) { return p.st.position(offset) }

// Line returns the file line where a node starts: for a block its first
// line, for an inline node that of its first text.
func (p *Parsed) Line(n ast.Node) int {
	if off := nodeStart(n); off >= 0 {
		line, _ := p.st.position(off)
		return line
	}
	return 0
}

// nodeStart finds the byte offset where n's text starts, -1 if unknown.
func nodeStart(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off := nodeStart(c); off >= 0 {
			return off
		}
	}
	return -1
}

// PlainText returns the text of n and its descendants without markup.
func (p *Parsed) PlainText(n ast.Node) string {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			buf.Write(t.Segment.Value(p.Source))
			if t.SoftLineBreak() || t.HardLineBreak() {
				buf.WriteByte(' ')
			}
		case *ast.String:
			buf.Write(t.Value)
		case *ast.CodeSpan:
			for cc := t.FirstChild(); cc != nil; cc = cc.NextSibling() {
				if tt, ok := cc.(*ast.Text); ok {
					buf.Write(tt.Segment.Value(p.Source))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return string(bytes.TrimSpace(buf.Bytes()))
}
