package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

const linkSite = `
-- content/README.md --
# Home

See [the Scrum Master's duties](roles/scrum-master.md#duties), [all roles](roles/),
[the roles README](roles/README.md), [the team](team/index.md) and [an outside page](https://example.org/x.md).
-- content/roles/README.md --
# Roles
-- content/roles/scrum-master.md --
# Scrum Master

## Duties

Back to [home](../README.md) and [the map](map.png). Stay [here](#duties).
-- content/roles/map.png --
PNG
-- content/team/index.md --
# Team
`

func TestRelativeLinksAreRewritten(t *testing.T) {
	s := testsite.New(t, linkSite).MustBuild(build.Options{})
	s.AssertContains("index.html",
		`href="/roles/scrum-master/#duties"`, `href="/roles/"`, `href="/team/"`, `href="https://example.org/x.md"`)
	s.AssertContains("roles/scrum-master/index.html", `href="/"`, `href="/roles/map.png"`, `href="#duties"`, `<h2 id="duties">`)
}

func TestBaseURLWithSubPath(t *testing.T) {
	s := testsite.New(t, linkSite).MustBuild(build.Options{BaseURL: "https://example.org/handbook/"})
	s.AssertContains("index.html",
		`href="/handbook/roles/scrum-master/#duties"`,
		`<link rel="canonical" href="https://example.org/handbook/">`,
		`href="/handbook/css/playbook.`, `src="/handbook/js/playbook.`,
		`<a class="site-title" href="/handbook/">`)
	s.AssertContains("roles/scrum-master/index.html", `href="/handbook/roles/map.png"`, `<a href="/handbook/roles/">Roles</a>`)
	s.AssertContains("sitemap.xml", "<loc>https://example.org/handbook/roles/scrum-master/</loc>")
	s.AssertContains("robots.txt", "Sitemap: https://example.org/handbook/sitemap.xml")
	s.AssertContains("404.html", `href="/handbook/css/playbook.`, `href="/handbook/"`)
	if strings.Contains(s.File("index.html"), `href="/roles/`) {
		t.Error("a link ignores the base path")
	}
}

func TestBrokenLinksAreErrorsWithPositions(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
---
title: Home
---
Intro line.

See the [Scrum Master](roles/scrum-mastr.md) and the [missing folder](nowhere/).

- a list with [a bad link](roles/gone.md#x)
-- content/roles/scrum-master.md --
# Scrum Master

Outside: [escape](../../etc/passwd.md).
-- content/roles/draft.md --
---
title: Draft
draft: true
---
-- content/roles/links-to-draft.md --
# Linker

[draft](draft.md)
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/README.md:6:9: link to missing page "roles/scrum-mastr.md" (did you mean "roles/scrum-master.md"?)`,
		`content/README.md:6:54: link to missing file or folder "nowhere/"`,
		`content/README.md:8:15: link to missing page "roles/gone.md"`,
		`content/roles/links-to-draft.md:3:1: link to draft page "draft.md", which is left out of this build: build with --drafts or remove the link`,
		`content/roles/scrum-master.md:3:10: link "../../etc/passwd.md" points outside the content folder, to etc/passwd.md, which does not exist`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if s.Exists("index.html") {
		t.Error("a failed build wrote the output folder")
	}
}

func TestAliasesRedirect(t *testing.T) {
	s := testsite.New(t, `
-- content/roles/product-owner.md --
---
title: Product Owner
aliases: [/roles/po/, /old/owner.html]
---
`).MustBuild(build.Options{BaseURL: "/hb/"})
	for _, f := range []string{"roles/po/index.html", "old/owner.html"} {
		s.AssertContains(f, `<meta http-equiv="refresh" content="0; url=/hb/roles/product-owner/">`, `<link rel="canonical" href="/hb/roles/product-owner/">`)
	}
}

func TestAliasErrors(t *testing.T) {
	s := testsite.New(t, `
-- content/a.md --
---
title: A
aliases: [/b/, relative/, /../../outside/]
---
-- content/b.md --
# B
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/a.md:3:1: alias "/../../outside/" is not a usable page path`,
		`content/a.md:3:1: alias "/b/" is the URL of page content/b.md: remove the alias`,
		`content/a.md:3:1: alias "relative/" must be a site path starting with /, such as /roles/po/`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestDuplicateURLsAreErrors(t *testing.T) {
	s := testsite.New(t, `
-- content/guide.md --
# Guide
-- content/guide/_index.md --
# Guide section
-- content/other.md --
---
title: Other
slug: guide2
---
-- content/guide2.md --
# Guide two
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/guide.md:1:1: content/guide.md and content/guide/_index.md are both the page of the folder "guide": keep one (move the text of guide.md into guide/_index.md, or rename one)`,
		`content/other.md:1:1: page URL /guide2/ is also the URL of content/guide2.md: rename one of the files or give one a different slug`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestAnchorsAndSiteURLLinksAreChecked(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[ok](roles/scrum-master.md#duties), [bad](roles/scrum-master.md#dutys),
[site URL](/roles/scrum-master/#duties), [missing URL](/roles/scrum-mastr/), [local](#intro)

## Intro

[local bad](#outro) and [a tag page](/tags/x/)
-- content/roles/scrum-master.md --
# Scrum Master

## Duties
-- content/qa/thread.md --
## Why?

- **A**: Because; see [the duties](../roles/scrum-master.md#duties-1).
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/README.md:3:37: link to missing heading #dutys in content/roles/scrum-master.md (did you mean #duties?)`,
		`content/README.md:4:42: link to missing page "/roles/scrum-mastr/" (did you mean "/roles/scrum-master/"?)`,
		`content/README.md:8:1: link to missing heading #outro in this page (did you mean #intro?)`,
		`content/qa/thread.md:3:23: link to missing heading #duties-1 in content/roles/scrum-master.md (did you mean #duties?)`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
