// Package didyoumean gives the command line, which lives outside generator/
// and so cannot import generator/internal/suggest, the same "did you mean
// …?" suggestions as the rest of Playbook.
package didyoumean

import "github.com/playbookhq/playbook/generator/internal/suggest"

// Closest returns the candidate nearest to name by edit distance, and false
// when none is near enough to be a plausible typo.
func Closest(name string, candidates []string) (string, bool) {
	return suggest.Closest(name, candidates)
}
