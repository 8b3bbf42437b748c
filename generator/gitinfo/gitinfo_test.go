package gitinfo

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// formatDates renders a result as "path date" lines in path order, so that a
// failure shows the whole map and the dates keep their UTC offsets.
func formatDates(dates map[string]time.Time) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(dates)) {
		fmt.Fprintf(&b, "%q %s\n", name, dates[name].Format(time.RFC3339))
	}
	return b.String()
}

func assertDates(t *testing.T, got map[string]time.Time, want map[string]string) {
	t.Helper()
	wantDates := make(map[string]time.Time, len(want))
	for name, date := range want {
		d, err := time.Parse(time.RFC3339, date)
		if err != nil {
			t.Fatal(err)
		}
		wantDates[name] = d
	}
	if g, w := formatDates(got), formatDates(wantDates); g != w {
		t.Errorf("dates:\n%s\nwant:\n%s", g, w)
	}
}

// siteRepo is a repository holding a site: a README at the top, content in a
// subfolder with awkward names, one file changed twice and one never committed.
func siteRepo(t *testing.T) *testRepo {
	r := newTestRepo(t)
	first := map[string]string{
		"README.md":                           "readme",
		"site/content/index.md":               "home",
		"site/content/roles/product owner.md": "po",
		"site/content/roles/über-uns.md":      "about",
		"site/content/qa/日本語.md":              "qa",
	}
	if runtime.GOOS != "windows" {
		first["site/content/line\nbreak.md"] = "newline in the name"
	}
	r.commit("2024-01-02T10:00:00+02:00", first)
	r.commit("2024-03-04T05:06:07Z", map[string]string{"site/content/index.md": "home, edited"})
	r.commit("2024-05-06T07:08:09-07:00", map[string]string{"README.md": "readme, edited"})
	r.write(map[string]string{"site/content/draft.md": "not committed"})
	return r
}

func TestLastModified(t *testing.T) {
	t.Parallel()
	r := siteRepo(t)
	newline := runtime.GOOS != "windows"

	t.Run("repository root", func(t *testing.T) {
		got, err := LastModified(context.Background(), r.dir)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"README.md":                           "2024-05-06T07:08:09-07:00",
			"site/content/index.md":               "2024-03-04T05:06:07Z",
			"site/content/roles/product owner.md": "2024-01-02T10:00:00+02:00",
			"site/content/roles/über-uns.md":      "2024-01-02T10:00:00+02:00",
			"site/content/qa/日本語.md":              "2024-01-02T10:00:00+02:00",
		}
		if newline {
			want["site/content/line\nbreak.md"] = "2024-01-02T10:00:00+02:00"
		}
		assertDates(t, got, want)
	})

	t.Run("content subfolder", func(t *testing.T) {
		got, err := LastModified(context.Background(), filepath.Join(r.dir, "site", "content"))
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{
			"index.md":               "2024-03-04T05:06:07Z",
			"roles/product owner.md": "2024-01-02T10:00:00+02:00",
			"roles/über-uns.md":      "2024-01-02T10:00:00+02:00",
			"qa/日本語.md":              "2024-01-02T10:00:00+02:00",
		}
		if newline {
			want["line\nbreak.md"] = "2024-01-02T10:00:00+02:00"
		}
		assertDates(t, got, want)
	})

	t.Run("the newest commit of the folder, from the same process", func(t *testing.T) {
		got, err := Read(context.Background(), filepath.Join(r.dir, "site", "content"))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(r.git("", "log", "-1", "--format=%H %aI", "--", "site/content"))
		if have := got.Last.Hash + " " + got.Last.Date.Format(time.RFC3339); have != strings.Replace(want, "+00:00", "Z", 1) {
			t.Errorf("last commit %q, want git's %q", have, want)
		}
	})

	t.Run("author date, not committer date", func(t *testing.T) {
		got, err := LastModified(context.Background(), filepath.Join(r.dir, "site", "content"))
		if err != nil {
			t.Fatal(err)
		}
		committed := strings.TrimSpace(r.git("", "log", "-1", "--format=%cI", "--", "site/content/index.md"))
		if committed != "2024-03-04T06:06:07+00:00" {
			t.Fatalf("test setup: committer date %s, want an hour after the author date", committed)
		}
		if d := got["index.md"].Format(time.RFC3339); d != "2024-03-04T05:06:07Z" {
			t.Errorf("index.md dated %s, want the author date 2024-03-04T05:06:07Z", d)
		}
	})
}

