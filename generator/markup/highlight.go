package markup

import (
	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlightClassPrefix keeps chroma's short token classes ("k", "s", "nf")
// apart from the theme's own classes.
const highlightClassPrefix = "hl-"

// Every <pre> gets tabindex="0": a block wider than the screen scrolls, and
// a scrolling region must be reachable by keyboard.
//
// highlighting renders fenced code blocks that name a language chroma knows
// as <pre class="chroma"><code class="language-go"> with a span per token.
// Tokens carry classes only, never inline styles, so that HighlightCSS can
// switch the colours between light and dark themes (and a strict
// Content-Security-Policy needs no 'unsafe-inline'). Code in any other
// language, or in none, is written as plain escaped text.
type highlighting struct{}

func (highlighting) Extend(m goldmark.Markdown) {
	h := &codeHighlighter{
		formatter: chromahtml.New(
			chromahtml.WithClasses(true),
			chromahtml.ClassPrefix(highlightClassPrefix),
			chromahtml.PreventSurroundingPre(true),
		),
	}
	// Below 1000, the priority of goldmark's HTML renderer, so that this
	// renderer replaces its own for fenced code.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(h, 100)))
}

type codeHighlighter struct {
	formatter *chromahtml.Formatter // safe for concurrent use
}

func (h *codeHighlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.render)
	reg.Register(ast.KindCodeBlock, h.render) // indented code: plain, but focusable like the rest
}

func (h *codeHighlighter) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	lines := node.Lines()
	size := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		size += seg.Len() + seg.Padding
	}
	code := make([]byte, 0, size)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code = append(code, seg.Value(source)...)
	}

	var lang []byte
	if fenced, ok := node.(*ast.FencedCodeBlock); ok {
		lang = fenced.Language(source)
	}
	if len(lang) > 0 {
		if lexer := lexers.Get(string(lang)); lexer != nil {
			if tokens, err := chroma.Coalesce(lexer).Tokenise(nil, string(code)); err == nil {
				_, _ = w.WriteString(`<pre class="chroma" tabindex="0"><code class="language-`)
				writeEscaped(w, lang)
				_, _ = w.WriteString(`">`)
				if err := h.formatter.Format(w, styles.Fallback, tokens); err != nil {
					return ast.WalkStop, err
				}
				_, _ = w.WriteString("</code></pre>\n")
				return ast.WalkSkipChildren, nil
			}
		}
	}
	_, _ = w.WriteString(`<pre tabindex="0"><code>`)
	writeEscaped(w, code)
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

// writeEscaped writes v with the characters that are special in HTML
// escaped.
func writeEscaped(w util.BufWriter, v []byte) {
	start := 0
	for i, c := range v {
		if esc := util.EscapeHTMLByte(c); esc != nil {
			_, _ = w.Write(v[start:i])
			_, _ = w.Write(esc)
			start = i + 1
		}
	}
	_, _ = w.Write(v[start:])
}
