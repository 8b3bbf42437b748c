// Package gitinfo reads the "last updated" date of every content file from
// git history.
//
// The whole site costs one git process: a single `git log --name-only -z`
// over the content folder, parsed as it streams. Asking git once per file
// would cost a process per page, which on a 10,000-page site is most of the
// build.
//
// The choices behind the command line:
//
//   - Only commits reachable from HEAD, in git's default order; the first
//     (newest) commit that lists a file gives its date. The date is the
//     author date, in the author's own UTC offset.
//   - The pathspec "." limits history to the folder, so git's history
//     simplification hides the commits of a side branch whose changes a merge
//     threw away: a date is never one of a change that did not land.
//   - Merge commits are skipped (--no-merges): a merge lists no files of its
//     own, so a file changed on a branch gets the date of the branch commit
//     that changed it. A change made only while resolving a merge conflict
//     is not seen.
//   - --no-renames: a renamed file is dated by the commit that renamed it, and
//     the result does not depend on the user's diff.renames setting or on
//     rename detection, which is also the slow part of a log.
//   - -z with --relative: paths come back unquoted (spaces, Unicode, even
//     newlines are safe) and relative to the folder asked about.
//   - Settings that would change the output are pinned: log.showRoot (the
//     first commit's files), log.follow, log.showSignature, colour.
//
// A shallow clone (the default in many CI systems) dates every file that has
// not changed since the clone's oldest commit with that commit's date; fetch
// the full history to get true dates.
package gitinfo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// LastModified returns, for every file under dir that git has history for,
// the author date of the last commit that touched it, keyed by the path
// relative to dir with forward slashes. Files not yet committed have no entry;
// files deleted in history keep the date of the commit that deleted them.
//
// It runs exactly one git process. When git is not installed, dir is not in a
// repository, or the repository has no commits yet, the map is empty and the
// error nil: a site outside git simply has no dates. Any other failure of git
// is returned as an error.
func LastModified(ctx context.Context, dir string) (map[string]time.Time, error) {
	info, err := Read(ctx, dir)
	return info.Dates, err
}

// Info is what the one git log over a folder tells.
type Info struct {
	// Dates are LastModified's.
	Dates map[string]time.Time
	// Last is the newest commit that changed a file under the folder: the
	// edition of the content. It is zero without history.
	Last Commit
}

// Commit is one commit: its full hash and its author date.
type Commit struct {
	Hash string
	Date time.Time
}

// Read is LastModified with the newest commit of the folder besides, from
// the same git process.
func Read(ctx context.Context, dir string) (Info, error) {
	return lastModified(ctx, dir, "git")
}

// lastModified is Read with the git binary as a parameter, so that tests
// can count invocations or hide git without touching global state.
func lastModified(ctx context.Context, dir, git string) (Info, error) {
	cmd := exec.CommandContext(ctx, git, logArgs(dir)...)
	// Untranslated messages, so that "not a repository" can be recognised.
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	none := Info{Dates: map[string]time.Time{}}
	if err != nil {
		return Info{}, fmt.Errorf("gitinfo: git log in %q: %w", dir, err)
	}
	if err := cmd.Start(); err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return none, nil
		}
		return Info{}, fmt.Errorf("gitinfo: git log in %q: %w", dir, err)
	}
	info, parseErr := parseLog(stdout)
	// Git must be able to finish writing before Wait can return.
	_, _ = io.Copy(io.Discard, stdout)
	waitErr := cmd.Wait()
	if ctxErr := ctx.Err(); ctxErr != nil {
		return Info{}, fmt.Errorf("gitinfo: git log in %q: %w", dir, ctxErr)
	}
	if waitErr != nil {
		var exit *exec.ExitError
		if errors.As(waitErr, &exit) && noHistory(stderr.String()) {
			return none, nil
		}
		return Info{}, fmt.Errorf("gitinfo: git log in %q: %w: %s", dir, waitErr, lastLine(stderr.String()))
	}
	if parseErr != nil {
		return Info{}, fmt.Errorf("gitinfo: read git log in %q: %w", dir, parseErr)
	}
	return info, nil
}

// logArgs is the one git command line; see the package comment for why each
// flag is there.
func logArgs(dir string) []string {
	return []string{
		"-C", dir,
		"-c", "log.showRoot=true",
		"-c", "log.follow=false",
		"-c", "log.showSignature=false",
		"log",
		"--no-color",
		"--no-merges",
		"--no-renames",
		"--relative",
		"--name-only",
		"-z",
		"--format=" + commitFormat,
		"--", ".",
	}
}

// noHistory reports whether git's messages say there is no history to read
// rather than that something broke. The messages are git's own, in the C
// locale; "bad default revision" is how git before 2.5 said "no commits".
func noHistory(stderr string) bool {
	return strings.Contains(stderr, "not a git repository") ||
		strings.Contains(stderr, "does not have any commits yet") ||
		strings.Contains(stderr, "bad default revision 'HEAD'")
}

// lastLine returns the last non-empty line of git's messages: the "fatal:"
// line that says what went wrong.
func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		s = s[i+1:]
	}
	if s == "" {
		return "(no message from git)"
	}
	return s
}
