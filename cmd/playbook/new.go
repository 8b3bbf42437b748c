package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/playbookhq/playbook/generator/didyoumean"
	"github.com/playbookhq/playbook/generator/kinds"
	"github.com/playbookhq/playbook/generator/playbook"
	"github.com/playbookhq/playbook/generator/scaffold"
)

// newKind is one kind of `playbook new`.
type newKind struct {
	name    string
	args    []string // the positional arguments, by name
	summary string
	example string
	note    string // how the arguments are read, for --help
	// site is false for `new site`, whose argument is the site itself.
	site bool
	run  func(s *scaffold.Site, args []string) (string, error)
}

func newKinds() []newKind {
	out := []newKind{{name: "site", args: []string{"DIR"}, summary: "a complete small site in a new or empty folder",
		example: "playbook new site my-handbook"}}
	for _, k := range kinds.New() {
		sc, ok := k.(playbook.Scaffolder)
		if !ok {
			continue
		}
		u := sc.Usage()
		name := k.Name()
		out = append(out, newKind{name: name, args: u.Args, site: true, note: u.Note, example: u.Example,
			summary: strings.ReplaceAll(u.Summary, "{folder}", k.Folder()),
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.Page(name, a...) }})
	}
	return out
}

// newKindFlags registers the flags of `new <kind>`: --source for a page
// of an existing site, the output flags for every kind.
func newKindFlags(k newKind, e *env, source, ci *string) *flags {
	f := newFlags("new " + k.name)
	if k.site {
		f.String(source, "source", "s", ".", "site `folder` holding playbook.toml and content/")
	}
	if k.name == "site" {
		var hosts []string
		for _, h := range scaffold.CIHosts {
			hosts = append(hosts, h.Name)
		}
		f.Choice(ci, "ci", "", hosts, "also write the CI file that publishes the site: .github/workflows/pages.yml for GitHub Pages, .gitlab-ci.yml for GitLab Pages")
	}
	outputFlags(f, e)
	return f
}

func runNew(args []string, e *env) int {
	union := func(name string) bool {
		for _, k := range newKinds() {
			if newKindFlags(k, &env{}, new(string), new(string)).takesValue(name) {
				return true
			}
		}
		return false
	}
	i := firstPositional(args, union)
	if i < 0 {
		if hasAny(args, "-h", "-help", "--help") {
			newUsage(e.stdout)
			return exitOK
		}
		newUsage(e.stderr)
		return exitUsage
	}
	name := args[i]
	rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
	if name == "help" {
		newUsage(e.stdout)
		return exitOK
	}
	var names []string
	for _, k := range newKinds() {
		if k.name == name {
			return runNewKind(k, rest, e, time.Now)
		}
		names = append(names, k.name)
	}
	msg := fmt.Sprintf("playbook new: unknown kind %q", name)
	if best, ok := didyoumean.Closest(name, names); ok {
		msg += " (did you mean " + best + "?)"
	}
	fmt.Fprintln(e.stderr, msg+". Run 'playbook new --help' for the kinds.")
	return exitUsage
}

func newUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: playbook new <kind> ARGS [flags]\n\nCreates a site, or a page of the site from a skeleton that follows the")
	fmt.Fprintln(w, "conventions of content/how-to-write/. Existing files are never overwritten.\n\nKinds:")
	for _, k := range newKinds() {
		fmt.Fprintf(w, "  %-30s %s\n", k.name+" "+strings.Join(k.args, " "), k.summary)
	}
	fmt.Fprintln(w, "\nRun 'playbook new <kind> --help' for a kind's flags.")
}

// runNewKind runs `playbook new <kind>`; now is the clock that dates
// articles and questions.
func runNewKind(k newKind, args []string, e *env, now func() time.Time) int {
	synopsis := fmt.Sprintf("Writes %s.\nPrints the path of each file written; never overwrites a file.", k.summary)
	if k.note != "" {
		synopsis += "\n" + k.note
	}
	synopsis += "\n\nExample:\n  " + k.example
	var source, ci string
	f := newKindFlags(k, e, &source, &ci)
	positional, err := f.parse(args)
	help := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: playbook new %s %s [flags]\n\n%s\n\nFlags:\n", k.name, strings.Join(k.args, " "), synopsis)
		f.printDefaults(w)
	}
	if code, done := parseOutcome(err, e, help); done {
		return code
	}
	if len(positional) != len(k.args) {
		fmt.Fprintf(e.stderr, "playbook new %s: takes exactly the arguments %s, for example:\n  %s\n",
			k.name, strings.Join(k.args, " "), k.example)
		return exitUsage
	}
	var written []string
	if k.site {
		var s *scaffold.Site
		if s, err = scaffold.Open(source, scaffold.WithClock(now)); err == nil {
			var path string
			path, err = k.run(s, positional)
			written = append(written, path)
		}
	} else {
		written, err = scaffold.NewSite(positional[0], scaffold.WithClock(now), scaffold.WithCI(ci))
	}
	for _, p := range written {
		if p != "" {
			e.say("%s", filepath.ToSlash(p))
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook new %s: %v\n", k.name, err)
		return exitContent
	}
	if !k.site {
		e.say("\nNext: cd %s && playbook serve", shellQuote(positional[0]))
	}
	return exitOK
}
