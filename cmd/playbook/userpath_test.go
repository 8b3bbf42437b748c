package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// userPathMarker precedes the README's block of a newcomer's commands.
const userPathMarker = "<!-- user path: the lines of the next block are run by TestUserPath -->"

// TestUserPath walks the README's user path in a fresh folder, with the
// README's own lines: install (go build instead of go install, which would
// fetch the published module), new site, serve answering over HTTP, check
// without a warning, build; and checks that serve, check and build count
// the site alike.
func TestUserPath(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	lines := readmeUserPath(t)
	bin := t.TempDir()
	dir := t.TempDir()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var serveCount, buildCount string
	checkPages := ""
	for _, line := range lines {
		switch {
		case strings.HasPrefix(line, "go install github.com/playbookhq/playbook/cmd/playbook"):
			cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "playbook"), "./cmd/playbook")
			cmd.Dir = repo
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
		case strings.HasPrefix(line, "cd "):
			dir = filepath.Join(dir, strings.TrimSpace(strings.TrimPrefix(line, "cd ")))
		case strings.HasPrefix(line, "playbook serve"):
			serveCount = serveAndStop(t, line, dir, env)
		default:
			stdout, stderr := runLine(t, line, dir, env)
			switch {
			case strings.HasPrefix(line, "playbook new site "):
				if !strings.HasSuffix(stdout, "\nNext: cd my-handbook && playbook serve\n") || stderr != "" {
					t.Errorf("%s:\nstdout %q\nstderr %q", line, stdout, stderr)
				}
			case strings.HasPrefix(line, "playbook check"):
				m := regexp.MustCompile(`^Checked (\d+) pages in \S+: 0 errors, 0 warnings\n$`).FindStringSubmatch(stderr)
				if m == nil || stdout != "" {
					t.Errorf("%s: stdout %q, stderr %q; want no problem at all", line, stdout, stderr)
				} else {
					checkPages = m[1]
				}
			case strings.HasPrefix(line, "playbook build"):
				m := regexp.MustCompile(`^Built (.+) in \S+ → public/\n$`).FindStringSubmatch(stdout)
				if m == nil || stderr != "" {
					t.Errorf("%s: stdout %q, stderr %q", line, stdout, stderr)
				} else {
					buildCount = m[1]
				}
				if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
					t.Errorf("%s wrote no public/index.html: %v", line, err)
				}
			default:
				t.Fatalf("the user path has a line this test does not know: %q", line)
			}
		}
	}
	if buildCount == "" || serveCount != buildCount || !strings.HasPrefix(buildCount, checkPages+" pages, ") {
		t.Errorf("the commands count the site differently: serve %q, build %q, check %s pages", serveCount, buildCount, checkPages)
	}
}

// readmeUserPath returns the command lines of the README's user path.
func readmeUserPath(t *testing.T) []string {
	t.Helper()
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), userPathMarker+"\n```sh\n")
	block, _, closed := strings.Cut(rest, "\n```")
	if !ok || !closed {
		t.Fatalf("the README has no block after %q", userPathMarker)
	}
	return strings.Split(block, "\n")
}

// runLine runs one README line in bash, which also drops its comment.
func runLine(t *testing.T, line, dir string, env []string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := exec.Command("bash", "-c", line)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, env, &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s%s", line, err, out.String(), errb.String())
	}
	return out.String(), errb.String()
}

// serveAndStop runs the serve line, fetches the page it names, stops it
// with Ctrl-C's signal and returns the count of its first build's line.
func serveAndStop(t *testing.T, line, dir string, env []string) (count string) {
	t.Helper()
	cmd := exec.Command("bash", "-c", "exec "+line)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() // only if the test fails half way
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	next := func() string {
		t.Helper()
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("%s ended early:\n%s", line, stderr.String())
			}
			return l
		case <-time.After(60 * time.Second): // a guard against a hang only
			t.Fatalf("%s printed nothing for 60s:\n%s", line, stderr.String())
		}
		return ""
	}
	first := next()
	if regexp.MustCompile(`^port 1313 is in use; using \d+$`).MatchString(first) {
		first = next() // another program has the default port
	}
	m := regexp.MustCompile(`^Serving at (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)$`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("%s: no 'Serving at' line", line)
	}
	built := regexp.MustCompile(`^Built (.+) in \S+$`).FindStringSubmatch(next())
	if built == nil {
		t.Fatalf("%s: the first build's line is missing", line)
	}
	resp, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "<h1>Product Playbook</h1>") {
		t.Errorf("GET %s: %d\n%s", m[1], resp.StatusCode, body)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if l := next(); l != "Stopped." {
		t.Errorf("%s after Ctrl-C printed %q, want Stopped.", line, l)
	}
	for range lines {
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("%s after Ctrl-C: %v\n%s", line, err, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Errorf("%s wrote public/", line)
	}
	return built[1]
}

// TestReadmeCountsAreTheExamples checks that the README quotes the summary
// lines build and check print for the example playbook as they are today:
// one page count everywhere.
func TestReadmeCountsAreTheExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, stdout, _ := runCLI(t, "build", "-s", "../..", "-d", filepath.Join(t.TempDir(), "public"))
	_, _, checked := runCLI(t, "check", "-s", "../..")
	counts := regexp.MustCompile(`(Built|Checked) \d+ pages(, \d+ generated pages and \d+ other files)?`)
	want := map[string]bool{}
	for _, line := range []string{stdout, checked} {
		if m := counts.FindString(line); m != "" {
			want[m] = true
		}
	}
	if len(want) != 2 {
		t.Fatalf("build and check printed %q and %q", stdout, checked)
	}
	for _, quoted := range counts.FindAllString(string(readme), -1) {
		if !want[quoted] {
			t.Errorf("the README says %q; for the example playbook, build and check say %v", quoted, want)
		}
	}
}
