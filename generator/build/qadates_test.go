package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
	"github.com/playbookhq/playbook/generator/scaffold"
)

// TestQADatesAreChecked gives questions and answers dates that do not
// exist: each is an error at the date, as an article's is.
func TestQADatesAreChecked(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/qa/q.md --
## Leap?

Asked by **Ann** on 2026-02-30

- **Bob** on 0000-00-00:
  No.

## Now?

Asked by **Cy** on now · Roles: po

- **Di** on yesterday:
  Yes.
  - **Ed** on 2026-13-01:
    Maybe.
-- content/roles/po.md --
# PO
`).Build(build.Options{})
	want := strings.Join([]string{
		`content/qa/q.md:3:21: date "2026-02-30" of the question "Leap?" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
		`content/qa/q.md:5:14: date "0000-00-00" of the answer by Bob is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
		`content/qa/q.md:10:20: date "now" of the question "Now?" is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
		`content/qa/q.md:12:13: date "yesterday" of the answer by Di is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
		`content/qa/q.md:14:15: date "2026-13-01" of the answer by Ed is not a date: write it as YYYY-MM-DD, e.g. 2026-03-14`,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// TestMissingDatesShowNoDate builds Q&A items without dates, and the site
// `playbook new site` writes: no page may show the zero date (a zero
// time.Time is not empty to a template's with or if).
func TestMissingDatesShowNoDate(t *testing.T) {
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/qa/q.md --
## Undated?

Asked by **Ann**

- **Bob**:
  An answer.
  - **Cy**:
    A reply.
`).MustBuild(build.Options{})
	s.AssertContains("qa/q/index.html", "Asked by <strong>Ann</strong>", "<strong data-search-heading>Bob</strong>")
	assertNoZeroDate(t, s)

	dir := t.TempDir()
	if _, err := scaffold.NewSite(dir); err != nil {
		t.Fatal(err)
	}
	site := &testsite.Site{T: t, Dir: dir, Out: dir + "/public"}
	site.MustBuild(build.Options{})
	assertNoZeroDate(t, site)
}

func assertNoZeroDate(t *testing.T, s *testsite.Site) {
	t.Helper()
	for name, data := range s.Tree() {
		for _, zero := range []string{"0001-01-01", "January 0001", "January 1, 1"} {
			if strings.Contains(data, zero) {
				t.Errorf("%s shows the zero date (%q)", name, zero)
			}
		}
	}
}
