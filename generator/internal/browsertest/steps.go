package browsertest

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// StepTimeout bounds each call of Do, Get, Eval, Open and Follow, so that a
// selector that never matches fails the test with the line of the call,
// instead of when the browser's whole time runs out. It is a hang guard: no
// step of a working test comes near it, however busy the machine.
const StepTimeout = 90 * time.Second

// Do runs the steps in the tab of ctx, in order, and fails the test at the
// first error.
func Do(t testing.TB, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, steps...); err != nil {
		t.Fatalf("browser: %v", err)
	}
}

// Get runs one action that returns a value, such as chromedp.Text or
// chromedp.AttributeValue, and returns the value; it fails the test on error.
func Get[T any](t testing.TB, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	v, err := chromedp.Run(sctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// Eval evaluates the JavaScript expression in the page and decodes its value
// into T, failing the test when the script throws or the value does not fit.
func Eval[T any](t testing.TB, ctx context.Context, expression string) T {
	t.Helper()
	return Get(t, ctx, chromedp.Evaluate[T](expression))
}

// Open loads the URL in the tab and waits for the page to load. It fails the
// test when the page does not load or answers with an HTTP status of 400 or
// more.
func Open(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	resp := Get(t, ctx, chromedp.NavigateResponse(url))
	if resp.Status >= 400 {
		t.Fatalf("opening %s: HTTP %d %s", url, resp.Status, resp.StatusText)
	}
}

// Follow clicks the visible element that matches the CSS selector, a link
// for instance, and waits until the page that the click leads to has loaded.
// It fails the test when the element never shows, the click loads no page, or
// the page answers with an HTTP status of 400 or more.
func Follow(t testing.TB, ctx context.Context, selector string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(sctx, chromedp.Click(chromedp.CSS(selector), chromedp.NodeVisible))
	if err != nil {
		t.Fatalf("following %s: %v", selector, err)
	}
	if resp.Status >= 400 {
		t.Fatalf("following %s: %s answered HTTP %d %s", selector, resp.URL, resp.Status, resp.StatusText)
	}
}

// Until evaluates the JavaScript condition in the tab every 50 ms until it
// is true, and fails the test, naming what it waited for, after
// StepTimeout. An evaluation that fails counts as false: while a page
// loads there is no document to ask.
func Until(t testing.TB, ctx context.Context, what, condition string) {
	t.Helper()
	deadline := time.Now().Add(StepTimeout)
	last := "the condition was false"
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+condition+")"))
		switch {
		case err != nil:
			last = "the last evaluation failed: " + err.Error()
		case ok:
			return
		default:
			last = "the condition was false"
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			t.Fatalf("waiting until %s (%s): not within %v; %s", what, condition, StepTimeout, last)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
