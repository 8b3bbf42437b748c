package build

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Count is what a site is made of, in the words every command's summary
// uses, so that build, serve and check say the same thing about one site.
type Count struct {
	// Pages are the pages written from the site's Markdown files.
	Pages int
	// Generated are the other HTML pages the build makes: the pages of
	// folders without an index page, tag pages, the redirect pages of
	// aliases, 404.html and the print page.
	Generated int
	// Files are all the other files: theme assets, files copied from the
	// content, the search index, sitemap.xml, robots.txt, feeds, _redirects.
	Files int
}

// String is the count as the summary lines print it:
// "27 pages, 14 generated pages and 68 other files".
func (c Count) String() string {
	return fmt.Sprintf("%s, %s and %d other file%s", plural(c.Pages, "page"), plural(c.Generated, "generated page"), c.Files, suffix(c.Files))
}

func plural(n int, noun string) string { return fmt.Sprintf("%d %s%s", n, noun, suffix(n)) }

func suffix(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// MarkdownPages is the number of the site's pages written from Markdown
// files: what every summary calls "pages".
func (s *Site) MarkdownPages() int {
	n := 0
	for _, p := range s.Content.Pages {
		if !p.Generated {
			n++
		}
	}
	return n
}

// count counts a site's output given how many of its files are HTML.
func (s *Site) count(html, other int) Count {
	md := s.MarkdownPages()
	return Count{Pages: md, Generated: html - md, Files: other}
}

// countOutputs counts the output files listed by their output-relative paths.
func (s *Site) countOutputs(outputs map[string][32]byte) Count {
	html := 0
	for rel := range outputs {
		if path.Ext(rel) == ".html" {
			html++
		}
	}
	return s.count(html, len(outputs)-html)
}

// Inputs describes what the site was read from, one line each, for
// --verbose: the config file, the content folder, the theme.
func (s *Site) Inputs() []string {
	rel := func(p string) string {
		if r, err := filepath.Rel(".", p); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	config := "Config: none (every setting at its default)"
	if s.Config.File != "" {
		config = "Config: " + rel(s.Config.File)
	}
	content := fmt.Sprintf("Content: %s/, %s and %d other file%s", rel(s.contentDir()), plural(s.MarkdownPages(), "Markdown page"),
		len(s.Content.Files), suffix(len(s.Content.Files)))
	theme := "Theme: the built-in one"
	if dir := s.themeDir(); dir != "" {
		theme += ", with the files of " + rel(dir) + "/ over it"
	}
	return []string{config, content, theme}
}

// themeDir is the site's own theme folder, "" when it has none.
func (s *Site) themeDir() string {
	name := s.Config.Theme
	if name == "" {
		name = "default"
	}
	dir := filepath.Join(s.source, s.Config.ThemesDir, name)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir
	}
	return ""
}
