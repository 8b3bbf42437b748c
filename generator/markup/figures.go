package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Figures: an image alone in its paragraph, with a title, is a figure whose
// caption is the title: ![Board](board.png "The board after planning")
// becomes <figure><img …><figcaption>The board after planning</figcaption>
// </figure>. A git host shows the title on hover; the site shows it under
// the image, where every reader sees it. The image keeps its alternative
// text, which says what the image shows; the caption says what to see in it.
// An image without a title, or among other text, stays as it is.

// KindFigure is the ast.NodeKind of Figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image with its caption; its one child is the image.
type Figure struct {
	ast.BaseBlock
	Caption []byte // the image's title, as written (escaped when rendered)
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Caption": string(n.Caption)}, nil)
}

type figures struct{}

func (figures) Extend(m goldmark.Markdown) {
	// After the links are resolved (100), so that the image's destination
	// is the one written to HTML.
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(figures{}, 950)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(figures{}, 500)))
}

func (figures) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p, ok := n.(*ast.Paragraph); ok && entering {
			if img, ok := p.FirstChild().(*ast.Image); ok && p.ChildCount() == 1 && len(img.Title) > 0 {
				paras = append(paras, p)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range paras {
		img := p.FirstChild().(*ast.Image)
		fig := &Figure{Caption: img.Title}
		img.Title = nil // the caption says it; a tooltip would say it twice
		fig.SetLines(p.Lines())
		if pos := p.Pos(); pos >= 0 {
			fig.SetPos(pos)
		}
		fig.AppendChild(fig, img)
		p.Parent().ReplaceChild(p.Parent(), p, fig)
	}
}

func (figures) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, renderFigure)
}

func renderFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString("<figure>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<figcaption>")
	writeEscaped(w, node.(*Figure).Caption)
	_, _ = w.WriteString("</figcaption></figure>\n")
	return ast.WalkContinue, nil
}
