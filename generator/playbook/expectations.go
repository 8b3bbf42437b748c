package playbook

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
)

// readTable reads an expectation table: `from:` and `of:` role ids in the
// front matter, each `##` heading a category, each list item under it one
// expectation.
func (r *reader) readTable(p *content.Page, parsed *markup.Parsed) (*Table, diag.List) {
	var diags diag.List
	t := &Table{Page: p}
	roleField := func(key string) *Role {
		line, col := fieldPos(p, key)
		id, ok := p.Params[key].(string)
		if !ok || id == "" {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
				"expectation table needs `%s:` in its front matter: the id of a role (a file name in the roles folder)", key))
			return nil
		}
		role, problem := r.lookupRole(p, id, line, col, key)
		if problem != nil {
			diags = append(diags, *problem)
		}
		return role
	}
	t.From = roleField("from")
	t.Of = roleField("of")
	if t.From != nil && t.From == t.Of {
		line, col := fieldPos(p, "of")
		diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
			"expectation table has the same role in `from` and `of` (%s): a table says what one role expects of another", t.From.ID))
	}

	intro, sections := splitSections(parsed)
	t.Intro = renderHTML(r.md, parsed, intro...)
	seen := map[string]int{}
	for _, s := range sections {
		line := parsed.Line(s.Heading)
		key := strings.ToLower(s.Name)
		if first, dup := seen[key]; dup {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, 1,
				"category %q appears twice (first on line %d): merge the two lists under one heading", s.Name, first))
			continue
		}
		seen[key] = line
		c := Category{Name: s.Name, ID: s.ID}
		var notes []ast.Node
		for _, b := range s.Blocks {
			list, ok := b.(*ast.List)
			if !ok || list.IsOrdered() && len(c.Items) > 0 {
				notes = append(notes, b)
				continue
			}
			for item := list.FirstChild(); item != nil; item = item.NextSibling() {
				c.Items = append(c.Items, renderChildren(r.md, parsed, item))
			}
		}
		c.Note = renderHTML(r.md, parsed, notes...)
		if len(c.Items) == 0 {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, 1,
				"category %q has no expectations: add a list item (\"- …\") under the heading, or remove it", s.Name))
			continue
		}
		t.Categories = append(t.Categories, c)
	}
	if len(sections) == 0 {
		diags = append(diags, diag.Errorf(p.DisplayPath, p.BodyLine+1, 1,
			"expectation table has no categories: write each category as a `## Heading` followed by a list of expectations"))
	}
	if t.From == nil || t.Of == nil {
		return nil, diags
	}
	return t, diags
}
