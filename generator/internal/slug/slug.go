// Package slug makes the URL segments of a site from what authors write:
// the addresses of tag pages, the ids of diagrams, the file names of the
// pages `playbook new` writes. A slug holds only lower-case letters,
// digits and single hyphens, so that it is safe in a path, an id and an
// attribute without escaping. (Heading ids follow GitHub's own rule,
// which keeps more: see markup's slug.)
package slug

import (
	"regexp"
	"strings"
	"unicode"
)

// Make turns a title, a tag or a name into one segment of a URL, which is
// also the file name (without .md) and id `playbook new` gives a page:
//
//   - letters are lower-cased; the accented Latin letters of Western,
//     Central and Northern European languages lose their accents ("é" → "e",
//     "ß" → "ss", "æ" → "ae"), while letters of other scripts are kept as
//     they are ("Владелец" → "владелец");
//   - apostrophes are dropped ("Writer's" → "writers");
//   - every other run of characters that are neither letters nor digits
//     becomes one hyphen, and none is left at either end.
//
// A title without letters or digits gives "".
func Make(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r == '\'' || r == '’' || unicode.Is(unicode.Mn, r):
			// Apostrophes and combining accents belong to the letter
			// before them: they neither show nor separate words.
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			if folded, ok := latinFold[r]; ok {
				b.WriteString(folded)
			} else {
				b.WriteRune(r)
			}
		default:
			hyphen = true
		}
	}
	return b.String()
}

// latinFold maps accented lower-case Latin letters to their ASCII spelling.
var latinFold = buildFold(
	"a:àáâãäåāăą", "ae:æ", "c:çćĉċč", "d:ďđð", "e:èéêëēĕėęě", "g:ĝğġģ", "h:ĥħ",
	"i:ìíîïĩīĭįı", "ij:ĳ", "j:ĵ", "k:ķ", "l:ĺļľŀł", "n:ñńņňŉ", "o:òóôõöøōŏő",
	"oe:œ", "r:ŕŗř", "s:śŝşšș", "ss:ß", "t:ţťŧț", "th:þ", "u:ùúûüũūŭůűų",
	"w:ŵ", "y:ýÿŷ", "z:źżž",
)

func buildFold(specs ...string) map[rune]string {
	m := map[rune]string{}
	for _, spec := range specs {
		ascii, letters, _ := strings.Cut(spec, ":")
		for _, r := range letters {
			m[r] = ascii
		}
	}
	return m
}

// IsID reports whether s is already an id: lower-case letters or digits in
// words joined by single hyphens, such as a role's file name
// ("product-owner"). Where an id may stand, anything else is a free name.
func IsID(s string) bool { return idPattern.MatchString(s) }

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Name reads a name given on the command line, either a title ("Product
// Manager") or an id ("product-manager"), and returns both. An id's title
// capitalises each of its words.
func Name(name string) (title, id string) {
	name = strings.Join(strings.Fields(name), " ")
	if IsID(name) {
		words := strings.Split(name, "-")
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(words, " "), name
	}
	return name, Make(name)
}
