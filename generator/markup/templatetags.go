package markup

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// templateTags finds the template tags of other generators left in a
// page's text: Liquid's {% … %} (GitBook, Jekyll, Eleventy), Hugo's
// shortcodes {{< … >}} and {{% … %}}, and template expressions {{ … }}.
// Playbook shows them as text, as the git host does; the author gets one
// warning per file, at the first, saying what it is, since a handbook
// migrated from GitBook can hold hundreds of {% page %} links that no
// longer do anything. Code spans and code blocks are not text: tags there
// are examples.
type templateTags struct{}

func (templateTags) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(templateTags{}, 950)))
}

func (templateTags) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	count, first, firstAt := 0, "", 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			v := seg.Value(source)
			for i := 0; i+1 < len(v); i++ {
				if v[i] != '{' || v[i+1] != '%' && v[i+1] != '{' {
					continue
				}
				at := seg.Start + i
				what, end := describeTag(source, at)
				if what == "" {
					continue
				}
				if count == 0 {
					first, firstAt = what, at
				}
				count++
				i += end - at - 1
				if i >= len(v) {
					break
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if count == 0 {
		return
	}
	line, col := st.position(firstAt)
	msg := first + ", which Playbook shows as text: rewrite it as Markdown"
	switch {
	case count == 2:
		msg += " (1 more such tag in this file)"
	case count > 2:
		msg += fmt.Sprintf(" (%d more such tags in this file)", count-1)
	}
	st.diags = append(st.diags, diag.Warnf(st.path, line, col, "%s", msg))
}

// describeTag says what the template tag that starts at source[at] is, and
// where it ends; "" when the braces open no tag (no closing on the line).
func describeTag(source []byte, at int) (string, int) {
	lineEnd := bytes.IndexByte(source[at:], '\n')
	if lineEnd < 0 {
		lineEnd = len(source) - at
	}
	line := source[at : at+lineEnd]
	var open, close, kind string
	switch {
	case bytes.HasPrefix(line, []byte("{{<")):
		open, close, kind = "{{<", ">}}", "a Hugo shortcode"
	case bytes.HasPrefix(line, []byte("{{%")):
		open, close, kind = "{{%", "%}}", "a Hugo shortcode"
	case bytes.HasPrefix(line, []byte("{%")):
		open, close, kind = "{%", "%}", "a Liquid tag of GitBook, Jekyll or Eleventy"
	default:
		open, close, kind = "{{", "}}", "a template expression of another generator (Liquid, Jinja, Hugo)"
	}
	end := bytes.Index(line[len(open):], []byte(close))
	if end < 0 {
		return "", 0
	}
	inner := strings.Trim(string(line[len(open):len(open)+end]), "-/ \t")
	if inner == "" {
		return "", 0
	}
	words := strings.Fields(inner)
	shown := words[0]
	if open == "{{" {
		shown = inner // an expression is short: show it whole
		if len(shown) > 40 {
			shown = shown[:40] + "…"
		}
	} else if len(words) > 1 {
		shown += " …"
	}
	return kind + " " + open + " " + shown + " " + close, at + len(open) + end + len(close)
}
