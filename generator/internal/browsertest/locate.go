package browsertest

import (
	"fmt"
	"os"
	"strconv"
)

// DefaultChromium is where Debian's chromium package installs the browser.
const DefaultChromium = "/usr/bin/chromium"

// EnvChromium names the environment variable that overrides DefaultChromium.
const EnvChromium = "PLAYBOOK_CHROMIUM"

// verdict says what a test does about the browser it needs.
type verdict int

const (
	run  verdict = iota // the browser is there: run the test
	skip                // no browser on a developer's machine: skip
	fail                // no browser under CI: fail, so CI cannot go green without running
)

// decision is the outcome of locate: the browser to start, or why not.
type decision struct {
	verdict verdict
	path    string // the browser's path, whether found or not
	msg     string // why the test skips or fails; empty when it runs
}

// locate decides where the browser is and what a test does when it is
// missing. It reads the environment only through getenv and the file system
// only through executable, so that every branch can be tested without
// touching either.
//
// CI counts as set when its value parses as true with strconv.ParseBool
// ("true", "1", "TRUE"...), which covers what CI systems export.
func locate(getenv func(string) string, executable func(string) bool) decision {
	path, from := getenv(EnvChromium), " (set by "+EnvChromium+")"
	if path == "" {
		path, from = DefaultChromium, ""
	}
	if executable(path) {
		return decision{verdict: run, path: path}
	}
	msg := fmt.Sprintf("no Chromium at %q%s: install Debian's chromium package: apt-get install chromium", path, from)
	if ci, _ := strconv.ParseBool(getenv("CI")); ci {
		return decision{verdict: fail, path: path, msg: msg + " (CI is set, so a missing browser fails the test)"}
	}
	return decision{verdict: skip, path: path, msg: msg}
}

// isExecutable reports whether path names a regular file that someone may
// execute; a folder or a plain file at the path counts as missing.
func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}
