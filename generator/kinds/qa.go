package kinds

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/diag"
	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/markup"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/view"
	"github.com/yuin/goldmark/ast"
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
//	- **Answerer** on 2026-03-05 (accepted):
//	  The answer's text.
//
//	  - **Name**:
//	    A reply, nested as deep as the discussion goes.
//
// The meta line, its date and its roles are optional; so are answer dates.
// "(accepted)" before an answer's colon marks the answer that settled the
// question: the thread shows it first, and the structured data gives it as
// the accepted answer. One answer per question may be accepted, and only
// an answer, not a reply.
//
// A bullet that looks like an answer but lacks the bold author ("- Name on
// 2026-12-02: …") is an error: a git host shows it as an answer, but the
// convention would read it, and every answer after it, as part of the
// question.

// A date is what follows " on ": anything that starts with a digit, or a
// word that means a day ("now", "today"…), so that a wrong date is an error
// rather than part of the author's name.
var (
	metaPattern   = regexp.MustCompile(`^Asked by (.+?)(?: on (\d[^\s·]*|now|today|yesterday|tomorrow))?(?:\s*·\s*Roles?:\s*(.*))?$`)
	answerPattern = regexp.MustCompile(`^(?: on (\d[^\s:(]*|now|today|yesterday|tomorrow))?\s*(\(accepted\))?\s*:`)
	// looseAnswer is an answer's head written without the bold author.
	looseAnswer = regexp.MustCompile(`^([^\s*_:][^:]{0,79}?) on (\d{4}-\d{2}-\d{2})\s*(\(accepted\))?\s*:`)
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
						q.Date, diags = qaDate(p, parsed, para, m[2], fmt.Sprintf("the question %q", q.Title), diags)
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
				if ok && !list.IsOrdered() {
					diags = looseAnswers(p, parsed, list, diags)
				}
				body = append(body, b)
				continue
			}
			q.Answers, diags = readAnswers(r, p, parsed, list, q.ID+"-answer", diags)
			diags = q.checkAccepted(p, parsed, diags)
			for _, after := range blocks[i+1:] {
				diags = append(diags, diag.Errorf(p.DisplayPath, parsed.Line(after), 1,
					"text after the answers of %q: indent it under an answer (as a reply) or move it above the answers", q.Title))
			}
			break
		}
		markAsker(q.Author, q.Answers)
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
		if _, ok := answerHead(parsed, item); !ok {
			return false
		}
	}
	return list.ChildCount() > 0
}

// looseAnswers reports the items of a bullet list that is not a list of
// answers but should have been: items written like an answer without the
// bold author, and, in a list whose other items are answers, items with no
// author at all. Other lists are ordinary text of a question or an answer.
func looseAnswers(p *content.Page, parsed *markup.Parsed, list *ast.List, diags diag.List) diag.List {
	answers := 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		if _, ok := answerHead(parsed, item); ok {
			answers++
		}
	}
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		first := item.FirstChild()
		if first == nil {
			continue
		}
		if _, ok := answerHead(parsed, item); ok {
			continue
		}
		text := parsed.PlainText(first)
		if m := looseAnswer.FindStringSubmatch(text); m != nil {
			line, col := locate(parsed, first, m[1])
			accepted := ""
			if m[3] != "" {
				accepted = " (accepted)"
			}
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
				"answer by %q has no bold author, so it would be read as text, not as an answer: write it as \"- **%s** on %s%s:\" (see how-to-write/qa.md)",
				m[1], m[1], m[2], accepted))
			continue
		}
		if answers > 0 {
			line, col := locate(parsed, first, firstWord(text))
			diags = append(diags, diag.Errorf(p.DisplayPath, line, col,
				"an item among answers has no author, so none of them would be read as answers: start it with \"- **Name**:\" or \"- **Name** on YYYY-MM-DD:\" (see how-to-write/qa.md)"))
		}
	}
	return diags
}

// firstWord is the first word of a text, to locate it.
func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return s
}

// answerHead is what an answer's first line says besides its text.
type answerHeadInfo struct {
	author, date string
	accepted     bool
}

// answerHead reads "**Author** on DATE (accepted):" at the start of a list
// item.
func answerHead(parsed *markup.Parsed, item ast.Node) (answerHeadInfo, bool) {
	first := item.FirstChild()
	if first == nil {
		return answerHeadInfo{}, false
	}
	strong, isEmph := first.FirstChild().(*ast.Emphasis)
	if !isEmph || strong.Level != 2 {
		return answerHeadInfo{}, false
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
		return answerHeadInfo{}, false
	}
	return answerHeadInfo{author: parsed.PlainText(strong), date: m[1], accepted: m[2] != ""}, true
}

// qaDate reads the date of a question or an answer, reporting one that is
// not a YYYY-MM-DD date at its position; of names the item in the message.
func qaDate(p *content.Page, parsed *markup.Parsed, block ast.Node, date, of string, diags diag.List) (time.Time, diag.List) {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		line, col := locate(parsed, block, " on "+date)
		diags = append(diags, diag.Errorf(p.DisplayPath, line, col+4, "date %q of %s is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14", date, of))
	}
	return d, diags
}

