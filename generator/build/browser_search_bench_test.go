package build_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// BenchmarkSearchAsYouType measures, in Chromium on the example playbook,
// the time from a keystroke in the search box to its results being shown,
// once the index files the words need are fetched: it types queries a
// first time, then again, and reports the median and the slowest of the
// second round ("ms-median", "ms-max"), as the page's own clock measures
// them.
func BenchmarkSearchAsYouType(b *testing.B) {
	out := filepath.Join(b.TempDir(), "public")
	if _, err := build.Build(build.Options{Source: "../..", Destination: out}); err != nil {
		b.Fatal(err)
	}
	ctx := browsertest.New(b)
	browsertest.Open(b, ctx, browsertest.Serve(b, out)+"/")
	browsertest.Do(b, ctx, chromedp.KeyEvent("/"))
	browsertest.Until(b, ctx, "search.js has loaded", `document.querySelector(".search-status")`)
	queries := []string{"product owner", "who decides", "sprint review", "vision board needs", "over-committing"}
	typeAll := func() {
		for _, q := range queries {
			browsertest.Eval[bool](b, ctx, `(() => { const i = document.getElementById("pbSearchInput"); i.value = ""; i.focus(); return true })()`)
			for _, c := range q {
				browsertest.Do(b, ctx, chromedp.KeyEvent(string(c)))
				browsertest.Until(b, ctx, "search has answered", `!document.getElementById("pbSearchResults").hasAttribute("aria-busy")`)
			}
		}
	}
	typeAll() // fetches what the queries need
	browsertest.Eval[bool](b, ctx, `(() => {
		const input = document.getElementById("pbSearchInput"), list = document.getElementById("pbSearchResults");
		window.latencies = [];
		input.addEventListener("input", () => { window.t0 = performance.now(); }, true);
		new MutationObserver(() => {
			if (window.t0 && !list.hasAttribute("aria-busy")) { latencies.push(performance.now() - t0); window.t0 = 0; }
		}).observe(list, {attributes: true, attributeFilter: ["aria-busy"]});
		return true;
	})()`)
	b.ResetTimer()
	for b.Loop() {
		typeAll()
	}
	b.StopTimer()
	ms := browsertest.Eval[[]float64](b, ctx, `latencies`)
	if len(ms) == 0 {
		b.Fatal("no keystroke was measured")
	}
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "ms-median")
	b.ReportMetric(ms[len(ms)-1], "ms-max")
	b.Logf("%d keystrokes measured", len(ms))
}
