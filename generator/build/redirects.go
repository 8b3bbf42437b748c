package build

import (
	"net/url"
	"strings"
)

// redirectsFile renders the _redirects file of the static host the config
// names, so that an alias answers with a real 301 instead of the redirect
// page the build also writes there. Both Netlify and Cloudflare Pages read
// "from to status" lines, but they differ where it matters:
//
//   - Netlify serves a file that exists at the old URL rather than follow
//     a rule (shadowing), so its rules are forced with "301!"; and it is
//     told which page answers a missing URL, which its default only does
//     at the root of the domain.
//   - Cloudflare Pages always follows a rule and finds the nearest
//     404.html by itself; it ignores lines with a status it does not know.
func (s *Site) redirectsFile() (outputAsset, bool) {
	host := s.Config.Redirects
	if host == "" {
		return outputAsset{}, false
	}
	status := "301"
	if host == "netlify" {
		status = "301!"
	}
	var b strings.Builder
	b.WriteString("# Written by playbook build for " + host + ": every alias goes to its page.\n")
	for _, p := range s.Content.Pages {
		for _, a := range p.Aliases {
			file, err := aliasFile(a)
			if err != nil {
				continue // an error of the build, reported by aliases
			}
			from := s.data.BasePath + strings.TrimSuffix(file, "index.html")
			b.WriteString(escapePath(from) + " " + escapePath(s.url(p)) + " " + status + "\n")
		}
	}
	if host == "netlify" {
		b.WriteString(escapePath(s.data.BasePath) + "* " + escapePath(s.data.BasePath+"404.html") + " 404\n")
	}
	return outputAsset{Path: "_redirects", Data: []byte(b.String())}, true
}

// escapePath percent-encodes a URL path, as the hosts want it written.
func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}
