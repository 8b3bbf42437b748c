// Package kinds holds the content kinds of a product playbook, one file
// each: role guides (role.go), expectation tables (expectations.go), vision
// boards (visionboard.go), Q&A threads (qa.go) and articles (article.go).
// Each says which folder is its own, what it reads from a page and checks,
// what its layout shows and what it adds to other pages; the rest of the
// generator knows them only through package playbook's interfaces.
//
// To add a kind: write one file here with a type that implements
// playbook.Kind (and the optional interfaces it needs), add it to New, and
// give the theme a layout named after it (templates/<name>.html, and
// <name>-list.html for its folder's section page).
package kinds

import (
	"embed"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/slug"
	"github.com/playbookhq/playbook/generator/playbook"
)

// New returns the kinds of a playbook, fresh for one build, in the order
// their blocks appear on the pages they add to.
func New() []playbook.Kind {
	return []playbook.Kind{
		&roles{},
		&expectations{},
		&visionBoards{},
		&threads{},
		&articles{},
	}
}

// isID reports whether s is an id (a role's file name); anything else
// where an id may stand is a free name, such as a person or a group.
func isID(s string) bool { return slug.IsID(s) }

// The skeletons of `playbook new`, one per kind, are text templates so that
// each reads as the page it writes.
//
//go:embed skeletons/*.tmpl
var skeletonFiles embed.FS

var skeletons = playbook.ParseSkeletons(skeletonFiles, "skeletons/*.tmpl")

// slugNote says how a name becomes a file name (see slug.Make).
const slugNote = "A NAME or TITLE becomes the file name: lower case, letters, digits and hyphens,\nwith the accents of Latin letters dropped."

func quote(s string) string { return `"` + s + `"` }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// joinNames joins names as prose: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return "nobody yet"
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
