package kinds

import (
	"errors"
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
	"github.com/yuin/goldmark/ast"
)

// Expectation tables: what one role (`from:`) can expect from another
// (`of:`). Each `##` heading is a category, each list item under it one
// expectation. A table shows as a category / expectations table, on its
// own page and on the pages of both roles; the folder's section page shows
// the matrix of every pair of roles. A table without a title of its own is
// called what it is, "What the Product Owner can expect from the Scrum
// Master", and one pair of roles has one table.

const kindExpectations = "expectations"

// The ids of the blocks a table adds to a role's page.
const (
	blockCanExpect    = "pbCanExpect"
	blockOthersExpect = "pbOthersExpect"
)

type expectations struct {
	tables []*Table // in file order
}

// Table is an expectation table: what From can expect of Of.
type Table struct {
	Page       *content.Page
	From, Of   *Role
	Intro      template.HTML
	Categories []Category
	// untitled is true when the page names no title (front matter or a
	// leading `# heading`): Finish names it after its roles.
	untitled bool
	// reverse is the table of the other direction, nil without one.
	reverse *Table
}

// Category is one `##` section of an expectation table.
type Category struct {
	Name  string
	ID    string // the heading's id
	Note  template.HTML
	Items []template.HTML
}

// TableView is an expectation table's layout data.
type TableView struct {
	From, Of   view.Link
	Intro      template.HTML
	Categories []Category
	// Size says how big the table is: "9 expectations in 3 categories".
	Size string
	// Reverse links the table of the other direction, nil without one.
	Reverse *view.Link
}

// ExpectGroup is one expectation table seen from a role page.
type ExpectGroup struct {
	ID         string    // the group's heading id
	Role       view.Link // the other role
	Plural     bool      // whether the other role is plural ("the Stakeholders expect")
	Table      view.Link
	Size       string // "9 expectations"
	Categories []Category
}

// ExpectBlock is the data of a role page's block of expectations: the
// role's title and one group per table.
type ExpectBlock struct {
	RoleTitle string
	Groups    []ExpectGroup
}

// MatrixView is the roles × roles table of expectation counts.
type MatrixView struct {
	Roles []view.Link
	Rows  []MatrixRow
}

// MatrixRow is one role's row: what it expects from each role.
type MatrixRow struct {
	Role  view.Link
	Cells []MatrixCell
}

// MatrixCell is one pair of roles; URL is empty when there is no table.
// Level, 1 to 4, says how the count compares with the largest of the
// matrix, for the theme to shade it: a quarter of it or less is 1.
type MatrixCell struct {
	Of    view.Link
	Count int
	Level int
	URL   string
	Self  bool
}

func (*expectations) Name() string   { return kindExpectations }
func (*expectations) Folder() string { return "expectations" }
func (*expectations) Title() string  { return "Expectations" }
func (*expectations) Description() string {
	return "What each role can expect from the others."
}
func (*expectations) Keys() []string { return []string{"from", "of"} }

// Read reads a table: `from:` and `of:` role ids in the front matter, each
// `##` heading a category, each list item under it one expectation.
func (*expectations) Read(r *playbook.Reader, p *content.Page, parsed *markup.Parsed) (playbook.Model, diag.List) {
	var diags diag.List
	t := &Table{Page: p}
	roleField := func(key string) *Role {
		line, col := playbook.FieldPos(p, key)
		id, ok := p.Params[key].(string)
		if !ok || id == "" {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
				"expectation table needs `%s:` in its front matter: the id of a role (a file name in the roles folder)", key))
			return nil
		}
		role, problem := lookupRole(r.Book, p, id, line, col, key)
		if problem != nil {
			diags = append(diags, *problem)
		}
		return role
	}
	t.From = roleField("from")
	t.Of = roleField("of")
	if t.From != nil && t.From == t.Of {
		line, col := playbook.FieldPos(p, "of")
		diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
			"expectation table has the same role in `from` and `of` (%s): a table says what one role expects of another", t.From.ID))
	}

	intro, sections := playbook.SplitSections(parsed)
	t.Intro = r.RenderHTML(parsed, intro...)
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
				c.Items = append(c.Items, r.RenderChildren(parsed, item))
			}
		}
		c.Note = r.RenderHTML(parsed, notes...)
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
	_, titled := p.Params["title"]
	t.untitled = !titled && parsed.Result().Title == ""
	return t, diags
}

