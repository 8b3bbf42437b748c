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
// kind, a page with highlighted code, the matrix, the roles overview and the
// print page. (The role with 16 partners is checked by
// TestBrowserDiagramLayouts.)
var a11yPages = []string{
	"/",
	"/roles/product-owner/",
	"/vision-boards/dispatchly/",
	"/qa/working-with-the-product-owner/",
	"/how-to-write/pages/",
	"/articles/our-team-working-agreement/",
	"/expectations/",
	"/expectations/product-owner-from-scrum-master/",
	"/roles/",
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
	// About 20 s on an idle 2-core machine; the browser's default time
	// limit leaves room for a busy one.
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	for _, path := range a11yPages {
		browsertest.Open(t, ctx, base+path)
		for _, view := range a11yViews {
			browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height), colorScheme(view.dark))
			if dark := browsertest.Eval[bool](t, ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); dark != view.dark {
				t.Fatalf("%s (%s): the page sees prefers-color-scheme dark = %v, want %v", path, view.name, dark, view.dark)
			}
			for _, v := range browsertest.RunAxe(t, ctx) {
				t.Errorf("%s (%s): %s", path, view.name, v)
			}
		}
	}
}

// TestRunAxeFindsViolations checks the checker: on a page with the site's
// Content-Security-Policy, an image without alternative text and grey text
// on white, RunAxe injects axe and reports both rules with their elements.
func TestRunAxeFindsViolations(t *testing.T) {
	ctx := browsertest.New(t)
	dir := t.TempDir()
	const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:">
<link rel="stylesheet" href="/bad.css"><title>Bad page</title></head>
<body><main><h1>Bad page</h1><p class="faint">Hard to read.</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20"></main></body></html>`
	for name, data := range map[string]string{"index.html": page, "bad.css": ".faint { color: #bbb; background: #fff; }"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	browsertest.Open(t, ctx, browsertest.Serve(t, dir)+"/")
	got := map[string]string{}
	for _, v := range browsertest.RunAxe(t, ctx) {
		if len(v.Nodes) > 0 {
			got[v.ID] = v.Nodes[0].Target
		}
	}
	for id, target := range map[string]string{"image-alt": "img", "color-contrast": "p"} {
		if got[id] != target {
			t.Errorf("RunAxe reported %q on %q, want it on %q; all reported: %q", id, got[id], target, got)
		}
	}
}

// TestCodeTokenContrast checks every token colour of the highlighting
// stylesheet, not only those that the example's code happens to use: a code
// block with one token of each class that the stylesheets name is added to
// a page, and each token must reach WCAG AA's 4.5:1 against the block, in
// the system's light and dark modes and with the theme button's choice
// overriding either.
func TestCodeTokenContrast(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/how-to-write/pages/")
	for _, mode := range []struct {
		name  string
		dark  bool   // the system's setting
		theme string // the data-theme that the theme button sets, if any
	}{
		{"light", false, ""},
		{"dark", true, ""},
		{"light system, dark chosen", false, "dark"},
		{"dark system, light chosen", true, "light"},
	} {
		browsertest.Do(t, ctx, colorScheme(mode.dark))
		res := browsertest.Eval[tokenContrast](t, ctx, `(`+tokenContrastScript+`)(`+jsString(mode.theme)+`)`)
		if res.Tokens < 40 {
			t.Errorf("%s: checked %d token classes, want the 40 or more that the highlighting stylesheet names", mode.name, res.Tokens)
		}
		for _, low := range res.Low {
			t.Errorf("%s: code token %s", mode.name, low)
		}
	}
}

// tokenContrast is what tokenContrastScript finds.
type tokenContrast struct {
	Tokens int      // token classes checked
	Low    []string // those under 4.5:1, with their colours and ratio
}

// tokenContrastScript sets data-theme on <html> (or removes it when theme is
// empty), adds to the article a pre.chroma holding one span per "hl-" class
// found in the page's stylesheets, and measures each span's colour against
// its own background or the block's. Whitespace tokens (hl-w) are left out:
// they are not text.
const tokenContrastScript = `(theme) => {
  if (theme) document.documentElement.setAttribute("data-theme", theme); else document.documentElement.removeAttribute("data-theme");
  const classes = new Set();
  const walk = rules => { for (const r of rules) {
    if (r.cssRules) walk(r.cssRules);
    if (r.selectorText) for (const m of r.selectorText.matchAll(/\.hl-([a-z0-9]+)/g)) if (m[1] !== "w") classes.add(m[1]);
  } };
  for (const s of document.styleSheets) walk(s.cssRules);
  document.getElementById("token-probe")?.remove();
  const pre = document.createElement("pre"), code = document.createElement("code");
  pre.id = "token-probe"; pre.className = "chroma"; pre.append(code);
  for (const c of [...classes].sort()) {
    const span = document.createElement("span");
    span.className = "hl-" + c; span.textContent = "token";
    code.append(span);
  }
  document.querySelector("article.page").append(pre);
  const rgba = s => { const m = s.match(/[\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; };
  const over = (fg, bg) => fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const hex = c => "#" + c.map(v => Math.round(v).toString(16).padStart(2, "0")).join("");
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const preBg = over(rgba(getComputedStyle(pre).backgroundColor), page);
  const low = [];
  for (const el of [pre, ...code.children]) {
    const cs = getComputedStyle(el);
    const bg = el === pre ? preBg : over(rgba(cs.backgroundColor), preBg);
    const fg = over(rgba(cs.color), bg);
    const r = ratio(fg, bg);
    if (r < 4.5) low.push((el === pre ? "pre.chroma" : "." + el.className) + ": " + hex(fg) + " on " + hex(bg) + " is " + r.toFixed(2) + ":1, want 4.5:1");
  }
  pre.remove();
  document.documentElement.removeAttribute("data-theme");
  return {Tokens: code.children.length, Low: low};
}`

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
		if got := browsertest.Eval[string](t, ctx, visibility(`#pbSidebar a[href="/roles/"]`)); got != "hidden" {
			t.Errorf("before the Menu control is used, the sidebar's Roles link is %s, want hidden", got)
		}
		if got := browsertest.Eval[string](t, ctx, visibility(`label[for=pbNavToggle]`)); got != "visible" {
			t.Fatalf("the Menu control is %s, want visible", got)
		}
		const menu = `label[for=pbNavToggle]`
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(menu), chromedp.NodeVisible))
		if got := browsertest.Eval[string](t, ctx, visibility(`#pbSidebar a[href="/roles/"]`)); got != "visible" {
			t.Errorf("after a click on Menu, the sidebar's Roles link is %s, want visible", got)
		}
		if expanded := browsertest.Eval[bool](t, ctx, `document.getElementById("pbNavToggle").checked`); !expanded {
			t.Error("after a click on Menu, the checkbox #pbNavToggle is not checked")
		}
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(menu), chromedp.NodeVisible))
		if got := browsertest.Eval[string](t, ctx, visibility(`#pbSidebar a[href="/roles/"]`)); got != "hidden" {
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
// on a phone: the first stop is the skip link, shown on screen, then each
// control of the header in order, the Menu first on a phone; Enter on the
// skip link moves focus to main.
func TestKeyboardSkipLink(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	for _, view := range []struct {
		name          string
		width, height int64
		first         string // the header's first control
	}{
		{"laptop", 1280, 800, "a.site-title"},
		{"phone", 360, 800, "input#pbNavToggle"},
	} {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height))
		browsertest.Open(t, ctx, base+"/roles/product-owner/")
		want := append([]string{"a.skip-link"}, browsertest.Eval[[]string](t, ctx, headerControls)...)
		if len(want) < 3 || want[1] != view.first {
			t.Errorf("%s: the header's controls are %q, want at least two, %s first", view.name, want[1:], view.first)
		}
		var stops []string
		for range want {
			browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
			stops = append(stops, browsertest.Eval[string](t, ctx, focusStop))
			if len(stops) == 1 {
				if got := browsertest.Eval[string](t, ctx, onScreen); got != "on screen" {
					t.Errorf("%s: the focused skip link is %s, want on screen", view.name, got)
				}
			}
		}
		t.Logf("%s: the first Tab stops are %q", view.name, stops)
		if !slices.Equal(stops, want) {
			t.Errorf("%s: the first %d Tab stops are %q, want %q", view.name, len(want), stops, want)
		}

		browsertest.Open(t, ctx, base+"/roles/product-owner/")
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Enter))
		if got := browsertest.Eval[string](t, ctx, focusStop); got != "main#pbMain" {
			t.Errorf("%s: after Enter on the skip link, focus is on %s, want main#pbMain", view.name, got)
		}
		if got := browsertest.Eval[string](t, ctx, `location.hash`); got != "#pbMain" {
			t.Errorf("%s: after Enter on the skip link, location.hash = %q, want %q", view.name, got, "#pbMain")
		}
		// The next Tab goes on from main, into the page, not back to the header.
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if inMain := browsertest.Eval[bool](t, ctx, `document.getElementById("pbMain").contains(document.activeElement)`); !inMain {
			t.Errorf("%s: Tab after the skip link focuses %s, want an element inside main", view.name, browsertest.Eval[string](t, ctx, focusStop))
		}
	}
}

// headerControls names, as focusStop does and in document order, the
// header's controls that are rendered (the Menu's checkbox is, at 1 × 1
// pixel, on a phone).
const headerControls = `[...document.querySelectorAll(".site-header :is(a[href], input, button, select, textarea, [tabindex])")]
  .filter(el => el.getClientRects().length > 0 && el.tabIndex >= 0)
  .map(el => { const tag = el.tagName.toLowerCase(); return el.id ? tag + "#" + el.id : tag + (el.classList.length ? "." + el.classList[0] : ""); })`

// focusStop names the focused element as "tag#id" or "tag.first-class".
const focusStop = `(() => { const el = document.activeElement; if (!el || el === document.body) return "body";
  const tag = el.tagName.toLowerCase(); return el.id ? tag + "#" + el.id : tag + (el.classList.length ? "." + el.classList[0] : ""); })()`

// onScreen says whether the focused element lies wholly inside the viewport.
const onScreen = `(() => { const r = document.activeElement.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth ? "on screen" : "off screen at " + JSON.stringify(r); })()`
