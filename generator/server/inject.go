package server

// injectScript returns page with tag inserted just before its last </body>,
// or appended when the page has none. The match ignores case, as HTML does.
func injectScript(page, tag []byte) []byte {
	at := lastBodyEnd(page)
	if at < 0 {
		at = len(page)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:at]...)
	out = append(out, tag...)
	return append(out, page[at:]...)
}

// lastBodyEnd returns the offset of the last "</body" followed by ">" or
// white space in page, in any case, or -1.
func lastBodyEnd(page []byte) int {
	const end = "</body"
	for i := len(page) - len(end) - 1; i >= 0; i-- {
		if page[i] != '<' || !hasPrefixFold(page[i:], end) {
			continue
		}
		switch page[i+len(end)] {
		case '>', ' ', '\t', '\n', '\r', '\f':
			return i
		}
	}
	return -1
}

// hasPrefixFold reports whether b starts with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}
