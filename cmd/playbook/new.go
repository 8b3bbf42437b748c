package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

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

// slugNote says how a name becomes a file name (see scaffold.Slug).
const slugNote = "A NAME or TITLE becomes the file name: lower case, letters, digits and hyphens,\nwith the accents of Latin letters dropped."

func newKinds() []newKind {
	return []newKind{
		{name: "site", args: []string{"DIR"}, summary: "a complete small site in a new or empty folder",
			example: "playbook new site my-handbook"},
		{name: "role", args: []string{"NAME"}, summary: "a role guide: roles/<id>.md", site: true,
			note:    slugNote,
			example: `playbook new role "Product Manager"`,
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.Role(a[0]) }},
		{name: "expectations", args: []string{"FROM", "OF"}, summary: "a table of what role FROM can expect from role OF: expectations/<from>-from-<of>.md", site: true,
			note:    "FROM and OF are ids of role guides of the site (their file names without .md), or their titles.",
			example: "playbook new expectations product-owner scrum-master",
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.Expectations(a[0], a[1]) }},
		{name: "vision-board", args: []string{"NAME"}, summary: "a Product Vision Board: vision-boards/<slug>.md", site: true,
			note:    slugNote,
			example: `playbook new vision-board "Route Planner"`,
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.VisionBoard(a[0]) }},
		{name: "qa", args: []string{"NAME"}, summary: "a Q&A thread: qa/<slug>.md", site: true,
			note:    slugNote,
			example: `playbook new qa "Working with stakeholders"`,
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.QA(a[0]) }},
		{name: "article", args: []string{"TITLE"}, summary: "an article dated today: articles/<slug>.md", site: true,
			note:    slugNote,
			example: `playbook new article "What we learned from pricing"`,
			run:     func(s *scaffold.Site, a []string) (string, error) { return s.Article(a[0]) }},
	}
}

func runNew(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		newUsage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		newUsage(stdout)
		return exitOK
	}
	for _, k := range newKinds() {
		if k.name == args[0] {
			return runNewKind(k, args[1:], stdout, stderr, time.Now)
		}
	}
	fmt.Fprintf(stderr, "playbook new: unknown kind %q\n\n", args[0])
	newUsage(stderr)
	return exitUsage
}

func newUsage(w io.Writer) {
	fmt.Fprintln(w, "Usage: playbook new <kind> ARGS [--source SITE]\n\nCreates a site, or a page of the site from a skeleton that follows the")
	fmt.Fprintln(w, "conventions of content/how-to-write/. Existing files are never overwritten.\n\nKinds:")
	for _, k := range newKinds() {
		fmt.Fprintf(w, "  %-30s %s\n", k.name+" "+strings.Join(k.args, " "), k.summary)
	}
	fmt.Fprintln(w, "\nRun 'playbook new <kind> --help' for a kind's flags.")
}

// runNewKind runs `playbook new <kind>`; now is the clock that dates
// articles and questions.
func runNewKind(k newKind, args []string, stdout, stderr io.Writer, now func() time.Time) int {
	synopsis := fmt.Sprintf("Writes %s.\nPrints the path of each file written; never overwrites a file.", k.summary)
	if k.note != "" {
		synopsis += "\n" + k.note
	}
	synopsis += "\n\nExample:\n  " + k.example
	fs := newFlagSet("new "+k.name+" "+strings.Join(k.args, " "), synopsis, stdout)
	source := "."
	if k.site {
		fs.StringVar(&source, "source", ".", "site folder holding playbook.toml and content/")
		fs.StringVar(&source, "s", ".", "shorthand for --source")
	}
	flags, positional := splitFlags(fs, args)
	if code := parseFlags(fs, flags, stdout, stderr); code >= 0 {
		return code
	}
	if len(positional) != len(k.args) {
		fmt.Fprintf(stderr, "playbook new %s: takes exactly the arguments %s, for example:\n  %s\n",
			k.name, strings.Join(k.args, " "), k.example)
		return exitUsage
	}
	var written []string
	var err error
	if k.site {
		var s *scaffold.Site
		if s, err = scaffold.Open(source, scaffold.WithClock(now)); err == nil {
			var path string
			path, err = k.run(s, positional)
			written = append(written, path)
		}
	} else {
		written, err = scaffold.NewSite(positional[0], scaffold.WithClock(now))
	}
	for _, p := range written {
		if p != "" {
			fmt.Fprintln(stdout, filepath.ToSlash(p))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "playbook new %s: %v\n", k.name, err)
		return exitContent
	}
	return exitOK
}

// splitFlags separates flags from positional arguments, so that flags may
// follow the arguments (`new role "Product Manager" -s site`), which
// flag.Parse alone does not allow. A flag that takes a value takes the next
// argument unless written as -flag=value; "--" ends the flags.
func splitFlags(fs *flag.FlagSet, args []string) (flags, positional []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return flags, append(positional, args[i+1:]...)
		case len(a) < 2 || a[0] != '-':
			positional = append(positional, a)
		default:
			flags = append(flags, a)
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			f := fs.Lookup(name)
			if f == nil || hasValue || isBoolFlag(f) || i+1 == len(args) {
				continue
			}
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, positional
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
