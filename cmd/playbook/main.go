// Command playbook builds a product playbook, written as Markdown, into a
// static handbook site.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/playbookhq/playbook/generator/didyoumean"
)

// Exit codes: scripts rely on them.
const (
	exitOK      = 0
	exitContent = 1 // the site has errors, or the build failed
	exitUsage   = 2 // the command line is wrong
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

// env is what a command runs with: its output and the flags every command
// shares.
type env struct {
	stdout, stderr io.Writer
	quiet, verbose bool
}

// say prints a line of normal output, which --quiet leaves out.
func (e *env) say(format string, args ...any) {
	if !e.quiet {
		fmt.Fprintf(e.stdout, format+"\n", args...)
	}
}

// detail prints a line only with --verbose.
func (e *env) detail(format string, args ...any) {
	if e.verbose {
		fmt.Fprintf(e.stdout, format+"\n", args...)
	}
}

// outputFlags registers --quiet and --verbose.
func outputFlags(f *flags, e *env) {
	f.Bool(&e.quiet, "quiet", "q", "print only errors and warnings")
	f.Bool(&e.verbose, "verbose", "", "also print what was read and written")
}

// command is one sub-command of the CLI.
type command struct {
	name     string
	args     string // the positional arguments, for the usage line
	summary  string
	synopsis string // what --help says under the usage line
	// define registers the command's flags and returns the function that
	// runs it with the positional arguments, once the flags are parsed.
	define func(f *flags, e *env) func(args []string) int
	// run replaces define for a command with sub-commands of its own (new).
	run func(args []string, e *env) int
}

func commands() []command {
	return []command{
		{name: "build", summary: "build the site into public/", define: defineBuild,
			synopsis: "Builds the site in the source folder into the destination folder.\nExit status: 0 built, 1 content errors (all listed), 2 usage error."},
		{name: "check", summary: "check content and links without writing a site", define: defineCheck,
			synopsis: "Runs every content check without writing a site and lists each problem as file:line:col: message.\nExit status: 0 no errors (warnings allowed), 1 errors (or warnings with --strict), 2 usage error."},
		{name: "new", args: "<kind> ARGS", summary: "create a site or a page from a documented skeleton", run: runNew},
		{name: "serve", summary: "build, serve on 127.0.0.1 and rebuild on every save", define: defineServe,
			synopsis: "Builds the site, serves it on 127.0.0.1 and rebuilds on every save; open pages reload by themselves.\nStop it with Ctrl-C."},
		{name: "completion", args: "bash|zsh|fish", summary: "print a shell completion script", define: defineCompletion,
			synopsis: "Prints the completion script of a shell: commands, flags, kinds and folders complete on Tab.\n\n" + completionHelp},
		{name: "version", summary: "print the version", define: defineVersion, synopsis: "Prints Playbook's version."},
		{name: "help", args: "[command]", summary: "show the help of a command", define: nil},
	}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	i := firstPositional(args, anyFlagTakesValue())
	if i < 0 {
		switch {
		case len(args) == 0:
			usage(stderr)
			return exitUsage
		case hasAny(args, "-h", "-help", "--help"):
			usage(stdout)
			return exitOK
		case hasAny(args, "-version", "--version"):
			return runCommand(findCommand("version"), nil, e)
		}
		fmt.Fprintf(stderr, "playbook: no command given. Run 'playbook --help' for the commands.\n")
		return exitUsage
	}
	// Flags before the command are its flags: `playbook -s site build`.
	rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
	name := args[i]
	if name == "help" {
		return runHelp(rest, e)
	}
	c, ok := lookupCommand(name, e)
	if !ok {
		return exitUsage
	}
	return runCommand(c, rest, e)
}

// lookupCommand finds the command name, or says that there is none and
// which one was probably meant.
func lookupCommand(name string, e *env) (command, bool) {
	var names []string
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("playbook: unknown command %q", name)
	if best, ok := didyoumean.Closest(name, names); ok {
		msg += " (did you mean " + best + "?)"
	}
	fmt.Fprintln(e.stderr, msg+". Run 'playbook --help' for the commands.")
	return command{}, false
}

func findCommand(name string) command {
	for _, c := range commands() {
		if c.name == name {
			return c
		}
	}
	panic("no command " + name)
}

// runCommand parses the flags of c from args and runs it.
func runCommand(c command, args []string, e *env) int {
	if c.run != nil {
		return c.run(args, e)
	}
	f := newFlags(c.name)
	runFn := c.define(f, e)
	positional, err := f.parse(args)
	if code, done := parseOutcome(err, e, func(w io.Writer) { commandHelp(c, f, w) }); done {
		return code
	}
	if e.quiet && e.verbose {
		fmt.Fprintf(e.stderr, "playbook %s: --quiet and --verbose cannot be used together\n", c.name)
		return exitUsage
	}
	return runFn(positional)
}

// parseOutcome turns the result of flags.parse into an exit: help on
// stdout, a usage error on stderr. done is false when the command goes on.
func parseOutcome(err error, e *env, help func(io.Writer)) (code int, done bool) {
	switch {
	case err == nil:
		return 0, false
	case err == errHelp:
		help(e.stdout)
		return exitOK, true
	default:
		fmt.Fprintln(e.stderr, err)
		return exitUsage, true
	}
}

// runHelp is `playbook help [command [kind]]`: the command's --help.
func runHelp(args []string, e *env) int {
	if len(args) == 0 {
		usage(e.stdout)
		return exitOK
	}
	c, ok := lookupCommand(args[0], e)
	if !ok {
		return exitUsage
	}
	if c.name == "help" {
		usage(e.stdout)
		return exitOK
	}
	return runCommand(c, append(append([]string(nil), args[1:]...), "--help"), e)
}

func commandHelp(c command, f *flags, w io.Writer) {
	line := "playbook " + c.name
	if c.args != "" {
		line += " " + c.args
	}
	fmt.Fprintf(w, "Usage: %s [flags]\n\n%s\n\nFlags:\n", line, c.synopsis)
	f.printDefaults(w)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Playbook builds a product playbook written in Markdown into a static handbook.")
	fmt.Fprintln(w, "\nUsage:\n  playbook <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'playbook help <command>' or 'playbook <command> --help' for a command's flags.")
}

// firstPositional returns the index of the first argument that is neither
// a flag nor a flag's value, or -1. takesValue says which flags take the
// next argument as their value.
func firstPositional(args []string, takesValue func(name string) bool) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				return i + 1
			}
			return -1
		}
		if len(a) < 2 || a[0] != '-' {
			return i
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasValue && takesValue(name) {
			i++
		}
	}
	return -1
}

