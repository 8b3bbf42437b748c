// Package playbook reads the content kinds that make a product playbook —
// role guides, expectation tables, vision boards, Q&A threads and articles —
// from the structure of ordinary Markdown (headings and lists), validates
// them, and cross-links them: a role page learns every expectation and
// question that names it.
package playbook

import (
	"html/template"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/markup"
)

// Book is the playbook read from a site: every typed page's model, and the
// indexes that cross-link them.
type Book struct {
	// Roles in navigation order.
	Roles []*Role
	// Tables in file order.
	Tables []*Table
	// Articles newest first.
	Articles []*content.Page

	roles    map[string]*Role
	boards   map[*content.Page]*Board
	threads  map[*content.Page]*Thread
	tables   map[*content.Page]*Table
	rolesBy  map[*content.Page]*Role
	rendered map[*content.Page]markup.Result
	// questions lists, per role id, the questions tagged with it.
	questions map[string][]*Question
}

// Role is a role guide: its id is its file name without extension.
type Role struct {
	ID        string
	Page      *content.Page
	Summary   string
	WorksWith []Ref
}

// Ref names a role or, for a free name, a person or group that is not one.
type Ref struct {
	Name string
	Role *Role // nil for a free name
}

// Table is an expectation table: what From can expect of Of.
type Table struct {
	Page       *content.Page
	From, Of   *Role
	Intro      template.HTML
	Categories []Category
}

// Count returns the number of expectations in the table.
func (t *Table) Count() int {
	n := 0
	for _, c := range t.Categories {
		n += len(c.Items)
	}
	return n
}

// Category is one `##` section of an expectation table.
type Category struct {
	Name  string
	ID    string // the heading's id
	Note  template.HTML
	Items []template.HTML
}

// Board is a Product Vision Board.
type Board struct {
	Page     *content.Page
	Intro    template.HTML
	Sections []BoardSection // in the configured order
}

// BoardSection is one section of a vision board.
type BoardSection struct {
	Name string
	ID   string
	HTML template.HTML
}

// Thread is a Q&A page: a list of questions with their answers.
type Thread struct {
	Page      *content.Page
	Intro     template.HTML
	Questions []*Question
}

// Question is one `##` question of a thread.
type Question struct {
	ID     string // heading id, the permalink anchor
	Title  string
	Author string
	Date   time.Time
	Roles  []*Role
	Body   template.HTML
	// BodyText is the question's text without markup, for structured data.
	BodyText string
	Answers  []*Answer
	Page     *content.Page
}

// Answer is an answer to a question or a reply to an answer.
type Answer struct {
	ID       string
	Author   string
	Date     time.Time
	Body     template.HTML
	BodyText string
	Replies  []*Answer
}

// Role returns the role with the given id.
func (b *Book) Role(id string) *Role { return b.roles[id] }

// RoleOf returns the role whose guide is p.
func (b *Book) RoleOf(p *content.Page) *Role { return b.rolesBy[p] }

// Board returns the vision board on page p.
func (b *Book) Board(p *content.Page) *Board { return b.boards[p] }

// Thread returns the Q&A thread on page p.
func (b *Book) Thread(p *content.Page) *Thread { return b.threads[p] }

// Table returns the expectation table on page p.
func (b *Book) Table(p *content.Page) *Table { return b.tables[p] }

// Rendered returns the rendered body of a typed page, which Read renders
// while reading its structure, and whether there is one.
func (b *Book) Rendered(p *content.Page) (markup.Result, bool) {
	r, ok := b.rendered[p]
	return r, ok
}

// QuestionsFor returns the questions tagged with the role, in file order.
func (b *Book) QuestionsFor(r *Role) []*Question { return b.questions[r.ID] }

// Expecting returns the tables in which r is the role that expects (From).
func (b *Book) Expecting(r *Role) []*Table {
	var out []*Table
	for _, t := range b.Tables {
		if t.From == r {
			out = append(out, t)
		}
	}
	return out
}

// ExpectedOf returns the tables in which r is the role expected of (Of).
func (b *Book) ExpectedOf(r *Role) []*Table {
	var out []*Table
	for _, t := range b.Tables {
		if t.Of == r {
			out = append(out, t)
		}
	}
	return out
}

// TableFor returns the table of what from expects of of, or nil.
func (b *Book) TableFor(from, of *Role) *Table {
	for _, t := range b.Tables {
		if t.From == from && t.Of == of {
			return t
		}
	}
	return nil
}
