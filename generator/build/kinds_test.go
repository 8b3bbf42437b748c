package build_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

const playbookSite = `
-- playbook.toml --
title = "Kinds"
baseURL = "https://kinds.example/hb/"
-- content/_index.md --
# Home
-- content/roles/product-owner.md --
---
title: Product Owner
summary: Owns the product.
weight: 1
works_with: [scrum-master, dev-team, "Users and customers"]
---
## Duties

Decide.
-- content/roles/scrum-master.md --
---
title: Scrum Master
weight: 2
works_with: [product-owner]
---
-- content/roles/dev-team.md --
---
title: Development Team
weight: 3
---
-- content/expectations/po-from-sm.md --
---
title: What the PO can expect from the SM
from: product-owner
of: scrum-master
---
Intro of the table.

## Team coaching

- Help the team **plan** realistically.
- Shield the team from [interruptions](../roles/dev-team.md).

## Process

- Facilitate events.
-- content/expectations/sm-from-po.md --
---
title: What the SM can expect from the PO
from: scrum-master
of: product-owner
---
## Direction

- Share the vision.
-- content/vision-boards/app.md --
---
title: App board
---
## Needs

- Fewer calls.

## Vision

Happy dispatchers.

## Target Group

- Dispatchers

## Product

- A board.

## Business Goals

- Revenue.
-- content/qa/thread.md --
---
title: Thread
---
Intro to the thread.

## How do I say no?

Asked by **Priya** on 2026-03-04 · Roles: product-owner, scrum-master

I keep saying yes.

- **Sam** on 2026-03-05:
  Use the backlog.

  - **Priya** on 2026-03-06:
    Thanks!

    - **Sam**:
      You're welcome.
- **Lee**: Say no kindly.

## Second question?

Asked by **Ann**

Why?

- **Bo**: Because.
-- content/articles/first.md --
---
title: First article
date: 2026-01-10
tags: [Discovery, backlog]
---
Text.
-- content/articles/second.md --
---
title: Second article
date: 2026-02-10
tags: [discovery]
---
Text.
`

func TestRoleGuidePage(t *testing.T) {
	s := testsite.New(t, playbookSite).MustBuild(build.Options{})
	s.AssertContains("roles/product-owner/index.html",
		`<p class="role-summary">Owns the product.</p>`,
		`<svg class="collab-diagram"`, `role="group"`,
		`<title id="diagram-product-owner">Product Owner works with Scrum Master, Development Team and Users and customers.</title>`,
		`<a href="/hb/roles/scrum-master/" class="collab-link">`,
		`<g class="collab-node collab-group">`, `>Users and</text>`, `>customers</text>`,
		`<span class="collab-list-group">Users and customers</span>`,
		`What the Product Owner can expect from others</h2>`,
		`<h3 id="pbCanExpect-scrum-master">From the <a href="/hb/roles/scrum-master/">Scrum Master</a></h3>`,
		`<caption><a href="/hb/expectations/po-from-sm/">What the PO can expect from the SM</a> · 3 expectations</caption>`,
		`<tr><th scope="row">Team coaching</th><td><ul><li>Help the team <strong>plan</strong> realistically.</li><li>Shield the team from <a href="/hb/roles/dev-team/">interruptions</a>.</li></ul></td></tr>`,
		`What others expect from the Product Owner</h2>`,
		`<h3 id="pbOthersExpect-scrum-master">The <a href="/hb/roles/scrum-master/">Scrum Master</a> expects</h3>`,
		`<li>Share the vision.</li>`,
		`Questions about the Product Owner</h2>`,
		`<a href="/hb/qa/thread/#how-do-i-say-no">How do I say no?</a>`,
	)
	s.AssertNotContains("roles/product-owner/index.html", "Second question")
	// A role nobody expects anything of says so.
	s.AssertContains("roles/dev-team/index.html", `No expectation table says yet what the Development Team can expect from another role.`)
}

func TestExpectationTableAndMatrix(t *testing.T) {
	s := testsite.New(t, playbookSite).MustBuild(build.Options{})
	s.AssertContains("expectations/po-from-sm/index.html",
		`<p class="pair-meta" data-search="skip">3 expectations in 2 categories · between the <a href="/hb/roles/product-owner/">Product Owner</a> and the <a href="/hb/roles/scrum-master/">Scrum Master</a> · the other way round: <a href="/hb/expectations/sm-from-po/">What the SM can expect from the PO</a></p>`,
		`<p>Intro of the table.</p>`,
		`<th scope="row" id="team-coaching">Team coaching</th>`,
		`<th scope="row" id="process">Process</th><td><ul><li>Facilitate events.</li></ul>`)
	matrix := s.File("expectations/index.html")
	for _, want := range []string{
		`<table class="matrix" aria-describedby="matrix-note">`,
		`<th scope="col"><a href="/hb/roles/dev-team/">Development Team</a></th>`,
		// Product Owner row: self, 3 of the Scrum Master (the longest
		// table), none of the team.
		`<tr><th scope="row"><a href="/hb/roles/product-owner/">Product Owner</a></th><td class="matrix-self"><span class="visually-hidden">itself</span></td><td class="matrix-l4"><a href="/hb/expectations/po-from-sm/">3</a></td><td class="matrix-empty"><span class="visually-hidden">no table</span></td></tr>`,
		// 1 of 3 is a table in the second quarter of the scale.
		`<tr><th scope="row"><a href="/hb/roles/scrum-master/">Scrum Master</a></th><td class="matrix-l2"><a href="/hb/expectations/sm-from-po/">1</a></td><td class="matrix-self"><span class="visually-hidden">itself</span></td><td class="matrix-empty"><span class="visually-hidden">no table</span></td></tr>`,
	} {
		if !strings.Contains(matrix, want) {
			t.Errorf("matrix lacks %s", want)
		}
	}
}

