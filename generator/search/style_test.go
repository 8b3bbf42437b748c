package search

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// contrastJS defines contrast(el): the WCAG contrast ratio of el's text
// against the first opaque background behind it.
const contrastJS = `
const rgb = (c) => c.match(/[\d.]+/g).map(Number);
const lum = (c) => {
	const [r, g, b] = rgb(c).slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const background = (el) => {
	for (; el; el = el.parentElement) {
		const c = getComputedStyle(el).backgroundColor, a = rgb(c)[3];
		if (a === undefined || a === 1) return c;
	}
	return "rgb(255, 255, 255)";
};
window.contrast = (el) => {
	const [a, b] = [lum(getComputedStyle(el).color), lum(background(el))];
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
};
`

// TestBrowserSearchStyle checks the search box and its panel on a narrow
// phone and on a laptop, in light and dark mode: the panel fits the
// viewport, every text in it has a contrast of at least 4.5, the box and
// the active result show focus.
func TestBrowserSearchStyle(t *testing.T) {
	dir, _ := writeSite(t, handbook)
	base := browsertest.Serve(t, dir)
	for _, c := range []struct {
		width int
		dark  bool
	}{{360, false}, {360, true}, {1280, false}} {
		t.Run(fmt.Sprintf("%dpx dark=%v", c.width, c.dark), func(t *testing.T) {
			opts := []browsertest.Option{browsertest.WithWindowSize(c.width, 800)}
			if c.dark {
				opts = append(opts, browsertest.WithDarkMode())
			}
			ctx := browsertest.New(t, opts...)
			browsertest.Open(t, ctx, base+basePath)
			browsertest.Eval[bool](t, ctx, contrastJS+";true")
			typeQuery(t, ctx, "the")
			browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))

			box := browsertest.Eval[[]float64](t, ctx, `(() => { const r = document.getElementById("pbSearchInput").getBoundingClientRect(); return [r.left, r.right, r.width] })()`)
			if box[0] < 0 || box[1] > float64(c.width) || box[2] < 150 {
				t.Errorf("search box spans %v, want at least 150px inside the %dpx viewport", box, c.width)
			}
			panel := browsertest.Eval[[]float64](t, ctx, `(() => { const r = document.getElementById("pbSearchResults").getBoundingClientRect(); return [r.left, r.right, r.bottom] })()`)
			if panel[0] < 0 || panel[1] > float64(c.width) || panel[2] > 800 {
				t.Errorf("results panel spans %v, want it inside the %d×800 viewport", panel, c.width)
			}
			if n := browsertest.Eval[int](t, ctx, `document.querySelectorAll("#pbSearchResults li").length`); n < 5 {
				t.Fatalf("%d results for %q, want at least 5 to look at", n, "the")
			}
			low := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll("#pbSearchResults :is(.search-title, .search-heading, .search-snippet, mark)")]
				.filter((el) => contrast(el) < 4.5).map((el) => el.className || el.tagName + ": " + contrast(el).toFixed(2))`)
			if len(low) > 0 {
				t.Errorf("text with a contrast under 4.5: %q", low)
			}
			ring := browsertest.Eval[[]string](t, ctx, `[document.getElementById("pbSearchInput"), document.querySelector("#pbSearchResults a[aria-selected=true]")]
				.map((el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth)`)
			for _, r := range ring {
				if r != "solid 2px" {
					t.Errorf("focus ring of the box and of the active result: %q, want solid 2px", ring)
					break
				}
			}
		})
	}
}
