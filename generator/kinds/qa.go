package kinds

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
)

// Q&A threads: each `##` heading a question, its text, then answers and
// nested replies, in a convention that reads well on a git host and is
// documented in the example playbook (how-to-write/qa.md):
//
//	## The question, as a heading
//
//	Asked by **Name** on 2026-03-04 · Roles: product-owner, stakeholders
//
//	The question's text.
//
//	- **Answerer** on 2026-03-05:
//	  The answer's text.
//
//	  - **Name**:
//	    A reply, nested as deep as the discussion goes.
//
// The meta line, its date and its roles are optional; so are answer dates.

var (
	metaPattern   = regexp.MustCompile(`^Asked by (.+?)(?: on (\d{4}-\d{2}-\d{2}))?(?:\s*·\s*Roles?:\s*(.*))?$`)
	answerPattern = regexp.MustCompile(`^(?: on (\d{4}-\d{2}-\d{2}))?\s*:`)
)

// Read reads a Q&A page.
func (*threads) Read(r *playbook.Reader, p *content.Page, parsed *markup.Parsed) (playbook.Model, diag.List) {
	var diags diag.List
	intro, sections := playbook.SplitSections(parsed)
	t := &Thread{Page: p, Intro: r.RenderHTML(parsed, intro...)}
	for _, s := range sections {
		q := &Question{ID: s.ID, Title: s.Name, Page: p}
		blocks := s.Blocks
		if len(blocks) > 0 {
			if para, ok := blocks[0].(*ast.Paragraph); ok {
				if m := metaPattern.FindStringSubmatch(parsed.PlainText(para)); m != nil {
					q.Author = strings.TrimSpace(m[1])
					if m[2] != "" {
						q.Date, _ = time.Parse("2006-01-02", m[2])
					}
					if strings.TrimSpace(m[3]) != "" {
						q.Roles, diags = questionRoles(r.Book, p, parsed, para, m[3], diags)
					}
					blocks = blocks[1:]
				}
			}
		}
		var body []ast.Node
		for i, b := range blocks {
			list, ok := b.(*ast.List)
			if !ok || list.IsOrdered() || !isAnswerList(parsed, list) {
				body = append(body, b)
				continue
			}
			q.Answers, diags = readAnswers(r, p, parsed, list, q.ID+"-answer", diags)
			for _, after := range blocks[i+1:] {
				diags = append(diags, diag.Errorf(p.DisplayPath, parsed.Line(after), 1,
					"text after the answers of %q: indent it under an answer (as a reply) or move it above the answers", q.Title))
			}
			break
		}
		q.Body = r.RenderHTML(parsed, body...)
		q.BodyText = plainTexts(parsed, body)
		t.Questions = append(t.Questions, q)
	}
	if len(sections) == 0 {
		diags = append(diags, diag.Errorf(p.DisplayPath, p.BodyLine+1, 1,
			"Q&A page has no questions: write each question as a `## Heading` (see how-to-write/qa.md)"))
	}
	return t, diags
}

// isAnswerList reports whether every item of a bullet list starts with a
// bold author name.
func isAnswerList(parsed *markup.Parsed, list *ast.List) bool {
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if _, _, ok := answerHead(parsed, item); !ok {
			return false
		}
	}
	return list.ChildCount() > 0
}

// answerHead reads "**Author** on DATE:" at the start of a list item.
func answerHead(parsed *markup.Parsed, item ast.Node) (author, date string, ok bool) {
	first := item.FirstChild()
	if first == nil {
		return "", "", false
	}
	strong, isEmph := first.FirstChild().(*ast.Emphasis)
	if !isEmph || strong.Level != 2 {
		return "", "", false
	}
	rest := strong.NextSibling()
	var tail bytes.Buffer
	for n := rest; n != nil; n = n.NextSibling() {
		t, isText := n.(*ast.Text)
		if !isText {
			break
		}
		tail.Write(t.Segment.Value(parsed.Source))
		if t.SoftLineBreak() || t.HardLineBreak() || bytes.Contains(tail.Bytes(), []byte(":")) {
			break
		}
	}
	m := answerPattern.FindStringSubmatch(tail.String())
	if m == nil {
		return "", "", false
	}
	return parsed.PlainText(strong), m[1], true
}

