package search

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// handbook is a small site whose pages exercise ranking, prefixes, typos
// and accents.
var handbook = []testDoc{
	{URL: "/handbook/roles/product-owner/", Title: "Product Owner", Section: "Roles", Sections: []testSection{
		{Text: "Decides what the team builds next."},
		{ID: "responsibilities", Heading: "Responsibilities", Text: "Own the product goal and keep the backlog ordered."},
		{ID: "working-with-others", Heading: "Working with others", Text: "Ask the Scrum Master for help when refinement drags."},
	}},
	{URL: "/handbook/roles/scrum-master/", Title: "Scrum Master", Section: "Roles", Sections: []testSection{
		{Text: "Coaches the team and the organisation."},
		{ID: "responsibilities", Heading: "Responsibilities", Text: "Facilitate events and remove impediments."},
	}},
	{URL: "/handbook/articles/technicians/", Title: "Working sessions with technicians", Section: "Articles", Sections: []testSection{
		{Text: "How the product owner and the team prepare work together."},
	}},
	{URL: "/handbook/qa/", Title: "Questions and answers", Section: "Q&A", Sections: []testSection{
		{Text: "Threads from the forum."},
		{ID: "who-decides-when-a-feature-ships", Heading: "Who decides when a feature ships?", Text: "The product owner decides, after talking to stakeholders."},
	}},
	{URL: "/handbook/pages/cafe/", Title: "Café meetings", Sections: []testSection{
		{Text: "Une réunion d'Équipe au café, every Friday."},
	}},
	{URL: "/handbook/pages/refinement/", Title: "Refinement", Sections: []testSection{
		{Text: "Getting items ready."},
	}},
	{URL: "/handbook/pages/events/", Title: "Scrum events", Sections: []testSection{
		{Text: "The events of a sprint."},
		{ID: "planning", Heading: "Planning", Text: "The sprint starts here."},
		{ID: "refinement", Heading: "Refinement", Text: "Items get ready for planning."},
	}},
	{URL: "/handbook/pages/long/", Title: "A long page", Sections: longPage()},
	// CJK text has no spaces between words: it is searched by pairs of
	// characters.
	{URL: "/handbook/world/zh/", Title: "产品负责人", Sections: []testSection{
		{Text: "产品负责人决定团队下一步构建什么，并与利益相关者沟通。"},
	}},
	{URL: "/handbook/world/ja/", Title: "プロダクトオーナー", Sections: []testSection{
		{Text: "プロダクトオーナーは、チームが次に作るものを決めます。"},
		{ID: "sprint-review", Heading: "スプリントレビュー", Text: "完成した機能を利害関係者に見せます。"},
	}},
}

// longSection is the section of longPage with a word of its own: two past
// the sections that a chunk keeps.
var longSection = defaultLimits().part + 2

// longPage has more sections than a chunk keeps, section longSection with a
// word of its own in a long text.
func longPage() []testSection {
	secs := []testSection{{Text: "Many sections."}}
	for i := 1; i <= longSection; i++ {
		secs = append(secs, testSection{ID: "part-" + strconv.Itoa(i), Heading: "Part " + strconv.Itoa(i), Text: "Filler text."})
	}
	secs[longSection].Text = strings.Repeat("Words before the match. ", 5) + "A quokka appears here. " + strings.Repeat("Words after it. ", 5)
	return secs
}

