package markup

import (
	"sort"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"

	"github.com/playbookhq/playbook/generator/internal/diag"
)

// stateKey finds the docState of the document being parsed in its
// parser.Context. Transformers are shared by all goroutines; per-document
// data must never be kept in them.
var stateKey = parser.NewContextKey()

// docState is what the transformers learn about one document.
type docState struct {
	source     []byte
	path       string
	lineOffset int
	resolver   LinkResolver
	keepH1     bool

	lineStarts []int // byte offsets at which lines of source start; built on first use
	last       lastPosition

	title   string
	titleID string
	// rawHTML is true when the body holds raw HTML other than comments:
	// its rendered HTML is then sanitized.
	rawHTML bool
	// anchors are the ids and names given in raw HTML.
	anchors  []string
	headings []Heading
	diags    diag.List
	links    []Link
	external []Link
}

func newDocState(doc Document) *docState {
	return &docState{
		source:     doc.Source,
		path:       doc.Path,
		lineOffset: doc.LineOffset,
		resolver:   doc.Resolver,
		keepH1:     doc.KeepH1,
	}
}

// stateOf returns the docState stored in pc, or nil when the parser was used
// outside Renderer.parse.
func stateOf(pc parser.Context) *docState {
	st, _ := pc.Get(stateKey).(*docState)
	return st
}

// position converts a byte offset in the body to a 1-based line in the file
// (front matter counted) and a 1-based column counted in runes. Links are
// looked up in the order they appear, so the column of the last offset asked
// for is kept and counting goes on from there: one line of n links costs n
// short counts, not n counts from the start of the line.
func (s *docState) position(offset int) (line, col int) {
	if s.lineStarts == nil {
		s.lineStarts = append(s.lineStarts, 0)
		for i, c := range s.source {
			if c == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	offset = max(0, min(offset, len(s.source)))
	i := sort.SearchInts(s.lineStarts, offset+1) - 1
	from, col := s.lineStarts[i], 1
	if s.last.col > 0 && s.last.line == i && s.last.offset <= offset {
		from, col = s.last.offset, s.last.col
	}
	col += runeCount(s.source[from:offset])
	s.last = lastPosition{line: i, offset: offset, col: col}
	return s.lineOffset + i + 1, col
}

// lastPosition is the last offset converted, with its line index and
// column; col is 0 before the first.
type lastPosition struct{ line, offset, col int }

// runeCount counts the runes of b without converting it to a string, which
// utf8.RuneCount does (and allocates for) with Go 1.26.
func runeCount(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRune(b[i:])
			i += size
		}
		n++
	}
	return n
}
