package corpus

// headingID returns the GitHub-style anchor of a heading text: lower case,
// every character that is not a letter, digit, space, hyphen or underscore
// dropped, spaces turned into hyphens. The corpus keeps headings to ASCII
// letters, digits, single spaces, hyphens and a little punctuation, for which
// goldmark's automatic ids agree with this one.
func headingID(text string) string {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
			b = append(b, c)
		case c == ' ':
			b = append(b, '-')
		}
	}
	return string(b)
}

// kebab turns a title into a file name stem: lower case, words joined by
// hyphens, anything else dropped.
func kebab(title string) string {
	b := make([]byte, 0, len(title))
	hyphen := false
	for i := 0; i < len(title); i++ {
		c := title[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if hyphen && len(b) > 0 {
				b = append(b, '-')
			}
			hyphen = false
			b = append(b, c)
		default:
			hyphen = true
		}
	}
	return string(b)
}

// titleCase upper-cases the first letter of every word of s.
func titleCase(s string) string {
	b := []byte(s)
	start := true
	for i, c := range b {
		if start && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		start = c == ' ' || c == '-'
	}
	return string(b)
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