func TestVisionBoardOrder(t *testing.T) {
	s := testsite.New(t, playbookSite).MustBuild(build.Options{})
	html := s.File("vision-boards/app/index.html")
	top := strings.Index(html, `<div class="vb-cell vb-top" data-search-unit="Vision board">`)
	order := []string{`id="vision"`, `id="target-group"`, `id="needs"`, `id="product"`, `id="business-goals"`}
	last := top
	for _, o := range order {
		i := strings.Index(html, o)
		if i < last {
			t.Fatalf("board sections out of order at %s", o)
		}
		last = i
	}
	if !strings.Contains(html[top:strings.Index(html, `<div class="vb-columns">`)], "Happy dispatchers.") {
		t.Error("the vision is not across the top")
	}
}

func TestQAThreadAndStructuredData(t *testing.T) {
	s := testsite.New(t, playbookSite).MustBuild(build.Options{})
	html := s.File("qa/thread/index.html")
	for _, want := range []string{
		`<p>Intro to the thread.</p>`,
		`<h2 id="how-do-i-say-no"><a class="permalink" href="#how-do-i-say-no">How do I say no?</a></h2>`,
		`Asked by <strong>Priya</strong> on <time datetime="2026-03-04">4 March 2026</time> · Roles: <a href="/hb/roles/product-owner/">Product Owner</a>, <a href="/hb/roles/scrum-master/">Scrum Master</a>`,
		`<div class="question-body"><p>I keep saying yes.</p></div>`,
		`<li class="answer" id="how-do-i-say-no-answer-1" data-search-unit="Answer">`,
		`<a class="permalink" data-search="skip" href="#how-do-i-say-no-answer-1-1"><time datetime="2026-03-06">6 March 2026</time></a>`,
		`<li class="answer" id="how-do-i-say-no-answer-1-1-1" data-search-unit="Answer">`,
		`<div class="answer-body"><p>You’re welcome.</p></div>`,
		`<li class="answer" id="how-do-i-say-no-answer-2" data-search-unit="Answer">`, `<div class="answer-body"><p>Say no kindly.</p></div>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("thread lacks %s", want)
		}
	}
	// Three levels of replies are nested lists.
	if !regexp.MustCompile(`(?s)<ol class="answers">.*<ol class="replies">.*<ol class="replies">.*You’re welcome`).MatchString(html) {
		t.Error("replies are not nested three levels deep")
	}
	var doc struct {
		Context    string `json:"@context"`
		Type       string `json:"@type"`
		MainEntity []struct {
			Type           string `json:"@type"`
			Name           string `json:"name"`
			AnswerCount    int    `json:"answerCount"`
			URL            string `json:"url"`
			AcceptedAnswer struct {
				Text    string `json:"text"`
				Comment []struct {
					Type string `json:"@type"`
				} `json:"comment"`
			} `json:"acceptedAnswer"`
		} `json:"mainEntity"`
	}
	decodeJSONLD(t, html, &doc)
	if doc.Context != "https://schema.org" || doc.Type != "FAQPage" || len(doc.MainEntity) != 2 {
		t.Fatalf("JSON-LD: %+v", doc)
	}
	q := doc.MainEntity[0]
	if q.Name != "How do I say no?" || q.AnswerCount != 2 || q.URL != "https://kinds.example/hb/qa/thread/#how-do-i-say-no" ||
		q.AcceptedAnswer.Text != "Use the backlog." || len(q.AcceptedAnswer.Comment) != 1 {
		t.Errorf("question JSON-LD: %+v", q)
	}
}

func TestSingleQuestionIsQAPage(t *testing.T) {
	s := testsite.New(t, `
-- content/qa/one.md --
## Is it safe? </script><script>alert(1)</script>

- **Al**: Yes.
`).MustBuild(build.Options{})
	html := s.File("qa/one/index.html")
	var doc struct {
		Type       string `json:"@type"`
		MainEntity struct {
			Name            string `json:"name"`
			SuggestedAnswer []struct {
				Text string `json:"text"`
			} `json:"suggestedAnswer"`
		} `json:"mainEntity"`
	}
	decodeJSONLD(t, html, &doc)
	if doc.Type != "QAPage" || len(doc.MainEntity.SuggestedAnswer) != 1 || doc.MainEntity.SuggestedAnswer[0].Text != "Yes." {
		t.Errorf("QAPage: %+v", doc)
	}
	if strings.Count(html, "</script>") != strings.Count(html, "<script") {
		t.Error("a </script> in a question escaped the JSON-LD block")
	}
}

func TestArticlesFeedAndTags(t *testing.T) {
	s := testsite.New(t, playbookSite).MustBuild(build.Options{})
	list := s.File("articles/index.html")
	list = list[strings.Index(list, "<article"):]
	if i, j := strings.Index(list, "Second article"), strings.Index(list, "First article"); i < 0 || j < 0 || i > j {
		t.Error("articles are not listed newest first")
	}
	s.AssertContains("articles/index.html", `<time datetime="2026-02-10" data-relative>10 February 2026</time>`)
	s.AssertContains("articles/feed.xml", `<id>https://kinds.example/hb/articles/</id>`,
		`<link rel="self" type="application/atom+xml" href="https://kinds.example/hb/articles/feed.xml"></link>`,
		`<updated>2026-02-10T00:00:00Z</updated>`)
	s.AssertContains("tags/discovery/index.html", "Tagged “Discovery”", `href="/hb/articles/first/"`, `href="/hb/articles/second/"`)
	s.AssertContains("tags/index.html", `href="/hb/tags/backlog/"`, "2 pages")
	s.AssertContains("articles/first/index.html", `<a href="/hb/tags/discovery/" rel="tag">Discovery</a>`)
}

