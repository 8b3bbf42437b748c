package playbook

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
)

// The Q&A convention, documented in the example playbook (how-to-write/qa.md):
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

// A date is what follows " on ": anything that starts with a digit, or a
// word that means a day ("now", "today"…), so that a wrong date is an error
// rather than part of the author's name.
var (
	metaPattern   = regexp.MustCompile(`^Asked by (.+?)(?: on (\d[^\s·]*|now|today|yesterday|tomorrow))?(?:\s*·\s*Roles?:\s*(.*))?$`)
	answerPattern = regexp.MustCompile(`^(?: on (\d[^\s:]*|now|today|yesterday|tomorrow))?\s*:`)
)

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

// readThread reads a Q&A page.
func (r *reader) readThread(p *content.Page, parsed *markup.Parsed) (*Thread, diag.List) {
	var diags diag.List
	intro, sections := splitSections(parsed)
	t := &Thread{Page: p, Intro: renderHTML(r.md, parsed, intro...)}
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
						q.Roles, diags = r.questionRoles(p, parsed, para, m[3], diags)
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
			q.Answers, diags = r.readAnswers(p, parsed, list, q.ID+"-answer", diags)
			for _, after := range blocks[i+1:] {
				diags = append(diags, diag.Errorf(p.DisplayPath, parsed.Line(after), 1,
					"text after the answers of %q: indent it under an answer (as a reply) or move it above the answers", q.Title))
			}
			break
		}
		q.Body = renderHTML(r.md, parsed, body...)
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
func (r *reader) readAnswers(p *content.Page, parsed *markup.Parsed, list *ast.List, idPrefix string, diags diag.List) ([]*Answer, diag.List) {
	var out []*Answer
	n := 0
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		n++
		author, date, _ := answerHead(parsed, item)
		a := &Answer{ID: fmt.Sprintf("%s-%d", idPrefix, n), Author: author}
		if date != "" {
			a.Date, diags = qaDate(p, parsed, item.FirstChild(), date, "the answer by "+author, diags)
		}
		stripAnswerHead(parsed, item.FirstChild())
		var body []ast.Node
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if sub, ok := c.(*ast.List); ok && !sub.IsOrdered() && isAnswerList(parsed, sub) {
				a.Replies, diags = r.readAnswers(p, parsed, sub, a.ID, diags)
				continue
			}
			if c.ChildCount() == 0 && c.Kind() != ast.KindThematicBreak {
				continue // the head was the whole first paragraph
			}
			body = append(body, c)
		}
		a.Body = renderBlocks(r.md, parsed, body)
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
func renderBlocks(md *markup.Renderer, parsed *markup.Parsed, nodes []ast.Node) (html template.HTML) {
	var b strings.Builder
	for _, n := range nodes {
		if n.Kind() == ast.KindTextBlock {
			b.WriteString("<p>")
			b.WriteString(string(renderChildren(md, parsed, n)))
			b.WriteString("</p>\n")
			continue
		}
		b.WriteString(string(renderHTML(md, parsed, n)))
		b.WriteString("\n")
	}
	return template.HTML(strings.TrimSpace(b.String()))
}

// questionRoles reads the role ids of a question's meta line, reporting
// unknown ones at their exact position.
func (r *reader) questionRoles(p *content.Page, parsed *markup.Parsed, para *ast.Paragraph, list string, diags diag.List) ([]*Role, diag.List) {
	var roles []*Role
	for _, id := range strings.Split(list, ",") {
		id = strings.TrimSpace(strings.Trim(strings.TrimSpace(id), "*_`"))
		if id == "" {
			continue
		}
		line, col := locate(parsed, para, id)
		role, problem := r.lookupRole(p, id, line, col, "the question's roles")
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
