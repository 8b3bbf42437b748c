package build_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// a11yPages are the example playbook's pages that axe checks: one of each
// kind, a page with highlighted code, the matrix and the print page.
var a11yPages = []string{
	"/",
	"/roles/product-owner/",
	"/vision-boards/dispatchly/",
	"/qa/working-with-the-product-owner/",
	"/how-to-write/pages/",
	"/articles/our-team-working-agreement/",
	"/expectations/",
	"/print/",
}

// a11yViews are the screens each page is checked on: light and dark, on a
// laptop and on a narrow phone.
var a11yViews = []struct {
	name          string
	dark          bool
	width, height int64
}{
	{"light 1280", false, 1280, 800},
	{"dark 1280", true, 1280, 800},
	{"light 360", false, 360, 800},
	{"dark 360", true, 360, 800},
}

// TestAccessibilityAxe runs axe-core (WCAG 2.2 A and AA, and best
// practices) on the example playbook's pages in light and dark mode, at
// desktop and phone widths, and wants no violation. The colour-contrast rule
// covers every highlighted code token in both themes.
func TestAccessibilityAxe(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	for _, path := range a11yPages {
		browsertest.Open(t, ctx, base+path)
		for _, view := range a11yViews {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height), colorScheme(view.dark))
			for _, v := range browsertest.RunAxe(t, ctx) {
				t.Errorf("%s (%s): %s", path, view.name, v)
			}
		}
	}
}

// colorScheme makes the tab report prefers-color-scheme dark or light, as
// the system setting would, without reloading the page.
func colorScheme(dark bool) chromedp.Action[chromedp.Void] {
	value := "light"
	if dark {
		value = "dark"
	}
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: value}},
		})
		if err != nil {
			return fmt.Errorf("emulating prefers-color-scheme: %s: %w", value, err)
		}
		return nil
	})
}

// buildExample builds the example playbook at the repository's root into a
// temporary folder and returns that folder.
func buildExample(t *testing.T) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		t.Fatalf("building the example playbook: %v", err)
	}
	return out
}

// TestMobileLayout reads every page of the example playbook on a 360 × 800
// phone: no page scrolls sideways, a table wider than the screen scrolls in
// its own box, and the navigation sits behind the Menu control, which opens
// and closes it with JavaScript turned off.
func TestMobileLayout(t *testing.T) {
	const width, height = 360, 800
	ctx := browsertest.New(t, browsertest.WithWindowSize(width, height))
	out := buildExample(t)
	base := browsertest.Serve(t, out)

	paths := builtPages(t, out)
	if len(paths) < 30 {
		t.Fatalf("found %d pages in the built example playbook, want at least 30: %q", len(paths), paths)
	}
	scrolling := 0
	for _, path := range paths {
		browsertest.Open(t, ctx, base+path)
		if w := browsertest.Eval[int](t, ctx, `document.documentElement.scrollWidth`); w > width {
			t.Errorf("%s at %d×%d: document.documentElement.scrollWidth = %d, want <= %d (no horizontal scroll); elements past the right edge: %q",
				path, width, height, w, width, browsertest.Eval[[]string](t, ctx, tooWide))
		}
		tables := browsertest.Eval[tableScroll](t, ctx, tableScrollScript)
		scrolling += tables.Scrolling
		for _, p := range tables.Problems {
			t.Errorf("%s at %d×%d: %s", path, width, height, p)
		}
	}
	// The roles × roles matrix is wider than a phone: at least that table
	// must have scrolled, or the check above proved nothing.
	if scrolling == 0 {
		t.Errorf("no table of the example playbook is wider than %d pixels, want at least the matrix of /expectations/ to scroll in its box", width)
	}

	t.Run("menu without JavaScript", func(t *testing.T) {
		browsertest.Do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
		browsertest.Open(t, ctx, base+"/roles/product-owner/")
		if ran := browsertest.Eval[bool](t, ctx, `!document.querySelector(".theme-toggle").hidden`); ran {
			t.Fatal("the theme button is shown, so the page's script ran: JavaScript is not turned off")
		}
		if got := browsertest.Eval[string](t, ctx, visibility(`#sidebar a[href="/roles/"]`)); got != "hidden" {
			t.Errorf("before the Menu control is used, the sidebar's Roles link is %s, want hidden", got)
		}
		if got := browsertest.Eval[string](t, ctx, visibility(`label[for=nav-toggle]`)); got != "visible" {
			t.Fatalf("the Menu control is %s, want visible", got)
		}
		const menu = `label[for=nav-toggle]`
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(menu), chromedp.NodeVisible))
		if got := browsertest.Eval[string](t, ctx, visibility(`#sidebar a[href="/roles/"]`)); got != "visible" {
			t.Errorf("after a click on Menu, the sidebar's Roles link is %s, want visible", got)
		}
		if expanded := browsertest.Eval[bool](t, ctx, `document.getElementById("nav-toggle").checked`); !expanded {
			t.Error("after a click on Menu, the checkbox #nav-toggle is not checked")
		}
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(menu), chromedp.NodeVisible))
		if got := browsertest.Eval[string](t, ctx, visibility(`#sidebar a[href="/roles/"]`)); got != "hidden" {
			t.Errorf("after a second click on Menu, the sidebar's Roles link is %s, want hidden", got)
		}
	})
}

