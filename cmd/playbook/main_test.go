package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuildExampleSiteWithoutWarnings(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI(t, "build", "-s", "../..", "-d", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("the example playbook builds with messages:\n%s", stderr)
	}
	if !regexp.MustCompile(`^Built \d+ pages, \d+ generated pages and \d+ other files in \d+(\.\d+)?m?s → .+/public/\n$`).MatchString(stdout) {
		t.Errorf("summary line %q", stdout)
	}
	for _, f := range []string{"index.html", "roles/product-owner/index.html", "roles/scrum-master/index.html",
		"roles/development-team/index.html", "roles/stakeholders/index.html", "roles/po/index.html", "404.html", "sitemap.xml", "robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("example site lacks %s", f)
		}
	}
}

func TestBuildExitCodes(t *testing.T) {
	good := writeSite(t, map[string]string{"content/a.md": "# A\n"})
	bad := writeSite(t, map[string]string{
		"content/a.md": "# A\n\n[x](missing.md)\n",
		"content/b.md": "---\nweight: x\n---\n",
	})
	if _, _, stderr := runCLI(t, "serve", "--port", "187811836"); stderr != "playbook serve: port 187811836 is out of range: use 1 to 65535 (0 takes any free port)\n" {
		t.Errorf("serve with a port out of range: stderr %q", stderr)
	}
	code, stdout, _ := runCLI(t, "build", "--source", good, "--destination", filepath.Join(good, "out"))
	if code != exitOK || !strings.HasPrefix(stdout, "Built 1 page, 3 generated pages and ") {
		t.Errorf("good site: exit %d, %q", code, stdout)
	}

	code, _, stderr := runCLI(t, "build", "-s", bad)
	if code != exitContent {
		t.Errorf("content errors: exit %d, want %d", code, exitContent)
	}
	wantLines := []string{
		bad + `/content/a.md:3:1: link to missing page "missing.md"`,
		bad + `/content/b.md:2:1: front matter "weight" must be a whole number, not the text "x"`,
		"Build failed: 2 errors; no output folder was written.",
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(wantLines, "\n"))
	}

	// With an earlier output, the failed build says it is still there.
	if err := os.WriteFile(filepath.Join(good, "content", "b.md"), []byte("---\nweight: x\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr = runCLI(t, "build", "--source", good, "--destination", filepath.Join(good, "out"))
	if !strings.HasSuffix(stderr, "Build failed: 1 error; the output folder was left as it was.\n") {
		t.Errorf("stderr of a failed rebuild:\n%s", stderr)
	}

	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--no-such-flag"}, {"build", "extra-arg"}, {"serve", "--port", "70000"}, {"serve", "-p", "-1"}} {
		if code, _, _ := runCLI(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"help"}, {"build", "--help"}, {"version", "-h"}} {
		code, stdout, _ := runCLI(t, args...)
		if code != exitOK || !strings.Contains(stdout, "Usage") {
			t.Errorf("%q: exit %d, output %q", args, code, stdout)
		}
	}
	_, stdout, _ := runCLI(t, "build", "--help")
	for _, flag := range []string{"-s, --source", "-d, --destination", "--baseURL", "--drafts"} {
		if !strings.Contains(stdout, flag) {
			t.Errorf("build --help lacks %s", flag)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "version")
	if code != exitOK || !strings.HasPrefix(stdout, "playbook ") {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}

func TestCheckCommand(t *testing.T) {
	clean := writeSite(t, map[string]string{"content/a.md": "# A\n\n## Part\n\n[self](#part)\n"})
	code, stdout, stderr := runCLI(t, "check", "-s", clean)
	if code != exitOK || stdout != "" || !strings.HasPrefix(stderr, "Checked 1 page in ") {
		t.Errorf("clean: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	warned := writeSite(t, map[string]string{"content/a.md": "# A\n\n![](pic.svg)\n", "content/pic.svg": "<svg/>"})
	if code, stdout, _ := runCLI(t, "check", "-s", warned); code != exitOK || !strings.Contains(stdout, "warning: image") {
		t.Errorf("warnings alone: exit %d, %q", code, stdout)
	}
	if code, _, _ := runCLI(t, "check", "-s", warned, "--strict"); code != exitContent {
		t.Errorf("--strict with a warning: exit %d, want %d", code, exitContent)
	}

	broken := writeSite(t, map[string]string{"content/a.md": "# A\n\n[x](#nowhere)\n"})
	code, stdout, _ = runCLI(t, "check", "-s", broken, "--format", "json")
	if code != exitContent {
		t.Errorf("broken: exit %d", code)
	}
	var got struct {
		File, Severity, Message string
		Line, Column            int
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("json output %q: %v", stdout, err)
	}
	if got.File != broken+"/content/a.md" || got.Line != 3 || got.Column != 1 || got.Severity != "error" || got.Message != "link to missing heading #nowhere in this page" {
		t.Errorf("json problem: %+v", got)
	}
	if code, _, _ := runCLI(t, "check", "--format", "xml"); code != exitUsage {
		t.Errorf("bad format: exit %d", code)
	}
}
