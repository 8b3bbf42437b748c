package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

func TestFrontMatterYAMLAndTOML(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/yaml-page.md --
---
title: From YAML
description: "A YAML page"
date: 2026-03-04
tags: [alpha, beta]
---
Body of YAML.
-- content/toml-page.md --
+++
title = "From TOML"
description = "A TOML page"
date = 2026-03-05
tags = ["gamma"]
+++
Body of TOML.
`).MustBuild(build.Options{})
	s.AssertContains("yaml-page/index.html", "<h1>From YAML</h1>", `<meta name="description" content="A YAML page">`, `<time datetime="2026-03-04">4 March 2026</time>`, "Body of YAML.")
	s.AssertContains("toml-page/index.html", "<h1>From TOML</h1>", `<meta name="description" content="A TOML page">`, `<time datetime="2026-03-05">`, "Body of TOML.")
}

func TestTitleFallbacks(t *testing.T) {
	s := testsite.New(t, `
-- content/with-heading.md --
# The *Real* Title

Text below the heading.
-- content/no-title_at-all.md --
Just text, no heading.
-- content/Überblick für Teams.md --
# Überblick für Teams

Unicode everywhere: ½ → ✓.
`).MustBuild(build.Options{})
	html := s.File("with-heading/index.html")
	if n := strings.Count(html, "The Real Title"); n < 2 { // <title> and <h1>
		t.Errorf("title from the first heading: found %d times", n)
	}
	if strings.Contains(html, "<h1 id=") {
		t.Errorf("the leading # heading is repeated in the body:\n%s", html)
	}
	s.AssertContains("no-title_at-all/index.html", "<h1>No Title At All</h1>")
	s.AssertContains("Überblick-für-Teams/index.html", "<h1>Überblick für Teams</h1>", "½ → ✓")
}

func TestSectionIndexFilesAndOrder(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
---
title: Home
---
-- content/guides/README.md --
# Guides

The guides folder uses README.md as git hosts do.
-- content/guides/zebra.md --
---
title: Zebra
weight: 1
---
-- content/guides/apple.md --
---
title: Apple
weight: 2
---
-- content/guides/banana.md --
# Banana
-- content/guides/aardvark.md --
# Aardvark
-- content/team/index.md --
# Team
-- content/empty-folder/deep/page.md --
# Deep page
`).MustBuild(build.Options{})
	s.AssertContains("guides/index.html", "<h1>Guides</h1>", "The guides folder uses README.md")
	s.AssertContains("team/index.html", "<h1>Team</h1>")
	// A folder without an index page still gets one, titled from its name.
	s.AssertContains("empty-folder/index.html", "<h1>Empty Folder</h1>", `href="/empty-folder/deep/"`)
	// Weight first, then title; pages without weight last.
	html := s.File("guides/index.html")
	order := []string{">Zebra<", ">Apple<", ">Aardvark<", ">Banana<"}
	last := -1
	for _, o := range order {
		i := strings.Index(html[strings.Index(html, `<ul class="children" data-search="skip">`):], o)
		if i < last {
			t.Errorf("order of guides wrong at %s", o)
		}
		last = i
	}
}

func TestDrafts(t *testing.T) {
	archive := `
-- content/_index.md --
# Home
-- content/published.md --
# Published
-- content/secret.md --
---
title: Secret plan
draft: true
---
`
	s := testsite.New(t, archive).MustBuild(build.Options{})
	if s.Exists("secret/index.html") {
		t.Error("draft page built without --drafts")
	}
	s.AssertNotContains("index.html", "Secret plan")
	s.AssertNotContains("sitemap.xml", "/secret/")

	s = testsite.New(t, archive).MustBuild(build.Options{Drafts: true})
	s.AssertContains("secret/index.html", "<h1>Secret plan</h1>")
}

func TestPageBundleFilesAreCopied(t *testing.T) {
	s := testsite.New(t, `
-- content/guide/README.md --
# Guide

![The flow](flow.svg) and [the slides](slides.pdf).
-- content/guide/flow.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
-- content/guide/slides.pdf --
%PDF-1.4 fake
`).MustBuild(build.Options{})
	if got := s.File("guide/flow.svg"); !strings.Contains(got, "<svg") {
		t.Errorf("flow.svg not copied: %q", got)
	}
	s.AssertContains("guide/slides.pdf", "%PDF-1.4 fake")
	s.AssertContains("guide/index.html", `src="/guide/flow.svg"`, `href="/guide/slides.pdf"`)
}

func TestFrontMatterErrorsHavePositions(t *testing.T) {
	s := testsite.New(t, `
-- content/bad-yaml.md --
---
title: Fine
tags: [unclosed
---
-- content/bad-weight.md --
---
title: Weighty
weight: heavy
---
-- content/bad-date.md --
---
title: Dated
date: next tuesday
---
-- content/never-closed.md --
---
title: Open
-- content/bad-toml.md --
+++
title = "x"
weight = = 3
+++
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/bad-date.md:3:1: front matter "date" "next tuesday" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
		`content/bad-toml.md:3:10: invalid TOML front matter: expected value but found '=' instead`,
		`content/bad-weight.md:3:1: front matter "weight" must be a whole number, not the text "heavy"`,
		`content/bad-yaml.md:3: invalid YAML front matter: did not find expected ',' or ']'`,
		`content/never-closed.md:1:1: front matter opened with "---" is never closed: add a line "---" after the last field`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
