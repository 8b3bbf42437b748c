package main

// The completion scripts are generated from the command table and each
// command's flags, so that a new flag completes without anyone remembering
// to edit three shell scripts.

import (
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

const completionHelp = `Load it for the current shell, or install it once:
  bash:  source <(playbook completion bash)
         playbook completion bash > ~/.local/share/bash-completion/completions/playbook
  zsh:   source <(playbook completion zsh)
         playbook completion zsh > "${fpath[1]}/_playbook"
  fish:  playbook completion fish | source
         playbook completion fish > ~/.config/fish/completions/playbook.fish`

// shells are the shells `playbook completion` writes scripts for.
var shells = []string{"bash", "zsh", "fish"}

func defineCompletion(f *flags, e *env) func([]string) int {
	return func(args []string) int {
		if len(args) != 1 {
			fmt.Fprintf(e.stderr, "playbook completion: name one shell: %s\n", orList(shells))
			return exitUsage
		}
		spec := completionSpec()
		switch args[0] {
		case "bash":
			writeBash(e.stdout, spec)
		case "zsh":
			writeZsh(e.stdout, spec)
		case "fish":
			writeFish(e.stdout, spec)
		default:
			fmt.Fprintf(e.stderr, "playbook completion: unknown shell %q: use %s\n", args[0], orList(shells))
			return exitUsage
		}
		return exitOK
	}
}

// compCommand is what completion knows of a command (or of a kind of new).
type compCommand struct {
	name, summary string
	flags         []compFlag
	// words complete the positional arguments: kinds of new, shells,
	// commands for help.
	words []string
	kinds []compCommand // new's kinds
}

// compFlag is one flag as completion offers it.
type compFlag struct {
	long, short, summary string
	// value is "" for a flag without a value, "dir" or "file" for a path,
	// "words" for one of words, "any" otherwise.
	value string
	words []string
}

func completionSpec() []compCommand {
	var out, visible []compCommand
	for _, c := range commands() {
		cc := compCommand{name: c.name, summary: c.summary}
		switch {
		case c.define != nil:
			f := newFlags(c.name)
			c.define(f, &env{})
			cc.flags = compFlags(f)
		case c.name == "new":
			for _, k := range newKinds() {
				f := newKindFlags(k, &env{}, new(string), new(string))
				cc.kinds = append(cc.kinds, compCommand{name: k.name, summary: k.summary, flags: compFlags(f)})
				cc.words = append(cc.words, k.name)
			}
		}
		visible = append(visible, cc)
	}
	for _, c := range visible {
		switch c.name {
		case "completion":
			c.words = shells
		case "help":
			for _, o := range visible {
				c.words = append(c.words, o.name)
			}
		}
		out = append(out, c)
	}
	return out
}

func compFlags(f *flags) []compFlag {
	var out []compFlag
	f.fs.VisitAll(func(fl *flag.Flag) {
		if f.isAlias(fl.Name) {
			return
		}
		name, usage := flag.UnquoteUsage(fl)
		cf := compFlag{long: fl.Name, short: f.short[fl.Name], summary: shortSummary(usage)}
		switch {
		case isBoolFlag(fl):
		case name == "folder":
			cf.value = "dir"
		case name == "file":
			cf.value = "file"
		default:
			cf.value = "any"
			if c, ok := fl.Value.(*choice); ok {
				cf.value, cf.words = "words", c.choices
			}
		}
		out = append(out, cf)
	})
	return out
}

// shortSummary cuts a flag's usage to what fits beside it in a menu.
func shortSummary(usage string) string {
	if i := strings.IndexAny(usage, "(;"); i > 0 {
		usage = usage[:i]
	}
	return strings.TrimRight(usage, " ,.")
}

// valueFlags lists, as the shell sees them, every flag that takes a value.
func valueFlags(spec []compCommand) []string {
	seen := map[string]bool{}
	var add func(cs []compCommand)
	add = func(cs []compCommand) {
		for _, c := range cs {
			for _, f := range c.flags {
				if f.value != "" {
					seen["--"+f.long] = true
					if f.short != "" {
						seen["-"+f.short] = true
					}
				}
			}
			add(c.kinds)
		}
	}
	add(spec)
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

func flagWords(flags []compFlag) string {
	var w []string
	for _, f := range flags {
		w = append(w, "--"+f.long)
		if f.short != "" {
			w = append(w, "-"+f.short)
		}
	}
	return strings.Join(w, " ")
}

func writeBash(w io.Writer, spec []compCommand) {
	var names []string
	for _, c := range spec {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for playbook.
# Load it with: source <(playbook completion bash)

_playbook() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local cmd="" kind="" i word
    # The first words that are neither flags nor their values are the
    # command and, for new, the kind.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            %s) ((i++)) ;;
            -*) ;;
            *) if [[ -z "$cmd" ]]; then cmd="$word"; elif [[ -z "$kind" ]]; then kind="$word"; fi ;;
        esac
    done
`, strings.Join(valueFlags(spec), "|"))
	fmt.Fprintf(w, "    if [[ -z \"$cmd\" ]]; then\n        COMPREPLY=($(compgen -W %q -- \"$cur\"))\n        return\n    fi\n", strings.Join(names, " "))
	fmt.Fprintf(w, "    local flags=\"\" words=\"\"\n    case \"$cmd\" in\n")
	for _, c := range spec {
		fmt.Fprintf(w, "        %s)\n", c.name)
		if len(c.kinds) > 0 {
			fmt.Fprintf(w, "            case \"$kind\" in\n")
			for _, k := range c.kinds {
				fmt.Fprintf(w, "                %s) flags=%q ;;\n", k.name, flagWords(k.flags))
			}
			fmt.Fprintf(w, "                *) words=%q ;;\n            esac\n", strings.Join(c.words, " "))
		} else {
			fmt.Fprintf(w, "            flags=%q\n", flagWords(c.flags))
			if len(c.words) > 0 {
				fmt.Fprintf(w, "            words=%q\n", strings.Join(c.words, " "))
			}
		}
		fmt.Fprintf(w, "            ;;\n")
	}
	fmt.Fprintf(w, "    esac\n    case \"$prev\" in\n")
	for _, line := range bashValueCases(spec) {
		fmt.Fprintf(w, "        %s\n", line)
	}
	fmt.Fprintf(w, `    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    else
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    fi
}
complete -o default -F _playbook playbook
`)
}

// bashValueCases are the case arms that complete a flag's value.
func bashValueCases(spec []compCommand) []string {
	arms := map[string]string{}
	var add func(cs []compCommand)
	add = func(cs []compCommand) {
		for _, c := range cs {
			for _, f := range c.flags {
				pattern := "--" + f.long
				if f.short != "" {
					pattern += "|-" + f.short
				}
				switch f.value {
				case "dir":
					arms[pattern] = `COMPREPLY=($(compgen -d -- "$cur")); return ;;`
				case "file":
					arms[pattern] = `COMPREPLY=($(compgen -f -- "$cur")); return ;;`
				case "words":
					arms[pattern] = fmt.Sprintf(`COMPREPLY=($(compgen -W %q -- "$cur")); return ;;`, strings.Join(f.words, " "))
				case "any":
					arms[pattern] = `COMPREPLY=(); return ;;`
				}
			}
			add(c.kinds)
		}
	}
	add(spec)
	var out []string
	for p, a := range arms {
		out = append(out, p+") "+a)
	}
	sort.Strings(out)
	return out
}

func writeZsh(w io.Writer, spec []compCommand) {
	fmt.Fprintf(w, "#compdef playbook\n# zsh completion for playbook.\n# Load it with: source <(playbook completion zsh)\n\n")
	fmt.Fprintf(w, "_playbook() {\n    local curcontext=\"$curcontext\" state line\n    typeset -A opt_args\n")
	fmt.Fprintf(w, "    local -a commands\n    commands=(\n")
	for _, c := range spec {
		fmt.Fprintf(w, "        %s\n", zshQuote(c.name+":"+c.summary))
	}
	fmt.Fprintf(w, "    )\n    _arguments -C '1: :->command' '*:: :->args'\n    case $state in\n")
	fmt.Fprintf(w, "    command)\n        _describe -t commands 'playbook command' commands\n        ;;\n")
	fmt.Fprintf(w, "    args)\n        case $words[1] in\n")
	for _, c := range spec {
		fmt.Fprintf(w, "        %s)\n", c.name)
		if len(c.kinds) > 0 {
			fmt.Fprintf(w, "            if (( CURRENT == 2 )); then\n                local -a kinds\n                kinds=(")
			for _, k := range c.kinds {
				fmt.Fprintf(w, " %s", zshQuote(k.name+":"+k.summary))
			}
			fmt.Fprintf(w, " )\n                _describe -t kinds 'kind' kinds\n                return\n            fi\n            case $words[2] in\n")
			for _, k := range c.kinds {
				fmt.Fprintf(w, "            %s) _arguments%s '*:argument:' ;;\n", k.name, zshFlags(k.flags))
			}
			fmt.Fprintf(w, "            esac\n            ;;\n")
			continue
		}
		switch {
		case len(c.words) > 0:
			fmt.Fprintf(w, "            _arguments%s '1:argument:(%s)'\n            ;;\n", zshFlags(c.flags), strings.Join(c.words, " "))
		case len(c.flags) > 0:
			fmt.Fprintf(w, "            _arguments%s\n            ;;\n", zshFlags(c.flags))
		default:
			fmt.Fprintf(w, "            _message 'no arguments'\n            ;;\n")
		}
	}
	fmt.Fprintf(w, "        esac\n        ;;\n    esac\n}\n\nif [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n    _playbook \"$@\"\nelse\n    compdef _playbook playbook\nfi\n")
}

// zshFlags writes the _arguments specs of flags, each with its alias.
func zshFlags(flags []compFlag) string {
	var b strings.Builder
	for _, f := range flags {
		desc := "[" + zshEscape(f.summary) + "]"
		action := ""
		switch f.value {
		case "dir":
			action = ":folder:_files -/"
		case "file":
			action = ":file:_files"
		case "words":
			action = ":value:(" + strings.Join(f.words, " ") + ")"
		case "any":
			action = ":value:"
		}
		if f.short != "" {
			fmt.Fprintf(&b, " %s", zshQuote("(-"+f.short+" --"+f.long+")"+"-"+f.short+desc+action))
			fmt.Fprintf(&b, " %s", zshQuote("(-"+f.short+" --"+f.long+")"+"--"+f.long+desc+action))
		} else {
			fmt.Fprintf(&b, " %s", zshQuote("--"+f.long+desc+action))
		}
	}
	return b.String()
}

// zshEscape escapes what _arguments reads specially in a description.
func zshEscape(s string) string {
	return strings.NewReplacer(`[`, `\[`, `]`, `\]`, `:`, `\:`).Replace(s)
}

// zshQuote single-quotes s for zsh (and any POSIX shell).
func zshQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func writeFish(w io.Writer, spec []compCommand) {
	fmt.Fprintf(w, "# fish completion for playbook.\n# Load it with: playbook completion fish | source\n\ncomplete -c playbook -f\n")
	var names []string
	for _, c := range spec {
		names = append(names, c.name)
	}
	for _, c := range spec {
		fmt.Fprintf(w, "complete -c playbook -n '__fish_use_subcommand' -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range spec {
		cond := "__fish_seen_subcommand_from " + c.name
		if len(c.kinds) > 0 {
			var kinds []string
			for _, k := range c.kinds {
				kinds = append(kinds, k.name)
			}
			none := cond + "; and not __fish_seen_subcommand_from " + strings.Join(kinds, " ")
			for _, k := range c.kinds {
				fmt.Fprintf(w, "complete -c playbook -n %s -a %s -d %s\n", fishQuote(none), k.name, fishQuote(k.summary))
			}
			for _, k := range c.kinds {
				writeFishFlags(w, cond+"; and __fish_seen_subcommand_from "+k.name, k.flags)
			}
			continue
		}
		for _, word := range c.words {
			fmt.Fprintf(w, "complete -c playbook -n %s -a %s\n", fishQuote(cond), word)
		}
		writeFishFlags(w, cond, c.flags)
	}
}

func writeFishFlags(w io.Writer, cond string, flags []compFlag) {
	for _, f := range flags {
		line := fmt.Sprintf("complete -c playbook -n %s -l %s", fishQuote(cond), f.long)
		if f.short != "" {
			line += " -s " + f.short
		}
		switch f.value {
		case "dir":
			line += " -x -a '(__fish_complete_directories)'"
		case "file":
			line += " -r -F"
		case "words":
			line += " -x -a " + fishQuote(strings.Join(f.words, " "))
		case "any":
			line += " -x"
		}
		fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(f.summary))
	}
}

// fishQuote single-quotes s for fish, which escapes only \ and '.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
