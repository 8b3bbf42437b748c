package content

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/playbookhq/playbook/generator/internal/suggest"
)

// LinkResolver rewrites the links written in one page, the way a git host
// reads them (relative to the file), into site URLs under the base path.
type LinkResolver struct {
	site     *Site
	page     *Page
	basePath string
}

// LinkResolver returns the resolver for links written in p. basePath is the
// path part of the site's base URL, with a trailing slash ("/" or "/handbook/").
func (s *Site) LinkResolver(p *Page, basePath string) *LinkResolver {
	return &LinkResolver{site: s, page: p, basePath: basePath}
}

// ResolveLink returns the URL to write for dest. Links with a scheme,
// protocol-relative links and fragments within the page are returned
// unchanged. A relative link to a missing page or file is an error whose
// text says what to fix.
func (r *LinkResolver) ResolveLink(dest string) (string, error) {
	// CommonMark decodes entity references in destinations ("&#106;" is
	// "j"): read the destination as the browser will.
	if strings.Contains(dest, "&") {
		dest = html.UnescapeString(dest)
	}
	// Read it as a browser's URL parser does: leading and trailing control
	// characters and spaces are dropped. A browser also drops tabs and
	// newlines inside, which can turn "/\n/host" into "//host": refuse those.
	dest = strings.TrimFunc(dest, func(r rune) bool { return r <= ' ' })
	if strings.ContainsFunc(dest, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "", fmt.Errorf("link %q contains a control character (a tab or a line break): remove it", dest)
	}
	if dangerousURL(dest) {
		return "", nil // never a link a reader should follow: dropped
	}
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "//") || hasScheme(dest) {
		return dest, nil
	}
	target, suffix := splitSuffix(dest)
	if strings.HasPrefix(target, "/") {
		clean, err := cleanSitePath(target)
		if err != nil {
			return "", err
		}
		return r.withBase(clean) + suffix, nil
	}
	if target == "" { // "?query" only
		return dest, nil
	}
	url, err := r.resolve(target)
	if err != nil {
		return "", err
	}
	return r.withBase(url) + suffix, nil
}

func (r *LinkResolver) resolve(target string) (string, error) {
	s := r.site
	joined := path.Join(path.Dir(r.page.File), target)
	if joined == "." {
		joined = ""
	}
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Errorf("link %q points outside the content folder", target)
	}
	if strings.HasSuffix(strings.ToLower(joined), ".md") {
		if p := s.byFile[joined]; p != nil {
			return p.URL, nil
		}
		if s.drafts[joined] {
			return "", fmt.Errorf("link to draft page %q, which is left out of this build: build with --drafts or remove the link", target)
		}
		return "", fmt.Errorf("link to missing page %q%s", target, r.didYouMean(joined))
	}
	if sec := s.sections[joined]; sec != nil {
		return sec.Page.URL, nil
	}
	if s.files[joined] {
		return "/" + joined, nil
	}
	return "", fmt.Errorf("link to missing file or folder %q%s", target, r.didYouMean(joined))
}

// didYouMean names the closest existing page, written relative to the
// linking page as the author would write it.
func (r *LinkResolver) didYouMean(missing string) string {
	candidates := make([]string, 0, len(r.site.byFile))
	for f := range r.site.byFile {
		candidates = append(candidates, f)
	}
	sort.Strings(candidates)
	best, ok := suggest.Closest(missing, candidates)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", relativePath(path.Dir(r.page.File), best))
}

func (r *LinkResolver) withBase(url string) string {
	if r.basePath == "" || r.basePath == "/" || strings.HasPrefix(url, r.basePath) {
		return url
	}
	return r.basePath + strings.TrimPrefix(url, "/")
}

// hasScheme reports whether dest starts with a URL scheme such as "https:"
// or "mailto:".
func hasScheme(dest string) bool {
	for i, c := range dest {
		switch {
		case c == ':':
			return i > 0
		case c == '/' || c == '?' || c == '#':
			return false
		case i == 0 && !isLetter(c):
			return false
		case !isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.':
			return false
		}
	}
	return false
}

func isLetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// splitSuffix splits "a.md?x#y" into "a.md" and "?x#y".
func splitSuffix(dest string) (string, string) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		return dest[:i], dest[i:]
	}
	return dest, ""
}

// relativePath writes target (content-relative) relative to the folder from.
func relativePath(from, target string) string {
	if from == "." {
		from = ""
	}
	fromParts := strings.Split(from, "/")
	if from == "" {
		fromParts = nil
	}
	toParts := strings.Split(target, "/")
	i := 0
	for i < len(fromParts) && i < len(toParts)-1 && fromParts[i] == toParts[i] {
		i++
	}
	rel := strings.Repeat("../", len(fromParts)-i) + strings.Join(toParts[i:], "/")
	return rel
}

// cleanSitePath checks a link written as a site path ("/roles/po/"): once
// decoded and cleaned it must stay inside the site.
func cleanSitePath(target string) (string, error) {
	decoded, err := url.PathUnescape(target)
	if err != nil {
		return "", fmt.Errorf("link %q is not a valid URL path: %v", target, err)
	}
	if strings.ContainsFunc(decoded, func(r rune) bool { return r == '\\' || r < 0x20 || r == 0x7f }) {
		// Browsers drop tabs and newlines from URLs and read "\\" as "/":
		// "/\t/host" would become a link to another host.
		return "", fmt.Errorf("link %q contains a backslash or a control character: write site paths with \"/\" only", target)
	}
	for _, part := range strings.Split(decoded, "/") {
		if part == ".." {
			return "", fmt.Errorf("link %q climbs out of the site with \"..\": link to the page's own path, such as \"/roles/product-owner/\"", target)
		}
	}
	return target, nil
}

// dangerousURL reports whether dest runs code or makes a document when
// followed: javascript: and vbscript: URLs, and data: URLs other than images.
// Browsers ignore case, spaces and control characters in the scheme.
func dangerousURL(dest string) bool {
	cleaned := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, dest)
	lower := strings.ToLower(cleaned)
	switch {
	case strings.HasPrefix(lower, "javascript:"), strings.HasPrefix(lower, "vbscript:"):
		return true
	case strings.HasPrefix(lower, "data:"):
		return !strings.HasPrefix(lower, "data:image/") || strings.HasPrefix(lower, "data:image/svg")
	}
	return false
}