// readAnswers reads a list of answers (or replies), recursively.
func readAnswers(r *playbook.Reader, p *content.Page, parsed *markup.Parsed, list *ast.List, idPrefix string, diags diag.List) ([]*Answer, diag.List) {
	var out []*Answer
	n := 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		n++
		author, date, _ := answerHead(parsed, item)
		a := &Answer{ID: fmt.Sprintf("%s-%d", idPrefix, n), Author: author}
		if date != "" {
			a.Date, _ = time.Parse("2006-01-02", date)
		}
		stripAnswerHead(parsed, item.FirstChild())
		var body []ast.Node
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok && !sub.IsOrdered() && isAnswerList(parsed, sub) {
				a.Replies, diags = readAnswers(r, p, parsed, sub, a.ID, diags)
				continue
			}
			if c.ChildCount() == 0 && c.Kind() != ast.KindThematicBreak {
				continue // the head was the whole first paragraph
			}
			body = append(body, c)
		}
		a.Body = renderBlocks(r, parsed, body)
		a.BodyText = plainTexts(parsed, body)
		out = append(out, a)
	}
	return out, diags
}

// stripAnswerHead removes "**Author** on DATE:" from the first block of an
// answer, leaving the text that follows it.
func stripAnswerHead(parsed *markup.Parsed, block ast.Node) {
	strong := block.FirstChild()
	n := strong.NextSibling()
	block.RemoveChild(block, strong)
	for n != nil {
		t, ok := n.(*ast.Text)
		if !ok {
			return
		}
		next := n.NextSibling()
		value := t.Segment.Value(parsed.Source)
		if i := bytes.IndexByte(value, ':'); i >= 0 {
			rest := bytes.TrimLeft(value[i+1:], " \t")
			if len(rest) == 0 {
				block.RemoveChild(block, n)
				return
			}
			t.Segment = t.Segment.WithStart(t.Segment.Stop - len(rest))
			return
		}
		block.RemoveChild(block, n)
		n = next
	}
}

// renderBlocks renders an answer's blocks; a tight list item's text block
// gets its paragraph back so that every answer is wrapped alike.
func renderBlocks(r *playbook.Reader, parsed *markup.Parsed, nodes []ast.Node) (html template.HTML) {
	var b strings.Builder
	for _, n := range nodes {
		if n.Kind() == ast.KindTextBlock {
			b.WriteString("<p>")
			b.WriteString(string(r.RenderChildren(parsed, n)))
			b.WriteString("</p>\n")
			continue
		}
		b.WriteString(string(r.RenderHTML(parsed, n)))
		b.WriteString("\n")
	}
	return template.HTML(strings.TrimSpace(b.String()))
}

// questionRoles reads the role ids of a question's meta line, reporting
// unknown ones at their exact position.
func questionRoles(b *playbook.Book, p *content.Page, parsed *markup.Parsed, para *ast.Paragraph, list string, diags diag.List) ([]*Role, diag.List) {
	var roles []*Role
	for _, id := range strings.Split(list, ",") {
		id = strings.TrimSpace(strings.Trim(strings.TrimSpace(id), "*_`"))
		if id == "" {
			continue
		}
		line, col := locate(parsed, para, id)
		role, problem := lookupRole(b, p, id, line, col, "the question's roles")
		if problem != nil {
			diags = append(diags, *problem)
			continue
		}
		roles = append(roles, role)
	}
	return roles, diags
}

// locate finds the file position of text inside a block.
func locate(parsed *markup.Parsed, block ast.Node, text string) (int, int) {
	lines := block.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		if j := bytes.Index(seg.Value(parsed.Source), []byte(text)); j >= 0 {
			return parsed.Position(seg.Start + j)
		}
	}
	if lines.Len() > 0 {
		return parsed.Position(lines.At(0).Start)
	}
	return 0, 0
}

