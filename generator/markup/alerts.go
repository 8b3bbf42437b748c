package markup

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// GitHub alerts: a blockquote whose first line is only "[!NOTE]", "[!TIP]",
// "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]" (in any case) is a callout.
// Authors get the same box on the git host and on the site, and only where
// the git host makes one: a blockquote at the top level of the page, not one
// inside a list item or another blockquote. The transformer
// swaps such a blockquote for an Alert node holding the same children, minus
// the marker line.

// KindAlert is the ast.NodeKind of Alert.
var KindAlert = ast.NewNodeKind("Alert")

// Alert is a GitHub alert: a callout box whose content is its children.
type Alert struct {
	ast.BaseBlock
	// Name is the lower-case alert type: "note", "tip", "important",
	// "warning" or "caution".
	Name string
}

// Kind implements ast.Node.
func (n *Alert) Kind() ast.NodeKind { return KindAlert }

// Dump implements ast.Node.
func (n *Alert) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Name": n.Name}, nil)
}

// alertTitle returns the title shown for an alert name, and false for a name
// that is not an alert type.
func alertTitle(name string) (string, bool) {
	switch name {
	case "note":
		return "Note", true
	case "tip":
		return "Tip", true
	case "important":
		return "Important", true
	case "warning":
		return "Warning", true
	case "caution":
		return "Caution", true
	}
	return "", false
}

type alerts struct{}

func (alerts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alerts{}, 200)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(alerts{}, 500)))
}

func (alerts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var quotes []*ast.Blockquote
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if q, ok := n.(*ast.Blockquote); ok {
			quotes = append(quotes, q)
		}
	}
	source := reader.Source()
	for _, q := range quotes {
		para, ok := q.FirstChild().(*ast.Paragraph)
		if !ok || para.Lines().Len() == 0 {
			continue
		}
		first := para.Lines().At(0)
		name, ok := alertMarker(first.Value(source))
		if !ok {
			continue
		}
		dropFirstLine(para)
		alert := &Alert{Name: name}
		alert.SetLines(q.Lines())
		if p := q.Pos(); p >= 0 {
			alert.SetPos(p)
		}
		for c := q.FirstChild(); c != nil; {
			next := c.NextSibling()
			alert.AppendChild(alert, c)
			c = next
		}
		q.Parent().ReplaceChild(q.Parent(), q, alert)
	}
}

// alertMarker returns the alert name of a line that holds only a marker such
// as "[!Note]".
func alertMarker(line []byte) (string, bool) {
	line = bytes.TrimSpace(line)
	if len(line) < 4 || !bytes.HasPrefix(line, []byte("[!")) || line[len(line)-1] != ']' {
		return "", false
	}
	name := string(bytes.ToLower(line[2 : len(line)-1]))
	if _, ok := alertTitle(name); !ok {
		return "", false
	}
	return name, true
}

// dropFirstLine removes the marker line from para: the inline nodes that
// lie on it and the line itself. A paragraph left empty is removed.
func dropFirstLine(para *ast.Paragraph) {
	end := para.Lines().At(0).Stop
	for c := para.FirstChild(); c != nil; {
		next := c.NextSibling()
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= end {
			break
		}
		para.RemoveChild(para, c)
		c = next
	}
	rest := text.NewSegments()
	for i := 1; i < para.Lines().Len(); i++ {
		rest.Append(para.Lines().At(i))
	}
	para.SetLines(rest)
	if !para.HasChildren() {
		para.Parent().RemoveChild(para.Parent(), para)
	}
}

func (alerts) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindAlert, renderAlert)
}

func renderAlert(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</div>\n")
		return ast.WalkContinue, nil
	}
	name := node.(*Alert).Name
	title, _ := alertTitle(name)
	_, _ = w.WriteString(`<div class="callout callout-`)
	_, _ = w.WriteString(name)
	_, _ = w.WriteString(`" role="note">` + "\n" + `<p class="callout-title">`)
	_, _ = w.WriteString(title)
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}
