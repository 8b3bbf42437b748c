package kinds

import (
	"fmt"
	"html/template"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/internal/suggest"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
)

// Role guides: a page per role (roles/product-owner.md), whose id is its
// file name without extension. Front matter gives its summary and the roles
// and groups it works with (`works_with:` role ids, or free names); the
// page shows them as a collaboration diagram. Other kinds refer to roles by
// id, so roles are declared before any page is read. The folder's section
// page shows every role with its summary and how many expectations run
// each way (role-list.html).

// kindRole is the role kind's name.
const kindRole = "role"

type roles struct {
	list []*Role // in navigation order
}

// Role is a role guide.
type Role struct {
	ID        string
	Page      *content.Page
	Summary   string
	WorksWith []Ref
	// Plural is true for a role that is a group of people ("Stakeholders"),
	// which sentences about it need to know: "the Stakeholders expect".
	Plural bool
}

// Ref names a role or, for a free name, a person or group that is not one.
type Ref struct {
	Name string
	Role *Role // nil for a free name
}

// RoleView is what a role guide's layout gets as .Kind.
type RoleView struct {
	ID      string
	Summary string
	Plural  bool
	// Diagram is the inline SVG collaboration diagram, "" when the role
	// works with nobody yet.
	Diagram   template.HTML
	WorksWith []view.Link // URL empty for a person or group without a role guide
	// HasGroups is true when a partner has no role guide of its own (the
	// diagram draws it dashed).
	HasGroups bool
}

// RoleOverview is the roles folder's section page: every role in
// navigation order.
type RoleOverview struct {
	Roles []RoleCard
}

// RoleCard is one role on the roles overview: its summary, who it works
// with and how many expectations run each way, each count linking to the
// block of the role's page that lists them.
type RoleCard struct {
	Role      view.Link
	ID        string // the card's heading id
	Summary   string
	Plural    bool
	WorksWith []view.Link
	// CanExpect counts what the role can expect from others, in
	// CanExpectFrom tables; Expected what others expect from it, in
	// ExpectedBy tables.
	CanExpect, CanExpectFrom  int
	Expected, ExpectedBy      int
	CanExpectURL, ExpectedURL string
}

func (*roles) Name() string   { return kindRole }
func (*roles) Folder() string { return "roles" }
func (*roles) Title() string  { return "Roles" }
func (*roles) Description() string {
	return "Who does what, and whom each role works with."
}
func (*roles) Keys() []string { return []string{"summary", "works_with", "plural"} }

func (k *roles) Declare(b *playbook.Book, p *content.Page) {
	r := &Role{ID: roleID(p), Page: p}
	b.Declare(kindRole, r.ID, r)
	k.list = append(k.list, r)
}

// roleID is a role's id: its file name without extension.
func roleID(p *content.Page) string {
	return strings.TrimSuffix(path.Base(p.File), path.Ext(p.File))
}

// Read reads a role guide's front matter: summary and works_with.
func (k *roles) Read(r *playbook.Reader, p *content.Page, _ *markup.Parsed) (playbook.Model, diag.List) {
	role, _ := r.Book.Lookup(kindRole, roleID(p)).(*Role)
	if role == nil || role.Page != p {
		other := "another guide"
		if role != nil {
			other = role.Page.DisplayPath
		}
		return nil, diag.List{diag.Errorf(p.DisplayPath, 1, 1, "role id %q is also the id of %s: a role's id is its file name, so rename one of the two files", roleID(p), other)}
	}
	var diags diag.List
	role.Plural = pluralTitle(p.Title)
	if v, has := p.Params["plural"]; has {
		if b, ok := v.(bool); ok {
			role.Plural = b
		} else {
			line, col := playbook.FieldPos(p, "plural")
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"plural\" must be true or false, not %v", v))
		}
	}
	if s, ok := p.Params["summary"].(string); ok {
		role.Summary = s
	} else if v, has := p.Params["summary"]; has {
		line, col := playbook.FieldPos(p, "summary")
		diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"summary\" must be a sentence of text, not %v", v))
	}
	raw, has := p.Params["works_with"]
	if !has {
		return role, diags
	}
	line, col := playbook.FieldPos(p, "works_with")
	list, ok := raw.([]any)
	if !ok {
		return role, append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"works_with\" must be a list of role ids or names"))
	}
	for _, item := range list {
		name, ok := item.(string)
		if !ok || name == "" {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "front matter \"works_with\" holds %v: write role ids or names", item))
			continue
		}
		if !isID(name) {
			role.WorksWith = append(role.WorksWith, Ref{Name: name})
			continue
		}
		other, problem := lookupRole(r.Book, p, name, line, col, "works_with")
		if problem != nil {
			diags = append(diags, *problem)
			continue
		}
		if other == role {
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col, "%s lists itself in works_with: remove %q", role.ID, name))
			continue
		}
		role.WorksWith = append(role.WorksWith, Ref{Name: other.Page.Title, Role: other})
	}
	return role, diags
}