// Finish lists the tables in file order, names the untitled ones after
// their roles (which is why it, and not Read, does it: a page's title is
// read by others) and refuses a second table for one pair of roles.
func (k *expectations) Finish(b *playbook.Book) diag.List {
	var all []*Table
	for _, p := range b.Pages(kindExpectations) {
		if t, ok := b.Model(p).(*Table); ok {
			all = append(all, t)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Page.File < all[j].Page.File })
	var diags diag.List
	byPair := map[[2]*Role]*Table{}
	for _, t := range all {
		if t.untitled {
			t.Page.Title = "What the " + t.From.Page.Title + " can expect from the " + t.Of.Page.Title
		}
		if first, dup := byPair[[2]*Role{t.From, t.Of}]; dup {
			line, col := playbook.FieldPos(t.Page, "from")
			diags = append(diags, diag.Errorf(t.Page.DisplayPath, line, col,
				"%s already says what the %s can expect from the %s: merge the two tables into one file (a pair of roles has one table)",
				first.Page.DisplayPath, t.From.Page.Title, t.Of.Page.Title))
			continue
		}
		byPair[[2]*Role{t.From, t.Of}] = t
		k.tables = append(k.tables, t)
	}
	for _, t := range k.tables {
		t.reverse = byPair[[2]*Role{t.Of, t.From}]
	}
	return diags
}

// Count returns the number of expectations in the table.
func (t *Table) Count() int {
	n := 0
	for _, c := range t.Categories {
		n += len(c.Items)
	}
	return n
}

// View is the table's pair of roles and its categories.
func (t *Table) View(env *playbook.Env) any {
	v := &TableView{From: env.Link(t.From.Page), Of: env.Link(t.Of.Page), Intro: t.Intro, Categories: t.Categories,
		Size: count(t.Count(), "expectation", "expectations") + " in " + count(len(t.Categories), "category", "categories")}
	if t.reverse != nil {
		l := env.Link(t.reverse.Page)
		v.Reverse = &l
	}
	return v
}

// count writes a number with its noun: "1 category", "3 categories".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Outside is everything the role pages and the matrix show of the table.
func (t *Table) Outside() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %q", t.From.ID, t.Of.ID, t.Page.Title)
	for _, c := range t.Categories {
		fmt.Fprintf(&b, "|%q %q %q", c.Name, c.ID, c.Note)
		for _, it := range c.Items {
			fmt.Fprintf(&b, " %q", it)
		}
	}
	return b.String()
}

// SearchNames are the titles of the table's two roles.
func (t *Table) SearchNames() []string { return []string{t.From.Page.Title, t.Of.Page.Title} }

