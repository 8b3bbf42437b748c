package build

import (
	"html/template"
	"sort"
	"time"

	"github.com/playbookhq/playbook/generator/config"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/playbook"
)

// RoleView is what a role guide's layout gets besides the page itself.
type RoleView struct {
	ID      string
	Summary string
	// Diagram is the inline SVG collaboration diagram.
	Diagram   template.HTML
	WorksWith []Link // URL empty for a person or group without a role guide
	// CanExpect groups what this role can expect from each other role;
	// OthersExpect what each other role expects from this one.
	CanExpect    []ExpectGroup
	OthersExpect []ExpectGroup
	Questions    []QuestionLink
}

// ExpectGroup is one expectation table seen from a role page.
type ExpectGroup struct {
	Role       Link // the other role
	Table      Link
	Categories []playbook.Category
}

// QuestionLink is a question listed on a role page.
type QuestionLink struct {
	Title  string
	URL    string
	Thread Link
}

// TableView is an expectation table's layout data.
type TableView struct {
	From, Of   Link
	Intro      template.HTML
	Categories []playbook.Category
}

// BoardView is a vision board's layout data: the first section goes across
// the top, the others in columns below.
type BoardView struct {
	Intro   template.HTML
	Top     playbook.BoardSection
	Columns []playbook.BoardSection
}

// ThreadView is a Q&A page's layout data.
type ThreadView struct {
	Intro     template.HTML
	Questions []QuestionView
	// JSONLD is the schema.org QAPage or FAQPage description.
	JSONLD template.JS
}

// QuestionView is a question with links to the roles it is tagged with.
type QuestionView struct {
	*playbook.Question
	RoleLinks []Link
}

// MatrixView is the roles × roles table of expectation counts.
type MatrixView struct {
	Roles []Link
	Rows  []MatrixRow
}

// MatrixRow is one role's row: what it expects from each role.
type MatrixRow struct {
	Role  Link
	Cells []MatrixCell
}

// MatrixCell is one pair of roles; URL is empty when there is no table.
type MatrixCell struct {
	Of    Link
	Count int
	URL   string
	Self  bool
}

// ArticleLink is an article in a list.
type ArticleLink struct {
	Title       string
	URL         string
	Date        time.Time
	Description string
	Tags        []Link
}

// roleLink is the link to a role's page.
func (s *Site) roleLink(r *playbook.Role) Link {
	return Link{Title: r.Page.Title, URL: s.url(r.Page)}
}

func (s *Site) pageLink(p *content.Page) Link { return Link{Title: p.Title, URL: s.url(p)} }

// addKindData fills the kind-specific parts of a page's layout data.
func (s *Site) addKindData(data *PageData, p *content.Page) {
	book := s.Book
	switch p.Kind() {
	case config.KindRole:
		if r := book.RoleOf(p); r != nil {
			data.Role = s.roleView(r)
		}
	case config.KindExpectations:
		if t := book.Table(p); t != nil {
			data.Table = &TableView{From: s.roleLink(t.From), Of: s.roleLink(t.Of), Intro: t.Intro, Categories: t.Categories}
		}
	case config.KindVisionBoard:
		if b := book.Board(p); b != nil && len(b.Sections) > 0 {
			data.Board = &BoardView{Intro: b.Intro, Top: b.Sections[0], Columns: b.Sections[1:]}
		}
	case config.KindQA:
		if t := book.Thread(p); t != nil {
			view := &ThreadView{Intro: t.Intro, JSONLD: playbook.StructuredData(t, permalink(s.data, p.URL))}
			for _, q := range t.Questions {
				qv := QuestionView{Question: q}
				for _, r := range q.Roles {
					qv.RoleLinks = append(qv.RoleLinks, s.roleLink(r))
				}
				view.Questions = append(view.Questions, qv)
			}
			data.Thread = view
		}
	case content.KindHome:
		data.Articles = s.articleLinks(5)
	}
	if p.IsSection {
		switch p.SectionKind() {
		case config.KindArticle:
			data.Articles = s.articleLinks(-1)
		case config.KindExpectations:
			if p.Section == s.Config.Kinds[config.KindExpectations] {
				data.Matrix = s.matrix()
			}
		}
	}
	data.TagLinks = s.tagLinks(p.Tags)
}

func (s *Site) roleView(r *playbook.Role) *RoleView {
	book := s.Book
	v := &RoleView{ID: r.ID, Summary: r.Summary}
	v.Diagram = playbook.Diagram(r, func(o *playbook.Role) string { return s.url(o.Page) })
	for _, w := range r.WorksWith {
		if w.Role != nil {
			v.WorksWith = append(v.WorksWith, s.roleLink(w.Role))
		} else {
			v.WorksWith = append(v.WorksWith, Link{Title: w.Name})
		}
	}
	for _, t := range book.Expecting(r) {
		v.CanExpect = append(v.CanExpect, ExpectGroup{Role: s.roleLink(t.Of), Table: s.pageLink(t.Page), Categories: t.Categories})
	}
	for _, t := range book.ExpectedOf(r) {
		v.OthersExpect = append(v.OthersExpect, ExpectGroup{Role: s.roleLink(t.From), Table: s.pageLink(t.Page), Categories: t.Categories})
	}
	s.sortGroups(v.CanExpect)
	s.sortGroups(v.OthersExpect)
	for _, q := range book.QuestionsFor(r) {
		v.Questions = append(v.Questions, QuestionLink{Title: q.Title, URL: s.url(q.Page) + "#" + q.ID, Thread: s.pageLink(q.Page)})
	}
	return v
}

// sortGroups orders groups like the roles in the navigation.
func (s *Site) sortGroups(groups []ExpectGroup) {
	rank := map[string]int{}
	for i, r := range s.Book.Roles {
		rank[s.url(r.Page)] = i
	}
	sort.SliceStable(groups, func(i, j int) bool { return rank[groups[i].Role.URL] < rank[groups[j].Role.URL] })
}

func (s *Site) matrix() *MatrixView {
	m := &MatrixView{}
	for _, r := range s.Book.Roles {
		m.Roles = append(m.Roles, s.roleLink(r))
	}
	for _, from := range s.Book.Roles {
		row := MatrixRow{Role: s.roleLink(from)}
		for _, of := range s.Book.Roles {
			cell := MatrixCell{Of: s.roleLink(of), Self: from == of}
			if t := s.Book.TableFor(from, of); t != nil {
				cell.Count, cell.URL = t.Count(), s.url(t.Page)
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

// articleLinks returns the newest n articles (all when n < 0).
func (s *Site) articleLinks(n int) []ArticleLink {
	articles := s.Book.Articles
	if n >= 0 && len(articles) > n {
		articles = articles[:n]
	}
	out := make([]ArticleLink, 0, len(articles))
	for _, a := range articles {
		out = append(out, ArticleLink{Title: a.Title, URL: s.url(a), Date: a.Date, Description: a.Description, Tags: s.tagLinks(a.Tags)})
	}
	return out
}

// tagSlug is the URL segment of a tag: "CI/CD" → "ci-cd".
func tagSlug(tag string) string { return slug.Make(tag) }

func (s *Site) tagLinks(tags []string) []Link {
	out := make([]Link, 0, len(tags))
	for _, t := range tags {
		out = append(out, Link{Title: t, URL: s.data.BasePath + "tags/" + tagSlug(t) + "/"})
	}
	return out
}
