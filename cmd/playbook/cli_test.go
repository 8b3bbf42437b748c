package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestUsageErrors holds the exact text of every command-line mistake: one
// line on stderr, nothing on stdout, exit status 2.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"biuld"}, `playbook: unknown command "biuld" (did you mean build?). Run 'playbook --help' for the commands.`},
		{[]string{"serv", "-s", "x"}, `playbook: unknown command "serv" (did you mean serve?). Run 'playbook --help' for the commands.`},
		{[]string{"frobnicate"}, `playbook: unknown command "frobnicate". Run 'playbook --help' for the commands.`},
		{[]string{"help", "chek"}, `playbook: unknown command "chek" (did you mean check?). Run 'playbook --help' for the commands.`},
		{[]string{"-s", "site"}, `playbook: no command given. Run 'playbook --help' for the commands.`},
		{[]string{"build", "--baseurl", "https://x.org/"}, `playbook build: unknown flag --baseurl (did you mean --baseURL?). Run 'playbook build --help' for its flags.`},
		{[]string{"build", "--destinaton=out"}, `playbook build: unknown flag --destinaton (did you mean --destination?). Run 'playbook build --help' for its flags.`},
		{[]string{"serve", "--prot", "8080"}, `playbook serve: unknown flag --prot (did you mean --port?). Run 'playbook serve --help' for its flags.`},
		{[]string{"build", "--no-such-flag"}, `playbook build: unknown flag --no-such-flag. Run 'playbook build --help' for its flags.`},
		{[]string{"check", "-x"}, `playbook check: unknown flag -x. Run 'playbook check --help' for its flags.`},
		{[]string{"new", "role", "A", "--sorce", "."}, `playbook new role: unknown flag --sorce (did you mean --source?). Run 'playbook new role --help' for its flags.`},
		{[]string{"build", "-s"}, `playbook build: -s needs a value. Run 'playbook build --help' for its flags.`},
		{[]string{"build", "---s", "x"}, `playbook build: ---s is not a flag: flags are written --name or --name=value`},
		{[]string{"build", "--baseURL", "notaurl"}, `playbook build: --baseURL "notaurl" must start with http://, https:// or /`},
		{[]string{"build", "--baseURL=ftp://example.org/"}, `playbook build: --baseURL "ftp://example.org/" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`},
		{[]string{"build", "my-handbook"}, `playbook build: unexpected argument "my-handbook"; to use the site in that folder, write --source my-handbook`},
		{[]string{"check", "my handbook"}, `playbook check: unexpected argument "my handbook"; to use the site in that folder, write --source 'my handbook'`},
		{[]string{"serve", "a", "b"}, `playbook serve: unexpected argument "a b"`},
		{[]string{"version", "x"}, `playbook version: unexpected argument "x"`},
		{[]string{"serve", "--port", "abc"}, `playbook serve: --port must be a whole number, not "abc"`},
		{[]string{"serve", "--port", "187811836"}, `playbook serve: port 187811836 is out of range: use 1 to 65535 (0 takes any free port)`},
		{[]string{"serve", "-p", "-1"}, `playbook serve: port -1 is out of range: use 1 to 65535 (0 takes any free port)`},
		{[]string{"build", "--drafts=maybe"}, `playbook build: --drafts must be true or false, not "maybe"`},
		{[]string{"check", "--format", "xml"}, `playbook check: --format must be text or json, not "xml"`},
		{[]string{"build", "-q", "--verbose"}, `playbook build: --quiet and --verbose cannot be used together`},
		{[]string{"new", "rol", "Designer"}, `playbook new: unknown kind "rol" (did you mean role?). Run 'playbook new --help' for the kinds.`},
		{[]string{"completion"}, `playbook completion: name one shell: bash, zsh or fish`},
		{[]string{"completion", "tcsh"}, `playbook completion: unknown shell "tcsh": use bash, zsh or fish`},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(t, tt.args...)
		if code != exitUsage || stdout != "" || stderr != tt.stderr+"\n" {
			t.Errorf("playbook %s:\nexit %d, stdout %q\nstderr %q\nwant exit 2 and stderr %q", strings.Join(tt.args, " "), code, stdout, stderr, tt.stderr+"\n")
		}
	}
}

