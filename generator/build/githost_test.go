package build_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// The tests in this file build sites shaped as handbooks kept for a git
// host (no front matter, README.md folder pages, root-absolute and
// %-encoded links, images in dot folders, raw HTML) and check that what
// works when the Markdown is read on GitHub works on the site.

// warnings returns the build's warnings, one per line, without the site
// folder in paths.
func warnings(s *testsite.Site) string {
	lines := make([]string, len(s.Result.Warnings))
	for i, d := range s.Result.Warnings {
		lines[i] = strings.ReplaceAll(d.String(), s.Dir+"/", "")
	}
	return strings.Join(lines, "\n")
}

// assertProblems fails the test unless the build's errors are exactly want.
func assertProblems(t *testing.T, s *testsite.Site, want ...string) {
	t.Helper()
	if got := s.Problems(); got != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// assertWarnings fails the test unless the build's warnings are exactly want.
func assertWarnings(t *testing.T, s *testsite.Site, want ...string) {
	t.Helper()
	if got := warnings(s); got != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestTitleHeadingKeepsItsID(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Welcome

See [the title](#welcome), [the guide's title](guide.md#the-guide) and [its second intro](guide.md#the-guide-1).
-- content/guide.md --
# The Guide

## The Guide
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `<h1 id="welcome">Welcome</h1>`, `href="#welcome"`, `href="/guide/#the-guide"`)
	// The title takes its id first: the body's duplicate counts from it.
	s.AssertContains("guide/index.html", `<h1 id="the-guide">The Guide</h1>`, `<h2 id="the-guide-1">The Guide</h2>`)
}

func TestFrontMatterTitleKeepsTheBodyH1(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
[intro](page.md#body-heading)
-- content/page.md --
---
title: From front matter
---
# Body heading

Text.
`).MustBuild(build.Options{})
	s.AssertContains("page/index.html", "<h1>From front matter</h1>", `<h1 id="body-heading">Body heading</h1>`)
}

// idAttr finds every id attribute of a page.
var idAttr = regexp.MustCompile(` id="([^"]*)"`)

func TestHeadingIDsNeverClashWithTheTheme(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

## Content

## Sidebar

## Search results

## Search input

## Nav toggle

## Main

[the content heading](#content)
-- content/roles/po.md --
# PO

## Can expect from others

## Role questions
`).MustBuild(build.Options{})
	for _, page := range []string{"index.html", "roles/po/index.html"} {
		html := s.File(page)
		seen := map[string]int{}
		for _, m := range idAttr.FindAllStringSubmatch(html, -1) {
			seen[m[1]]++
		}
		var dups []string
		for id, n := range seen {
			if n > 1 {
				dups = append(dups, id)
			}
		}
		sort.Strings(dups)
		if len(dups) > 0 {
			t.Errorf("%s: ids given twice: %q", page, dups)
		}
	}
	s.AssertContains("index.html", `<h2 id="content">Content</h2>`, `<h2 id="sidebar">Sidebar</h2>`,
		`<h2 id="search-results">Search results</h2>`, `href="#content"`, `<main id="pbMain"`)
}
