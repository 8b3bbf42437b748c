package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// Raw HTML written in Markdown is shown as the git host shows it: the links
// in it are resolved like Markdown links (a relative `<img src>` works, a
// broken one is reported), the ids and names in it are anchors that
// fragments may point at, and, unless the site is unsafe, the whole body is
// then passed through an allow-list sanitizer (sanitize.go), which keeps
// <br>, <details>, <kbd>, <sup>, <img width>… and removes scripts, event
// handlers, styles, forms and frames.
//
// goldmark hands raw HTML over in pieces (an inline tag at a time, an HTML
// block a line range at a time), so the pieces are not sanitized one by one,
// which would break <details> … </details> around Markdown, but the rendered
// body as a whole. HTML comments are notes to other authors: a safe site
// drops them.

// rawHTMLKey is the attribute under which the transformer leaves a raw HTML
// node's text with its links resolved.
var rawHTMLKey = []byte("pb-raw-html")

type rawHTML struct{ unsafe bool }

func (r rawHTML) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(r, 110)))
	// Below 1000, the priority of goldmark's HTML renderer, so that these
	// functions replace its own for the same kinds.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

// Transform resolves the links of every raw HTML node and records its ids.
func (r rawHTML) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var segs []text.Segment
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				segs = append(segs, n.Segments.At(i))
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				segs = append(segs, n.Lines().At(i))
			}
			if n.HasClosure() {
				segs = append(segs, n.ClosureLine)
			}
		default:
			return ast.WalkContinue, nil
		}
		var raw []byte
		offsets := make([]int, 0, len(segs)) // where each segment starts in raw
		for _, s := range segs {
			offsets = append(offsets, len(raw))
			raw = append(raw, s.Value(source)...)
		}
		if bytes.HasPrefix(bytes.TrimLeft(raw, " \t\r\n"), []byte(commentStart)) {
			return ast.WalkSkipChildren, nil // a comment: nothing to resolve
		}
		st.rawHTML = true
		at := func(i int) int { // source offset of raw[i]
			k := 0
			for k+1 < len(offsets) && offsets[k+1] <= i {
				k++
			}
			return segs[k].Start + i - offsets[k]
		}
		if out, changed := st.resolveRawHTML(raw, at); changed {
			n.SetAttribute(rawHTMLKey, out)
		}
		return ast.WalkSkipChildren, nil
	})
}

// resolveRawHTML resolves the href of every <a> and the src of every <img>
// in raw, records ids and names as anchors, and returns raw with the
// resolved URLs written in, and whether anything changed.
func (s *docState) resolveRawHTML(raw []byte, at func(int) int) ([]byte, bool) {
	var out []byte
	last := 0
	changed := false
	for _, tag := range scanTags(raw) {
		for _, a := range tag.attrs {
			switch {
			case a.name == "id" || a.name == "name" && tag.name == "a":
				if v := strings.TrimSpace(unescapeAttr(a.value)); v != "" {
					s.anchors = append(s.anchors, v)
				}
				continue
			case a.name == "href" && tag.name == "a", a.name == "src" && tag.name == "img":
			default:
				continue
			}
			if s.resolver == nil {
				continue
			}
			dest := unescapeAttr(a.value)
			resolved, err := s.resolver.ResolveLink(dest)
			line, col := s.position(at(tag.start))
			if err != nil {
				s.diags = append(s.diags, diag.Errorf(s.path, line, col, "%s", err.Error()))
				continue
			}
			l := Link{Dest: dest, URL: resolved, Line: line, Col: col, Image: tag.name == "img", RawHTML: true}
			if alt, ok := tag.attr("alt"); ok && l.Image {
				l.Alt = strings.TrimSpace(unescapeAttr(alt))
			}
			switch {
			case isSiteLink(resolved):
				s.links = append(s.links, l)
			case strings.HasPrefix(resolved, "http://") || strings.HasPrefix(resolved, "https://"):
				s.external = append(s.external, l)
			}
			if resolved == dest {
				continue
			}
			out = append(out, raw[last:a.valueStart]...)
			out = append(out, '"')
			out = append(out, AttrURL(resolved)...)
			out = append(out, '"')
			last = a.valueEnd
			changed = true
		}
	}
	if !changed {
		return raw, false
	}
	return append(out, raw[last:]...), true
}

func unescapeAttr(v []byte) string {
	return string(unescapeHTML(v))
}

