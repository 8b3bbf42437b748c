package scaffold

import (
	"regexp"
	"strings"
	"unicode"
)

// Slug turns a title into the file name (without .md) and id of a page:
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
func Slug(title string) string {
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

// idPattern is what the generator takes for a role id, and what a name
// given on the command line must look like to be used as an id unchanged.
var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// parseName reads a name given on the command line, either a title
// ("Product Manager") or an id ("product-manager"), and returns both.
// An id's title capitalises each of its words.
func parseName(name string) (title, id string) {
	name = strings.Join(strings.Fields(name), " ")
	if idPattern.MatchString(name) {
		words := strings.Split(name, "-")
		for i, w := range words {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		return strings.Join(words, " "), name
	}
	return name, Slug(name)
}
