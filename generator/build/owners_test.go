package build_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// ownersSite has everything that claims an output path: pages, a folder
// with an index page, a page beside its own folder, tags, an article feed,
// the print page, the search index and the theme's assets.
const ownersSite = `
-- playbook.toml --
baseURL = "https://handbook.example.org/"
-- content/README.md --
# Home
-- content/p.md --
# P
-- content/roles/po.md --
---
tags: [x]
---
# PO
-- content/articles/news.md --
---
date: 2026-05-01
---
# News
`

// TestOneOwnerPerOutputPath puts a file, a page or an alias at every path
// something else of the build writes: each is an error naming both, at the
// content file's position, and the build writes nothing.
func TestOneOwnerPerOutputPath(t *testing.T) {
	// The fingerprinted names are predictable: read them off a build.
	var script, style string
	for name := range testsite.New(t, ownersSite).MustBuild(build.Options{}).Tree() {
		switch {
		case strings.HasPrefix(name, "js/playbook."):
			script = name
		case strings.HasPrefix(name, "css/playbook."):
			style = name
		}
	}
	if script == "" || style == "" {
		t.Fatal("the theme's script and stylesheet are not in the output")
	}
	alias := func(a string) string { return "---\naliases: [\"" + a + "\"]\n---\n# A\n" }
	tests := []struct{ file, data, want string }{
		{"content/js/search.js", "alert(1)", "content/js/search.js: published at js/search.js, where the theme's file (built-in theme)/static/js/search.js is written: rename or move the file"},
		{"content/" + script, "alert(1)", "content/" + script + ": published at " + script + ", where the theme's file (built-in theme)/static/js/playbook.js is written: rename or move the file"},
		{"content/js/playbook.js", "alert(1)", "content/js/playbook.js: published at js/playbook.js, where the theme's file (built-in theme)/static/js/playbook.js is written: rename or move the file"},
		{"content/" + style, "body{}", "content/" + style + ": published at " + style + ", where the theme's stylesheet (its static/css/ and the code highlighting) is written: rename or move the file"},
		{"content/__playbook/livereload.js", "alert(1)", "content/__playbook/livereload.js: published at __playbook/livereload.js, in __playbook/, where serve answers its live reload: rename or move the file"},
		{"content/index.html", "<p>x</p>", "content/index.html: published at index.html, where the page content/README.md is written: rename or move the file"},
		{"content/p/index.html", "<p>x</p>", "content/p/index.html: published at p/index.html, where the page content/p.md is written: rename or move the file"},
		{"content/404.html", "<p>x</p>", "content/404.html: published at 404.html, where the 404 page is written: rename or move the file"},
		{"content/sitemap.xml", "<x/>", "content/sitemap.xml: published at sitemap.xml, where the sitemap is written: rename or move the file"},
		{"content/robots.txt", "x", "content/robots.txt: published at robots.txt, where robots.txt is written: rename or move the file"},
		{"content/print/index.html", "<p>x</p>", "content/print/index.html: published at print/index.html, where the print page is written: rename or move the file"},
		{"content/tags/index.html", "<p>x</p>", "content/tags/index.html: published at tags/index.html, where the tag index is written: rename or move the file"},
		{"content/tags/x/index.html", "<p>x</p>", "content/tags/x/index.html: published at tags/x/index.html, where the page of the tag \"x\" is written: rename or move the file"},
		{"content/articles/feed.xml", "<x/>", "content/articles/feed.xml: published at articles/feed.xml, where the articles feed is written: rename or move the file"},
		{"content/search/index.json", "{}", "content/search/index.json: published at search/index.json, in search/, where the search index is written: rename or move the file"},
		{"content/roles/po", "x", "content/roles/po: published at roles/po, a folder of roles/po/index.html, where the page content/roles/po.md is written: rename or move the file"},
		{"content/tags.md", "# Tags\n", "content/tags.md:1:1: page URL /tags/ is the address of the tag index: rename the file or give it a different slug"},
		{"content/print.md", "# Print\n", "content/print.md:1:1: page URL /print/ is the address of the print page: rename the file or give it a different slug"},
		{"content/search.md", "# Search\n", "content/search.md:1:1: page URL /search/ is in search/, where the search index is written: rename the file or give it a different slug"},
		{"content/a.md", "---\nslug: sitemap.xml\n---\n# A\n", "content/a.md:2:1: page URL /sitemap.xml/ needs a folder at sitemap.xml, where the sitemap is written: rename the file or give it a different slug"},
		{"content/a.md", alias("/404.html"), `content/a.md:2:1: alias "/404.html" is the address of the 404 page: remove the alias`},
		{"content/a.md", alias("/print/"), `content/a.md:2:1: alias "/print/" is the address of the print page: remove the alias`},
		{"content/a.md", alias("/tags/"), `content/a.md:2:1: alias "/tags/" is the address of the tag index: remove the alias`},
		{"content/a.md", alias("/tags/x/"), `content/a.md:2:1: alias "/tags/x/" is the address of the page of the tag "x": remove the alias`},
		{"content/a.md", alias("/sitemap.xml"), `content/a.md:2:1: alias "/sitemap.xml" is the address of the sitemap: remove the alias`},
		{"content/a.md", alias("/robots.txt"), `content/a.md:2:1: alias "/robots.txt" is the address of robots.txt: remove the alias`},
		{"content/a.md", alias("/search/index.json"), `content/a.md:2:1: alias "/search/index.json" is in search/, where the search index is written: remove the alias`},
		{"content/a.md", alias("/__playbook/"), `content/a.md:2:1: alias "/__playbook/" is in __playbook/, where serve answers its live reload: remove the alias`},
		{"content/a.md", alias("/" + script), `content/a.md:2:1: alias "/` + script + `" is the address of the theme's file (built-in theme)/static/js/playbook.js: remove the alias`},
		{"content/a.md", alias("/p/"), `content/a.md:2:1: alias "/p/" is the URL of page content/p.md: remove the alias`},
	}
	for i, tt := range tests {
		t.Run(fmt.Sprintf("%d %s", i, tt.file), func(t *testing.T) {
			s := testsite.New(t, ownersSite)
			s.WriteFile(tt.file, tt.data)
			s.Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if tt.want != "" && s.Exists("") {
				t.Errorf("the failed build wrote an output")
			}
		})
	}
}

// TestOwnersInServe checks that serve's sessions, whose theme assets have
// fixed names, refuse what a build refuses: a content file at the
// fingerprinted name and one at the fixed name alike.
func TestOwnersInServe(t *testing.T) {
	for _, file := range []string{"content/js/playbook.js", "content/css/playbook.css"} {
		s := testsite.New(t, ownersSite)
		s.WriteFile(file, "x")
		_, err := build.NewSession(build.Options{Source: s.Dir, StableAssetNames: true}, t.TempDir()).Build(nil)
		if err == nil || !strings.Contains(err.Error(), file+": published at ") {
			t.Errorf("%s in serve: %v", file, err)
		}
	}
}