// lookupRole finds a role by id, or explains at the given position that it
// does not exist, naming the closest id.
func lookupRole(b *playbook.Book, p *content.Page, id string, line, col int, field string) (*Role, *diag.Diagnostic) {
	if role, ok := b.Lookup(kindRole, id).(*Role); ok {
		return role, nil
	}
	ids := b.IDs(kindRole)
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

// pluralTitle guesses whether a role's title names a group of people: it
// does when it joins names ("Users and customers") or when its head noun,
// the last word before any "of" ("Head of Sales" → "Head"), ends in a
// plural "s" ("Stakeholders", not "Business" or "Analysis"). Front matter
// `plural:` settles the cases a guess gets wrong.
func pluralTitle(title string) bool {
	words := strings.Fields(strings.ToLower(title))
	for i, w := range words {
		if w == "of" {
			words = words[:i]
			break
		}
		if (w == "and" || w == "&") && i > 0 {
			return true
		}
	}
	if len(words) == 0 {
		return false
	}
	head := strings.Trim(words[len(words)-1], ".,;:!?()\"'")
	return len(head) > 3 && strings.HasSuffix(head, "s") &&
		!strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") && !strings.HasSuffix(head, "is")
}

// View is the role's summary, diagram and partners.
func (r *Role) View(env *playbook.Env) any {
	v := &RoleView{ID: r.ID, Summary: r.Summary, Plural: r.Plural}
	v.Diagram = Diagram(r, func(o *Role) string { return env.URL(o.Page) })
	v.WorksWith = partnerLinks(r, env)
	for _, w := range r.WorksWith {
		v.HasGroups = v.HasGroups || w.Role == nil
	}
	return v
}

// partnerLinks links the role's partners that have guides; the others are
// links without a URL.
func partnerLinks(r *Role, env *playbook.Env) []view.Link {
	out := make([]view.Link, 0, len(r.WorksWith))
	for _, w := range r.WorksWith {
		if w.Role != nil {
			out = append(out, env.Link(w.Role.Page))
		} else {
			out = append(out, view.Link{Title: w.Name})
		}
	}
	return out
}

// ListText is the role's summary, which lists show instead of the page's
// description.
func (r *Role) ListText() string { return r.Summary }

// Overview is every role with its summary, partners and expectation
// counts, on the roles folder's own page.
func (k *roles) Overview(b *playbook.Book, section *content.Page, env *playbook.Env) any {
	if section.Section != env.Folder(kindRole) || len(k.list) == 0 {
		return nil
	}
	var tables []*Table
	if e, ok := b.Kind(kindExpectations).(*expectations); ok {
		tables = e.tables
	}
	o := &RoleOverview{}
	for _, r := range k.list {
		if r.Page.Hidden {
			continue
		}
		c := RoleCard{Role: env.Link(r.Page), ID: "role-" + idSafe(r.ID), Summary: r.Summary, Plural: r.Plural, WorksWith: partnerLinks(r, env)}
		for _, t := range tables {
			if t.From == r {
				c.CanExpect += t.Count()
				c.CanExpectFrom++
			}
			if t.Of == r {
				c.Expected += t.Count()
				c.ExpectedBy++
			}
		}
		c.CanExpectURL = c.Role.URL + "#" + blockCanExpect
		c.ExpectedURL = c.Role.URL + "#" + blockOthersExpect
		o.Roles = append(o.Roles, c)
	}
	return o
}

// idSafe makes an id, or a part of one, of a name such as a role's id (a
// file name): characters an id reference cannot hold (a space separates two
// references) become hyphens.
func idSafe(s string) string {
	return strings.Map(func(c rune) rune {
		if c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return c
		}
		return '-'
	}, s)
}

