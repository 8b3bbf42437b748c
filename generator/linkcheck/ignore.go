package linkcheck

import (
	"net/url"
	"path"
	"strings"
)

// ignored reports whether the link written as raw, parsed as u, matches one of the patterns,
// by the rules documented on Options.Ignore.
func ignored(raw string, u *url.URL, patterns []string) bool {
	if len(patterns) == 0 {
		return false
	}
	hp := hostPath(u)
	for _, p := range patterns {
		if p == "" {
			continue
		}
		if strings.HasPrefix(raw, p) || globMatches(p, hp) {
			return true
		}
	}
	return false
}

// hostPath is the "host/path" form ignore globs are matched against.
func hostPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	return strings.ToLower(u.Host) + p
}

// globMatches reports whether pattern matches s or a leading part of s that ends just before
// a "/". path.Match's "*" never crosses a "/", so without the leading parts "*.example.com"
// could not ignore a whole site.
func globMatches(pattern, s string) bool {
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '/' {
			continue
		}
		if ok, _ := path.Match(pattern, s[:i]); ok {
			return true
		}
	}
	return false
}
