package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// readerAids makes two GFM constructs usable by everyone: a task list's
// checkbox gets an accessible name ("done" or "not done"), which goldmark
// leaves out, and a table, which scrolls inside its own box on a narrow
// screen, can take keyboard focus so that it can be scrolled without a
// mouse. It also writes a table column's alignment as a class
// ("align-right"), which the theme's stylesheet aligns.
type readerAids struct{}

func (readerAids) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(readerAids{}, 900)))
	// Before the GFM renderer (priority 500), so that this one wins.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(readerAids{}, 100)))
}

func (readerAids) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			n.SetAttributeString("tabindex", []byte("0"))
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
		}
		return ast.WalkContinue, nil
	})
}

func (readerAids) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTaskCheckBox, renderTaskCheckBox)
}

func renderTaskCheckBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	if node.(*east.TaskCheckBox).IsChecked {
		_, _ = w.WriteString(`<input type="checkbox" checked disabled aria-label="done"> `)
	} else {
		_, _ = w.WriteString(`<input type="checkbox" disabled aria-label="not done"> `)
	}
	return ast.WalkContinue, nil
}
