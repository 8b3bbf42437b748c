package build_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

const smallSite = `
-- playbook.toml --
title = "Test Handbook"
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/roles/_index.md --
---
title: Roles
weight: 1
---
-- content/roles/product-owner.md --
---
title: Product Owner
weight: 1
---
## Duties

### Backlog

## Partners
-- content/roles/scrum-master.md --
---
title: Scrum Master
weight: 2
---
Text.
-- content/articles/news.md --
---
title: News
date: 2026-05-01
---
`

func TestDeterministicOutput(t *testing.T) {
	a := testsite.New(t, smallSite).MustBuild(build.Options{}).Tree()
	b := testsite.New(t, smallSite).MustBuild(build.Options{}).Tree()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("trees differ in size: %d vs %d", len(a), len(b))
	}
	for name, data := range a {
		if b[name] != data {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	s := testsite.New(t, smallSite).MustBuild(build.Options{})
	before := s.Tree()
	s.WriteFile("content/roles/broken.md", "---\ntitle: [unclosed\n---\n")
	s.Build(build.Options{})
	if s.Err == nil {
		t.Fatal("build of broken content succeeded")
	}
	after := s.Tree()
	if len(after) != len(before) {
		t.Fatalf("output changed by a failed build: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if after[name] != data {
			t.Errorf("%s changed by a failed build", name)
		}
	}
	assertNoStaging(t, s.Dir)
}

// TestStaleOutputIsRemoved checks that what the previous build wrote and
// this one does not is gone (a file put there by hand is refused instead:
// TestHandAddedOutputFileIsRefused).
func TestStaleOutputIsRemoved(t *testing.T) {
	s := testsite.New(t, smallSite)
	s.WriteFile("content/roles/notes.txt", "old\n")
	s.MustBuild(build.Options{})
	for _, f := range []string{"content/roles/scrum-master.md", "content/roles/notes.txt"} {
		if err := os.Remove(filepath.Join(s.Dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	s.MustBuild(build.Options{})
	if s.Exists("roles/notes.txt") || s.Exists("roles/scrum-master/index.html") {
		t.Error("output keeps files the build did not produce")
	}
	assertNoStaging(t, s.Dir)
}

func assertNoStaging(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("staging folder left behind: %s", e.Name())
		}
	}
}

func TestSiteFiles(t *testing.T) {
	s := testsite.New(t, smallSite).MustBuild(build.Options{})
	s.AssertContains("sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>`, "<loc>/roles/product-owner/</loc>", "<lastmod>2026-05-01</lastmod>")
	s.AssertContains("robots.txt", "User-agent: *")
	s.AssertContains("404.html", "<title>Page not found · Test Handbook</title>", "There is no page at this address")
	// Markdown: home, roles, 2 role pages, news; generated: articles, 404, print.
	if got, want := s.Result.Count, (build.Count{Pages: 5, Generated: 3, Files: s.Result.Count.Files}); got != want {
		t.Errorf("Result.Count = %+v, want %+v", got, want)
	}
}

func TestThemeLayout(t *testing.T) {
	s := testsite.New(t, smallSite).MustBuild(build.Options{})
	s.AssertContains("roles/product-owner/index.html",
		`<html lang="en" data-search-index="/search/" data-search-script="/js/search.js">`,
		`<header class="site-header" id="pbTop">`, `<main id="pbMain"`, `<footer class="site-footer">`,
		`<nav id="pbSidebar" class="sidebar" aria-label="Handbook">`,
		`<a href="/roles/product-owner/" aria-current="page">Product Owner</a>`,
		`<nav class="breadcrumbs" aria-label="Breadcrumb">`, `<li><a href="/">Home</a></li>`, `<li><a href="/roles/">Roles</a></li>`,
		`rel="prev" href="/roles/"`, `rel="next" href="/roles/scrum-master/"`,
		`<nav class="toc" aria-label="On this page">`, `<a href="#duties">Duties</a>`, `<a href="#backlog">Backlog</a>`,
	)
	html := s.File("roles/product-owner/index.html")
	if strings.Contains(html, "style=") || strings.Contains(html, "<script>") {
		t.Error("theme uses an inline style or script")
	}
	// The page without h2/h3 has no table of contents.
	s.AssertNotContains("articles/news/index.html", `class="toc"`, `class="toc-phone"`)
	// Sections list their pages; the roles folder's, with the roles overview.
	s.AssertContains("index.html", `<ul class="children" data-search="skip">`, `href="/roles/"`)
	s.AssertContains("roles/index.html", `<ul class="role-cards" data-search="skip">`, `href="/roles/scrum-master/"`)
}

func TestSiteThemeOverridesTemplatesAndAssets(t *testing.T) {
	s := testsite.New(t, smallSite+`
-- content/guide.md --
# Guide
-- themes/default/templates/page.html --
{{define "main"}}<div class="custom-page">{{.Content}}</div>{{end}}
-- themes/default/templates/role.html --
{{define "main"}}<div class="custom-role">{{.Kind.ID}}</div>{{end}}
-- themes/default/static/css/extra.css --
.custom-page::after { content: "custom stylesheet"; }
-- themes/default/static/favicon.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
`).MustBuild(build.Options{})
	s.AssertContains("guide/index.html", `<div class="custom-page">`)
	s.AssertContains("roles/scrum-master/index.html", `<div class="custom-role">scrum-master</div>`)
	s.AssertContains("favicon.svg", "<svg")
	html := s.File("guide/index.html")
	i := strings.Index(html, `href="/css/playbook.`)
	if i < 0 {
		t.Fatal("no stylesheet link")
	}
	css := html[i+len(`href="/`):]
	css = css[:strings.IndexByte(css, '"')]
	s.AssertContains(css, "custom stylesheet", ".chroma")
}

func TestTemplateErrorNamesFile(t *testing.T) {
	s := testsite.New(t, smallSite+`
-- themes/default/templates/page.html --
{{define "main"}}
{{.Content}
{{end}}
`).Build(build.Options{})
	if s.Err == nil {
		t.Fatal("broken template accepted")
	}
	got := s.Problems()
	want := "themes/default/templates/page.html:2: bad character U+007D '}'"
	if !strings.HasSuffix(got, want) {
		t.Errorf("got %q, want suffix %q", got, want)
	}
}

func TestRawHTMLSanitizedUnlessUnsafe(t *testing.T) {
	const site = `
-- content/page.md --
# Page

<b onclick="x()">bold</b>
`
	s := testsite.New(t, site).MustBuild(build.Options{})
	s.AssertContains("page/index.html", "<p><b>bold</b></p>")
	s.AssertNotContains("page/index.html", `onclick`)

	s = testsite.New(t, site+"-- playbook.yaml --\nunsafe: true\n").MustBuild(build.Options{})
	s.AssertContains("page/index.html", `<b onclick="x()">bold</b>`)
}

func TestEditLinkAndGitDates(t *testing.T) {
	s := testsite.New(t, `
-- playbook.toml --
repository = "https://git.example.org/team/handbook/"
branch = "trunk"
repositoryPath = "docs/site"
-- content/roles/po.md --
# PO
-- content/dated.md --
---
title: Dated
lastmod: 2026-04-01
---
`)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", s.Dir, "-c", "user.name=T", "-c", "user.email=t@example.org"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-03-02T10:00:00Z", "GIT_COMMITTER_DATE=2026-03-02T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Skipf("git unavailable: %v %s", err, out)
		}
	}
	run("init", "-q")
	run("add", ".")
	run("commit", "-q", "-m", "first")
	s.MustBuild(build.Options{})
	s.AssertContains("roles/po/index.html",
		`<a href="https://git.example.org/team/handbook/edit/trunk/docs/site/content/roles/po.md" class="edit-link">Edit this page</a>`,
		`Last updated <time datetime="2026-03-02T10:00:00Z">2 March 2026</time>`)
	// Front matter lastmod wins over git.
	s.AssertContains("dated/index.html", `Last updated <time datetime="2026-04-01">1 April 2026</time>`)
	s.AssertContains("sitemap.xml", "<loc>/roles/po/</loc><lastmod>2026-03-02</lastmod>")
}

// TestCustomNavMarksCurrentPage builds a site whose own nav partial marks
// the current page its own way, with .Current: the build must render it
// with the real entries for every page, not share one sidebar per section.
func TestCustomNavMarksCurrentPage(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/guides/one.md --
# One
-- content/guides/two.md --
# Two
-- content/guides/three.md --
# Three
-- themes/default/templates/partials/nav.html --
<ul>{{range .}}<li{{if .Current}} class="active"{{end}}><a href="{{.URL}}">{{.Title}}</a>{{with .Children}}{{template "partials/nav.html" .}}{{end}}</li>{{end}}</ul>
`).MustBuild(build.Options{})
	for _, name := range []string{"one", "two", "three"} {
		page := s.File("guides/" + name + "/index.html")
		want := `<li class="active"><a href="/guides/` + name + `/">`
		if !strings.Contains(page, want) || strings.Count(page, `class="active"`) != 1 {
			t.Errorf("guides/%s: want exactly its own entry marked, %s; sidebar:\n%s", name, want, sidebarOf(page))
		}
	}
}

func sidebarOf(page string) string {
	start, end := strings.Index(page, "<nav"), strings.Index(page, "</nav>")
	if start < 0 || end < start {
		return page
	}
	return page[start:end]
}