// plainTexts joins the plain text of blocks, for structured data.
func plainTexts(parsed *markup.Parsed, nodes []ast.Node) string {
	parts := make([]string, 0, len(nodes))
	for _, n := range nodes {
		if t := parsed.PlainText(n); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

const kindQA = "qa"

type threads struct {
	// questions lists, per role id, the questions tagged with it, in
	// navigation order.
	questions map[string][]*Question
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

// ThreadView is a Q&A page's layout data.
type ThreadView struct {
	Intro     template.HTML
	Questions []QuestionView
	// JSONLD is the schema.org QAPage or FAQPage description.
	JSONLD template.JS
}

// QuestionView is a question with links to the roles it is tagged with.
type QuestionView struct {
	*Question
	RoleLinks []view.Link
}

// QuestionLink is a question listed on a role page.
type QuestionLink struct {
	Title  string
	URL    string
	Thread view.Link
}

// QuestionsBlock is the data of a role page's list of questions.
type QuestionsBlock struct {
	RoleTitle string
	Questions []QuestionLink
}

func (*threads) Name() string   { return kindQA }
func (*threads) Folder() string { return "qa" }
func (*threads) Title() string  { return "Qa" }
func (*threads) Keys() []string { return nil }

// Finish indexes the questions by the roles they are tagged with.
func (k *threads) Finish(b *playbook.Book) diag.List {
	k.questions = map[string][]*Question{}
	for _, p := range b.Pages(kindQA) {
		t, ok := b.Model(p).(*Thread)
		if !ok {
			continue
		}
		for _, q := range t.Questions {
			for _, role := range q.Roles {
				k.questions[role.ID] = append(k.questions[role.ID], q)
			}
		}
	}
	return nil
}

// Blocks lists on a role's page the questions tagged with the role.
func (k *threads) Blocks(b *playbook.Book, p *content.Page, env *playbook.Env) []playbook.Block {
	r := roleOfPage(b, p)
	if r == nil || len(k.questions[r.ID]) == 0 {
		return nil
	}
	data := QuestionsBlock{RoleTitle: p.Title}
	for _, q := range k.questions[r.ID] {
		data.Questions = append(data.Questions, QuestionLink{Title: q.Title, URL: env.URL(q.Page) + "#" + q.ID, Thread: env.Link(q.Page)})
	}
	return []playbook.Block{{ID: "pbRoleQuestions", Title: "Questions about the " + p.Title, Template: "partials/role-questions.html", Data: data}}
}

// View is the thread with its structured data.
func (t *Thread) View(env *playbook.Env) any {
	v := &ThreadView{Intro: t.Intro, JSONLD: StructuredData(t, env.Data.Permalink(t.Page.URL))}
	for _, q := range t.Questions {
		qv := QuestionView{Question: q}
		for _, r := range q.Roles {
			qv.RoleLinks = append(qv.RoleLinks, env.Link(r.Page))
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}

// IDs are the permalinks of every question and answer.
func (t *Thread) IDs() []string {
	var ids []string
	var answers func([]*Answer)
	answers = func(list []*Answer) {
		for _, a := range list {
			ids = append(ids, a.ID)
			answers(a.Replies)
		}
	}
	for _, q := range t.Questions {
		ids = append(ids, q.ID)
		answers(q.Answers)
	}
	return ids
}

// Outside is what role pages show of the thread: its questions and roles.
func (t *Thread) Outside() string {
	var b strings.Builder
	for _, q := range t.Questions {
		fmt.Fprintf(&b, "%q %q", q.ID, q.Title)
		for _, r := range q.Roles {
			fmt.Fprintf(&b, " %s", r.ID)
		}
		b.WriteByte('|')
	}
	return b.String()
}

// SearchNames are the thread's questions.
func (t *Thread) SearchNames() []string {
	names := make([]string, 0, len(t.Questions))
	for _, q := range t.Questions {
		names = append(names, q.Title)
	}
	return names
}
