package main

// The command line keeps the standard flag package for defining flags, but
// parses arguments itself: flags may come before or after positional
// arguments (`playbook new role "PM" -s site`), a mistake gets one line that
// names the closest flag instead of the whole usage, and each long flag has
// an optional one-letter alias shown beside it in --help.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/playbookhq/playbook/generator/didyoumean"
)

// flags are the flags of one command ("build", "new role").
type flags struct {
	fs  *flag.FlagSet
	cmd string
	// short maps a long flag's name to its one-letter alias.
	short map[string]string
}

func newFlags(cmd string) *flags {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{fs: fs, cmd: cmd, short: map[string]string{}}
}

// alias makes short a second name of the long flag.
func (f *flags) alias(long, short string) {
	fl := f.fs.Lookup(long)
	f.fs.Var(fl.Value, short, "")
	f.short[long] = short
}

func (f *flags) String(p *string, long, short, value, usage string) {
	f.fs.StringVar(p, long, value, usage)
	if short != "" {
		f.alias(long, short)
	}
}

func (f *flags) Bool(p *bool, long, short string, usage string) {
	f.fs.BoolVar(p, long, false, usage)
	if short != "" {
		f.alias(long, short)
	}
}

func (f *flags) Int(p *int, long, short string, value int, usage string) {
	f.fs.IntVar(p, long, value, usage)
	if short != "" {
		f.alias(long, short)
	}
}

// Choice defines a flag whose value is one of choices.
func (f *flags) Choice(p *string, long, value string, choices []string, usage string) {
	*p = value
	f.fs.Var(&choice{p: p, choices: choices}, long, usage)
}

// choice is a string flag limited to a few values.
type choice struct {
	p       *string
	choices []string
}

func (c *choice) String() string {
	if c.p == nil {
		return ""
	}
	return *c.p
}

func (c *choice) Set(s string) error {
	for _, ok := range c.choices {
		if s == ok {
			*c.p = s
			return nil
		}
	}
	return errBadValue
}

var errBadValue = errors.New("bad value")

// isAlias reports whether name is the one-letter alias of a long flag.
func (f *flags) isAlias(name string) bool {
	for _, s := range f.short {
		if s == name {
			return true
		}
	}
	return false
}

// takesValue reports whether the flag name exists and needs a value.
func (f *flags) takesValue(name string) bool {
	fl := f.fs.Lookup(name)
	return fl != nil && !isBoolFlag(fl)
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// usageError is a mistake on the command line: one line, exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// errHelp is returned by parse when -h or --help was given.
var errHelp = errors.New("help requested")

// parse sets the flags found in args, wherever they are, and returns the
// other arguments in order. "--" ends the flags.
func (f *flags) parse(args []string) ([]string, error) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			return nil, errHelp
		}
	}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(positional, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		typed, value, hasValue := strings.Cut(a, "=")
		name := strings.TrimPrefix(strings.TrimPrefix(typed, "-"), "-")
		if name == "" || name[0] == '-' {
			return nil, f.usagef("%s is not a flag: flags are written --name or --name=value", a)
		}
		fl := f.fs.Lookup(name)
		if fl == nil {
			return nil, f.unknown(typed, name)
		}
		if !isBoolFlag(fl) && !hasValue {
			if i+1 == len(args) {
				return nil, f.usagef("%s needs a value. Run 'playbook %s --help' for its flags.", f.display(name), f.cmd)
			}
			i++
			value = args[i]
		} else if !hasValue {
			value = "true"
		}
		if err := f.fs.Set(name, value); err != nil {
			return nil, f.usagef("%s must be %s, not %q", f.display(name), describeValue(fl), value)
		}
	}
	return positional, nil
}

// unknown is the error for a flag that does not exist, naming the closest
// one that does.
func (f *flags) unknown(typed, name string) error {
	var long []string
	exact := ""
	f.fs.VisitAll(func(fl *flag.Flag) {
		if !f.isAlias(fl.Name) {
			long = append(long, fl.Name)
			if strings.EqualFold(fl.Name, name) {
				exact = fl.Name
			}
		}
	})
	msg := "unknown flag " + typed
	best, ok := exact, exact != ""
	if !ok && len(name) > 1 {
		best, ok = didyoumean.Closest(name, long)
	}
	if ok {
		msg += " (did you mean " + f.display(best) + "?)"
	}
	return f.usagef("%s. Run 'playbook %s --help' for its flags.", msg, f.cmd)
}

func (f *flags) usagef(format string, args ...any) error {
	return &usageError{msg: "playbook " + f.cmd + ": " + fmt.Sprintf(format, args...)}
}

// display writes a flag's name as a user types it: --long, or -s for an alias.
func (f *flags) display(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// describeValue says what a flag's value must be, for an error message.
func describeValue(fl *flag.Flag) string {
	if c, ok := fl.Value.(*choice); ok {
		return orList(c.choices)
	}
	if g, ok := fl.Value.(flag.Getter); ok {
		switch g.Get().(type) {
		case bool:
			return "true or false"
		case int, int64, uint, uint64:
			return "a whole number"
		}
	}
	return "valid"
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// printDefaults writes the flags for --help, "  -s, --source DIR  usage",
// in the order of their long names.
func (f *flags) printDefaults(w io.Writer) {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	f.fs.VisitAll(func(fl *flag.Flag) {
		if f.isAlias(fl.Name) {
			return
		}
		name, usage := flag.UnquoteUsage(fl)
		if c, ok := fl.Value.(*choice); ok {
			name = strings.Join(c.choices, "|")
		}
		left := "    --" + fl.Name
		if s := f.short[fl.Name]; s != "" {
			left = "-" + s + ", --" + fl.Name
		}
		if name != "" {
			left += " " + name
		}
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			usage += fmt.Sprintf(" (default %s)", fl.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.left, r.usage)
	}
}

// longNames returns the long flag names, sorted, for shell completion.
func (f *flags) longNames() []string {
	var names []string
	f.fs.VisitAll(func(fl *flag.Flag) {
		if !f.isAlias(fl.Name) {
			names = append(names, fl.Name)
		}
	})
	return names // VisitAll goes in order
}
