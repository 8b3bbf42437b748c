package playbook

import (
	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/markup"
)

// Section is the part of a page under one `##` heading: most kinds read
// their structure from these.
type Section struct {
	Heading *ast.Heading
	Name    string // the heading's plain text
	ID      string
	Blocks  []ast.Node
}

// SplitSections cuts a page at its level-2 headings. Blocks before the first
// one are the intro. Deeper headings stay inside their section.
func SplitSections(p *markup.Parsed) (intro []ast.Node, sections []*Section) {
	var cur *Section
	for n := p.Root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			cur = &Section{Heading: h, Name: p.PlainText(h)}
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
