package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestBadFrontMatterValues gives pages slugs, tags and weights that used to
// slip through: each is an error at its position, and every bad tag of a
// page is reported, not only the first.
func TestBadFrontMatterValues(t *testing.T) {
	for _, tt := range []struct{ name, page, want string }{
		{"slug with a line break", "---\nslug: \"a\\nb\"\n---\n", `content/a.md:2:1: slug "a\nb" holds a control character (a tab or a line break): write it like "product-owner"`},
		{"slug with a tab", "---\nslug: \"a\\tb\"\n---\n", `content/a.md:2:1: slug "a\tb" holds a control character (a tab or a line break): write it like "product-owner"`},
		{"slug with a carriage return", "---\nslug: \"a\\rb\"\n---\n", `content/a.md:2:1: slug "a\rb" holds a control character (a tab or a line break): write it like "product-owner"`},
		{"slug with DEL", "---\nslug: \"a\\x7fb\"\n---\n", `content/a.md:2:1: slug "a\x7fb" holds a control character (a tab or a line break): write it like "product-owner"`},
		{"slug ?", "---\nslug: \"?\"\n---\n", `content/a.md:2:1: slug "?" cannot contain "?" or "#", which end the path of a URL: write it like "product-owner"`},
		{"slug #", "---\nslug: \"#\"\n---\n", `content/a.md:2:1: slug "#" cannot contain "?" or "#", which end the path of a URL: write it like "product-owner"`},
		{"slug a?b", "---\nslug: \"a?b\"\n---\n", `content/a.md:2:1: slug "a?b" cannot contain "?" or "#", which end the path of a URL: write it like "product-owner"`},
		{"every bad tag", "---\ntags: [\"a\\nb\", good, \"c\\td\", \"e\\x7f\", \"!!\"]\n---\n", `content/a.md:2:1: tag "!!" has no letter or digit to make its address from: use a word
content/a.md:2:1: tag "a\nb" holds a control character (a tab or a line break): remove it
content/a.md:2:1: tag "c\td" holds a control character (a tab or a line break): remove it
content/a.md:2:1: tag "e\x7f" holds a control character (a tab or a line break): remove it`},
		{"huge weight", "---\nweight: 99999999999999999999999999999\n---\n", `content/a.md:2:1: front matter "weight" must be a whole number from -1000000000 to 1000000000, not 99999999999999999999999999999`},
		{"infinite weight", "+++\nweight = inf\n+++\n", `content/a.md:2:1: front matter "weight" must be a whole number from -1000000000 to 1000000000, not +Inf`},
		{"weight over the int64 range", "+++\nweight = 9223372036854775807\n+++\n", `content/a.md:2:1: front matter "weight" must be a whole number from -1000000000 to 1000000000, not 9223372036854775807`},
		{"negative weight", "---\nweight: -99999999999\n---\n", `content/a.md:2:1: front matter "weight" must be a whole number from -1000000000 to 1000000000, not -99999999999`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := testsite.New(t, "-- content/_index.md --\n# Home\n")
			s.WriteFile("content/a.md", tt.page+"# A\n")
			s.Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestTagsAreShownAsWritten builds tags that hold punctuation: their pages'
// addresses are slugs of them, the tags are shown as written, and two tags
// with one slug are one tag.
func TestTagsAreShownAsWritten(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/articles/a.md --
---
date: 2026-05-02
tags: ["CI/CD", "Q&A", ci-cd]
---
# A
-- content/articles/b.md --
---
date: 2026-05-01
tags: [ci cd, Café]
---
# B
`).MustBuild(build.Options{})
	s.AssertContains("tags/ci-cd/index.html", "<title>Tagged “CI/CD”", `<li class="child"><a href="/articles/a/">A</a>`, `<li class="child"><a href="/articles/b/">B</a>`)
	s.AssertContains("tags/q-a/index.html", "<title>Tagged “Q&amp;A”")
	s.AssertContains("tags/cafe/index.html", "<title>Tagged “Café”")
	s.AssertContains("tags/index.html", `<a href="/tags/ci-cd/">CI/CD</a>`, `<a href="/tags/q-a/">Q&amp;A</a>`)
	s.AssertContains("articles/a/index.html", `<a href="/tags/ci-cd/" rel="tag">CI/CD</a>, <a href="/tags/q-a/" rel="tag">Q&amp;A</a></p>`)
	if n := strings.Count(s.File("tags/ci-cd/index.html"), `<li class="child"><a href="/articles/a/">`); n != 1 {
		t.Errorf("the page of ci-cd lists a.md %d times, want once", n)
	}
}
