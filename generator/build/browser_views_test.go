package build_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// These tests measure the playbook's views as Chromium draws them, at the
// widths readers use: 390 px (a phone), 1024, 1366 and 1920 px.

// boardCells is a script that returns the boxes of the vision board's
// cells: the top one first, then the others in order.
const boardCells = `[...document.querySelectorAll(".vision-board .vb-cell")].map(el => {
  const r = el.getBoundingClientRect(); return {Top: Math.round(r.top), Left: Math.round(r.left), Width: Math.round(r.width)}; })`

type cellBox struct{ Top, Left, Width int }

// TestBrowserVisionBoardLayout checks the board's grid: from 1200 px the
// Vision across the top and the four other cells side by side on one row
// under it, with no "On this page" beside the board; two by two at 1024;
// one column on a phone.
func TestBrowserVisionBoardLayout(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	for _, view := range []struct {
		width int64
		rows  int // rows of the four cells under the vision
	}{{1920, 1}, {1366, 1}, {1200, 1}, {1024, 2}, {390, 4}} {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, 900))
		browsertest.Open(t, ctx, base+"/vision-boards/dispatchly/")
		cells := browsertest.Eval[[]cellBox](t, ctx, boardCells)
		if len(cells) != 5 {
			t.Fatalf("at %d px the board has %d cells, want 5", view.width, len(cells))
		}
		top, rest := cells[0], cells[1:]
		rows := map[int]bool{}
		for i, c := range rest {
			rows[c.Top] = true
			if c.Top <= top.Top {
				t.Errorf("at %d px cell %d is at %d, not under the vision at %d", view.width, i+2, c.Top, top.Top)
			}
		}
		if len(rows) != view.rows {
			t.Errorf("at %d px the four cells under the vision are on %d rows (%+v), want %d", view.width, len(rows), rest, view.rows)
		}
		last := rest[len(rest)-1]
		if right, vision := last.Left+last.Width, top.Left+top.Width; view.rows == 1 && (right < vision-2 || right > vision+2) {
			t.Errorf("at %d px the cells end at %d, the vision at %d: want the row as wide as the vision", view.width, right, vision)
		}
		if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll(".toc, .toc-phone").length`); n != 0 {
			t.Errorf("at %d px the board has %d tables of contents, want none", view.width, n)
		}
		if view.width >= 1366 {
			// The board uses the page: its row is wider than a text column.
			if w := top.Width; w < int(view.width)/2 {
				t.Errorf("at %d px the board is %d px wide, want more than half the window", view.width, w)
			}
		}
	}
}

// diagramSite has a role for each number of partners from 1 to 16, each
// working with roles that have guides and with groups whose names are long,
// and a role that works with nobody.
func diagramSite() string {
	var b strings.Builder
	b.WriteString("-- content/_index.md --\n# Diagrams\n")
	groups := []string{"Head of Customer Success and Onboarding", "Users and customers", "Senior management",
		"The regional dispatch offices of northern Europe", "HR", "Finance and controlling", "Legal", "Marketing"}
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "-- content/roles/partner-%d.md --\n---\ntitle: Partner Role Number %d\n---\n", i, i)
	}
	for n := 1; n <= 16; n++ {
		var with []string
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				with = append(with, fmt.Sprintf("partner-%d", i/2+1))
			} else {
				with = append(with, fmt.Sprintf("%q", groups[i/2]))
			}
		}
		fmt.Fprintf(&b, "-- content/roles/hub-%d.md --\n---\ntitle: Hub with %d partners\nworks_with: [%s]\n---\nText.\n", n, n, strings.Join(with, ", "))
	}
	b.WriteString("-- content/roles/loner.md --\n---\ntitle: Loner\nworks_with: []\n---\nText.\n")
	return b.String()
}

// diagramCheck is a script that measures the collaboration diagram as
// drawn: the boxes that intersect, the labels that leave their box, and the
// smallest text a reader sees in the figure (the SVG's text scaled as drawn,
// or the list that replaces it).
const diagramCheck = `(() => {
  const res = {Boxes: 0, Overlaps: [], Outside: [], MinText: 1000, Shown: ""};
  const fig = document.querySelector("figure.collab");
  if (!fig) return res;
  const svg = fig.querySelector("svg.collab-diagram");
  const svgShown = svg && getComputedStyle(svg).display !== "none";
  res.Shown = svgShown ? "svg" : "list";
  if (svgShown) {
    const rects = [...svg.querySelectorAll("rect")].map(r => r.getBoundingClientRect());
    res.Boxes = rects.length;
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) res.Overlaps.push(i + "/" + j);
    }
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const g of svg.querySelectorAll("g")) {
      const box = g.querySelector("rect").getBoundingClientRect();
      for (const t of g.querySelectorAll("text")) {
        const r = t.getBoundingClientRect();
        if (r.left < box.left + 2 || r.right > box.right - 2 || r.top < box.top || r.bottom > box.bottom) res.Outside.push(t.textContent);
        res.MinText = Math.min(res.MinText, parseFloat(getComputedStyle(t).fontSize) * scale);
      }
    }
  } else {
    for (const el of fig.querySelectorAll(".collab-list a, .collab-list span, .collab-list p"))
      if (el.getClientRects().length) res.MinText = Math.min(res.MinText, parseFloat(getComputedStyle(el).fontSize));
  }
  for (const el of fig.querySelectorAll("figcaption")) res.MinText = Math.min(res.MinText, parseFloat(getComputedStyle(el).fontSize));
  return res;
})()`

type diagramMeasure struct {
	Boxes    int
	Overlaps []string
	Outside  []string
	MinText  float64
	Shown    string
}

// TestBrowserDiagramLayouts draws the diagram of roles with 1 to 16
// partners on a laptop and on a phone: no two boxes intersect, every label
// fits its box, and no text a reader sees is under 12 px; on a phone the
// list takes the diagram's place. A role that works with nobody has no
// diagram at all. The page with 16 partners passes axe.
func TestBrowserDiagramLayouts(t *testing.T) {
	s := testsite.New(t, diagramSite()).MustBuild(build.Options{})
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, s.Out)
	for _, width := range []int64{1366, 390} {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(width, 900))
		for n := 1; n <= 16; n++ {
			browsertest.Open(t, ctx, fmt.Sprintf("%s/roles/hub-%d/", base, n))
			m := browsertest.Eval[diagramMeasure](t, ctx, diagramCheck)
			name := fmt.Sprintf("%d partners at %d px", n, width)
			if width == 390 && m.Shown != "list" || width == 1366 && m.Shown != "svg" {
				t.Errorf("%s: the figure shows the %s", name, m.Shown)
			}
			if m.Shown == "svg" && m.Boxes != n+1 {
				t.Errorf("%s: %d boxes drawn, want %d", name, m.Boxes, n+1)
			}
			if len(m.Overlaps) > 0 {
				t.Errorf("%s: boxes intersect: %q", name, m.Overlaps)
			}
			if len(m.Outside) > 0 {
				t.Errorf("%s: labels leave their box: %q", name, m.Outside)
			}
			if m.MinText < 12 {
				t.Errorf("%s: the smallest text is %.1f px, want at least 12", name, m.MinText)
			}
		}
	}
	browsertest.Open(t, ctx, base+"/roles/loner/")
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll("figure.collab, svg").length`); n != 0 {
		t.Errorf("a role that works with nobody shows %d diagram elements, want none", n)
	}
	browsertest.Open(t, ctx, base+"/roles/hub-16/")
	for _, view := range a11yViews {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height), colorScheme(view.dark))
		for _, v := range browsertest.RunAxe(t, ctx) {
			t.Errorf("/roles/hub-16/ (%s): %s", view.name, v)
		}
	}
}

