package build_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// TestBrowserSearchByKeyboard searches the example playbook as a reader
// does: "/" to focus the box, a query, the arrow keys and Enter.
func TestBrowserSearchByKeyboard(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		t.Fatalf("building the example playbook: %v", err)
	}
	base := browsertest.Serve(t, out)
	browsertest.Open(t, ctx, base+"/articles/")
	browsertest.Do(t, ctx, chromedp.KeyEvent("/"))
	if id := browsertest.Eval[string](t, ctx, `document.activeElement.id`); id != "pbSearchInput" {
		t.Fatalf(`"/" focused %q, want the search box`, id)
	}
	browsertest.Do(t, ctx, chromedp.SendKeys(chromedp.CSS("#pbSearchInput"), "scrum mastr"))
	browsertest.Until(t, ctx, `results for "scrum mastr" (one typo)`, `document.querySelectorAll("#pbSearchResults li a").length > 0`)
	results := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll("#pbSearchResults li a")].map(a => a.getAttribute("href") + " " + a.textContent)`)
	if !strings.HasPrefix(results[0], "/roles/scrum-master/") {
		t.Errorf("first result %q, want the Scrum Master's guide first; all: %q", results[0], results)
	}
	marks := browsertest.Eval[int](t, ctx, `document.querySelectorAll("#pbSearchResults mark").length`)
	if marks == 0 {
		t.Error("no highlighted terms in the results")
	}
	// With the results open, the page still has no accessibility violation.
	for _, v := range browsertest.RunAxe(t, ctx) {
		t.Errorf("with search results open: %s", v)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	browsertest.Until(t, ctx, "Enter leaves the articles page", `!location.pathname.endsWith("/articles/")`)
	loc := browsertest.Get(t, ctx, chromedp.Location())
	want := base + strings.Fields(results[0])[0]
	if loc != want {
		t.Errorf("Enter opened %q, want the first result %q", loc, want)
	}
}
