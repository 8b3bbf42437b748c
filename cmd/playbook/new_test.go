package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/scaffold"
)

func TestNewCommands(t *testing.T) {
	site := filepath.Join(t.TempDir(), "handbook")
	code, stdout, stderr := runCLI(t, "new", "site", site)
	if code != exitOK || stderr != "" {
		t.Fatalf("new site: exit %d\n%s", code, stderr)
	}
	if lines := strings.Split(strings.TrimSpace(stdout), "\n"); len(lines) != 12 || lines[0] != site+"/playbook.toml" || lines[1] != site+"/.gitignore" ||
		lines[10] != "" || lines[11] != "Next: cd "+site+" && playbook serve" {
		t.Errorf("new site printed:\n%s", stdout)
	}
	spaced := filepath.Join(t.TempDir(), "my handbook")
	if _, stdout, _ := runCLI(t, "new", "site", spaced); !strings.HasSuffix(stdout, "\nNext: cd '"+spaced+"' && playbook serve\n") {
		t.Errorf("new site in a folder with a space printed:\n%s", stdout)
	}

	// Positional arguments before and after the flags, in both spellings.
	pages := []struct {
		args []string
		file string
	}{
		{[]string{"new", "role", "Product Manager", "-s", site}, "content/roles/product-manager.md"},
		{[]string{"new", "role", "--source=" + site, "ux-designer"}, "content/roles/ux-designer.md"},
		{[]string{"new", "expectations", "-s", site, "product-manager", "scrum-master"}, "content/expectations/product-manager-from-scrum-master.md"},
		{[]string{"new", "vision-board", "Route Planner", "--source", site}, "content/vision-boards/route-planner.md"},
		{[]string{"new", "qa", "Working with stakeholders", "-s", site}, "content/qa/working-with-stakeholders.md"},
		{[]string{"new", "article", "Moving refinement to twice a week", "-s", site}, "content/articles/moving-refinement-to-twice-a-week.md"},
	}
	for _, p := range pages {
		code, stdout, stderr := runCLI(t, p.args...)
		if want := filepath.Join(site, p.file) + "\n"; code != exitOK || stdout != want || stderr != "" {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 0, stdout %q", p.args, code, stdout, stderr, want)
		}
	}
	article, err := os.ReadFile(filepath.Join(site, "content/articles/moving-refinement-to-twice-a-week.md"))
	if err != nil {
		t.Fatal(err)
	}
	if today := time.Now().Format("2006-01-02"); !strings.Contains(string(article), "\ndate: "+today+"\n") {
		t.Errorf("the article is not dated today (%s):\n%s", today, article)
	}

	if code, _, stderr := runCLI(t, "build", "-s", site, "-d", filepath.Join(t.TempDir(), "out")); code != exitOK || stderr != "" {
		t.Errorf("the scaffolded site does not build cleanly: exit %d\n%s", code, stderr)
	}

	refusals := []struct {
		args   []string
		stderr string
	}{
		{[]string{"new", "role", "Product Manager", "-s", site},
			`playbook new role: "` + site + `/content/roles/product-manager.md" already exists: choose another name, or edit that file`},
		{[]string{"new", "expectations", "product-owner", "scrum-mastr", "-s", site},
			`playbook new expectations: unknown role "scrum-mastr" (did you mean scrum-master?)`},
		{[]string{"new", "site", site},
			`playbook new site: "` + site + `" is not empty: new site writes only into a new or empty folder`},
		{[]string{"new", "role", "Designer", "-s", t.TempDir()},
			`playbook new role: no content folder at "`},
	}
	for _, r := range refusals {
		code, stdout, stderr := runCLI(t, r.args...)
		if code != exitContent || stdout != "" || !strings.HasPrefix(stderr, r.stderr) {
			t.Errorf("%q: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and:\n%s", r.args, code, stdout, stderr, r.stderr)
		}
	}
}

func TestNewUsage(t *testing.T) {
	for _, args := range [][]string{{"new"}, {"new", "frobnicate"}, {"new", "role"}, {"new", "expectations", "a"},
		{"new", "role", "a", "b"}, {"new", "role", "A", "--no-such-flag"}, {"new", "site", "x", "-s", "y"}} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
	code, _, stderr := runCLI(t, "new", "expectations", "product-owner")
	if want := "playbook new expectations: takes exactly the arguments FROM OF, for example:\n  playbook new expectations product-owner scrum-master\n"; code != exitUsage || stderr != want {
		t.Errorf("one argument: exit %d, stderr %q, want %q", code, stderr, want)
	}
	for _, args := range [][]string{{"new", "--help"}, {"new", "role", "--help"}, {"new", "article", "X", "-h"}} {
		code, stdout, _ := runCLI(t, args...)
		if code != exitOK || !strings.HasPrefix(stdout, "Usage: playbook new") {
			t.Errorf("%q: exit %d, stdout:\n%s", args, code, stdout)
		}
	}
	if _, stdout, _ := runCLI(t, "--help"); !strings.Contains(stdout, "\n  new        create a site or a page from a documented skeleton\n") {
		t.Errorf("playbook --help does not list new:\n%s", stdout)
	}
}

// TestCICommandsWork runs the playbook commands of each CI file that
// `new site --ci` writes, on that new site, with the variables the host
// would set.
func TestCICommandsWork(t *testing.T) {
	hosts := map[string]struct{ variable, value string }{
		"github": {"${{ steps.pages.outputs.base_url }}", "https://org.github.io/handbook"},
		"gitlab": {"$CI_PAGES_URL", "https://group.gitlab.io/handbook"},
	}
	for host, v := range hosts {
		site := filepath.Join(t.TempDir(), "handbook")
		if code, _, stderr := runCLI(t, "new", "site", site, "--ci", host); code != exitOK {
			t.Fatalf("new site --ci %s: exit %d\n%s", host, code, stderr)
		}
		rel, _, _ := scaffold.CIFile(host)
		text, err := os.ReadFile(filepath.Join(site, rel))
		if err != nil {
			t.Fatal(err)
		}
		var ran int
		for _, line := range strings.Split(string(text), "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "- "))
			line = strings.TrimPrefix(line, "run: ")
			if !strings.HasPrefix(line, "playbook ") {
				continue
			}
			args := shellWords(strings.ReplaceAll(line, v.variable, v.value))[1:]
			out := filepath.Join(t.TempDir(), "public")
			args = append(args, "-s", site)
			if args[0] == "build" {
				args = append(args, "-d", out)
			}
			code, _, stderr := runCLI(t, args...)
			if code != exitOK || stderr != "" && !strings.HasPrefix(stderr, "Checked ") {
				t.Errorf("%s: %q: exit %d\n%s", host, line, code, stderr)
			}
			if args[0] == "build" {
				index, _ := os.ReadFile(filepath.Join(out, "index.html"))
				if want := `<link rel="canonical" href="` + v.value + `/">`; !strings.Contains(string(index), want) {
					t.Errorf("%s: the built home page lacks %s", host, want)
				}
			}
			ran++
		}
		if ran < 2 {
			t.Errorf("%s: %d playbook commands found, want check and build", host, ran)
		}
	}
}

// shellWords splits a command line as a shell would, for the plain words
// and double-quoted strings that CI files use.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
			}
			inWord = false
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}
