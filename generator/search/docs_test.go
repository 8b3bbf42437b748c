package search

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// markdownPages renders every Markdown file under dir with plain goldmark and
// reads it, as the build does from its own rendering, in URL order. The
// title comes from front matter (YAML or TOML) or from a leading "# Title"
// line; the URL from the file's path, folder pages (_index.md, index.md,
// README.md) taking the folder's, under base.
func markdownPages(tb testing.TB, dir, base string) []*Page {
	tb.Helper()
	var pages []*Page
	for _, p := range markdownHTML(tb, dir) {
		p.doc.URL = base + p.doc.URL
		pages = append(pages, Read(p.doc, p.body))
	}
	return pages
}

// markdownHTML is markdownPages before the reading: each page's URL,
// title and section, and its markup.
func markdownHTML(tb testing.TB, dir string) []htmlPage {
	tb.Helper()
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	var pages []htmlPage
	var html bytes.Buffer
	walkMarkdown(tb, dir, func(path, title string, body []byte) error {
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(strings.TrimSuffix(rel, ".md"))
		switch base := filepath.Base(rel); base {
		case "_index", "index", "README":
			rel = strings.TrimSuffix(strings.TrimSuffix(rel, base), "/")
		}
		url := "/"
		if rel != "" {
			url += rel + "/"
		}
		section, _, _ := strings.Cut(rel, "/")
		html.Reset()
		if err := md.Convert(body, &html); err != nil {
			return err
		}
		pages = append(pages, htmlPage{Doc{URL: url, Title: title, Section: section}, bytes.Clone(html.Bytes())})
		return nil
	})
	sort.Slice(pages, func(i, j int) bool { return pages[i].doc.URL < pages[j].doc.URL })
	return pages
}

// walkMarkdown calls f with the path, title and body of every Markdown file
// under dir.
func walkMarkdown(tb testing.TB, dir string, f func(path, title string, body []byte) error) {
	tb.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		title, body := splitFrontMatter(tb, path, src)
		return f(path, title, body)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// splitFrontMatter returns the title of a Markdown file and its body.
func splitFrontMatter(tb testing.TB, path string, src []byte) (string, []byte) {
	var meta struct {
		Title string `yaml:"title" toml:"title"`
	}
	for _, fence := range []string{"---\n", "+++\n"} {
		if !bytes.HasPrefix(src, []byte(fence)) {
			continue
		}
		head, body, ok := bytes.Cut(src[len(fence):], []byte("\n"+fence))
		if !ok {
			tb.Fatalf("%s: unclosed front matter", path)
		}
		var err error
		if fence == "---\n" {
			err = yaml.Unmarshal(head, &meta)
		} else {
			err = toml.Unmarshal(head, &meta)
		}
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		return meta.Title, body
	}
	if line, rest, ok := bytes.Cut(src, []byte("\n")); ok && bytes.HasPrefix(line, []byte("# ")) {
		return string(line[2:]), rest
	}
	return filepath.Base(path), src
}
