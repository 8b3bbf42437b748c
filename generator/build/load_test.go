package build_test

import (
	"fmt"
	"os"
	"path/filepath"
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
	if n := strings.Count(html, "<h1"); n != 1 {
		t.Errorf("the leading # heading is repeated in the body (%d h1):\n%s", n, html)
	}
	// The title keeps the id the git host gives the heading.
	s.AssertContains("with-heading/index.html", `<h1 id="the-real-title">The Real Title</h1>`)
	s.AssertContains("no-title_at-all/index.html", "<h1>No Title At All</h1>")
	s.AssertContains("Überblick-für-Teams/index.html", `<h1 id="überblick-für-teams">Überblick für Teams</h1>`, "½ → ✓")
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
	s.AssertContains("guides/index.html", `<h1 id="guides">Guides</h1>`, "The guides folder uses README.md")
	s.AssertContains("team/index.html", `<h1 id="team">Team</h1>`)
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
	s.AssertContains("secret/index.html", `<h1>Secret plan</h1>`)
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
-- content/quote.md --
---
title: Quoted
description: fine
summary: "never closed
weight: 2
---
-- content/tab.md --
---
title: Tabbed
	weight: 2
---
-- content/twice.md --
---
title: One
title: Two
---
-- content/nulls.md --
---
title: Nulls
description: null
weight:
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
		"content/bad-yaml.md:3:7: invalid YAML front matter: a [list] is not closed: end it with ] (or write one `- item` per line)",
		`content/never-closed.md:1:1: front matter opened with "---" is never closed: add a line "---" after the last field`,
		`content/quote.md:4:10: invalid YAML front matter: a "quoted" value is never closed: end it with " on the same line`,
		`content/tab.md:3:1: invalid YAML front matter: a tab indents this line: YAML is indented with spaces`,
		`content/twice.md:3:1: invalid YAML front matter: key "title" appears twice (first on line 2): keep one of the two`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestSymlinkedContentRoot builds a site whose content folder, and whose
// theme folder, is a symbolic link (`ln -s ../handbook content`, as a site
// kept beside its handbook does): both are followed, and the site is the
// one the real folders give.
func TestSymlinkedContentRoot(t *testing.T) {
	real := testsite.New(t, `
-- content/_index.md --
# Home
-- content/roles/po.md --
# PO
-- content/img/a.txt --
text
-- themes/default/static/css/extra.css --
.marker-from-linked-theme { color: red; }
`)
	want := real.MustBuild(build.Options{}).Tree()

	s := testsite.New(t, "")
	for _, dir := range []string{"content", "themes"} {
		if err := os.Symlink(filepath.Join(real.Dir, dir), filepath.Join(s.Dir, dir)); err != nil {
			t.Fatal(err)
		}
	}
	s.MustBuild(build.Options{})
	if len(s.Result.Warnings) > 0 {
		t.Errorf("warnings: %v", s.Result.Warnings)
	}
	if diff := diffMaps(want, s.Tree()); diff != "" {
		t.Errorf("the site built through links differs:\n%s", diff)
	}
	if css := s.Tree(); !strings.Contains(fmt.Sprint(css), "marker-from-linked-theme") {
		t.Error("the linked theme's stylesheet is not in the output")
	}
}

// TestContentWithoutPagesIsAnError builds a content folder that yields no
// page (a link to an empty folder, only drafts, only images): an error, and
// the previous output stays.
func TestContentWithoutPagesIsAnError(t *testing.T) {
	for _, tt := range []struct{ name, archive, want string }{
		{"no file", "-- content/.keep --\n", "content: the content folder holds no page: write the pages there as Markdown files (.md), or pass the site folder with --source"},
		{"only images", "-- content/img/a.png --\npng\n", "content: the content folder holds no page: write the pages there as Markdown files (.md), or pass the site folder with --source"},
		{"only drafts", "-- content/a.md --\n---\ndraft: true\n---\n# A\n", "content: every page is a draft: build with --drafts, or set draft: false on the pages to publish"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := testsite.New(t, "-- content/_index.md --\n# Home\n").MustBuild(build.Options{})
			before := s.Tree()
			if err := os.Remove(filepath.Join(s.Dir, "content", "_index.md")); err != nil {
				t.Fatal(err)
			}
			s.WriteArchive(tt.archive)
			s.Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if diff := diffMaps(before, s.Tree()); diff != "" {
				t.Errorf("the previous output changed:\n%s", diff)
			}
		})
	}
}
