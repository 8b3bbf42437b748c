package markup

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// githubIDs gives headings the ids GitHub gives them, so that a link such as
// "roles/product-owner.md#what-the-po-expects" works on the site and on the
// git host alike. One is made per document: ids are unique within a page.
type githubIDs struct {
	// seen counts, for every id handed out or reserved, how many times its
	// base has been suffixed so far.
	seen map[string]int
}

var _ parser.IDs = (*githubIDs)(nil)

func newGitHubIDs() *githubIDs {
	return &githubIDs{seen: map[string]int{}}
}

// Generate returns a unique id for the plain text value. The first heading
// with a given slug gets it unsuffixed, later ones get "-1", "-2", ... as on
// GitHub, skipping suffixed ids that are already taken.
func (g *githubIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(value)
	if len(base) == 0 {
		if kind == ast.KindHeading {
			base = []byte("heading")
		} else {
			base = []byte("id")
		}
	}
	id := string(base)
	for {
		if _, taken := g.seen[id]; !taken {
			break
		}
		g.seen[string(base)]++
		id = string(base) + "-" + strconv.Itoa(g.seen[string(base)])
	}
	g.seen[id] = 0
	return []byte(id)
}

// Put reserves an id set explicitly, so that no generated id repeats it.
func (g *githubIDs) Put(value []byte) {
	if _, taken := g.seen[string(value)]; !taken {
		g.seen[string(value)] = 0
	}
}

// slug lowercases text, keeps letters, numbers and combining marks (any
// script), '-' and '_', turns each space into '-' and drops everything else.
func slug(text []byte) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		i += size
		switch {
		case r == ' ':
			out = append(out, '-')
		case r == '-' || r == '_':
			out = append(out, byte(r))
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				out = append(out, byte(r))
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r):
			out = utf8.AppendRune(out, unicode.ToLower(r))
		}
	}
	return out
}
