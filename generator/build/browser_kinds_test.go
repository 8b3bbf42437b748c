package build_test

import (
	"path/filepath"
	"regexp"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// TestBrowserRolePage opens the example playbook's Product Owner page and
// checks that what the content model generates is visible to a reader: the
// collaboration diagram, both expectation blocks and the role's questions.
func TestBrowserRolePage(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		t.Fatalf("building the example playbook: %v", err)
	}
	base := browsertest.Serve(t, out)
	browsertest.Open(t, ctx, base+"/roles/product-owner/")

	// visible reports whether an element is rendered with a non-empty box
	// inside the page and not hidden by CSS.
	const visible = `(sel) => { const el = document.querySelector(sel); if (!el) return "missing";
	  const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
	  if (cs.display === "none" || cs.visibility === "hidden" || r.width < 1 || r.height < 1) return "hidden";
	  return "visible"; }`
	for _, sel := range []string{
		"svg.collab-diagram",
		`svg.collab-diagram a[href="/roles/scrum-master/"]`,
		"#pbCanExpect",
		"#pbOthersExpect",
		"#pbRoleQuestions",
	} {
		if got := browsertest.Eval[string](t, ctx, "("+visible+")("+jsString(sel)+")"); got != "visible" {
			t.Errorf("%s is %s on the Product Owner page", sel, got)
		}
	}
	// Each expectation block holds at least one table with expectations.
	for _, block := range []string{"pbCanExpect", "pbOthersExpect"} {
		n := browsertest.Eval[int](t, ctx, `document.querySelector("section[aria-labelledby=`+block+`]").querySelectorAll("table.expectations td li").length`)
		if n == 0 {
			t.Errorf("block %s shows no expectations", block)
		}
	}
	questions := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll("section[aria-labelledby=pbRoleQuestions] li > a:first-child")].map(a => a.getAttribute("href"))`)
	if len(questions) == 0 {
		t.Fatal("no questions listed for the Product Owner")
	}
	// Following a question lands on its permalink anchor in the thread.
	browsertest.Follow(t, ctx, `section[aria-labelledby=pbRoleQuestions] li > a[href="`+questions[0]+`"]`)
	target := browsertest.Eval[string](t, ctx, `(() => { const el = document.getElementById(decodeURIComponent(location.hash.slice(1))); return el ? el.tagName + " " + el.textContent.trim() : "none"; })()`)
	if len(target) < 3 || target[:3] != "H2 " {
		t.Errorf("question link %s lands on %q, want the question's h2", questions[0], target)
	}
}

func jsString(s string) string {
	out := []byte{'"'}
	for _, c := range []byte(s) {
		if c == '"' || c == '\\' {
			out = append(out, '\\')
		}
		out = append(out, c)
	}
	return string(append(out, '"'))
}

// TestBrowserRelativeDates checks that article dates gain relative wording
// computed by the reader's browser, next to the absolute date.
func TestBrowserRelativeDates(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		t.Fatalf("building the example playbook: %v", err)
	}
	base := browsertest.Serve(t, out)
	for _, path := range []string{"/", "/articles/"} {
		browsertest.Open(t, ctx, base+path)
		// Each date is compared with the browser's own clock, so the check
		// holds on any day the test runs.
		got := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll("time[data-relative]")].map(el => {
		  const days = Math.round((Date.now() - Date.parse(el.getAttribute("datetime"))) / 864e5);
		  const rel = el.querySelector(".relative-date");
		  return (rel ? rel.textContent : "none") + " | " + days;
		})`)
		if len(got) == 0 {
			t.Fatalf("%s: no dated articles", path)
		}
		for _, g := range got {
			if !relativeWording.MatchString(g) {
				t.Errorf("%s: relative date %q does not read like \"(N units ago)\"", path, g)
			}
		}
	}
}

var relativeWording = regexp.MustCompile(`^ \((\d+ (days|weeks|months|years) ago|last (week|month|year)|yesterday|today)\) \| \d+$`)