func (r rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
}

func (r rawHTML) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	if v, ok := n.Attribute(rawHTMLKey); ok {
		writeRaw(w, v.([]byte))
		return ast.WalkSkipChildren, nil
	}
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		v := seg.Value(source)
		if i == 0 && !r.unsafe && bytes.HasPrefix(v, []byte(commentStart)) {
			return ast.WalkSkipChildren, nil
		}
		writeRaw(w, v)
	}
	return ast.WalkSkipChildren, nil
}

func (r rawHTML) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	if n.HTMLBlockType == ast.HTMLBlockType2 && !r.unsafe {
		return ast.WalkSkipChildren, nil // a comment
	}
	if v, ok := n.Attribute(rawHTMLKey); ok {
		writeRaw(w, v.([]byte))
		return ast.WalkSkipChildren, nil
	}
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		writeRaw(w, line.Value(source))
	}
	if n.HasClosure() {
		closure := n.ClosureLine
		writeRaw(w, closure.Value(source))
	}
	return ast.WalkSkipChildren, nil
}

const commentStart = "<!--"

// writeRaw writes raw HTML with NUL characters replaced, as goldmark does.
func writeRaw(w util.BufWriter, v []byte) {
	for {
		i := bytes.IndexByte(v, 0)
		if i < 0 {
			_, _ = w.Write(v)
			return
		}
		_, _ = w.Write(v[:i])
		_, _ = w.WriteString("\ufffd")
		v = v[i+1:]
	}
}

// rawTag is one start tag found in raw HTML.
type rawTag struct {
	name  string // lower case
	start int    // offset of its "<"
	attrs []rawAttr
}

func (t rawTag) attr(name string) ([]byte, bool) {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value, true
		}
	}
	return nil, false
}

// rawAttr is one attribute of a start tag: its lower-case name, its value
// without quotes, and where the value (quotes included) lies in the text.
type rawAttr struct {
	name                 string
	value                []byte
	valueStart, valueEnd int
}

// scanTags finds the start tags of raw HTML and their attributes, as an HTML
// tokenizer reads them, skipping comments. It reads only what it needs to
// find attribute values; the sanitizer reads the HTML again in full.
func scanTags(raw []byte) []rawTag {
	var tags []rawTag
	for i := 0; i < len(raw); i++ {
		if raw[i] != '<' {
			continue
		}
		if bytes.HasPrefix(raw[i:], []byte(commentStart)) {
			end := bytes.Index(raw[i+4:], []byte("-->"))
			if end < 0 {
				break
			}
			i += 4 + end + 2
			continue
		}
		j := i + 1
		for j < len(raw) && isTagNameByte(raw[j]) {
			j++
		}
		if j == i+1 || !isASCIILetter(raw[i+1]) {
			continue
		}
		tag := rawTag{name: strings.ToLower(string(raw[i+1 : j])), start: i}
		for j < len(raw) && raw[j] != '>' {
			if isSpace(raw[j]) || raw[j] == '/' {
				j++
				continue
			}
			nameStart := j
			for j < len(raw) && !isSpace(raw[j]) && raw[j] != '=' && raw[j] != '>' && raw[j] != '/' {
				j++
			}
			name := strings.ToLower(string(raw[nameStart:j]))
			for j < len(raw) && isSpace(raw[j]) {
				j++
			}
			if j >= len(raw) || raw[j] != '=' {
				tag.attrs = append(tag.attrs, rawAttr{name: name, valueStart: j, valueEnd: j})
				continue
			}
			j++
			for j < len(raw) && isSpace(raw[j]) {
				j++
			}
			a := rawAttr{name: name, valueStart: j}
			if j < len(raw) && (raw[j] == '"' || raw[j] == '\'') {
				q := raw[j]
				end := bytes.IndexByte(raw[j+1:], q)
				if end < 0 {
					j = len(raw)
					break
				}
				a.value = raw[j+1 : j+1+end]
				j += end + 2
			} else {
				for j < len(raw) && !isSpace(raw[j]) && raw[j] != '>' {
					j++
				}
				a.value = raw[a.valueStart:j]
			}
			a.valueEnd = j
			tag.attrs = append(tag.attrs, a)
		}
		tags = append(tags, tag)
		i = j
	}
	return tags
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isTagNameByte(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' || c == '-' }

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