// readAnswers reads a list of answers (or replies), recursively.
func readAnswers(r *playbook.Reader, p *content.Page, parsed *markup.Parsed, list *ast.List, idPrefix string, diags diag.List) ([]*Answer, diag.List) {
	var out []*Answer
	n := 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		n++
		head, _ := answerHead(parsed, item)
		a := &Answer{ID: fmt.Sprintf("%s-%d", idPrefix, n), Author: head.author, Accepted: head.accepted}
		a.line, a.col = locate(parsed, item.FirstChild(), head.author)
		if head.date != "" {
			a.Date, diags = qaDate(p, parsed, item.FirstChild(), head.date, "the answer by "+head.author, diags)
		}
		stripAnswerHead(parsed, item.FirstChild())
		var body []ast.Node
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok && !sub.IsOrdered() {
				if isAnswerList(parsed, sub) {
					a.Replies, diags = readAnswers(r, p, parsed, sub, a.ID, diags)
					continue
				}
				diags = looseAnswers(p, parsed, sub, diags)
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

// checkAccepted reports a reply marked accepted and a second accepted
// answer; the first one marked stays accepted.
func (q *Question) checkAccepted(p *content.Page, parsed *markup.Parsed, diags diag.List) diag.List {
	var first *Answer
	for _, a := range q.Answers {
		if !a.Accepted {
			continue
		}
		if first != nil {
			a.Accepted = false
			diags = append(diags, diag.Errorf(p.DisplayPath, a.line, a.col,
				"question %q has a second accepted answer (the first is on line %d): keep \"(accepted)\" on the one answer that settled the question", q.Title, first.line))
			continue
		}
		first = a
	}
	q.Accepted = first
	var replies func([]*Answer)
	replies = func(list []*Answer) {
		for _, a := range list {
			if a.Accepted {
				a.Accepted = false
				diags = append(diags, diag.Errorf(p.DisplayPath, a.line, a.col,
					"a reply cannot be the accepted answer of %q: move \"(accepted)\" to an answer (a top-level item of the list)", q.Title))
			}
			replies(a.Replies)
		}
	}
	for _, a := range q.Answers {
		replies(a.Replies)
	}
	return diags
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

// markAsker marks the answers and replies the question's author wrote.
func markAsker(asker string, list []*Answer) {
	for _, a := range list {
		a.Asker = asker != "" && a.Author == asker
		markAsker(asker, a.Replies)
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
	Answers  []*Answer // in the order written
	// Accepted is the answer marked "(accepted)", nil without one.
	Accepted *Answer
	Page     *content.Page
}

// Answer is an answer to a question or a reply to an answer.
type Answer struct {
	ID       string
	Author   string
	Date     time.Time
	Accepted bool
	Body     template.HTML
	BodyText string
	Replies  []*Answer
	// Asker is true when the question's author wrote it.
	Asker bool

	line, col int // of the author's name, for messages
}

// Initials are the first letters of the author's first and last names,
// which the thread shows beside each post: "Priya Raman" → "PR".
func (a *Answer) Initials() string { return initials(a.Author) }

func initials(name string) string {
	words := strings.Fields(name)
	if len(words) == 0 {
		return "?"
	}
	first := []rune(words[0])[:1]
	if len(words) == 1 {
		return strings.ToUpper(string(first))
	}
	last := []rune(words[len(words)-1])[:1]
	return strings.ToUpper(string(first) + string(last))
}

// ThreadView is a Q&A page's layout data.
type ThreadView struct {
	Intro     template.HTML
	Questions []QuestionView
	// JSONLD is the schema.org QAPage or FAQPage description.
	JSONLD template.JS
}

// QuestionView is a question with links to the roles it is tagged with,
// its answers in the order the thread shows them (the accepted one first)
// and what they number.
type QuestionView struct {
	*Question
	RoleLinks []view.Link
	Answers   []*Answer
	// Count says how many answers and replies there are: "2 answers and 5
	// replies".
	Count string
	// Initials are the asker's.
	Initials string
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
func (*threads) Title() string  { return "Q&A" }
func (*threads) Description() string {
	return "The questions people keep asking, with their answers."
}
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
		qv := QuestionView{Question: q, Count: q.count(), Initials: initials(q.Author)}
		for _, r := range q.Roles {
			qv.RoleLinks = append(qv.RoleLinks, env.Link(r.Page))
		}
		if q.Accepted != nil {
			qv.Answers = append(qv.Answers, q.Accepted)
		}
		for _, a := range q.Answers {
			if a != q.Accepted {
				qv.Answers = append(qv.Answers, a)
			}
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}

// count says how many answers and replies a question has.
func (q *Question) count() string {
	replies := 0
	var walk func([]*Answer)
	walk = func(list []*Answer) {
		for _, a := range list {
			replies += len(a.Replies)
			walk(a.Replies)
		}
	}
	walk(q.Answers)
	s := count(len(q.Answers), "answer", "answers")
	if replies > 0 {
		s += " and " + count(replies, "reply", "replies")
	}
	return s
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

// qaSkeleton fills in the Q&A skeleton.
type qaSkeleton struct {
	Title, Date string
	Roles       []string // role ids the example question is tagged with
}

// RolesList is the meta line's list of role ids.
func (d qaSkeleton) RolesList() string { return strings.Join(d.Roles, ", ") }

// Usage is `playbook new qa NAME`.
func (*threads) Usage() playbook.Usage {
	return playbook.Usage{Args: []string{"NAME"}, Summary: "a Q&A thread: {folder}/<slug>.md", Note: slugNote,
		Example: `playbook new qa "Working with stakeholders"`}
}

// Skeleton writes a thread dated today whose one question shows the
// convention of content/how-to-write/qa.md: the meta line, the question's
// text, an answer and a reply. A starter site prefills "roles", the role
// ids the question is tagged with.
func (*threads) Skeleton(req *playbook.SkeletonRequest) (playbook.Skeleton, error) {
	title, _ := slug.Name(req.Args[0])
	id, err := playbook.SkeletonID(title)
	if err != nil {
		return playbook.Skeleton{}, err
	}
	data, err := playbook.FillSkeleton(skeletons, "qa.md.tmpl", qaSkeleton{Title: title, Date: req.Today, Roles: req.ListPrefill("roles")})
	return playbook.Skeleton{ID: id, Data: data}, err
}