// TestHelpForms checks that every way of asking for a command's help gives
// the same text, on stdout, with exit status 0.
func TestHelpForms(t *testing.T) {
	same := [][][]string{
		{{"build", "--help"}, {"help", "build"}, {"build", "-h"}, {"-h", "build"}, {"build", "-s", "x", "--help"}},
		{{"new", "role", "--help"}, {"help", "new", "role"}, {"new", "--help", "role"}},
		{{"--help"}, {"help"}, {"-h"}, {"help", "help"}},
	}
	for _, group := range same {
		_, first, _ := runCLI(t, group[0]...)
		for _, args := range group {
			code, stdout, stderr := runCLI(t, args...)
			if code != exitOK || stderr != "" || stdout != first {
				t.Errorf("playbook %s: exit %d, stderr %q, and its help differs from that of playbook %s:\n%s",
					strings.Join(args, " "), code, stderr, strings.Join(group[0], " "), stdout)
			}
		}
	}
	// The flags' column is as wide as the longest flag: compare words.
	_, stdout, _ := runCLI(t, "build", "--help")
	lines := map[string]bool{}
	for _, l := range strings.Split(stdout, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	for _, line := range []string{
		"Usage: playbook build [flags]",
		"-s, --source folder site folder holding playbook.toml and content/ (default .)",
		"--baseURL URL absolute URL or path the site is served under, e.g. https://example.org/handbook/",
		"--redirects netlify|cloudflare also write the _redirects file of a static host: a 301 from every alias, and the 404 page",
		"-q, --quiet print only errors and warnings",
		"--verbose also print what was read and written",
	} {
		if !lines[line] {
			t.Errorf("build --help lacks %q:\n%s", line, stdout)
		}
	}
	_, stdout, _ = runCLI(t, "--help")
	if !strings.Contains(stdout, "\n  completion print a shell completion script\n") {
		t.Errorf("playbook --help:\n%s", stdout)
	}
}

// TestFlagsBeforeAndAfterTheCommand builds one site with the site flag in
// every position it may take.
func TestFlagsBeforeAndAfterTheCommand(t *testing.T) {
	site := writeSite(t, map[string]string{"content/a.md": "# A\n"})
	out := filepath.Join(t.TempDir(), "out")
	for _, args := range [][]string{
		{"-s", site, "build", "-d", out},
		{"build", "-s", site, "-d", out},
		{"--source=" + site, "-d", out, "build"},
		{"-q", "build", "--source", site, "-d", out},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != exitOK || stderr != "" {
			t.Errorf("playbook %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
	}
	code, stdout, _ := runCLI(t, "-s", site, "new", "role", "Designer")
	if want := filepath.Join(site, "content/roles/designer.md") + "\n"; code != exitOK || stdout != want {
		t.Errorf("playbook -s SITE new role Designer: exit %d, stdout %q, want %q", code, stdout, want)
	}
}

func TestQuiet(t *testing.T) {
	site := writeSite(t, map[string]string{"content/a.md": "# A\n"})
	for _, args := range [][]string{
		{"build", "-q", "-s", site, "-d", filepath.Join(t.TempDir(), "out")},
		{"check", "--quiet", "-s", site},
		{"new", "role", "Designer", "-q", "-s", site},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != exitOK || stdout != "" || stderr != "" {
			t.Errorf("playbook %s: exit %d, stdout %q, stderr %q; want silence", strings.Join(args, " "), code, stdout, stderr)
		}
	}
	broken := writeSite(t, map[string]string{"content/a.md": "# A\n\n[x](b.md)\n"})
	code, _, stderr := runCLI(t, "build", "-q", "-s", broken)
	if want := broken + "/content/a.md:3:1: link to missing page \"b.md\" (did you mean \"a.md\"?)\nBuild failed: 1 error; no output folder was written.\n"; code != exitContent || stderr != want {
		t.Errorf("quiet build with an error: exit %d, stderr %q, want %q", code, stderr, want)
	}
}

func TestParseFlags(t *testing.T) {
	var source, format string
	var drafts bool
	f := newFlags("x")
	f.String(&source, "source", "s", ".", "")
	f.Bool(&drafts, "drafts", "", "")
	f.Choice(&format, "format", "text", []string{"text", "json"}, "")
	tests := []struct {
		args, positional []string
		source, format   string
		drafts           bool
	}{
		{[]string{"Product Manager", "-s", "site"}, []string{"Product Manager"}, "site", "text", false},
		{[]string{"-s", "site", "A", "B"}, []string{"A", "B"}, "site", "text", false},
		{[]string{"A", "--source=site", "--drafts", "B"}, []string{"A", "B"}, "site", "text", true},
		{[]string{"--drafts=false", "A", "--format", "json"}, []string{"A"}, ".", "json", false},
		{[]string{"A", "--", "-s", "--drafts"}, []string{"A", "-s", "--drafts"}, ".", "text", false},
		{[]string{"-", "--s", "x"}, []string{"-"}, "x", "text", false},
	}
	for _, tt := range tests {
		source, format, drafts = ".", "text", false
		positional, err := f.parse(tt.args)
		if err != nil || strings.Join(positional, "|") != strings.Join(tt.positional, "|") ||
			source != tt.source || format != tt.format || drafts != tt.drafts {
			t.Errorf("parse(%q) = %q, %v; source %q, format %q, drafts %v", tt.args, positional, err, source, format, drafts)
		}
	}
}

// TestCompletionScripts checks that each shell accepts its script and that
// it completes what it should, with the shells that are installed (Debian
// packages bash, zsh, fish).
func TestCompletionScripts(t *testing.T) {
	dir := t.TempDir()
	scripts := map[string]string{}
	for _, sh := range shells {
		code, stdout, stderr := runCLI(t, "completion", sh)
		if code != exitOK || stderr != "" || stdout == "" {
			t.Fatalf("completion %s: exit %d, stderr %q", sh, code, stderr)
		}
		scripts[sh] = filepath.Join(dir, "playbook."+sh)
		if err := os.WriteFile(scripts[sh], []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		path, err := exec.LookPath(sh)
		if err != nil {
			if os.Getenv("CI") == "true" && sh == "bash" {
				t.Fatalf("bash is not installed")
			}
			t.Logf("%s is not installed (Debian package %s): its script is not checked", sh, sh)
			continue
		}
		if out, err := exec.Command(path, "-n", scripts[sh]).CombinedOutput(); err != nil {
			t.Errorf("%s -n rejects the %s script: %v\n%s", sh, sh, err, out)
		}
	}

	if bash, err := exec.LookPath("bash"); err == nil {
		complete := func(words ...string) string {
			t.Helper()
			script := "source " + scripts["bash"] + "\nCOMP_WORDS=(" + strings.Join(quoteAll(words), " ") + ")\nCOMP_CWORD=" +
				strconv.Itoa(len(words)-1) + "\n_playbook\necho \"${COMPREPLY[*]}\"\n"
			out, err := exec.Command(bash, "-c", script).CombinedOutput()
			if err != nil {
				t.Fatalf("bash completion of %q: %v\n%s", words, err, out)
			}
			return strings.TrimSpace(string(out))
		}
		tests := []struct {
			words []string
			want  string
		}{
			{[]string{"playbook", "b"}, "build"},
			{[]string{"playbook", "-s", "site", "se"}, "serve"},
			{[]string{"playbook", "build", "--base"}, "--baseURL"},
			{[]string{"playbook", "check", "--format", ""}, "text json"},
			{[]string{"playbook", "new", "vi"}, "vision-board"},
			{[]string{"playbook", "new", "role", "--so"}, "--source"},
			{[]string{"playbook", "completion", "f"}, "fish"},
			{[]string{"playbook", "help", "ch"}, "check"},
		}
		for _, tt := range tests {
			if got := complete(tt.words...); got != tt.want {
				t.Errorf("bash completes %q to %q, want %q", tt.words, got, tt.want)
			}
		}
	}
	if fish, err := exec.LookPath("fish"); err == nil {
		out, err := exec.Command(fish, "-c", "source "+scripts["fish"]+"; complete -C 'playbook bu'; complete -C 'playbook new role --so'").CombinedOutput()
		if want := "build\tbuild the site into public/\n--source\tsite folder holding playbook.toml and content/\n"; err != nil || string(out) != want {
			t.Errorf("fish completion: %v\n%q\nwant %q", err, out, want)
		}
	}
}

func quoteAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = shellQuote(w)
	}
	return out
}

func TestVerbose(t *testing.T) {
	site := writeSite(t, map[string]string{"content/a.md": "# A\n", "content/pic.svg": "<svg/>"})
	code, stdout, _ := runCLI(t, "build", "--verbose", "-s", site, "-d", filepath.Join(t.TempDir(), "out"))
	want := "Config: none (every setting at its default)\n" +
		"Content: " + site + "/content/, 1 Markdown page and 1 other file\n" +
		"Theme: the built-in one\n" +
		"Built 1 page, 3 generated pages and "
	if code != exitOK || !strings.HasPrefix(stdout, want) {
		t.Errorf("build --verbose: exit %d\n%s\nwant it to start\n%s", code, stdout, want)
	}
	code, _, stderr := runCLI(t, "check", "--verbose", "-s", site)
	if want := strings.Join(strings.Split(want, "\n")[:3], "\n") + "\nChecked 1 page in "; code != exitOK || !strings.HasPrefix(stderr, want) {
		t.Errorf("check --verbose: exit %d\n%s\nwant it to start\n%s", code, stderr, want)
	}
}

func TestNetworkLine(t *testing.T) {
	if got := networkLine(nil); got != "" {
		t.Errorf("no addresses: %q", got)
	}
	if got, want := networkLine([]string{"http://mybox:1313/", "http://192.168.1.20:1313/"}), "On your network: http://mybox:1313/ http://192.168.1.20:1313/"; got != want {
		t.Errorf("networkLine = %q, want %q", got, want)
	}
}