func TestBrowserSearch(t *testing.T) {
	dir, _ := writeSite(t, handbook)
	base := browsertest.Serve(t, dir)
	ctx := browsertest.New(t)
	browsertest.Open(t, ctx, base+basePath)

	if browsertest.Eval[bool](t, ctx, `document.querySelector("div.search").hidden`) {
		t.Fatal("the search form is still hidden after search.js ran")
	}
	browsertest.Eval[bool](t, ctx, `window.violations = [];
		document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective)); true`)

	if got := fetched(t, ctx); len(got) != 0 {
		t.Errorf("before any use the page fetched %q, want nothing", got)
	}

	// "/" outside a field focuses the box and starts loading the index.
	browsertest.Do(t, ctx, pressSlash())
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.id`); got != "pbSearchInput" {
		t.Fatalf("after /, focus is on %q, want pbSearchInput", got)
	}
	browsertest.Get(t, ctx, chromedp.Poll[bool](`performance.getEntriesByType("resource").some(e => e.name.includes("/search/index.json"))`))
	if got := browsertest.Eval[string](t, ctx, `document.getElementById("pbSearchInput").value`); got != "" {
		t.Errorf("after /, the box holds %q, want it empty", got)
	}

	t.Run("ranking", func(t *testing.T) {
		typeQuery(t, ctx, "product owner")
		got := hrefs(results(t, ctx))
		want := []string{
			"/handbook/roles/product-owner/",                 // both words in the title
			"/handbook/articles/technicians/",                // in the text, page order
			"/handbook/qa/#who-decides-when-a-feature-ships", // in the text of a section
		}
		if !slices.Equal(got, want) {
			t.Errorf("results for %q:\n got %q\nwant %q", "product owner", got, want)
		}
		if s := status(t, ctx); s != "3 results" {
			t.Errorf("status = %q, want %q", s, "3 results")
		}

		typeQuery(t, ctx, "refinement")
		want = []string{
			"/handbook/pages/refinement/",                        // title
			"/handbook/pages/events/#refinement",                 // heading
			"/handbook/roles/product-owner/#working-with-others", // text
		}
		if got := hrefs(results(t, ctx)); !slices.Equal(got, want) {
			t.Errorf("results for %q:\n got %q\nwant %q", "refinement", got, want)
		}
	})

	t.Run("nearest heading and highlight", func(t *testing.T) {
		typeQuery(t, ctx, "product owner resp")
		rs := results(t, ctx)
		if len(rs) != 1 {
			t.Fatalf("results for %q: %+v, want one", "product owner resp", rs)
		}
		r := rs[0]
		if r.Href != "/handbook/roles/product-owner/#responsibilities" || r.Title != "Responsibilities" || r.Context != "Product Owner" {
			t.Errorf("result = %+v, want Responsibilities in Product Owner at #responsibilities", r)
		}
		if want := []string{"Responsibilities", "Product", "Owner", "product"}; !slices.Equal(r.Marks, want) {
			t.Errorf("marked %q, want %q", r.Marks, want)
		}
		if r.Snippet != "Own the product goal and keep the backlog ordered." {
			t.Errorf("snippet = %q", r.Snippet)
		}
	})

	t.Run("typos", func(t *testing.T) {
		for _, c := range []struct {
			q    string
			want []string
		}{
			{"responsibilites", []string{"/handbook/roles/product-owner/#responsibilities", "/handbook/roles/scrum-master/#responsibilities"}},
			{"scrum mastre", []string{"/handbook/roles/scrum-master/", "/handbook/roles/product-owner/#working-with-others"}},
			{"teh", nil}, // under 4 letters: no typo allowed
		} {
			typeQuery(t, ctx, c.q)
			if got := hrefs(results(t, ctx)); !slices.Equal(got, c.want) {
				t.Errorf("results for %q:\n got %q\nwant %q", c.q, got, c.want)
			}
		}
		if s := status(t, ctx); s != "No results for “teh”" {
			t.Errorf("status = %q, want the no-results message", s)
		}
	})

	t.Run("long page", func(t *testing.T) {
		// The hit is in the passage of section longSection, past the
		// chunk's first ones: it comes from a passage file (the long page
		// is the fourth in URL order). The snippet is the part of the
		// passage around the word, cut with ellipses.
		typeQuery(t, ctx, "quokka")
		rs := results(t, ctx)
		part := "part-" + strconv.Itoa(longSection)
		if len(rs) != 1 || rs[0].Href != "/handbook/pages/long/#"+part || rs[0].Title != "Part "+strconv.Itoa(longSection) || rs[0].Context != "A long page" {
			t.Fatalf("results for %q: %+v, want %s of the long page", "quokka", rs, part)
		}
		if sn := rs[0].Snippet; !strings.HasPrefix(sn, "…") || !strings.Contains(sn, "A quokka appears here.") || !slices.Equal(rs[0].Marks, []string{"quokka"}) {
			t.Errorf("snippet %q with marks %q, want the words around the marked quokka", sn, rs[0].Marks)
		}
		file := "x/3-" + strconv.Itoa(longSection/defaultLimits().part) + ".json"
		if got := fetched(t, ctx); !slices.Contains(got, file) {
			t.Errorf("fetched %q, want the passage file %s among them", got, file)
		}
	})

	t.Run("accents", func(t *testing.T) {
		for _, q := range []string{"cafe equipe", "CAFÉ ÉQUIPE", "reunion"} {
			typeQuery(t, ctx, q)
			rs := results(t, ctx)
			if len(rs) != 1 || rs[0].Href != "/handbook/pages/cafe/" {
				t.Errorf("results for %q: %+v, want the café page", q, rs)
			}
		}
	})

	t.Run("CJK", func(t *testing.T) {
		for _, c := range []struct{ q, href, title, mark string }{
			{"负责人", "/handbook/world/zh/", "产品负责人", "负责人"},
			{"利益相关者", "/handbook/world/zh/", "产品负责人", "利益相关者"},
			{"次に作る", "/handbook/world/ja/", "プロダクトオーナー", "次に作る"},
			{"利害関係者", "/handbook/world/ja/#sprint-review", "スプリントレビュー", "利害関係者"},
		} {
			typeQuery(t, ctx, c.q)
			rs := results(t, ctx)
			if len(rs) == 0 || rs[0].Href != c.href || rs[0].Title != c.title || !slices.Contains(rs[0].Marks, c.mark) {
				t.Errorf("results for %q: %+v, want %s (%s) first with %q marked", c.q, rs, c.href, c.title, c.mark)
			}
		}
	})

	if v := browsertest.Eval[[]string](t, ctx, `violations`); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", v)
	}

	t.Run("keyboard", func(t *testing.T) {
		typeQuery(t, ctx, "responsibilities")
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
		if got := selected(t, ctx); got != 1 {
			t.Errorf("after two ArrowDown the selected result is %d, want 1", got)
		}
		if got := browsertest.Eval[string](t, ctx, `document.getElementById("pbSearchInput").getAttribute("aria-activedescendant")`); got != "pbResult1" {
			t.Errorf("aria-activedescendant = %q, want search-result-1", got)
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
		if got := selected(t, ctx); got != 0 {
			t.Errorf("ArrowDown on the last result selects %d, want 0", got)
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.Escape))
		if open := browsertest.Eval[bool](t, ctx, `!document.getElementById("pbSearchResults").hidden`); open {
			t.Error("Escape left the results open")
		}
		if got := browsertest.Eval[string](t, ctx, `document.getElementById("pbSearchInput").getAttribute("aria-expanded")`); got != "false" {
			t.Errorf("after Escape aria-expanded = %q, want false", got)
		}
		// ArrowDown reopens; Enter opens the selected result.
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown))
		if _, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatal(err)
		}
		if got := browsertest.Get(t, ctx, chromedp.Location()); got != base+"/handbook/roles/scrum-master/#responsibilities" {
			t.Errorf("Enter led to %q, want the second result", got)
		}
		// A "/" typed in the box is text, and Escape twice empties it.
		typeQuery(t, ctx, "ci")
		browsertest.Do(t, ctx, pressSlash(), chromedp.KeyEvent("cd"))
		settle(t, ctx)
		if got := browsertest.Eval[string](t, ctx, `document.getElementById("pbSearchInput").value`); got != "ci/cd" {
			t.Errorf("typing ci/cd in the box gave %q", got)
		}
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Escape), chromedp.KeyEvent(kb.Escape))
		if got := browsertest.Eval[string](t, ctx, `document.getElementById("pbSearchInput").value`); got != "" {
			t.Errorf("after Escape twice the box holds %q", got)
		}
	})
}

func hrefs(rs []result) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Href)
	}
	return out
}

func status(t *testing.T, ctx context.Context) string {
	t.Helper()
	return browsertest.Eval[string](t, ctx, `document.querySelector(".search-status").textContent`)
}

// selected returns the index of the selected result, or -1.
func selected(t *testing.T, ctx context.Context) int {
	t.Helper()
	return browsertest.Eval[int](t, ctx, `[...document.querySelectorAll("#pbSearchResults li > a")].findIndex(a => a.getAttribute("aria-selected") === "true")`)
}

// pressSlash presses "/" as a keyboard does: one keydown that carries the
// text, so that a handler that cancels it also cancels the typing.
// chromedp.KeyEvent sends the text in a separate char event instead, which
// no handler can cancel.
func pressSlash() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeKeyDown, input.DispatchKeyEventTypeKeyUp} {
			p := input.DispatchKeyEventParams{Type: typ, Key: "/", Code: "Slash", WindowsVirtualKeyCode: 191}
			if typ == input.DispatchKeyEventTypeKeyDown {
				p.Text = "/"
			}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, p); err != nil {
				return err
			}
		}
		return nil
	})
}
