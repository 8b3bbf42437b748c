package build_test

import (
	"path/filepath"
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

func TestRootAbsoluteLinksResolveFromTheContentRoot(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[other](/guide/other.md), [its part](/guide/other.md#part), [the guide](/guide/),
![map](/img/a.png), [a site URL](/guide/other/), [from the repository root](/content/guide/other.md)
and [a broken one](/guide/gone.md).
-- content/guide/README.md --
# Guide
-- content/guide/other.md --
# Other

## Part
-- content/img/a.png --
PNG
`).Build(build.Options{})
	assertProblems(t, s, `content/README.md:5:5: link to missing page "/guide/gone.md" (did you mean "/guide/other.md"?)`)

	s = testsite.New(t, `
-- content/README.md --
# Home

[other](/guide/other.md#part) and [from the repository root](/content/guide/other.md).
-- content/guide/other.md --
# Other

## Part
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `href="/guide/other/#part"`, `href="/guide/other/"`)
}

func TestRootAbsoluteLinksInARepositorySubfolder(t *testing.T) {
	// The site is the folder docs/ of its repository: on the git host,
	// "/docs/content/guide.md" is the page, "/content/guide.md" is not.
	s := testsite.New(t, `
-- playbook.toml --
repositoryPath = "docs"
-- content/README.md --
# Home

[from the repository root](/docs/content/guide.md), [from the content root](/guide.md),
[not in the repository](/docs/content/gone.md).
-- content/guide.md --
# Guide
`).Build(build.Options{})
	assertProblems(t, s, `content/README.md:4:1: link to missing page "/docs/content/gone.md" (did you mean "/docs/content/guide.md"?)`)
}

func TestPercentEncodedPathsAreDecoded(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[x](my%20page.md) and ![shot](assets/image%20(6).png) and [root](/my%20page.md#part-two)
-- content/my page.md --
# My page

## Part two
-- content/assets/image (6).png --
PNG
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `href="/my-page/"`, `src="/assets/image%20(6).png"`, `href="/my-page/#part-two"`)
	if !s.Exists("assets/image (6).png") {
		t.Error("the image is not published")
	}
}

func TestFilesInDotFoldersArePublishedWhenLinked(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

![diagram](.gitbook/assets/diagram.png) and [the template](.github/template.md).
-- content/guide/page.md --
# Page

![again](../.gitbook/assets/diagram.png) ![root-absolute](/.gitbook/assets/other%20shot.png)
-- content/.gitbook/assets/diagram.png --
PNG
-- content/.gitbook/assets/other shot.png --
PNG
-- content/.gitbook/assets/unused.png --
PNG
-- content/.github/template.md --
# A template, not a page
-- content/.git/config --
[core]
-- content/notes.md~ --
an editor's backup
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `src="/.gitbook/assets/diagram.png"`, `href="/.github/template.md"`)
	s.AssertContains("guide/page/index.html", `src="/.gitbook/assets/diagram.png"`, `src="/.gitbook/assets/other%20shot.png"`)
	for _, f := range []string{".gitbook/assets/diagram.png", ".gitbook/assets/other shot.png", ".github/template.md"} {
		if !s.Exists(f) {
			t.Errorf("%s is linked but not published", f)
		}
	}
	for _, f := range []string{".gitbook/assets/unused.png", ".git/config", ".git", "notes.md~", ".github/template/index.html"} {
		if s.Exists(f) {
			t.Errorf("%s is published", f)
		}
	}
}

func TestFragmentsDifferingInCaseAreFixed(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[budget](guide.md#Birthday-gift-budget), [here](#Home), [gone](guide.md#Nowhere).
-- content/guide.md --
# Guide

## Birthday gift budget
`).Build(build.Options{})
	assertProblems(t, s, `content/README.md:3:57: link to missing heading #Nowhere in content/guide.md`)
	assertWarnings(t, s,
		`content/README.md:3:1: warning: link to #Birthday-gift-budget in content/guide.md differs in case from the heading id #birthday-gift-budget: the site links to #birthday-gift-budget (write it so, as browsers match ids exactly)`,
		`content/README.md:3:42: warning: link to #Home in this page differs in case from the heading id #home: the site links to #home (write it so, as browsers match ids exactly)`)

	s = testsite.New(t, `
-- content/README.md --
# Home

[budget](guide.md#Birthday-gift-budget), [here](#Home).
-- content/guide.md --
# Guide

## Birthday gift budget
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `href="/guide/#birthday-gift-budget"`, `href="#home"`)
	s.AssertNotContains("index.html", `#Birthday`, `#Home"`)
	s.AssertContains("print/index.html", `href="#p1-birthday-gift-budget"`)
}

func TestPageBesideItsFolder(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[guide](guide.md) and [its page](guide/setup.md).
-- content/guide.md --
# The guide

[setup](guide/setup.md)
-- content/guide/setup.md --
# Setup

[back](../guide.md)
`).MustBuild(build.Options{})
	s.AssertContains("guide/index.html", `<h1 id="the-guide">The guide</h1>`, `href="/guide/setup/"`)
	s.AssertContains("index.html", `href="/guide/"`)
	s.AssertContains("guide/setup/index.html", `href="/guide/"`, `<a href="/guide/">The guide</a>`)

	s = testsite.New(t, `
-- content/README.md --
# Home

[guide](guide.md)
-- content/guide.md --
# The guide
-- content/guide/README.md --
# Guide
`).Build(build.Options{})
	assertProblems(t, s, `content/guide.md:1:1: content/guide.md and content/guide/README.md are both the page of the folder "guide": keep one (move the text of guide.md into guide/README.md, or rename one)`)
}

func TestFrontMatterOfOtherTools(t *testing.T) {
	s := testsite.New(t, `
-- playbook.toml --
frontMatterKeys = ["team"]
-- content/README.md --
---
layout: home
description: null
permalink: /
---
# Home
-- content/guide/README.md --
# Guide
-- content/guide/first.md --
---
title: First
nav_order: 2
redirect_from:
  - /old/first/
---
-- content/guide/second.md --
---
title: Second
sidebar_position: 1
permalink: /guide/second-page/
team: Dispatch
---
-- content/guide/moved.md --
---
title: Moved
permalink: /elsewhere/moved.html
---
-- content/guide/excluded.md --
---
title: Excluded
nav_exclude: true
---
[first](first.md)
-- content/guide/unpublished.md --
---
title: Unpublished
published: false
---
-- content/roles/po.md --
---
title: PO
works-with: [sm]
slug: /roles/product-owner
---
-- content/roles/sm.md --
# SM
`).Build(build.Options{})
	assertProblems(t, s)
	assertWarnings(t, s,
		"content/guide/excluded.md:1:1: warning: page is hidden from the navigation and no page links to it, so no reader can reach it: link to it or remove `hidden: true`",
		`content/roles/po.md:3:1: warning: front matter key "works-with" is not one Playbook reads (did you mean "works_with"?); if the site's templates read it, list it in the config's frontMatterKeys`)
	nav := s.File("guide/index.html")
	if strings.Index(nav, ">Second<") > strings.Index(nav, ">First<") {
		t.Error("sidebar_position and nav_order do not order the pages")
	}
	if strings.Contains(nav, ">Excluded<") {
		t.Error("nav_exclude: true is still in the navigation")
	}
	if s.Exists("guide/unpublished/index.html") {
		t.Error("published: false is built")
	}
	s.AssertContains("guide/second-page/index.html", "<h1>Second</h1>")
	s.AssertContains("old/first/index.html", `url=/guide/first/`)
	s.AssertContains("elsewhere/moved.html", `url=/guide/moved/`)
	s.AssertContains("roles/product-owner/index.html", "<h1>PO</h1>")
}

func TestRawHTMLIsSanitizedAndItsLinksResolved(t *testing.T) {
	const site = `
-- content/README.md --
# Home

<p align="center"><img src=".gitbook/assets/logo%20big.png" alt="Logo" width="120"></p>

Line one<br>line two, <kbd>Ctrl</kbd>, <a href="guide.md#setup">the setup</a>, <a href="#top">up</a>.

<a name="top"></a>

<details>
<summary>More</summary>

See [the guide](guide.md).

</details>

<script>alert(1)</script><img src="x.png" onerror="alert(2)">
-- content/guide.md --
# Guide

## Setup

<a href="missing.md">broken</a> and <img src="gone.png" alt="gone">
-- content/.gitbook/assets/logo big.png --
PNG
-- content/x.png --
PNG
`
	s := testsite.New(t, site).Build(build.Options{})
	assertProblems(t, s,
		`content/guide.md:5:1: link to missing page "missing.md" (did you mean "guide.md"?)`,
		`content/guide.md:5:37: link to missing file or folder "gone.png"`)

	s = testsite.New(t, strings.Replace(site, `<a href="missing.md">broken</a> and <img src="gone.png" alt="gone">`, "", 1)).Build(build.Options{})
	assertProblems(t, s)
	s.AssertContains("index.html",
		`<p class="align-center"><img src="/.gitbook/assets/logo%20big.png" alt="Logo" width="120"></p>`,
		`Line one<br>line two, <kbd>Ctrl</kbd>, <a href="/guide/#setup">the setup</a>, <a href="#top">up</a>.`,
		`<a id="top"></a>`, "<details>\n<summary>More</summary>", `<a href="/guide/">the guide</a>`, `<img src="/x.png">`)
	s.AssertNotContains("index.html", "alert", "onerror", "<script>")
	assertWarnings(t, s, `content/README.md:16:26: warning: image "x.png" has no alternative text: describe it in an alt attribute, <img alt="like this" …>`)
	if !s.Exists(".gitbook/assets/logo big.png") {
		t.Error("the image a raw <img> embeds is not published")
	}
}

func TestTemplateTagsAreShownWithOneWarningPerFile(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

{% page-ref page="guide.md" %}

{% hint style="warning" %}
Careful.
{% endhint %}
-- content/guide.md --
# Guide

Written for {{ site.title }}, with `+"`{{ code }}`"+` as an example.
`).MustBuild(build.Options{})
	assertWarnings(t, s,
		`content/README.md:3:1: warning: a Liquid tag of GitBook, Jekyll or Eleventy {% page-ref … %}, which Playbook shows as text: rewrite it as Markdown (2 more such tags in this file)`,
		`content/guide.md:3:13: warning: a template expression of another generator (Liquid, Jinja, Hugo) {{ site.title }}, which Playbook shows as text: rewrite it as Markdown`)
	s.AssertContains("index.html", `{% page-ref page=`)
}

func TestSummaryGivesTheNavigation(t *testing.T) {
	const broken = `
## Reference

* [Gone](gone.md)
* [Draft chapter]()
* [Elsewhere](https://example.org/)
`
	site := `
-- content/README.md --
# Home
-- content/SUMMARY.md --
# Table of contents

* [Introduction](README.md)
* [Getting started](start/README.md)
  * [Install it](start/install.md)
  * [The FAQ, nested here](faq.md)
* [Zebra first](zebra.md)
` + broken + `-- content/start/README.md --
# Start
-- content/start/install.md --
# Install
-- content/start/unlisted.md --
# Unlisted in start
-- content/faq.md --
# FAQ
-- content/zebra.md --
# Zebra
-- content/aardvark.md --
# Aardvark
`
	s := testsite.New(t, site).Build(build.Options{})
	assertProblems(t, s, `content/SUMMARY.md:11:3: link to missing page "gone.md" (did you mean "faq.md"?)`)
	assertWarnings(t, s, `content/SUMMARY.md:13:3: warning: SUMMARY.md lists "https://example.org/", another site, which the sidebar leaves out: it lists the handbook's pages`)

	s = testsite.New(t, strings.Replace(site, broken, "", 1)).MustBuild(build.Options{})
	if s.Exists("SUMMARY/index.html") {
		t.Error("SUMMARY.md is built as a page")
	}
	nav := s.File("faq/index.html")
	nav = nav[strings.Index(nav, `<nav id="pbSidebar"`):strings.Index(nav, `</nav>`)]
	want := []string{`>Getting started</a>`, `>Install it</a>`, `aria-current="page">The FAQ, nested here</a>`, `>Unlisted in start</a>`, `>Zebra first</a>`, `>Aardvark</a>`}
	last := -1
	for _, w := range want {
		i := strings.Index(nav, w)
		if i < 0 || i < last {
			t.Errorf("sidebar lacks %s in order:\n%s", w, nav)
		}
		last = i
	}
	// Previous and next follow the summary too.
	s.AssertContains("start/install/index.html", `href="/faq/"`)
}

func TestLinksOutOfTheContentFolderGoToTheGitHost(t *testing.T) {
	const site = `
-- README.md --
# The repository's README
-- scripts/check.sh --
echo
-- content/README.md --
# Home

[the repository](../README.md), [a script](../scripts/check.sh), [scripts](../scripts/) and [nothing](../nothing.md).
`
	s := testsite.New(t, site).Build(build.Options{})
	assertProblems(t, s,
		"content/README.md:3:1: link \"../README.md\" points outside the content folder, to README.md in the repository: set `repository` in the config, and the site links to it on the git host",
		"content/README.md:3:33: link \"../scripts/check.sh\" points outside the content folder, to scripts/check.sh in the repository: set `repository` in the config, and the site links to it on the git host",
		"content/README.md:3:66: link \"../scripts/\" points outside the content folder, to scripts in the repository: set `repository` in the config, and the site links to it on the git host",
		`content/README.md:3:93: link "../nothing.md" points outside the content folder, to nothing.md, which does not exist`)

	s = testsite.New(t, strings.Replace(site, " and [nothing](../nothing.md)", "", 1)+`
-- playbook.toml --
repository = "https://github.com/org/handbook"
branch = "trunk"
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `href="https://github.com/org/handbook/blob/trunk/README.md"`,
		`href="https://github.com/org/handbook/blob/trunk/scripts/check.sh"`, `href="https://github.com/org/handbook/tree/trunk/scripts"`)
}

func TestTwoIndexPagesInOneFolder(t *testing.T) {
	s := testsite.New(t, `
-- content/index.md --
# The handbook
-- content/README.md --
# About this repository
-- content/guide/_index.md --
# Guide
-- content/guide/index.md --
# Guide too
`).MustBuild(build.Options{})
	assertWarnings(t, s,
		`content/README.md:1:1: warning: index.md and README.md are both index pages of the folder content: index.md is the folder's page, README.md an ordinary page (precedence: _index.md, index.md, index.markdown, README.md, README.markdown; keep one to make this plain)`,
		`content/guide/index.md:1:1: warning: _index.md and index.md are both index pages of the folder content/guide: _index.md is the folder's page, index.md an ordinary page (precedence: _index.md, index.md, index.markdown, README.md, README.markdown; keep one to make this plain)`)
	s.AssertContains("index.html", `<h1 id="the-handbook">The handbook</h1>`)
	s.AssertContains("README/index.html", `<h1 id="about-this-repository">About this repository</h1>`)
}

func TestMarkdownFilesNamedDotMarkdown(t *testing.T) {
	s := testsite.New(t, `
-- content/index.markdown --
---
layout: home
---
# Jekyll home

[about](about.markdown)
-- content/about.markdown --
---
date: 2021-10-04 17:26:15 +1100
---
# About
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `<h1 id="jekyll-home">Jekyll home</h1>`, `href="/about/"`)
	s.AssertContains("about/index.html", `<h1 id="about">About</h1>`)
}

func TestContentFolderIsTheSiteFolder(t *testing.T) {
	s := testsite.New(t, `
-- playbook.toml --
contentDir = "."
-- README.md --
# A handbook at the top of its repository

[guide](/guide.md)
-- guide.md --
# Guide
`)
	s.MustBuild(build.Options{Destination: filepath.Join(t.TempDir(), "out")})
	s.AssertContains("index.html", `href="/guide/"`)
	if s.Exists("playbook.toml") {
		t.Error("the config is published as content")
	}
}

func TestDashesSlugsAndAlertsAsOnTheGitHost(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

Run `+"`x`"+` with git push --force-with-lease -- or not --- ever...

| flag | meaning |
|---|---|
| --dry-run | nothing is written |

## Ⓔvents ½ & x² İ

- item

  > [!NOTE]
  > Stays a quote.

> [!TIP]
> A callout.

[events](#ⓔvents---x-i̇)
`).MustBuild(build.Options{})
	s.AssertContains("index.html", "git push --force-with-lease -- or not --- ever...", "<td>--dry-run</td>",
		`<h2 id="ⓔvents---x-i̇">`, "<blockquote>\n<p>[!NOTE]\nStays a quote.</p>\n</blockquote>", `<div class="callout callout-tip" role="note">`)
}
