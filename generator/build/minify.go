package build

import "strings"

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
