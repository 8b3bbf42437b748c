package build

import (
	"bytes"
	"strings"
)

// minifyCSS removes comments and needless white space from a stylesheet:
// the theme's CSS is written to be read (with notes on contrast ratios), the
// reader's browser needs none of that. It keeps strings as they are and
// never removes the space of a descendant selector ("a :hover" stays).
func minifyCSS(css string) string {
	var b strings.Builder
	b.Grow(len(css))
	space := false
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			space = true
		case c == '"' || c == '\'':
			end := i + 1
			for end < len(css) && css[end] != c {
				if css[end] == '\\' {
					end++
				}
				end++
			}
			if space {
				writeSpace(&b)
				space = false
			}
			b.WriteString(css[i:min(end+1, len(css))])
			i = end
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			space = true
		default:
			if space && !strings.ContainsRune("{};,>", rune(c)) {
				writeSpace(&b)
			}
			space = false
			b.WriteByte(c)
		}
	}
	return b.String()
}

// writeSpace writes one space unless the text so far ends where none is
// needed.
func writeSpace(b *strings.Builder) {
	s := b.String()
	if s == "" {
		return
	}
	switch s[len(s)-1] {
	case '{', '}', ';', ',', '>':
		return
	}
	b.WriteByte(' ')
}

// stripJS removes the comment lines, blank lines and indentation of the
// theme's page script, which is written to be read: it is on every page,
// and its comments were a third of it gzipped (2.9 KB to 2.1 KB, a twentieth
// of a page's 15 KB budget). Only lines that are nothing but a "//"
// comment go, and only from a script without template literals, the one
// place where such a line could be text: a script with a backtick is
// returned as it is.
func stripJS(js []byte) []byte {
	if bytes.IndexByte(js, '`') >= 0 {
		return js
	}
	out := make([]byte, 0, len(js))
	for _, line := range bytes.Split(js, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || bytes.HasPrefix(line, []byte("//")) {
			continue
		}
		out = append(append(out, line...), '\n')
	}
	return out
}