// TestBrowserRolePageTOC checks that "On this page" of a role page lists
// the blocks the playbook adds and their groups, that each entry leads to a
// heading that is there, and that on a phone the same list folds under the
// title; the scroll-spy marks the block being read.
func TestBrowserRolePageTOC(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/roles/product-owner/")
	hrefs := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".toc a")].map(a => a.getAttribute("href"))`)
	for _, want := range []string{"#responsibilities", "#pbCanExpect", "#pbCanExpect-scrum-master", "#pbOthersExpect", "#pbOthersExpect-stakeholders", "#pbRoleQuestions"} {
		found := false
		for _, h := range hrefs {
			found = found || h == want
		}
		if !found {
			t.Errorf("the Product Owner's \"On this page\" lacks %s; it has %q", want, hrefs)
		}
	}
	if missing := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".toc a")].map(a => a.getAttribute("href")).filter(h => !document.getElementById(h.slice(1)))`); len(missing) > 0 {
		t.Errorf("entries of \"On this page\" lead nowhere: %q", missing)
	}
	if text := browsertest.Eval[string](t, ctx, `document.querySelector('.toc a[href="#pbOthersExpect-stakeholders"]').textContent`); text != "The Stakeholders expect" {
		t.Errorf("the entry for what the Stakeholders expect reads %q", text)
	}

	// The scroll-spy follows the reader.
	browsertest.Eval[bool](t, ctx, `(document.getElementById("pbOthersExpect").scrollIntoView(), true)`)
	browsertest.Until(t, ctx, "the scroll-spy marks what others expect",
		`document.querySelector(".toc a[aria-current=location]")?.getAttribute("href") === "#pbOthersExpect"`)
	browsertest.Eval[bool](t, ctx, `(document.getElementById("responsibilities").scrollIntoView(), true)`)
	browsertest.Until(t, ctx, "the scroll-spy marks the responsibilities",
		`document.querySelector(".toc a[aria-current=location]")?.getAttribute("href") === "#responsibilities"`)

	browsertest.Do(t, ctx, chromedp.EmulateViewport(390, 800))
	browsertest.Open(t, ctx, base+"/roles/product-owner/")
	if got := browsertest.Eval[string](t, ctx, visibility(".toc")); got != "hidden" {
		t.Errorf("at 390 px the side table of contents is %s, want hidden", got)
	}
	browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".toc-phone summary"), chromedp.NodeVisible))
	if got := browsertest.Eval[string](t, ctx, visibility(`.toc-phone a[href="#pbOthersExpect-stakeholders"]`)); got != "visible" {
		t.Errorf("at 390 px, opened, the folded table of contents shows the Stakeholders' group: %s", got)
	}
}

