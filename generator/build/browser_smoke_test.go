package build_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// TestBrowserSmoke builds the example playbook at the repository's root and
// reads it in Chromium as a reader would: the home page, a click through the
// sidebar to a role, and the role pages on a narrow phone screen.
func TestBrowserSmoke(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		t.Fatalf("building the example playbook: %v", err)
	}
	base := browsertest.Serve(t, out)

	browsertest.Open(t, ctx, base+"/")
	if title := browsertest.Get(t, ctx, chromedp.Title()); !strings.Contains(title, "Dispatchly") {
		t.Errorf("home page title = %q, want it to contain %q", title, "Dispatchly")
	}

	const roleLink = `#pbSidebar a[href="/roles/product-owner/"]`
	browsertest.Follow(t, ctx, `#pbSidebar a[href="/roles/"]`)
	browsertest.Follow(t, ctx, roleLink)
	if got, want := browsertest.Get(t, ctx, chromedp.Location()), base+"/roles/product-owner/"; got != want {
		t.Errorf("after clicking Roles, then Product Owner, the page is %q, want %q", got, want)
	}
	if h1 := browsertest.Get(t, ctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Product Owner" {
		t.Errorf("role page <h1> = %q, want %q", h1, "Product Owner")
	}
	// The sidebar marks exactly one entry, the page's own, as current.
	current := browsertest.Eval[[]string](t, ctx,
		`[...document.querySelectorAll("#pbSidebar [aria-current]")].map(a => a.getAttribute("href") + " " + a.getAttribute("aria-current"))`)
	if len(current) != 1 || current[0] != "/roles/product-owner/ page" {
		t.Errorf(`sidebar entries with aria-current = %q, want only ["/roles/product-owner/ page"]`, current)
	}

	// On a narrow phone screen no role page may scroll sideways. The wide
	// elements are listed so that a failure says what to fix.
	const phoneWidth, phoneHeight = 360, 800
	browsertest.Do(t, ctx, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	for _, path := range []string{"/roles/", "/roles/product-owner/", "/roles/scrum-master/", "/roles/development-team/", "/roles/stakeholders/"} {
		browsertest.Open(t, ctx, base+path)
		width := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`)
		if width <= phoneWidth {
			continue
		}
		wide := browsertest.Eval[[]string](t, ctx, tooWide)
		t.Errorf("%s at %d×%d: document.documentElement.scrollWidth = %d, want <= %d (no horizontal scroll); elements past the right edge: %q",
			path, phoneWidth, phoneHeight, width, phoneWidth, wide)
	}
}

// tooWide lists, outermost first, up to ten elements whose right edge lies
// past the viewport, as "tag#id.class right=N".
const tooWide = `(() => {
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const right = Math.round(el.getBoundingClientRect().right);
    if (right <= innerWidth) continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    for (const c of el.classList) name += "." + c;
    out.push(name + " right=" + right);
    if (out.length === 10) break;
  }
  return out;
})()`
