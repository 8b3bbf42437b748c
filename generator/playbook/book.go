package playbook

import (
	"sort"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markup"
)

// Book is a site read with its kinds: every typed page's model and rendered
// body, and what the kinds declared for others to refer to.
type Book struct {
	kinds    []Kind
	byName   map[string]Kind
	models   map[*content.Page]Model
	rendered map[*content.Page]markup.Result
	pages    map[string][]*content.Page // by kind, in navigation order
	declared map[string]map[string]any  // kind → id → what was declared
}

func newBook(kinds []Kind) *Book {
	b := &Book{
		kinds:    kinds,
		byName:   map[string]Kind{},
		models:   map[*content.Page]Model{},
		rendered: map[*content.Page]markup.Result{},
		pages:    map[string][]*content.Page{},
		declared: map[string]map[string]any{},
	}
	for _, k := range kinds {
		b.byName[k.Name()] = k
	}
	return b
}

// Kinds returns the site's kinds, in the order they were given.
func (b *Book) Kinds() []Kind { return b.kinds }

// Kind returns the kind of the given name, nil when there is none.
func (b *Book) Kind(name string) Kind { return b.byName[name] }

// Model returns the model read from page p, nil for a page of no kind (or
// one whose model could not be read).
func (b *Book) Model(p *content.Page) Model { return b.models[p] }

// Pages returns the pages of a kind in navigation order.
func (b *Book) Pages(kind string) []*content.Page { return b.pages[kind] }

// Rendered returns the rendered body of a typed page, which is rendered
// while its structure is read, and whether there is one.
func (b *Book) Rendered(p *content.Page) (markup.Result, bool) {
	r, ok := b.rendered[p]
	return r, ok
}

// Declare records that id names v among the pages of kind, for other pages
// to refer to. It is for Declarer.Declare.
func (b *Book) Declare(kind, id string, v any) {
	m := b.declared[kind]
	if m == nil {
		m = map[string]any{}
		b.declared[kind] = m
	}
	m[id] = v
}

// Lookup returns what was declared as id of kind, nil when nothing was.
func (b *Book) Lookup(kind, id string) any { return b.declared[kind][id] }

// IDs returns the ids declared for kind, sorted.
func (b *Book) IDs(kind string) []string {
	ids := make([]string, 0, len(b.declared[kind]))
	for id := range b.declared[kind] {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Blocks returns what every kind adds to page p, in the order of the kinds.
func (b *Book) Blocks(p *content.Page, env *Env) []Block {
	var out []Block
	for _, k := range b.kinds {
		if c, ok := k.(Contributor); ok {
			out = append(out, c.Blocks(b, p, env)...)
		}
	}
	return out
}

// Overview returns what the section page p shows of its folder's kind, nil
// when it shows nothing.
func (b *Book) Overview(p *content.Page, env *Env) any {
	if !p.IsSection || p.SectionKind() == "" {
		return nil
	}
	if o, ok := b.byName[p.SectionKind()].(Overviewer); ok {
		return o.Overview(b, p, env)
	}
	return nil
}
