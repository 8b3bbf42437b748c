package content

import (
	"fmt"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
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
		if url, ok, err := r.resolveRootAbsolute(target); ok || err != nil {
			if err != nil {
				return "", err
			}
			return r.withBase(url) + suffix, nil
		}
		return r.withBase(clean) + suffix, nil
	}
	if target == "" { // "?query" only
		return dest, nil
	}
	url, err := r.resolve(target, path.Join(path.Dir(r.page.File), decodePath(target)))
	if err != nil {
		return "", err
	}
	return r.withBase(url) + suffix, nil
}

// decodePath decodes the %-escapes of a link's path, as the git host does
// before it looks the file up ("my%20page.md" is "my page.md"). A path
// that is not valid %-encoding is taken as written.
func decodePath(target string) string {
	if !strings.Contains(target, "%") {
		return target
	}
	decoded, err := url.PathUnescape(target)
	if err != nil {
		return target
	}
	return decoded
}

// resolveRootAbsolute reads a link that starts with "/" as the git host
// does, from the repository root: when the path starts with the content
// folder's place in the repository (Options.RepositoryDir), that part is
// taken off; otherwise the path is read from the content root, which is
// the repository root of a handbook kept at the top of its repository. ok
// is false when no file or folder of the content is there, and the link is
// then a site URL ("/roles/product-owner/").
func (r *LinkResolver) resolveRootAbsolute(target string) (url string, ok bool, err error) {
	rel := strings.TrimPrefix(path.Clean(decodePath(target)), "/")
	if prefix := r.site.repositoryDir; prefix != "" {
		if rel == prefix || strings.HasPrefix(rel, prefix+"/") {
			// Written from the repository root: it must be there.
			url, err := r.resolve(target, strings.TrimPrefix(strings.TrimPrefix(rel, prefix), "/"))
			return url, true, err
		}
	}
	if !r.site.exists(rel) && !isMarkdown(rel) {
		return "", false, nil // a site URL, or a missing file: checked as a site URL
	}
	url, err = r.resolve(target, rel)
	return url, true, err
}

// exists reports whether a content-relative path names a page, a folder or
// a file of the site (drafts included, so that a link to one is reported
// as such).
func (s *Site) exists(rel string) bool {
	if rel == "." {
		rel = ""
	}
	if s.byFile[rel] != nil || s.drafts[rel] || s.sections[rel] != nil || s.files[rel] {
		return true
	}
	_, hidden := s.hiddenFiles[rel]
	return hidden
}

// resolve returns the URL of the content-relative path joined, which the
// author wrote as target.
func (r *LinkResolver) resolve(target, joined string) (string, error) {
	s := r.site
	if joined == "." {
		joined = ""
	}
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return r.resolveInRepository(target, joined)
	}
	if isMarkdown(joined) {
		if p := s.byFile[joined]; p != nil {
			return p.URL, nil
		}
		if s.drafts[joined] {
			return "", fmt.Errorf("link to draft page %q, which is left out of this build: build with --drafts or remove the link", target)
		}
		if _, hidden := s.hiddenFiles[joined]; hidden {
			return "/" + joined, nil // Markdown in a dot folder is published as it is
		}
		return "", fmt.Errorf("link to missing page %q%s", target, r.didYouMean(target, joined))
	}
	if sec := s.sections[joined]; sec != nil {
		return sec.Page.URL, nil
	}
	if s.files[joined] {
		return "/" + joined, nil
	}
	if _, hidden := s.hiddenFiles[joined]; hidden {
		return "/" + joined, nil
	}
	return "", fmt.Errorf("link to missing file or folder %q%s", target, r.didYouMean(target, joined))
}

// didYouMean names the closest existing page, written as the author wrote
// the link: relative to the linking page, or from the root.
func (r *LinkResolver) didYouMean(target, missing string) string {
	candidates := make([]string, 0, len(r.site.byFile))
	for f := range r.site.byFile {
		candidates = append(candidates, f)
	}
	sort.Strings(candidates)
	best, ok := suggest.Closest(missing, candidates)
	if !ok {
		return ""
	}
	if strings.HasPrefix(target, "/") {
		if prefix := r.site.repositoryDir; prefix != "" && strings.HasPrefix(decodePath(target), "/"+prefix+"/") {
			best = prefix + "/" + best
		}
		return fmt.Sprintf(" (did you mean %q?)", "/"+best)
	}
	return fmt.Sprintf(" (did you mean %q?)", relativePath(path.Dir(r.page.File), best))
}

func (r *LinkResolver) withBase(url string) string {
	if r.basePath == "" || r.basePath == "/" || strings.HasPrefix(url, r.basePath) || hasScheme(url) {
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

// resolveInRepository resolves a link that leaves the content folder: to a
// file or folder of the same repository it works on the git host, so the
// site links to it there, when the config names the repository.
func (r *LinkResolver) resolveInRepository(target, joined string) (string, error) {
	s := r.site
	inRepo := path.Join(s.repositoryDir, joined)
	if inRepo == ".." || strings.HasPrefix(inRepo, "../") || s.contentDir == "" {
		return "", fmt.Errorf("link %q points outside the content folder", target)
	}
	root := s.contentDir
	if s.repositoryDir != "" {
		root = filepath.Join(root, strings.Repeat(".."+string(filepath.Separator), strings.Count(s.repositoryDir, "/")+1))
	}
	info, err := os.Stat(filepath.Join(root, filepath.FromSlash(inRepo)))
	if err != nil {
		return "", fmt.Errorf("link %q points outside the content folder, to %s, which does not exist", target, inRepo)
	}
	if s.repository == "" {
		return "", fmt.Errorf("link %q points outside the content folder, to %s in the repository: set `repository` in the config, and the site links to it on the git host", target, inRepo)
	}
	kind := "blob"
	if info.IsDir() {
		kind = "tree"
	}
	branch := s.branch
	if branch == "" {
		branch = "main"
	}
	return s.repository + "/" + kind + "/" + branch + "/" + inRepo, nil
}
