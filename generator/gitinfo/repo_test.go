package gitinfo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testRepo is a real git repository in a temporary folder, written and
// committed with git itself, isolated from the user's and system git config.
type testRepo struct {
	tb  testing.TB
	dir string
}

// newTestRepo runs `git init` in a fresh temporary folder, or skips the test
// when git is not installed.
func newTestRepo(tb testing.TB) *testRepo {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	r := &testRepo{tb: tb, dir: tb.TempDir()}
	r.git("", "init", "-q")
	return r
}

// write creates or replaces files, given as slash paths relative to the
// repository, creating folders as needed.
func (r *testRepo) write(files map[string]string) {
	r.tb.Helper()
	for name, body := range files {
		path := filepath.Join(r.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			r.tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			r.tb.Fatal(err)
		}
	}
}

// commit writes files, stages everything and commits it with the given author
// date; the committer date is an hour later, so a test can tell them apart.
func (r *testRepo) commit(authorDate string, files map[string]string) {
	r.tb.Helper()
	r.write(files)
	r.git("", "add", "-A")
	r.git(authorDate, "commit", "-q", "--allow-empty", "-m", "change")
}

// git runs one git command in the repository; a non-empty date sets the
// author date (and the committer date an hour later).
func (r *testRepo) git(authorDate string, args ...string) string {
	r.tb.Helper()
	cmd := exec.Command("git", append([]string{
		"-c", "init.defaultBranch=main",
		"-c", "commit.gpgsign=false",
		"-c", "user.name=t",
		"-c", "user.email=t@example.com",
	}, args...)...)
	cmd.Dir = r.dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	if authorDate != "" {
		at, err := time.Parse(time.RFC3339, authorDate)
		if err != nil {
			r.tb.Fatal(err)
		}
		cmd.Env = append(cmd.Env,
			"GIT_AUTHOR_DATE="+authorDate,
			"GIT_COMMITTER_DATE="+at.Add(time.Hour).Format(time.RFC3339))
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