// Blocks adds to a role's page what it can expect from others and what
// others expect from it.
func (k *expectations) Blocks(b *playbook.Book, p *content.Page, env *playbook.Env) []playbook.Block {
	r := roleOfPage(b, p)
	if r == nil {
		return nil
	}
	rank := map[*Role]int{}
	for i, o := range rolesOf(b) {
		rank[o] = i
	}
	var canExpect, othersExpect []*Table
	for _, t := range k.tables {
		if t.From == r {
			canExpect = append(canExpect, t)
		}
		if t.Of == r {
			othersExpect = append(othersExpect, t)
		}
	}
	groups := func(block string, tables []*Table, other func(*Table) *Role) []ExpectGroup {
		sort.SliceStable(tables, func(i, j int) bool { return rank[other(tables[i])] < rank[other(tables[j])] })
		out := make([]ExpectGroup, 0, len(tables))
		for _, t := range tables {
			o := other(t)
			out = append(out, ExpectGroup{ID: block + "-" + idSafe(o.ID), Role: env.Link(o.Page), Plural: o.Plural,
				Table: env.Link(t.Page), Size: count(t.Count(), "expectation", "expectations"), Categories: t.Categories})
		}
		return out
	}
	toc := func(gs []ExpectGroup, heading func(ExpectGroup) string) []markup.TOCEntry {
		out := make([]markup.TOCEntry, 0, len(gs))
		for _, g := range gs {
			out = append(out, markup.TOCEntry{ID: g.ID, Text: heading(g)})
		}
		return out
	}
	title := p.Title
	can := groups(blockCanExpect, canExpect, func(t *Table) *Role { return t.Of })
	others := groups(blockOthersExpect, othersExpect, func(t *Table) *Role { return t.From })
	return []playbook.Block{
		{ID: blockCanExpect, Title: "What the " + title + " can expect from others", Template: "partials/role-can-expect.html",
			Data: ExpectBlock{RoleTitle: title, Groups: can},
			TOC:  toc(can, func(g ExpectGroup) string { return "From the " + g.Role.Title })},
		{ID: blockOthersExpect, Title: "What others expect from the " + title, Template: "partials/role-others-expect.html",
			Data: ExpectBlock{RoleTitle: title, Groups: others},
			TOC: toc(others, func(g ExpectGroup) string {
				if g.Plural {
					return "The " + g.Role.Title + " expect"
				}
				return "The " + g.Role.Title + " expects"
			})},
	}
}

// Overview is the matrix of every pair of roles, on the folder's own page.
func (k *expectations) Overview(b *playbook.Book, section *content.Page, env *playbook.Env) any {
	if section.Section != env.Folder(kindExpectations) {
		return nil
	}
	roles := rolesOf(b)
	m := &MatrixView{}
	for _, r := range roles {
		m.Roles = append(m.Roles, env.Link(r.Page))
	}
	most := 0
	for _, t := range k.tables {
		most = max(most, t.Count())
	}
	for _, from := range roles {
		row := MatrixRow{Role: env.Link(from.Page)}
		for _, of := range roles {
			cell := MatrixCell{Of: env.Link(of.Page), Self: from == of}
			if t := k.tableFor(from, of); t != nil {
				cell.Count, cell.URL = t.Count(), env.URL(t.Page)
				cell.Level = max(1, (4*cell.Count+most-1)/most)
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// tableFor returns the table of what from expects of of, or nil.
func (k *expectations) tableFor(from, of *Role) *Table {
	for _, t := range k.tables {
		if t.From == from && t.Of == of {
			return t
		}
	}
	return nil
}

// Usage is `playbook new expectations FROM OF`.
func (*expectations) Usage() playbook.Usage {
	return playbook.Usage{Args: []string{"FROM", "OF"},
		Summary: "a table of what role FROM can expect from role OF: {folder}/<from>-from-<of>.md",
		Note:    "FROM and OF are ids of role guides of the site (their file names without .md), or their titles.",
		Example: "playbook new expectations product-owner scrum-master"}
}

// Skeleton writes the table of what the role FROM can expect from the role
// OF, both ids (or titles) of different roles of the site.
func (*expectations) Skeleton(req *playbook.SkeletonRequest) (playbook.Skeleton, error) {
	roles, err := siteRoles(req)
	if err != nil {
		return playbook.Skeleton{}, err
	}
	_, fromID := slug.Name(req.Args[0])
	_, ofID := slug.Name(req.Args[1])
	var errs []error
	for _, id := range []string{fromID, ofID} {
		if _, ok := roles[id]; !ok {
			errs = append(errs, unknownRole(id, roles))
		}
	}
	if len(errs) > 0 {
		return playbook.Skeleton{}, errors.Join(errs...)
	}
	if fromID == ofID {
		return playbook.Skeleton{}, fmt.Errorf("an expectation table connects two different roles, not %q with itself", fromID)
	}
	data, err := playbook.FillSkeleton(skeletons, "expectations.md.tmpl", struct{ From, Of roleRef }{roles[fromID], roles[ofID]})
	return playbook.Skeleton{ID: fromID + "-from-" + ofID, Data: data}, err
}