func TestPlaybookValidationErrors(t *testing.T) {
	s := testsite.New(t, `
-- content/roles/product-owner.md --
---
title: PO
works_with: [scrum-mastr, "Senior management"]
---
-- content/roles/scrum-master.md --
# SM
-- content/expectations/bad.md --
---
from: product-owner
of: product-owner
---
## Coaching

- One.

## coaching

- Two.

## Empty

Just words.
-- content/expectations/unknown.md --
---
from: prodct-owner
of: cfo
---
## A

- x
-- content/vision-boards/b.md --
## Vision

V.

## Target group

- t

## Features

- f
-- content/qa/q.md --
## Question?

Asked by **A** · Roles: product-owner, scrum-mastr

- **B**: answer
-- content/articles/undated.md --
# Undated
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/articles/undated.md:1:1: article has no date: add ` + "`date: YYYY-MM-DD`" + ` to its front matter (articles are listed newest first)`,
		`content/expectations/bad.md:3:1: expectation table has the same role in ` + "`from` and `of`" + ` (product-owner): a table says what one role expects of another`,
		`content/expectations/bad.md:9:1: category "coaching" appears twice (first on line 5): merge the two lists under one heading`,
		`content/expectations/bad.md:13:1: category "Empty" has no expectations: add a list item ("- …") under the heading, or remove it`,
		`content/expectations/unknown.md:2:1: unknown role "prodct-owner" in from (did you mean product-owner?)`,
		`content/expectations/unknown.md:3:1: unknown role "cfo" in of (known roles: product-owner, scrum-master)`,
		`content/qa/q.md:3:40: unknown role "scrum-mastr" in the question's roles (did you mean scrum-master?)`,
		`content/roles/product-owner.md:3:1: unknown role "scrum-mastr" in works_with (did you mean scrum-master?)`,
		`content/vision-boards/b.md:1:1: vision board lacks the sections Needs, Product, Business Goals: add a ` + "`## Needs`" + ` heading (expected sections: Vision, Target Group, Needs, Product, Business Goals)`,
		`content/vision-boards/b.md:9:1: unknown vision board section "Features" (expected sections: Vision, Target Group, Needs, Product, Business Goals)`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\n\nwant:\n%s", got, want)
	}
}

func TestKindFoldersAreConfigurable(t *testing.T) {
	s := testsite.New(t, `
-- playbook.yaml --
kinds:
  role: people
visionBoardSections: [Why, Who]
-- content/people/owner.md --
---
title: Owner
works_with: [helper]
---
-- content/people/helper.md --
# Helper
-- content/vision-boards/b.md --
## Who

- us

## Why

Because.
-- content/notes/typed.md --
---
type: role
title: Typed role
---
`).MustBuild(build.Options{})
	s.AssertContains("people/owner/index.html", `<svg class="collab-diagram"`, `href="/people/helper/"`)
	// The role layout, without a diagram: the role works with nobody yet.
	s.AssertContains("notes/typed/index.html", `id="pbCanExpect"`)
	s.AssertNotContains("notes/typed/index.html", `<svg`, `class="collab`)
	html := s.File("vision-boards/b/index.html")
	if strings.Index(html, `id="why"`) > strings.Index(html, `id="who"`) {
		t.Error("configured section order not followed")
	}
}
