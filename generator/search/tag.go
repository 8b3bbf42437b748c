package search

import (
	"bytes"
	"html"
)

// tag is a start or end tag, with the attributes DocFromHTML cares about.
type tag struct {
	name        string // lower case
	end         bool   // </name>
	selfClosing bool   // <name ... />
	id          string
	ignored     bool // hidden, aria-hidden="true" or data-search-ignore
}

// isVoid reports whether the element never has content or an end tag.
func isVoid(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"source", "track", "wbr":
		return true
	}
	return false
}

// parseTag reads the tag at the start of b, which begins with '<', and
// returns it with the rest of b. It reports false when b does not start
// with a tag, as in "a < b".
func parseTag(b []byte) (tag, []byte, bool) {
	var t tag
	i := 1
	if i < len(b) && b[i] == '/' {
		t.end = true
		i++
	}
	start := i
	for i < len(b) && isNameByte(b[i]) {
		i++
	}
	if i == start || !isLetterByte(b[start]) {
		return tag{}, b, false
	}
	t.name = lowerName(b[start:i])
	for {
		for i < len(b) && isSpaceByte(b[i]) {
			i++
		}
		if i >= len(b) {
			return t, nil, true
		}
		switch b[i] {
		case '>':
			return t, b[i+1:], true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				t.selfClosing = true
				return t, b[i+2:], true
			}
			i++
			continue
		}
		// An attribute: name, then optionally = and a value, quoted or not.
		ns := i
		for i < len(b) && !isSpaceByte(b[i]) && b[i] != '=' && b[i] != '>' && !(b[i] == '/' && i+1 < len(b) && b[i+1] == '>') {
			i++
		}
		name := b[ns:i]
		for i < len(b) && isSpaceByte(b[i]) {
			i++
		}
		var value []byte
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && isSpaceByte(b[i]) {
				i++
			}
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				q := b[i]
				end := bytes.IndexByte(b[i+1:], q)
				if end < 0 {
					return t, nil, true
				}
				value = b[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(b) && !isSpaceByte(b[i]) && b[i] != '>' {
					i++
				}
				value = b[vs:i]
			}
		}
		switch {
		case bytes.EqualFold(name, []byte("id")):
			t.id = html.UnescapeString(string(value))
		case bytes.EqualFold(name, []byte("hidden")), bytes.EqualFold(name, []byte("data-search-ignore")):
			t.ignored = true
		case bytes.EqualFold(name, []byte("aria-hidden")):
			if string(value) == "true" {
				t.ignored = true
			}
		}
	}
}

// commonNames are the element names the generator writes, so that reading
// them allocates nothing.
var commonNames = func() map[string]string {
	m := map[string]string{}
	for _, n := range []string{"a", "abbr", "article", "aside", "b", "blockquote", "br", "caption",
		"code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "footer",
		"h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "kbd", "li",
		"mark", "nav", "ol", "p", "pre", "s", "script", "section", "small", "span", "strong",
		"style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "th",
		"thead", "time", "tr", "u", "ul"} {
		m[n] = n
	}
	return m
}()

// lowerName returns the element name b in lower case.
func lowerName(b []byte) string {
	if n, ok := commonNames[string(b)]; ok {
		return n
	}
	return string(bytes.ToLower(b))
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameByte(c byte) bool   { return isLetterByte(c) || '0' <= c && c <= '9' || c == '-' }
func isSpaceByte(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