// tableScroll is what tableScrollScript finds on a page.
type tableScroll struct {
	Scrolling int      // tables wider than their box that scrolled in it
	Problems  []string // tables past the screen's edge or that do not scroll
}

// tableScrollScript finds, for each table in main, the box that scrolls it
// (the table itself or a wrapper with overflow-x auto or scroll), checks
// that the box ends inside the screen and, when the table is wider than the
// box, that setting scrollLeft scrolls it.
const tableScrollScript = `(() => {
  const res = {Scrolling: 0, Problems: []};
  document.querySelectorAll("main table").forEach((table, i) => {
    const name = "table " + (i + 1) + " (" + (table.className || "no class") + ")";
    let box = table;
    while (box && !/^(auto|scroll)$/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
    if (!box) {
      if (table.getBoundingClientRect().right > innerWidth) res.Problems.push(name + " ends past the screen's right edge and has no box that scrolls it");
      return;
    }
    const right = Math.round(box.getBoundingClientRect().right);
    if (right > innerWidth) res.Problems.push(name + ": its scrolling box ends at " + right + ", past the screen's right edge " + innerWidth);
    if (box.scrollWidth <= box.clientWidth) return;
    box.scrollLeft = 40;
    if (box.scrollLeft > 0) res.Scrolling++;
    else res.Problems.push(name + " is wider than its box (" + box.scrollWidth + " > " + box.clientWidth + ") and does not scroll");
    box.scrollLeft = 0;
  });
  return res;
})()`

// visibility is a script that says whether the element that matches sel is
// "missing", "hidden" (not rendered, invisible or of no size) or "visible".
func visibility(sel string) string {
	return `((sel) => { const el = document.querySelector(sel); if (!el) return "missing";
  const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
  return cs.display === "none" || cs.visibility === "hidden" || r.width < 1 || r.height < 1 ? "hidden" : "visible"; })(` + jsString(sel) + `)`
}

// builtPages lists the URL path of every HTML page in the built site out,
// in name order, leaving out the redirect pages of aliases.
func builtPages(t *testing.T, out string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(`http-equiv="refresh"`)) {
			return nil
		}
		rel := "/" + filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		paths = append(paths, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatalf("listing the pages of %q: %v", out, err)
	}
	return paths
}

// TestKeyboardSkipLink presses Tab from the top of a page, on a laptop and
// on a phone: the first stop is the skip link, shown on screen, then the
// header's controls in order; Enter on the skip link moves focus to main.
func TestKeyboardSkipLink(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	for _, view := range []struct {
		name          string
		width, height int64
		stops         []string // the first Tab stops, as focusStop names them
	}{
		{"laptop", 1280, 800, []string{"a.skip-link", "a.site-title", "button.theme-toggle"}},
		{"phone", 360, 800, []string{"a.skip-link", "input#nav-toggle", "a.site-title", "button.theme-toggle"}},
	} {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height))
		browsertest.Open(t, ctx, base+"/roles/product-owner/")
		var stops []string
		for i := range view.stops {
			browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
			stops = append(stops, browsertest.Eval[string](t, ctx, focusStop))
			if i == 0 {
				if got := browsertest.Eval[string](t, ctx, onScreen); got != "on screen" {
					t.Errorf("%s: the focused skip link is %s, want on screen", view.name, got)
				}
			}
		}
		if !slices.Equal(stops, view.stops) {
			t.Errorf("%s: the first %d Tab stops are %q, want %q", view.name, len(view.stops), stops, view.stops)
		}

		browsertest.Open(t, ctx, base+"/roles/product-owner/")
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
		if got := browsertest.Eval[string](t, ctx, focusStop); got != "main#content" {
			t.Errorf("%s: after Enter on the skip link, focus is on %s, want main#content", view.name, got)
		}
		if got := browsertest.Eval[string](t, ctx, `location.hash`); got != "#content" {
			t.Errorf("%s: after Enter on the skip link, location.hash = %q, want %q", view.name, got, "#content")
		}
		// The next Tab goes on from main, into the page, not back to the header.
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if inMain := browsertest.Eval[bool](t, ctx, `document.getElementById("content").contains(document.activeElement)`); !inMain {
			t.Errorf("%s: Tab after the skip link focuses %s, want an element inside main", view.name, browsertest.Eval[string](t, ctx, focusStop))
		}
	}
}

// focusStop names the focused element as "tag#id" or "tag.first-class".
const focusStop = `(() => { const el = document.activeElement; if (!el || el === document.body) return "body";
  const tag = el.tagName.toLowerCase(); return el.id ? tag + "#" + el.id : tag + (el.classList.length ? "." + el.classList[0] : ""); })()`

// onScreen says whether the focused element lies wholly inside the viewport.
const onScreen = `(() => { const r = document.activeElement.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth ? "on screen" : "off screen at " + JSON.stringify(r); })()`
