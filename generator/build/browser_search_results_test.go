package build_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// shownResult is one search result as the page shows it.
type shownResult struct {
	Href    string   `json:"href"`
	Title   string   `json:"title"`
	Context string   `json:"context"`
	Snippet string   `json:"snippet"`
	Marks   []string `json:"marks"`
}

// readResults returns the results shown in the element matching list.
func readResults(t *testing.T, ctx context.Context, list string) []shownResult {
	t.Helper()
	return browsertest.Eval[[]shownResult](t, ctx, `[...document.querySelectorAll("`+list+` li a")].map(a => ({
		href: a.getAttribute("href"),
		title: a.querySelector(".search-title")?.textContent || "",
		context: a.querySelector(".search-context")?.textContent || "",
		snippet: a.querySelector(".search-snippet")?.textContent || "",
		marks: [...a.querySelectorAll(".search-snippet mark")].map(m => m.textContent),
	}))`)
}

// TestBrowserSearchResults types queries into the example playbook's search
// box and checks the first result as a reader sees it: the unit it links
// to, a title that says what it is, where it lives, and a snippet with the
// words marked.
func TestBrowserSearchResults(t *testing.T) {
	ctx := browsertest.New(t)
	base := browsertest.Serve(t, buildExample(t))
	browsertest.Open(t, ctx, base+"/")
	browsertest.Do(t, ctx, chromedp.KeyEvent("/"))
	browsertest.Until(t, ctx, "search.js has loaded", `document.querySelector(".search-status")`)
	for _, c := range []struct{ q, href, title, context, mark string }{
		{"who decides", "/qa/working-with-the-product-owner/#who-decides-when-a-feature-is-ready-to-ship",
			"Q&A · Who decides when a feature is ready to ship?", "Working with the Product Owner", ""},
		{"feature flag", "/qa/working-with-the-product-owner/#who-decides-when-a-feature-is-ready-to-ship",
			"Q&A · Who decides when a feature is ready to ship?", "Working with the Product Owner", "flag"},
		{"half-day spike", "/qa/working-with-the-product-owner/#what-should-i-do-when-sales-promises-a-feature-that-is-not-on-the-roadmap-answer-2",
			"Answer · Lena Brandt", "Working with the Product Owner › What should I do when sales promises a feature that is not on the roadmap?", "half-day"},
		{"7 a.m.", "/expectations/development-team-from-product-owner/#ready-work",
			"Expectations · Ready work", "What the Development Team can expect from the Product Owner", "a.m"},
		{"gloves", "/vision-boards/dispatchly/#target-group", "Vision board · Target Group", "Dispatchly Product Vision Board", "gloves"},
		{"overcommitting", "/qa/scrum-master-questions/#how-do-i-help-a-team-that-keeps-over-committing",
			"Q&A · How do I help a team that keeps over-committing?", "Questions for Scrum Masters", ""},
		{"sprint review", "", "", "", "sprint"},
	} {
		rs := typeAndRead(t, ctx, c.q)
		if len(rs) == 0 {
			t.Errorf("no results for %q", c.q)
			continue
		}
		r := rs[0]
		if c.href != "" && (r.Href != c.href || r.Title != c.title || r.Context != c.context) {
			t.Errorf("first result for %q:\n got %+v\nwant %s, %q in %q", c.q, r, c.href, c.title, c.context)
		}
		if c.mark != "" && !slices.Contains(r.Marks, c.mark) {
			t.Errorf("first result for %q: snippet %q marks %q, want %q among them", c.q, r.Snippet, r.Marks, c.mark)
		}
		// What a role page shows from an expectation table is found in the
		// table, once: no snippet is a table's header or caption.
		for _, r := range rs {
			for _, bad := range []string{"Category Expectations", "From What the"} {
				if strings.Contains(r.Snippet, bad) {
					t.Errorf("result for %q: snippet %q is table boilerplate", c.q, r.Snippet)
				}
			}
		}
		seen := map[string]bool{}
		for _, r := range rs {
			if r.Snippet != "" && seen[r.Snippet] {
				t.Errorf("results for %q show the snippet %q twice", c.q, r.Snippet)
			}
			seen[r.Snippet] = true
		}
	}
	// With results open, the page has no accessibility violation.
	typeAndRead(t, ctx, "product owner")
	for _, v := range browsertest.RunAxe(t, ctx) {
		t.Errorf("with search results open: %s", v)
	}
}

