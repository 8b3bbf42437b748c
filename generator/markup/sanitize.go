package markup

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The sanitizer lets through what GitHub lets through of raw HTML, and what
// this renderer itself writes (heading ids, highlighted code, callouts,
// task-list checkboxes, footnotes, aligned table cells), and nothing that
// runs code or restyles the page: no script, no event handler, no style,
// no form, no frame. It runs in two steps over a page's whole body:
//
//  1. balance: the body is parsed as the browser will parse it and written
//     out again, so that an unclosed <div> or a stray </main> in the raw HTML
//     cannot reach the page around the body, and obsolete attributes become
//     what renders the same: align="center" a class the theme aligns,
//     <a name> an id; only disabled checkboxes are kept of form controls;
//  2. allow-list: bluemonday keeps only the elements and attributes below,
//     and only http(s), mailto and relative URLs.
//
// Only pages that hold raw HTML are sanitized: sanitizing every body of the
// 10,000-page benchmark corpus (which has no raw HTML) took the build from
// 19.3–19.8 s to 31.9–32.4 s of CPU, for nothing.

// sanitize returns the body HTML with only allowed markup left.
func sanitize(body []byte) []byte {
	out := policy.SanitizeBytes(balance(body))
	// bluemonday writes boolean attributes with an empty value; write them
	// as the renderer does. (Text cannot hold these: its quotes are escaped.)
	for _, attr := range booleanAttrs {
		out = bytes.ReplaceAll(out, []byte(" "+attr+`=""`), []byte(" "+attr))
	}
	return out
}

// booleanAttrs are the boolean attributes the allow-list keeps.
var booleanAttrs = []string{"checked", "disabled", "open", "reversed"}

// ourClasses are the class names this renderer writes, which raw HTML may
// use too (they only style).
var ourClasses = regexp.MustCompile(`^(?:(?:hl-[\w-]+|chroma|language-[\w+#.-]+|callout(?:-[a-z]+)?|footnote-ref|footnote-backref|footnotes|align-(?:left|center|right|justify))(?: |$))+$`)

