package search

import (
	"html"
	"strings"
)

// tag is a start or end tag, with the attributes the extractor cares about.
type tag struct {
	name        string // lower case
	end         bool   // </name>
	selfClosing bool   // <name ... />
	id          string
	ignored     bool   // hidden, aria-hidden="true", data-search="skip" or data-search-ignore
	marked      bool   // data-search-unit: it starts a unit of its own
	unit        string // the attribute's value: what the unit is ("Q&A")
	heading     bool   // data-search-heading: its text is its unit's heading
	title       bool   // data-search-weight="title": its unit's heading weighs as a title
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
func parseTag(b string) (tag, string, bool) {
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
			return t, "", true
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
		var value string
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && isSpaceByte(b[i]) {
				i++
			}
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				q := b[i]
				end := strings.IndexByte(b[i+1:], q)
				if end < 0 {
					return t, "", true
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
		case strings.EqualFold(name, "id"):
			t.id = strings.Clone(html.UnescapeString(value)) // not a piece of the page, which a Doc would keep
		case strings.EqualFold(name, "hidden"), strings.EqualFold(name, "data-search-ignore"):
			t.ignored = true
		case strings.EqualFold(name, "aria-hidden"):
			if value == "true" {
				t.ignored = true
			}
		case strings.EqualFold(name, "data-search"):
			if value == "skip" {
				t.ignored = true
			}
		case strings.EqualFold(name, "data-search-unit"):
			t.marked, t.unit = true, strings.Clone(html.UnescapeString(value))
		case strings.EqualFold(name, "data-search-heading"):
			t.heading = true
		case strings.EqualFold(name, "data-search-weight"):
			t.title = value == "title"
		}
	}
}

// lowerName returns the element name b in lower case, without a copy
// when it is already.
func lowerName(b string) string {
	for i := 0; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			return strings.ToLower(b)
		}
	}
	return b
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameByte(c byte) bool   { return isLetterByte(c) || '0' <= c && c <= '9' || c == '-' }
func isSpaceByte(c byte) bool  { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