// TestBrowserReaderAids checks the everyday aids on a page with code: each
// section heading has a link to itself that Tab reaches and shows, named
// after its section; each code block a copy button that copies its code;
// the theme button says what it does in both themes; the breadcrumb never
// leaves a "/" alone on a line. With the aids and the phone's table of
// contents open, the page passes axe, light and dark, on a laptop and on a
// phone.
func TestBrowserReaderAids(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	const page = "/articles/our-team-working-agreement/"
	browsertest.Open(t, ctx, base+page)

	anchors := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".heading-anchor")].map(a => a.getAttribute("href") + " " + a.getAttribute("aria-label"))`)
	if len(anchors) < 3 || anchors[0] != "#the-agreement-as-it-stands Link to the section “The agreement as it stands”" {
		t.Fatalf("heading anchors: %q", anchors)
	}
	// Tab from the last link before the first heading reaches its anchor,
	// which shows when focused.
	browsertest.Eval[bool](t, ctx, `(() => { const h = document.querySelector("article.page h1"); h.tabIndex = -1; h.focus(); return true; })()`)
	for i := 0; i < 20; i++ {
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
		if browsertest.Eval[bool](t, ctx, `document.activeElement.classList.contains("heading-anchor")`) {
			break
		}
	}
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.className + " " + getComputedStyle(document.activeElement).opacity`); got != "heading-anchor 1" {
		t.Errorf("Tab after the title focuses %q, want the first heading anchor, shown (opacity 1)", got)
	}

	// The copy button copies the block's code.
	browsertest.Do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, name := range []string{"clipboard-read", "clipboard-write"} {
			if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
				Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted,
			}); err != nil {
				return fmt.Errorf("granting %s: %w", name, err)
			}
		}
		return nil
	}))
	if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll("pre").length - document.querySelectorAll(".code-block > pre + button.copy-code").length`); n != 0 {
		t.Errorf("%d code blocks have no copy button", n)
	}
	browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS("button.copy-code"), chromedp.NodeVisible))
	browsertest.Until(t, ctx, "the button says the code was copied", `document.querySelector("button.copy-code").textContent === "Copied the code"`)
	if same := browsertest.Get(t, ctx, chromedp.Evaluate[bool](`navigator.clipboard.readText().then(t => t === document.querySelector(".code-block pre").textContent)`, chromedp.EvalAwaitPromise)); !same {
		t.Error("the clipboard does not hold the code block's text")
	}

	// The theme button names what it does.
	for _, want := range []string{"Switch to dark mode", "Switch to light mode", "Switch to dark mode"} {
		if got := browsertest.Eval[string](t, ctx, `document.querySelector(".theme-toggle").textContent`); got != want {
			t.Errorf("the theme button reads %q, want %q", got, want)
		}
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".theme-toggle"), chromedp.NodeVisible))
	}
	browsertest.Eval[bool](t, ctx, `(localStorage.clear(), document.documentElement.removeAttribute("data-theme"), true)`)

	for _, view := range a11yViews {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(view.width, view.height), colorScheme(view.dark))
		browsertest.Open(t, ctx, base+page)
		browsertest.Eval[bool](t, ctx, `(document.querySelector(".toc-phone")?.setAttribute("open", ""), true)`)
		if view.width < 1100 && browsertest.Eval[string](t, ctx, visibility(".toc-phone .toc-list a")) != "visible" {
			t.Errorf("%s: the folded table of contents does not open", view.name)
		}
		for _, v := range browsertest.RunAxe(t, ctx) {
			t.Errorf("%s (%s): %s", page, view.name, v)
		}
		// A crumb wraps with its separator: each is one box, the "/" and
		// its link on the same line.
		if bad := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll(".breadcrumbs li")].filter(li => {
		    const a = li.querySelector("a").getClientRects()[0], box = li.getBoundingClientRect();
		    return a.top > box.top + 1; }).map(li => li.textContent)`); len(bad) > 0 {
			t.Errorf("%s: crumbs whose link starts below their separator: %q", view.name, bad)
		}
	}
}

