package scaffold

import (
	"regexp"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/slug"
)

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
	return name, slug.Make(name)
}
