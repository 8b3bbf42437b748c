package server

import (
	"path"
	"strings"
)

// safePath reports whether p, a decoded URL path, may be mapped onto files:
// it is absolute and holds no backslash (a separator on Windows), no NUL and
// no ".." segment. The check runs after decoding, so "%2e%2e" and "..%2f"
// are caught too; os.Root then keeps symbolic links inside the folder.
func safePath(p string) bool {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for seg := range strings.SplitSeq(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// canonicalPath returns p without empty or "." segments, keeping a trailing
// slash, so that each file has one URL ("/a//b/./" becomes "/a/b/").
func canonicalPath(p string) string {
	c := path.Clean(p)
	if c != "/" && (strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.")) {
		c += "/"
	}
	return c
}