// anyFlagTakesValue reports whether a flag of some command takes a value,
// which is how flags before the command are told from the command itself.
func anyFlagTakesValue() func(string) bool {
	all := []*flags{}
	for _, c := range commands() {
		if c.define != nil {
			f := newFlags(c.name)
			c.define(f, &env{})
			all = append(all, f)
		}
	}
	for _, k := range newKinds() {
		all = append(all, newKindFlags(k, &env{}, new(string), new(string)))
	}
	return func(name string) bool {
		for _, f := range all {
			if f.takesValue(name) {
				return true
			}
		}
		return false
	}
}

func hasAny(args []string, names ...string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		for _, n := range names {
			if a == n {
				return true
			}
		}
	}
	return false
}

// noArgs fails when a command that takes only flags got an argument: most
// often a site folder written without --source.
func noArgs(cmd string, args []string, e *env, hasSource bool) bool {
	if len(args) == 0 {
		return true
	}
	msg := fmt.Sprintf("playbook %s: unexpected argument %q", cmd, strings.Join(args, " "))
	if hasSource && len(args) == 1 {
		msg += fmt.Sprintf("; to use the site in that folder, write --source %s", shellQuote(args[0]))
	}
	fmt.Fprintln(e.stderr, msg)
	return false
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:@+,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func defineVersion(f *flags, e *env) func([]string) int {
	return func(args []string) int {
		if !noArgs("version", args, e, false) {
			return exitUsage
		}
		fmt.Fprintf(e.stdout, "playbook %s\n", version)
		return exitOK
	}
}
