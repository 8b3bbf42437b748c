package playbook

import (
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/parallel"
	"github.com/playbookhq/playbook/generator/internal/suggest"
	"github.com/playbookhq/playbook/generator/markup"
)

// Options configure Read.
type Options struct {
	// VisionBoardSections are the sections a vision board must have.
	VisionBoardSections []string
	// BasePath is the site's base path, for link resolution.
	BasePath string
}

// typedKinds are the kinds whose pages Read parses.
var typedKinds = map[string]bool{
	config.KindRole: true, config.KindExpectations: true, config.KindVisionBoard: true,
	config.KindQA: true, config.KindArticle: true,
}

// reader holds the state of one Read.
type reader struct {
	site *content.Site
	md   *markup.Renderer
	opts Options
	book *Book
}

// Read parses every typed page of the site and links the playbook together.
// The problems it finds are returned sorted; the book holds everything that
// could be read.
func Read(site *content.Site, md *markup.Renderer, opts Options) (*Book, diag.List) {
	if len(opts.VisionBoardSections) == 0 {
		opts.VisionBoardSections = config.DefaultVisionBoardSections
	}
	r := &reader{site: site, md: md, opts: opts, book: &Book{
		roles:     map[string]*Role{},
		boards:    map[*content.Page]*Board{},
		threads:   map[*content.Page]*Thread{},
		tables:    map[*content.Page]*Table{},
		rolesBy:   map[*content.Page]*Role{},
		rendered:  map[*content.Page]markup.Result{},
		questions: map[string][]*Question{},
	}}
	var typed []*content.Page
	for _, p := range site.Ordered {
		if typedKinds[p.Kind()] {
			typed = append(typed, p)
		}
	}
	// Roles first: every other kind refers to them.
	for _, p := range typed {
		if p.Kind() == config.KindRole {
			role := &Role{ID: roleID(p), Page: p}
			r.book.roles[role.ID] = role
			r.book.rolesBy[p] = role
			r.book.Roles = append(r.book.Roles, role)
		}
	}

	results := make([]parsedPage, len(typed))
	parallel.For(len(typed), func(i int) { results[i] = r.readPage(typed[i]) })

	var diags diag.List
	for i, p := range typed {
		res := results[i]
		diags = append(diags, res.diags...)
		r.book.rendered[p] = res.rendered
		switch m := res.model.(type) {
		case *Table:
			if m != nil {
				r.book.tables[p] = m
				r.book.Tables = append(r.book.Tables, m)
			}
		case *Board:
			r.book.boards[p] = m
		case *Thread:
			r.book.threads[p] = m
			for _, q := range m.Questions {
				for _, role := range q.Roles {
					r.book.questions[role.ID] = append(r.book.questions[role.ID], q)
				}
			}
		}
		if p.Kind() == config.KindArticle && !p.Date.IsZero() {
			r.book.Articles = append(r.book.Articles, p)
		}
	}
	sort.Slice(r.book.Tables, func(i, j int) bool { return r.book.Tables[i].Page.File < r.book.Tables[j].Page.File })
	sort.SliceStable(r.book.Articles, func(i, j int) bool {
		a, b := r.book.Articles[i], r.book.Articles[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.Title < b.Title
	})
	diags.Sort()
	return r.book, diags
}

// parsedPage is what reading one typed page gives.
type parsedPage struct {
	model    any
	rendered markup.Result
	diags    diag.List
}

func (r *reader) readPage(p *content.Page) parsedPage {
	parsed := r.md.ParseDocument(markup.Document{
		Source:     p.Body,
		Path:       p.DisplayPath,
		LineOffset: p.BodyLine,
		Resolver:   r.site.LinkResolver(p, r.opts.BasePath),
		KeepH1:     !p.TitleFromBody(),
	})
	var out parsedPage
	switch p.Kind() {
	case config.KindRole:
		out.diags = r.readRole(p, r.book.rolesBy[p])
	case config.KindExpectations:
		t, d := r.readTable(p, parsed)
		out.model, out.diags = t, d
	case config.KindVisionBoard:
		b, d := r.readBoard(p, parsed)
		out.model, out.diags = b, d
	case config.KindQA:
		t, d := r.readThread(p, parsed)
		out.model, out.diags = t, d
	case config.KindArticle:
		out.diags = r.readArticle(p)
	}
	res, err := r.md.RenderParsed(parsed)
	if err != nil {
		out.diags = append(out.diags, diag.Errorf(p.DisplayPath, 0, 0, "rendering Markdown: %v", err))
	}
	out.rendered = res
	out.diags = append(out.diags, parsed.Diagnostics()...)
	return out
}

// roleID is a role's id: its file name without extension.
func roleID(p *content.Page) string {
	return strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
}

// idPattern is what a role id looks like; anything else in works_with is a
// free name (a person or group that has no role guide).
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// lookupRole finds a role by id, or explains at the given position that it
// does not exist, naming the closest id.
func (r *reader) lookupRole(p *content.Page, id string, line, col int, field string) (*Role, *diag.Diagnostic) {
	if role := r.book.roles[id]; role != nil {
		return role, nil
	}
	ids := make([]string, 0, len(r.book.roles))
	for k := range r.book.roles {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	msg := "unknown role " + quote(id) + " in " + field
	if best, ok := suggest.Closest(id, ids); ok {
		msg += " (did you mean " + best + "?)"
	} else if len(ids) > 0 {
		msg += " (known roles: " + strings.Join(ids, ", ") + ")"
	} else {
		msg += " (there are no role guides yet)"
	}
	d := diag.Errorf(p.DisplayPath, line, col, "%s", msg)
	return nil, &d
}

func quote(s string) string { return `"` + s + `"` }

// fieldPos returns the position of a front matter key, or the top of the file.
func fieldPos(p *content.Page, key string) (int, int) {
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
