package playbook

import (
	"html/template"

	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/markup"
)

// section is the part of a page under one `##` heading.
type section struct {
	Heading *ast.Heading
	Name    string // the heading's plain text
	ID      string
	Blocks  []ast.Node
}

// splitSections cuts a page at its level-2 headings. Blocks before the first
// one are the intro. Deeper headings stay inside their section.
func splitSections(p *markup.Parsed) (intro []ast.Node, sections []*section) {
	var cur *section
	for n := p.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			cur = &section{Heading: h, Name: p.PlainText(h)}
			if id, ok := h.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					cur.ID = string(b)
				}
			}
			sections = append(sections, cur)
			continue
		}
		if cur == nil {
			intro = append(intro, n)
		} else {
			cur.Blocks = append(cur.Blocks, n)
		}
	}
	return intro, sections
}

// renderHTML renders nodes; a rendering failure (which only a broken writer
// causes) yields empty HTML.
func renderHTML(md *markup.Renderer, p *markup.Parsed, nodes ...ast.Node) template.HTML {
	if len(nodes) == 0 {
		return ""
	}
	b, err := md.RenderNodes(p, nodes...)
	if err != nil {
		return ""
	}
	return template.HTML(b)
}

// renderChildren renders the children of n.
func renderChildren(md *markup.Renderer, p *markup.Parsed, n ast.Node) template.HTML {
	b, err := md.RenderChildren(p, n)
	if err != nil {
		return ""
	}
	return template.HTML(b)
}
