package browsertest

// axe-core checks a page against WCAG in the page itself. Its script is
// vendored (axe/axe.min.js, with its licence) rather than fetched, because
// tests run offline and without npm. It is injected through the DevTools
// protocol's Runtime.evaluate, which the page's Content-Security-Policy does
// not govern: the site's "script-src 'self'" blocks inline and injected
// <script> elements, not the debugger.

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

//go:embed axe/axe.min.js
var axeSource string

// axeTags are the rule sets that RunAxe checks, as a JavaScript array: WCAG
// 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]`

// axeTimeout bounds one run of axe; the colour-contrast rule on a long page
// takes a few seconds on a slow machine.
const axeTimeout = 30 * time.Second

// Violation is one axe-core rule that the page breaks, with every element
// that breaks it.
type Violation struct {
	ID      string          `json:"id"`      // the rule, such as "color-contrast"
	Impact  string          `json:"impact"`  // minor, moderate, serious or critical
	Help    string          `json:"help"`    // what the rule asks for, in one sentence
	HelpURL string          `json:"helpUrl"` // the rule's page at Deque
	Nodes   []ViolationNode `json:"nodes"`
}

// ViolationNode is one element that breaks a rule.
type ViolationNode struct {
	Target  string `json:"target"`  // CSS selector of the element
	HTML    string `json:"html"`    // the element's start tag, as axe quotes it
	Summary string `json:"summary"` // what is wrong, such as the contrast ratio found
}

// String gives the violation on several lines: the rule, its impact and
// help, then each element with what is wrong with it.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s [%s]", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %s  %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n      "))
	}
	return b.String()
}

// RunAxe runs axe-core on the document in the tab of ctx and
// returns the rules of WCAG 2.2 levels A and AA (with the 2.0 and 2.1 rules)
// and of axe's best practices that the page breaks, none when it passes. It injects axe
// into the page first unless the page already has it. The test fails when
// axe cannot be injected or run.
func RunAxe(t testing.TB, ctx context.Context) []Violation {
	t.Helper()
	actx, cancel := context.WithTimeout(ctx, axeTimeout)
	defer cancel()
	loaded, err := chromedp.Run(actx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(actx, chromedp.Evaluate[chromedp.Void](axeSource)); err != nil {
			t.Fatalf("axe: injecting axe.min.js: %v", err)
		}
	}
	vs, err := chromedp.Run(actx, chromedp.Evaluate[[]Violation](axeScript, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: running: %v", err)
	}
	return vs
}

// axeScript runs axe on the whole document and flattens its violations
// into the shape of Violation. A target is a list of selectors, one per
// frame or shadow root, joined here with " >>> ".
const axeScript = `axe.run(document, {runOnly: {type: "tag", values: ` + axeTags + `}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({
      target: n.target.map(s => Array.isArray(s) ? s.join(" ") : s).join(" >>> "),
      html: n.html, summary: n.failureSummary || "",
    })),
  })))`