// Outside is what other pages show of a role: its summary, partners and
// whether it is plural.
func (r *Role) Outside() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q %v", r.Summary, r.Plural)
	for _, w := range r.WorksWith {
		fmt.Fprintf(&b, " %q", w.Name)
	}
	return b.String()
}

// SearchNames are the names of the role's partners.
func (r *Role) SearchNames() []string {
	names := make([]string, 0, len(r.WorksWith))
	for _, w := range r.WorksWith {
		names = append(names, w.Name)
	}
	return names
}

// rolesOf returns the site's roles in navigation order.
func rolesOf(b *playbook.Book) []*Role {
	if k, ok := b.Kind(kindRole).(*roles); ok {
		return k.list
	}
	return nil
}

// roleOfPage returns the role whose guide is p, nil when p is none.
func roleOfPage(b *playbook.Book, p *content.Page) *Role {
	if p.Kind() != kindRole {
		return nil
	}
	r, _ := b.Model(p).(*Role)
	return r
}

// roleSkeleton fills in the role skeleton.
type roleSkeleton struct {
	Title, ID, Summary string
	WorksWith          []string
	Folder             string // the roles folder, for the comment on works_with
	// Other names another role for the examples of an id and a link: a
	// guide whose example pointed at itself would confuse.
	Other roleRef
}

// roleRef is a role guide by id and title.
type roleRef struct{ ID, Title string }

// Usage is `playbook new role NAME`.
func (*roles) Usage() playbook.Usage {
	return playbook.Usage{Args: []string{"NAME"}, Summary: "a role guide: {folder}/<id>.md", Note: slugNote,
		Example: `playbook new role "Product Manager"`}
}

// Skeleton writes a role guide for a title ("Product Manager") or an id
// ("product-manager"), with the front matter and sections of
// content/how-to-write/roles.md. A starter site prefills "summary" and
// "works_with" (role ids).
func (k *roles) Skeleton(req *playbook.SkeletonRequest) (playbook.Skeleton, error) {
	title, id := slug.Name(req.Args[0])
	if id == "" {
		_, err := playbook.SkeletonID(req.Args[0])
		return playbook.Skeleton{}, err
	}
	other := roleRef{ID: "scrum-master", Title: "Scrum Master"}
	if id == other.ID {
		other = roleRef{ID: "product-owner", Title: "Product Owner"}
	}
	data, err := playbook.FillSkeleton(skeletons, "role.md.tmpl", roleSkeleton{
		Title: title, ID: id, Other: other, Folder: playbook.FolderOf(req.Config, k),
		Summary:   req.StringPrefill("summary", "One sentence on what the "+title+" answers for, shown in role lists and diagrams."),
		WorksWith: req.ListPrefill("works_with"),
	})
	return playbook.Skeleton{ID: id, Data: data}, err
}

// siteRoles returns the role guides of the site a skeleton is made for, by
// id, as the build reads them: every page of the role kind, whose id is
// its file name.
func siteRoles(req *playbook.SkeletonRequest) (map[string]roleRef, error) {
	pages, err := req.Pages(kindRole)
	if err != nil {
		return nil, err
	}
	out := map[string]roleRef{}
	for _, p := range pages {
		out[roleID(p)] = roleRef{ID: roleID(p), Title: p.Title}
	}
	return out, nil
}

// unknownRole explains that id is not a role of the site, naming the closest
// id, as the build does for a misspelt role.
func unknownRole(id string, roles map[string]roleRef) error {
	ids := make([]string, 0, len(roles))
	for k := range roles {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	switch best, ok := suggest.Closest(id, ids); {
	case ok:
		return fmt.Errorf("unknown role %q (did you mean %s?)", id, best)
	case len(ids) > 0:
		return fmt.Errorf("unknown role %q (known roles: %s)", id, strings.Join(ids, ", "))
	default:
		return fmt.Errorf("unknown role %q (the site has no role guides yet: add one with playbook new role NAME)", id)
	}
}
