package build_test

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// The views of the playbook's kinds as a reader gets them: what each page
// says and in which order, and the errors an author gets for what the
// views cannot show.

const threadSite = `
-- content/roles/product-owner.md --
# Product Owner
-- content/qa/one.md --
## Who decides?

Asked by **Tomasz Nowak** on 2026-03-04

Is it us?

- **Priya Raman** on 2026-03-05:
  The team.

  - **Tomasz Nowak** on 2026-03-06:
    Thanks.

    - **Priya Raman**:
      Welcome.
  - **Lee Ames**:
    Agreed.
- **Sam Okafor** on 2026-03-07 (accepted):
  The Product Owner, for releases.
`

func TestQAThreadAcceptedAnswerAndCounts(t *testing.T) {
	s := testsite.New(t, threadSite).MustBuild(build.Options{})
	html := s.File("qa/one/index.html")
	for _, want := range []string{
		// Counts tell answers from replies.
		`<h3 class="answers-title" data-search="skip">2 answers and 3 replies</h3>`,
		// The accepted answer keeps its id, which follows the order written.
		`<li class="answer answer-accepted" id="who-decides-answer-2" data-search-unit="Answer">`,
		`<span class="avatar" aria-hidden="true" data-search="skip">SO</span><strong data-search-heading>Sam Okafor</strong> <span class="badge badge-accepted" data-search="skip">Accepted answer</span>`,
		// The asker's own replies say so.
		`<span class="avatar" aria-hidden="true" data-search="skip">TN</span><strong data-search-heading>Tomasz Nowak</strong> <span class="badge" data-search="skip">asker</span>`,
		`<span class="avatar" aria-hidden="true" data-search="skip">TN</span><span>Asked by <strong>Tomasz Nowak</strong>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("thread lacks %s", want)
		}
	}
	// The accepted answer is shown first.
	if a, b := strings.Index(html, `id="who-decides-answer-2"`), strings.Index(html, `id="who-decides-answer-1"`); a < 0 || b < 0 || a > b {
		t.Errorf("the accepted answer is at %d, the first answer written at %d: want the accepted one first", a, b)
	}

	var doc struct {
		Type       string `json:"@type"`
		MainEntity struct {
			AnswerCount    int `json:"answerCount"`
			AcceptedAnswer struct {
				Text string `json:"text"`
				URL  string `json:"url"`
			} `json:"acceptedAnswer"`
			SuggestedAnswer []struct {
				Text    string `json:"text"`
				Comment []struct {
					Text string `json:"text"`
				} `json:"comment"`
			} `json:"suggestedAnswer"`
		} `json:"mainEntity"`
	}
	decodeJSONLD(t, html, &doc)
	q := doc.MainEntity
	if doc.Type != "QAPage" || q.AnswerCount != 2 || q.AcceptedAnswer.Text != "The Product Owner, for releases." ||
		!strings.HasSuffix(q.AcceptedAnswer.URL, "#who-decides-answer-2") ||
		len(q.SuggestedAnswer) != 1 || q.SuggestedAnswer[0].Text != "The team." || len(q.SuggestedAnswer[0].Comment) != 2 {
		t.Errorf("QAPage JSON-LD: %+v", doc)
	}
	// The structured data sits in the head, out of the layout's main block
	// that the print page shows.
	if head := html[:strings.Index(html, "</head>")]; !strings.Contains(head, `application/ld+json`) {
		t.Error("the JSON-LD is not in the head")
	}
}

// decodeJSONLD decodes the page's one JSON-LD script into v.
func decodeJSONLD(t *testing.T, html string, v any) {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindStringSubmatch(html)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	if err := json.Unmarshal([]byte(m[1]), v); err != nil {
		t.Fatalf("JSON-LD is not JSON: %v\n%s", err, m[1])
	}
}

func TestQAConventionErrors(t *testing.T) {
	s := testsite.New(t, `
-- content/qa/q.md --
## Without bold?

Asked by **Ann**

- **Bo** on 2026-12-01: Yes.
- Another Name on 2026-12-02: No.
- Just a thought.

## A list in the question

Asked by **Ann**

These are fine, they are the question's own text:

- Note: nothing here is an answer.
- Plain item.

What now?

- **Cy**: An answer.

  - Dee Ell on 2026-12-03 (accepted): a reply without bold.

## Two accepted?

- **Bo** (accepted): Yes.
- **Cy** on 2026-12-04 (accepted): No.

  - **Dee** (accepted): A reply.
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/qa/q.md:6:3: answer by "Another Name" has no bold author, so it would be read as text, not as an answer: write it as "- **Another Name** on 2026-12-02:" (see how-to-write/qa.md)`,
		`content/qa/q.md:7:3: an item among answers has no author, so none of them would be read as answers: start it with "- **Name**:" or "- **Name** on YYYY-MM-DD:" (see how-to-write/qa.md)`,
		`content/qa/q.md:22:5: answer by "Dee Ell" has no bold author, so it would be read as text, not as an answer: write it as "- **Dee Ell** on 2026-12-03 (accepted):" (see how-to-write/qa.md)`,
		`content/qa/q.md:27:5: question "Two accepted?" has a second accepted answer (the first is on line 26): keep "(accepted)" on the one answer that settled the question`,
		`content/qa/q.md:29:7: a reply cannot be the accepted answer of "Two accepted?": move "(accepted)" to an answer (a top-level item of the list)`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\n\nwant:\n%s", got, want)
	}
}

const pairSite = `
-- content/roles/product-owner.md --
# Product Owner
-- content/roles/stakeholders.md --
---
title: Stakeholders
works_with: [product-owner]
---
-- content/roles/head-of-sales.md --
---
title: Head of Sales
---
-- content/expectations/dup-pair.md --
---
from: product-owner
of: stakeholders
---
## Time

- Come to reviews.
`

func TestUntitledTableAndPluralRoles(t *testing.T) {
	s := testsite.New(t, pairSite+`
-- content/expectations/back.md --
---
from: stakeholders
of: product-owner
---
## Answers

- Say no kindly.
`).MustBuild(build.Options{})
	s.AssertContains("expectations/dup-pair/index.html",
		`<title>What the Product Owner can expect from the Stakeholders · Playbook</title>`,
		`<h1>What the Product Owner can expect from the Stakeholders</h1>`)
	s.AssertNotContains("expectations/dup-pair/index.html", "Dup Pair")
	// A plural role takes a plural verb; "Head of Sales" is one person.
	s.AssertContains("roles/product-owner/index.html",
		`<h3 id="pbOthersExpect-stakeholders">The <a href="/roles/stakeholders/">Stakeholders</a> expect</h3>`,
		`<a href="#pbOthersExpect-stakeholders">The Stakeholders expect</a>`,
		`<a href="#pbCanExpect-stakeholders">From the Stakeholders</a>`)
	s.AssertContains("roles/stakeholders/index.html",
		`<title id="diagram-stakeholders">Stakeholders work with Product Owner.</title>`,
		`Who the Stakeholders work with.</figcaption>`)
	s.AssertContains("roles/index.html", `<h2 id="role-head-of-sales"><a href="/roles/head-of-sales/">Head of Sales</a></h2>`,
		`<li>Others expect from it: none written yet</li>`, `<li>Others expect from them: <a href="/roles/stakeholders/#pbOthersExpect">1 expectation</a> in 1 table</li>`)
}

func TestSecondTableForAPairIsAnError(t *testing.T) {
	s := testsite.New(t, pairSite+`
-- content/expectations/again.md --
---
title: Again
from: product-owner
of: stakeholders
---
## More time

- Come to planning.
-- content/roles/team.md --
---
title: Team
plural: yes please
---
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/expectations/dup-pair.md:2:1: content/expectations/again.md already says what the Product Owner can expect from the Stakeholders: merge the two tables into one file (a pair of roles has one table)`,
		`content/roles/team.md:3:1: front matter "plural" must be true or false, not yes please`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\n\nwant:\n%s", got, want)
	}
}

// TestSectionCardsLeaveOutWhatTheTextLinks checks that a section page does
// not list its pages twice: the cards leave out the pages its own text
// links to, and show the rest.
func TestSectionCardsLeaveOutWhatTheTextLinks(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

Start with [the guides](guides/).
-- content/guides/README.md --
# Guides

- [First](first.md)
-- content/guides/first.md --
# First
-- content/guides/second.md --
# Second
-- content/notes/a.md --
# A
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `<ul class="children" data-search="skip">`, `href="/notes/"`)
	s.AssertNotContains("index.html", `<li class="child child-section"><a href="/guides/">`)
	s.AssertContains("guides/index.html", `<li class="child"><a href="/guides/second/">Second</a>`)
	s.AssertNotContains("guides/index.html", `<li class="child"><a href="/guides/first/">`)
}