// TestLastModifiedBranches pins the history choices: a branch commit that was
// merged dates its file, a branch whose changes a merge discarded does not,
// merges themselves date nothing, and a rename dates both paths.
func TestLastModifiedBranches(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.commit("2024-01-01T00:00:00Z", map[string]string{"a.md": "a", "b.md": "b", "old.md": "old"})
	r.git("", "checkout", "-q", "-b", "side")
	r.commit("2024-01-02T00:00:00Z", map[string]string{"b.md": "b from side"})
	r.git("", "checkout", "-q", "main")
	r.commit("2024-01-03T00:00:00Z", map[string]string{"a.md": "a on main"})
	r.git("2024-01-04T00:00:00Z", "merge", "-q", "--no-ff", "-m", "merge side", "side")

	r.git("", "checkout", "-q", "-b", "dropped")
	r.commit("2024-01-05T00:00:00Z", map[string]string{"b.md": "b from dropped"})
	r.git("", "checkout", "-q", "main")
	r.git("2024-01-06T00:00:00Z", "merge", "-q", "--no-ff", "-s", "ours", "-m", "merge dropped", "dropped")

	r.git("", "mv", "old.md", "new.md")
	r.git("2024-01-07T00:00:00Z", "commit", "-q", "-m", "rename")

	r.git("", "checkout", "-q", "-b", "unmerged")
	r.commit("2024-01-08T00:00:00Z", map[string]string{"a.md": "a, not on main"})
	r.git("", "checkout", "-q", "main")

	got, err := LastModified(context.Background(), r.dir)
	if err != nil {
		t.Fatal(err)
	}
	assertDates(t, got, map[string]string{
		"a.md":   "2024-01-03T00:00:00Z",
		"b.md":   "2024-01-02T00:00:00Z",
		"old.md": "2024-01-07T00:00:00Z",
		"new.md": "2024-01-07T00:00:00Z",
	})
}

func TestLastModifiedNoHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	notRepo := t.TempDir()
	// Keep git from finding a repository above the temporary folder.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(notRepo))

	empty := newTestRepo(t)

	untracked := newTestRepo(t)
	untracked.commit("2024-01-01T00:00:00Z", map[string]string{"README.md": "readme"})
	untracked.write(map[string]string{"content/new.md": "not committed"})

	for name, dir := range map[string]string{
		"not a repository":       notRepo,
		"no commits":             empty.dir,
		"only uncommitted files": filepath.Join(untracked.dir, "content"),
	} {
		t.Run(name, func(t *testing.T) {
			got, err := LastModified(context.Background(), dir)
			if err != nil {
				t.Fatalf("error %v, want none", err)
			}
			if got == nil || len(got) != 0 {
				t.Errorf("dates %v, want an empty map", got)
			}
		})
	}
}

func TestLastModifiedWithoutGit(t *testing.T) {
	r := siteRepo(t)
	t.Setenv("PATH", t.TempDir())
	got, err := LastModified(context.Background(), r.dir)
	if err != nil {
		t.Fatalf("error %v, want none", err)
	}
	if got == nil || len(got) != 0 {
		t.Errorf("dates %v, want an empty map", got)
	}
}

func TestLastModifiedRunsGitOnce(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the counting wrapper is a shell script")
	}
	t.Parallel()
	r := siteRepo(t)
	realGit, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	count := filepath.Join(tmp, "count")
	wrapper := filepath.Join(tmp, "git")
	script := fmt.Sprintf("#!/bin/sh\necho run >> '%s'\nexec '%s' \"$@\"\n", count, realGit)
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}

	got, err := lastModified(context.Background(), r.dir, wrapper)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Dates) == 0 || got.Last.Hash == "" {
		t.Fatalf("no dates or no last commit through the wrapper: %+v", got)
	}
	runs, err := os.ReadFile(count)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(runs), "run\n"); n != 1 {
		t.Errorf("git ran %d times, want 1", n)
	}
}

func TestLastModifiedCorruptRepository(t *testing.T) {
	t.Parallel()
	r := newTestRepo(t)
	r.commit("2024-01-01T00:00:00Z", map[string]string{"content/index.md": "home"})
	tree := strings.TrimSpace(r.git("", "rev-parse", "HEAD^{tree}"))
	if err := os.Remove(filepath.Join(r.dir, ".git", "objects", tree[:2], tree[2:])); err != nil {
		t.Fatal(err)
	}

	_, err := LastModified(context.Background(), r.dir)
	want := fmt.Sprintf("gitinfo: git log in %q: exit status 128: fatal: unable to read tree %s", r.dir, tree)
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", err, want)
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Errorf("error %v does not wrap the *exec.ExitError", err)
	}
}

func TestLastModifiedCanceled(t *testing.T) {
	t.Parallel()
	r := siteRepo(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := LastModified(ctx, r.dir)
	want := fmt.Sprintf("gitinfo: git log in %q: context canceled", r.dir)
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
}

// TestLastModifiedIgnoresUserConfig sets, as a user might, every git setting
// that would change the output, and expects the same dates.
func TestLastModifiedIgnoresUserConfig(t *testing.T) {
	r := siteRepo(t)
	settings := [][2]string{
		{"log.showRoot", "false"},
		{"log.follow", "true"},
		{"log.showSignature", "true"},
		{"color.ui", "always"},
		{"diff.renames", "copies"},
		{"core.quotePath", "true"},
	}
	t.Setenv("GIT_CONFIG_COUNT", fmt.Sprint(len(settings)))
	for i, kv := range settings {
		t.Setenv(fmt.Sprintf("GIT_CONFIG_KEY_%d", i), kv[0])
		t.Setenv(fmt.Sprintf("GIT_CONFIG_VALUE_%d", i), kv[1])
	}
	got, err := LastModified(context.Background(), filepath.Join(r.dir, "site", "content", "roles"))
	if err != nil {
		t.Fatal(err)
	}
	assertDates(t, got, map[string]string{
		"product owner.md": "2024-01-02T10:00:00+02:00",
		"über-uns.md":      "2024-01-02T10:00:00+02:00",
	})
}
