package content

// Limits on one page, checked before its Markdown is parsed. Goldmark's
// time grows with the square of the nesting of lists and block quotes (each
// line is matched against every open container, from the start of the line),
// and with its cube when each level sits on a line of its own: 1,500 levels
// took 6 s and 10,000 did not finish (playbook build --cpuprofile: all of it
// in goldmark's parseBlocks, none in our readers). Goldmark's syntax tree
// takes about 37 bytes of memory per byte of Markdown, and a build about 150
// at its peak (/usr/bin/time -v on generated pages of prose, lists, tables,
// links and code: 2 MB peaked at 297 MB, 5 MB at 737 MB, 10 MB at 1.6 GB;
// plain prose about 44), which no change of ours could bring under 50: the
// size of a page is bounded instead. Both limits are far past any real page.

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxNesting is how deep lists and block quotes may be nested in a page.
const MaxNesting = 100

// MaxPageSize is the largest Markdown file read as a page, in bytes.
const MaxPageSize = 5 << 20

// nestingError is the message for a page nested deeper than MaxNesting.
var nestingError = fmt.Sprintf("lists and block quotes are nested more than %d levels deep here: flatten the nesting (the limit is %d levels)", MaxNesting, MaxNesting)

// tooBig is the message for a Markdown file over MaxPageSize.
func tooBig(size int64) string {
	return fmt.Sprintf("page is %.1f MB, over the limit of %d MB for one page: split it into several pages", float64(size)/(1<<20), MaxPageSize>>20)
}

// container is an open block quote or list item while scanning a body.
type container struct {
	quote bool
	// indent is, for a list item, how many columns of indentation a line
	// needs to continue it, counted from where its parent's prefix ends.
	indent int
}

// tooDeep scans a Markdown body the way a CommonMark parser opens and
// continues block quotes and list items, and returns the byte offset of the
// marker that opens level limit+1, if any. It is linear in the body's
// length and stops at the first such marker. Lazy continuation lines keep
// their containers open and fenced code opens none, as in CommonMark; what
// it gets wrong errs on the side of counting a level too many.
func tooDeep(body []byte, limit int) (offset int, deep bool) {
	var (
		stack     []container
		fence     byte // the fence character of an open code fence, or 0
		fenceLen  int
		fenceAt   int // how many containers the fence is inside
		paragraph bool
		expanded  []byte
		origin    []int
	)
	for start := 0; start < len(body); {
		end := bytes.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		lineStart := start
		line := body[start:end]
		start = end + 1
		// With its tabs expanded to the next multiple of four columns, a
		// line's bytes are its columns: a tab may be shared by two
		// containers' indentation.
		tabs := bytes.IndexByte(line, '\t') >= 0
		if tabs {
			expanded, origin = expandTabs(line, expanded[:0], origin[:0])
			line = expanded
		}

		pos := 0
		blank := isBlankLine(line)
		matched := 0
		for matched < len(stack) {
			c := stack[matched]
			if c.quote {
				p := skipSpaces(line, pos, 3)
				if p >= len(line) || line[p] != '>' {
					break
				}
				pos = p + 1
				if pos < len(line) && line[pos] == ' ' {
					pos++
				}
			} else if !blank {
				p := skipSpaces(line, pos, c.indent)
				if p-pos < c.indent {
					break
				}
				pos = p
			}
			matched++
		}
		if fence != 0 {
			if matched >= fenceAt {
				if p := skipSpaces(line, pos, 3); isFence(line[p:], fence, fenceLen, true) {
					fence = 0
				}
				continue
			}
			fence = 0 // its container ended
		}
		if matched < len(stack) {
			rest := skipSpaces(line, pos, 3)
			if paragraph && !blank && !startsContainer(line[rest:]) {
				continue // a lazy continuation line: the containers stay open
			}
			stack = stack[:matched]
		}
		// Open new containers.
	open:
		for {
			p := skipSpaces(line, pos, 4)
			if p-pos >= 4 || p >= len(line) {
				break // indented code, or the end of the line
			}
			if line[p] == '>' {
				stack = append(stack, container{quote: true})
				pos = p + 1
				if pos < len(line) && line[pos] == ' ' {
					pos++
				}
			} else {
				width := listMarker(line[p:])
				if width == 0 || isThematicBreak(line[p:]) {
					break open
				}
				base := pos
				pos = p + width
				if sp := skipSpaces(line, pos, 5); isBlankLine(line[sp:]) || sp-pos > 4 {
					// An empty item, or code in the item: its content starts
					// one column after the marker.
					pos++
				} else {
					pos = sp
				}
				stack = append(stack, container{indent: pos - base})
			}
			if len(stack) > limit {
				if tabs {
					p = origin[p]
				}
				return lineStart + p, true
			}
			paragraph = false
		}
		pos = min(pos, len(line))
		rest := skipSpaces(line, pos, 3)
		switch {
		case isFence(line[rest:], '`', 3, false):
			fence, fenceLen, fenceAt = '`', runLen(line[rest:], '`'), len(stack)
			paragraph = false
		case isFence(line[rest:], '~', 3, false):
			fence, fenceLen, fenceAt = '~', runLen(line[rest:], '~'), len(stack)
			paragraph = false
		default:
			paragraph = !isBlankLine(line[pos:])
		}
	}
	return 0, false
}

