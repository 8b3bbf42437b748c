// Command playbook builds a product playbook, written as Markdown, into a
// static handbook site.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// Exit codes: scripts rely on them.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors, or the build failed
	exitUsage   = 2 // the command line is wrong
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

// command is one sub-command of the CLI.
type command struct {
	name    string
	summary string
	hidden  bool
	run     func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{name: "build", summary: "build the site into public/", run: runBuild},
		{name: "check", summary: "check content and links without writing a site", run: runCheck},
		{name: "new", summary: "create a site or a page from a documented skeleton", run: runNew},
		{name: "serve", summary: "build, serve on 127.0.0.1 and rebuild on every save", run: runServe},
		{name: "version", summary: "print the version", run: runVersion},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "playbook: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Playbook builds a product playbook written in Markdown into a static handbook.")
	fmt.Fprintln(w, "\nUsage:\n  playbook <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		if !c.hidden {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
		}
	}
	fmt.Fprintln(w, "\nRun 'playbook <command> --help' for a command's flags.")
}

// newFlagSet returns a flag set that prints its usage to stderr and reports
// errors instead of exiting.
func newFlagSet(name, synopsis string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: playbook %s\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and maps the outcome to an exit code: -1 to go on.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) int {
	fs.SetOutput(stderr)
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "playbook %s: unexpected argument %q\n", fs.Name(), strings.Join(fs.Args(), " "))
		return exitUsage
	}
	return -1
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "Prints Playbook's version.", stdout)
	if code := parseFlags(fs, args, stdout, stderr); code >= 0 {
		return code
	}
	fmt.Fprintf(stdout, "playbook %s\n", version)
	return exitOK
}
