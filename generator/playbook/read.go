package playbook

import (
	"html/template"

	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/markup"
)

// Options configure Read.
type Options struct {
	// Config is the site's configuration, for kinds that have settings
	// (the sections of a vision board).
	Config config.Config
	// BasePath is the site's base path, for link resolution.
	BasePath string
}

// Reader is what a kind's Read works with: the book as declared, the site,
// the config, and the Markdown renderer for the parts of a page.
type Reader struct {
	Book   *Book
	Site   *content.Site
	Config config.Config
	md     *markup.Renderer
}

// Read reads every page of the given kinds and links the playbook together.
// The problems it finds are returned sorted; the book holds everything that
// could be read.
func Read(site *content.Site, md *markup.Renderer, kinds []Kind, opts Options) (*Book, diag.List) {
	b := newBook(kinds)
	r := &Reader{Book: b, Site: site, Config: opts.Config, md: md}
	var typed []*content.Page
	for _, p := range site.Ordered {
		if b.byName[p.Kind()] != nil {
			typed = append(typed, p)
			b.pages[p.Kind()] = append(b.pages[p.Kind()], p)
		}
	}
	for _, p := range typed {
		if d, ok := b.byName[p.Kind()].(Declarer); ok {
			d.Declare(b, p)
		}
	}

	type result struct {
		model    Model
		rendered markup.Result
		diags    diag.List
	}
	results := make([]result, len(typed))
	parallel.For(len(typed), func(i int) {
		p := typed[i]
		parsed := md.ParseDocument(markup.Document{
			Source:     p.Body,
			Path:       p.DisplayPath,
			LineOffset: p.BodyLine,
			Resolver:   site.LinkResolver(p, opts.BasePath),
			KeepH1:     !p.TitleFromBody(),
		})
		var res result
		res.model, res.diags = b.byName[p.Kind()].Read(r, p, parsed)
		rendered, err := md.RenderParsed(parsed)
		if err != nil {
			res.diags = append(res.diags, diag.Errorf(p.DisplayPath, 0, 0, "rendering Markdown: %v", err))
		}
		res.rendered = rendered
		res.diags = append(res.diags, parsed.Diagnostics()...)
		results[i] = res
	})

	var diags diag.List
	for i, p := range typed {
		res := results[i]
		diags = append(diags, res.diags...)
		b.rendered[p] = res.rendered
		if res.model != nil {
			b.models[p] = res.model
		}
	}
	for _, k := range kinds {
		if f, ok := k.(Finisher); ok {
			diags = append(diags, f.Finish(b)...)
		}
	}
	diags.Sort()
	return b, diags
}

// RenderHTML renders nodes of a parsed page; a rendering failure (which
// only a broken writer causes) yields empty HTML.
func (r *Reader) RenderHTML(doc *markup.Parsed, nodes ...ast.Node) template.HTML {
	if len(nodes) == 0 {
		return ""
	}
	b, err := r.md.RenderNodes(doc, nodes...)
	if err != nil {
		return ""
	}
	return template.HTML(b)
}

// RenderChildren renders the children of n.
func (r *Reader) RenderChildren(doc *markup.Parsed, n ast.Node) template.HTML {
	b, err := r.md.RenderChildren(doc, n)
	if err != nil {
		return ""
	}
	return template.HTML(b)
}

// FieldPos returns the position of a front matter key, or the top of the
// file.
func FieldPos(p *content.Page, key string) (int, int) {
	if p.FrontMatter != nil {
		if pos, ok := p.FrontMatter.Pos[key]; ok {
			return pos.Line, pos.Col
		}
	}
	return 1, 1
}

// FrontMatterKeys are the front matter keys the content kinds read, besides
// a page's own (title, date…): the loader warns about any key that neither
// a page nor a kind reads. A new kind adds its keys here.
func FrontMatterKeys() []string {
	return []string{
		"summary", "works_with", // role
		"from", "of", // expectations
	}
}

// Keys returns the front matter keys the kinds read, besides the ones every
// page has: the loader warns about a key that neither a page nor a kind
// reads.
func Keys(kinds []Kind) []string {
	var keys []string
	for _, k := range kinds {
		keys = append(keys, k.Keys()...)
	}
	return keys
}
