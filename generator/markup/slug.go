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
// GitHub, skipping suffixed ids that are already taken. A heading whose
// text has nothing GitHub keeps gets the empty id (no id attribute: a link
// to "#" is the top of the page), then "-1", "-2"…, as on GitHub.
func (g *githubIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(value)
	if len(base) == 0 && kind != ast.KindHeading {
		base = []byte("id")
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

// slug is GitHub's heading slug: the text lower-cased (with full Unicode
// case mapping, so "İ" becomes "i̇"), each ASCII space turned into '-',
// and every character dropped but '-' and word characters: letters, marks,
// decimal digits, connector punctuation ('_', '‿', '＿') and anything with
// the Unicode Alphabetic property (circled letters such as "ⓔ", letter
// numbers such as "Ⅻ"). Other numbers ("²", "½", "①"), punctuation,
// symbols, controls and other separators are dropped.
func slug(text []byte) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		i += size
		if r < utf8.RuneSelf {
			switch {
			case r == ' ' || r == '-':
				out = append(out, '-')
			case 'A' <= r && r <= 'Z':
				out = append(out, byte(r+'a'-'A'))
			case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_':
				out = append(out, byte(r))
			}
			continue
		}
		if r == 'İ' {
			// The one unconditional full lower-case mapping that differs
			// from the simple one Go applies: i followed by a combining dot.
			out = append(out, "i\u0307"...)
			continue
		}
		r = unicode.ToLower(r)
		if isWordRune(r) {
			out = utf8.AppendRune(out, r)
		}
	}
	return out
}

// isWordRune reports whether GitHub keeps r in a slug.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) ||
		unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_Alphabetic, r)
}