// expandTabs appends line to buf with every tab replaced by the spaces up to
// the next multiple of four columns, and to origin the byte offset in line
// of every byte appended.
func expandTabs(line, buf []byte, origin []int) ([]byte, []int) {
	for i, c := range line {
		if c != '\t' {
			buf = append(buf, c)
			origin = append(origin, i)
			continue
		}
		for n := 4 - len(buf)%4; n > 0; n-- {
			buf = append(buf, ' ')
			origin = append(origin, i)
		}
	}
	return buf, origin
}

// skipSpaces skips at most max spaces from pos and returns the position
// after them.
func skipSpaces(line []byte, pos, max int) int {
	end := pos
	for end < len(line) && line[end] == ' ' && end-pos < max {
		end++
	}
	return end
}

// listMarker returns the width of a list marker at the start of s ("-",
// "*", "+", "1." or "1)" followed by a space, a tab or the end of the
// line), or 0.
func listMarker(s []byte) int {
	if len(s) == 0 {
		return 0
	}
	n := 0
	switch s[0] {
	case '-', '*', '+':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\r' {
		return 0
	}
	return n
}

// startsContainer reports whether s, a line after its container prefixes,
// opens a block quote or a list item.
func startsContainer(s []byte) bool {
	return len(s) > 0 && s[0] == '>' || listMarker(s) > 0
}

// isFence reports whether s starts with a code fence of c: at least min of
// them; a closing fence has nothing after it but spaces, and an opening
// fence of backticks no backtick in its info string.
func isFence(s []byte, c byte, min int, closing bool) bool {
	n := runLen(s, c)
	if n < min {
		return false
	}
	if closing {
		return isBlankLine(s[n:])
	}
	return c != '`' || bytes.IndexByte(s[n:], '`') < 0
}

// isThematicBreak reports whether s is a line of three or more "-", "*" or
// "_", and spaces: a rule, not a list.
func isThematicBreak(s []byte) bool {
	n := 0
	for _, c := range s {
		switch {
		case c == s[0] && (c == '-' || c == '*' || c == '_'):
			n++
		case c != ' ' && c != '\t' && c != '\r':
			return false
		}
	}
	return n >= 3
}

func runLen(s []byte, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func isBlankLine(s []byte) bool {
	for _, c := range s {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// checkLimits reports a page nested deeper than MaxNesting at the marker
// that goes past the limit.
func checkLimits(body []byte, bodyLine int) (string, int, int, bool) {
	off, deep := tooDeep(body, MaxNesting)
	if !deep {
		return "", 0, 0, false
	}
	lineStart := bytes.LastIndexByte(body[:off], '\n') + 1
	line := bytes.Count(body[:lineStart], []byte("\n")) + 1
	return nestingError, bodyLine + line, utf8.RuneCount(body[lineStart:off]) + 1, true
}
