package markup

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// HighlightCSS returns the stylesheet for highlighted code: the rules of the
// chroma style named lightStyle apply by default, those of darkStyle when
// the reader's system prefers a dark scheme (unless the page's root element
// says data-theme="light") or when the root says data-theme="dark".
// Suggested styles are "github" and "github-dark".
//
// Rules are written for every token class either style colours, and a
// property one style sets and the other does not is reset explicitly in the
// other, so that no light colour leaks into the dark theme. The output is
// the same for the same arguments.
func HighlightCSS(lightStyle, darkStyle string) ([]byte, error) {
	light, err := lookupStyle(lightStyle)
	if err != nil {
		return nil, err
	}
	dark, err := lookupStyle(darkStyle)
	if err != nil {
		return nil, err
	}
	lightRules, darkRules := cssRules(light, dark)

	var b bytes.Buffer
	fmt.Fprintf(&b, "/* Code highlighting: chroma styles %q (light) and %q (dark). */\n", lightStyle, darkStyle)
	writeCSSRules(&b, "", "", lightRules)
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	writeCSSRules(&b, "  ", ":root:not([data-theme=light]) ", darkRules)
	b.WriteString("}\n")
	writeCSSRules(&b, "", ":root[data-theme=dark] ", darkRules)
	return b.Bytes(), nil
}

func lookupStyle(name string) (*chroma.Style, error) {
	if s, ok := styles.Registry[strings.ToLower(name)]; ok {
		return s, nil
	}
	if near, ok := suggest.Closest(strings.ToLower(name), styles.Names()); ok {
		return nil, fmt.Errorf("unknown code highlighting style %q; did you mean %q?", name, near)
	}
	return nil, fmt.Errorf("unknown code highlighting style %q", name)
}

// cssRule is one selector below ".chroma" ("" for .chroma itself) and its
// declarations.
type cssRule struct {
	selector string
	decls    []string
}

// cssRules returns the rules of the light and the dark style, for the same
// selectors and properties in the same order.
func cssRules(light, dark *chroma.Style) (lightRules, darkRules []cssRule) {
	ld, dd := tokenDecls(light.Get(chroma.Background), dark.Get(chroma.Background))
	lightRules = append(lightRules, cssRule{decls: ld})
	darkRules = append(darkRules, cssRule{decls: dd})

	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for tt, class := range chroma.StandardTypes {
		// Background .. CodeLine style the wrapper and line numbers,
		// which the renderer does not emit.
		if class == "" || (tt <= chroma.Background && tt >= chroma.CodeLine) {
			continue
		}
		types = append(types, tt)
	}
	slices.Sort(types)
	for _, tt := range types {
		l := tokenEntry(light, tt)
		d := tokenEntry(dark, tt)
		if l.IsZero() && d.IsZero() {
			continue
		}
		sel := "." + highlightClassPrefix + chroma.StandardTypes[tt]
		ld, dd := tokenDecls(l, d)
		lightRules = append(lightRules, cssRule{selector: sel, decls: ld})
		darkRules = append(darkRules, cssRule{selector: sel, decls: dd})
	}
	return lightRules, darkRules
}

// tokenEntry is the style of tt in s, less what it shares with the
// background (which the wrapper rule sets).
func tokenEntry(s *chroma.Style, tt chroma.TokenType) chroma.StyleEntry {
	return s.Get(tt).Sub(s.Get(chroma.Background))
}

// tokenDecls returns the declarations for a token (or the wrapper) styled l
// in the light theme and d in the dark one: each property either sets, with
// the value of that theme or a reset to what the parent element gives.
func tokenDecls(l, d chroma.StyleEntry) (ld, dd []string) {
	add := func(prop string, lset, dset bool, lval, dval, reset string) {
		if !lset && !dset {
			return
		}
		if !lset {
			lval = reset
		}
		if !dset {
			dval = reset
		}
		ld = append(ld, prop+": "+lval)
		dd = append(dd, prop+": "+dval)
	}
	add("color", l.Colour.IsSet(), d.Colour.IsSet(), l.Colour.String(), d.Colour.String(), "inherit")
	add("background-color", l.Background.IsSet(), d.Background.IsSet(), l.Background.String(), d.Background.String(), "transparent")
	add("font-weight", l.Bold != chroma.Pass, d.Bold != chroma.Pass, trilean(l.Bold, "bold", "normal"), trilean(d.Bold, "bold", "normal"), "inherit")
	add("font-style", l.Italic != chroma.Pass, d.Italic != chroma.Pass, trilean(l.Italic, "italic", "normal"), trilean(d.Italic, "italic", "normal"), "inherit")
	add("text-decoration", l.Underline != chroma.Pass, d.Underline != chroma.Pass, trilean(l.Underline, "underline", "none"), trilean(d.Underline, "underline", "none"), "none")
	return ld, dd
}

func trilean(t chroma.Trilean, yes, no string) string {
	if t == chroma.Yes {
		return yes
	}
	return no
}

// writeCSSRules writes rules, each selector prefixed with scope and each
// line with indent.
func writeCSSRules(b *bytes.Buffer, indent, scope string, rules []cssRule) {
	for _, r := range rules {
		if len(r.decls) == 0 {
			continue
		}
		b.WriteString(indent)
		b.WriteString(scope)
		b.WriteString(".chroma")
		if r.selector != "" {
			b.WriteByte(' ')
			b.WriteString(r.selector)
		}
		b.WriteString(" { ")
		b.WriteString(strings.Join(r.decls, "; "))
		b.WriteString(" }\n")
	}
}