// policy is the allow-list. A bluemonday Policy is safe for concurrent use
// once built.
var policy = func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("h1", "h2", "h3", "h4", "h5", "h6", "div", "p", "br", "hr", "b", "i", "strong", "em", "a", "pre",
		"code", "tt", "img", "picture", "source", "ins", "del", "s", "strike", "sup", "sub", "kbd", "q", "samp", "var",
		"ol", "ul", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col",
		"blockquote", "details", "summary", "figure", "figcaption", "abbr", "bdo", "cite", "dfn", "mark", "small",
		"span", "time", "wbr", "ruby", "rt", "rp", "u", "section", "input")
	p.AllowAttrs("id").Matching(regexp.MustCompile(`^[^\s]+$`)).Globally()
	p.AllowAttrs("class").Matching(ourClasses).Globally()
	p.AllowAttrs("title", "lang").Globally()
	p.AllowAttrs("dir").Matching(regexp.MustCompile(`^(?:ltr|rtl|auto)$`)).Globally()
	p.AllowAttrs("role").Matching(regexp.MustCompile(`^(?:note|doc-noteref|doc-backlink|doc-endnotes)$`)).Globally()
	p.AllowAttrs("aria-label", "aria-hidden", "aria-describedby", "aria-labelledby").Globally()
	p.AllowAttrs("tabindex").Matching(regexp.MustCompile(`^(?:0|-1)$`)).OnElements("pre", "table")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("src", "alt", "width", "height", "loading").OnElements("img")
	p.AllowAttrs("srcset", "media", "type", "width", "height").OnElements("source")
	p.AllowAttrs("colspan", "rowspan").Matching(bluemonday.Integer).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(?:row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("span").Matching(bluemonday.Integer).OnElements("col", "colgroup")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("reversed").OnElements("ol")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^(?:1|a|A|i|I)$`)).OnElements("ol")
	p.AllowAttrs("value").Matching(bluemonday.Integer).OnElements("li")
	p.AllowAttrs("open").OnElements("details")
	p.AllowAttrs("datetime").OnElements("time", "del", "ins")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("type").Matching(regexp.MustCompile(`^checkbox$`)).OnElements("input")
	p.AllowAttrs("checked", "disabled").OnElements("input")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.AllowDataURIImages()
	return p
}()

// voidElements have no end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true, atom.Img: true,
	atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// balance parses body as the content of a <div> and writes it out again, well
// formed, with the obsolete forms GitHub still renders turned into valid
// ones (see the top of this file).
func balance(body []byte) []byte {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(bytes.NewReader(body), ctx)
	if err != nil {
		return nil // x/net/html only fails on read errors; a bytes.Reader has none
	}
	var out bytes.Buffer
	out.Grow(len(body) + len(body)/8)
	for _, n := range nodes {
		writeNode(&out, n)
	}
	return out.Bytes()
}

func writeNode(w *bytes.Buffer, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		escapeText(w, n.Data)
		return
	case html.ElementNode:
	default:
		return // comments, doctypes
	}
	if n.DataAtom == atom.Input && !isCheckbox(n) {
		return // no form controls but the task list's checkboxes
	}
	w.WriteByte('<')
	w.WriteString(n.Data)
	writeAttrs(w, n)
	w.WriteByte('>')
	if voidElements[n.DataAtom] {
		return
	}
	if (n.DataAtom == atom.Pre || n.DataAtom == atom.Textarea) && n.FirstChild != nil &&
		n.FirstChild.Type == html.TextNode && strings.HasPrefix(n.FirstChild.Data, "\n") {
		w.WriteByte('\n') // the parser drops one leading newline
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeNode(w, c)
	}
	w.WriteString("</")
	w.WriteString(n.Data)
	w.WriteByte('>')
}

func isCheckbox(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "type" && strings.EqualFold(a.Val, "checkbox") {
			return true
		}
	}
	return false
}

// writeAttrs writes n's attributes in their order, with align= as a class,
// <a name> as an id, and every checkbox disabled.
func writeAttrs(w *bytes.Buffer, n *html.Node) {
	align, hasClass, hasID, disabled := "", false, false, false
	for _, a := range n.Attr {
		switch a.Key {
		case "align":
			switch v := strings.ToLower(strings.TrimSpace(a.Val)); v {
			case "left", "center", "right", "justify":
				align = "align-" + v
			}
		case "class":
			hasClass = true
		case "id":
			hasID = true
		case "disabled":
			disabled = true
		}
	}
	for _, a := range n.Attr {
		switch {
		case a.Namespace != "" || a.Key == "align":
			continue
		case a.Key == "class" && align != "":
			writeAttr(w, "class", strings.TrimSpace(a.Val+" "+align))
		case a.Key == "name" && n.DataAtom == atom.A:
			if !hasID {
				writeAttr(w, "id", a.Val)
			}
		default:
			writeAttr(w, a.Key, a.Val)
		}
	}
	if align != "" && !hasClass {
		writeAttr(w, "class", align)
	}
	if n.DataAtom == atom.Input && !disabled {
		w.WriteString(` disabled=""`)
	}
}

func writeAttr(w *bytes.Buffer, key, val string) {
	w.WriteByte(' ')
	w.WriteString(key)
	w.WriteString(`="`)
	for i := 0; i < len(val); i++ {
		switch c := val[i]; c {
		case '&':
			w.WriteString("&amp;")
		case '"':
			w.WriteString("&quot;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		default:
			w.WriteByte(c)
		}
	}
	w.WriteByte('"')
}

func escapeText(w *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			w.WriteString("&amp;")
		case '<':
			w.WriteString("&lt;")
		case '>':
			w.WriteString("&gt;")
		case 0:
			w.WriteString("\ufffd")
		default:
			w.WriteByte(c)
		}
	}
}