// TestBrowserMatrixOnAPhone scrolls the expectations matrix on a phone: its
// caption shows whole, and the row labels stay where they were while the
// columns move under them.
func TestBrowserMatrixOnAPhone(t *testing.T) {
	ctx := browsertest.New(t, browsertest.WithWindowSize(390, 800))
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/expectations/")
	got := browsertest.Eval[[]int](t, ctx, `(() => {
	  const box = document.querySelector(".matrix").parentElement, text = document.createRange();
	  text.selectNodeContents(document.querySelector(".matrix caption"));
	  const cap = text.getBoundingClientRect();
	  const label = document.querySelector(".matrix tbody th"), before = label.getBoundingClientRect().left;
	  box.scrollLeft = 200;
	  return [Math.round(cap.right - box.getBoundingClientRect().right), box.scrollLeft, Math.round(label.getBoundingClientRect().left - before)]; })()`)
	if got[0] > 0 {
		t.Errorf("the matrix's caption ends %d px past its box: it is clipped", got[0])
	}
	if got[1] == 0 {
		t.Fatal("the matrix does not scroll on a phone, so the test proves nothing")
	}
	if got[2] != 0 {
		t.Errorf("after scrolling the matrix by %d px its row labels moved by %d px, want 0 (sticky)", got[1], got[2])
	}
	if w := browsertest.Eval[int](t, ctx, `new Set([...document.querySelector(".matrix-corner").getClientRects()].map(r => Math.round(r.top))).size`); w != 1 {
		t.Errorf("the matrix's corner header takes %d lines, want 1: its arrow wraps", w)
	}
}