// typeAndRead types q into the search box and returns the results shown.
func typeAndRead(t *testing.T, ctx context.Context, q string) []shownResult {
	t.Helper()
	browsertest.Eval[bool](t, ctx, `(() => { const i = document.getElementById("pbSearchInput"); i.value = ""; i.focus(); return true })()`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(q))
	browsertest.Until(t, ctx, "search has answered "+q, `!document.getElementById("pbSearchResults").hasAttribute("aria-busy")`)
	return readResults(t, ctx, "#pbSearchResults")
}

// TestBrowserNotFoundSearch opens a missing address of the example
// playbook, served as a static host serves it (404.html, status 404), and
// checks that the page offers the pages that have its words; without
// JavaScript the offer stays hidden.
func TestBrowserNotFoundSearch(t *testing.T) {
	out := buildExample(t)
	notFound, err := os.ReadFile(filepath.Join(out, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(notFound, []byte(`<section id="pbNotFoundSearch" class="not-found-search" aria-labelledby="pbNotFoundSearchTitle" hidden>`)) {
		t.Error("404.html does not hide its search section: a reader without JavaScript would see an empty list")
	}
	files := http.FileServerFS(os.DirFS(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); p != "" && err != nil || err == nil && fi.IsDir() && !exists(filepath.Join(out, p, "index.html")) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(notFound)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ctx := browsertest.New(t)
	for _, c := range []struct{ path, want string }{
		{"/roles/product-owner-guide/", "/roles/product-owner/"},
		{"/roles/scrum-mastre/", "/roles/scrum-master/"}, // a typo
		{"/vision-boards/dispatchly/target-group.html", "/vision-boards/dispatchly/#target-group"},
	} {
		// Open fails on a 404 status: navigate without it.
		browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+c.path))
		browsertest.Until(t, ctx, "the 404 page offers pages", `!document.getElementById("pbNotFoundSearch").hidden`)
		rs := readResults(t, ctx, "#pbNotFoundSearch")
		if len(rs) == 0 || rs[0].Href != c.want {
			t.Errorf("404 page of %s offers %+v, want %s first", c.path, rs, c.want)
		}
		for _, v := range browsertest.RunAxe(t, ctx) {
			t.Errorf("404 page of %s with its offer: %s", c.path, v)
		}
	}
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// TestBrowserSearchBudget runs first queries on the example playbook in
// Chromium and adds up, gzipped, what the page fetched for search: search.js
// as the build writes it and every index file. Each must stay under 12 KB.
func TestBrowserSearchBudget(t *testing.T) {
	const budget = 12 << 10
	out := buildExample(t)
	base := browsertest.Serve(t, out)
	ctx := browsertest.New(t)
	for _, q := range []string{"product owner", "resp", "backlog refinement", "vision board", "scrum master", "stakeholders", "technicians", "who decides"} {
		browsertest.Open(t, ctx, base+"/")
		browsertest.Do(t, ctx, chromedp.KeyEvent("/"))
		browsertest.Until(t, ctx, "search.js has loaded", `document.querySelector(".search-status")`)
		if len(typeAndRead(t, ctx, q)) == 0 {
			t.Errorf("no results for %q", q)
		}
		got := browsertest.Eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/") || p === "/js/search.js")`)
		total := 0
		for _, p := range got {
			data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			total += gzipLen(t, data)
		}
		if !slices.Contains(got, "/js/search.js") {
			t.Errorf("%q: search.js is not among the files fetched: %q", q, got)
		}
		if total >= budget {
			t.Errorf("the first query %q fetched %d bytes gzipped (%q), over the budget of %d", q, total, got, budget)
		} else {
			t.Logf("%-20q %5d bytes gzipped, %d files", q, total, len(got))
		}
	}
}

func gzipLen(t *testing.T, data []byte) int {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Len()
}
