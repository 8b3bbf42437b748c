package search

import (
	"context"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// theme is the folder of the default theme's static files.
const theme = "../../themes/default/static/"

// basePath is where the test sites are served, as a site with
// baseURL https://example.org/handbook/ would be.
const basePath = "/handbook/"

// searchPage is the markup the templates give every page, under the
// theme's Content-Security-Policy (no inline script or style). %BASE% is the
// base path.
const searchPage = `<!DOCTYPE html>
<html lang="en" data-search-index="%BASE%search/">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">
<title>%TITLE%</title>
<link rel="stylesheet" href="%BASE%css/site.css">
<script src="%BASE%js/search.js" defer></script>
</head>
<body>
<header class="site-header">
<a class="site-title" href="%BASE%">Handbook</a>
<div role="search" class="search" hidden>
<label for="pbSearchInput">Search</label>
<input id="pbSearchInput" type="text" placeholder="Search" autocomplete="off" role="combobox" aria-controls="pbSearchResults" aria-expanded="false" aria-autocomplete="list">
<ul id="pbSearchResults" role="listbox" aria-label="Search results" hidden></ul>
</div>
<button type="button" class="theme-toggle">Dark mode</button>
</header>
<main id="pbMain"><h1>%TITLE%</h1>%BODY%</main>
</body>
</html>
`

// writeSite writes a site of the documents into a new folder, under
// basePath: a page per document (its sections as h2 with ids), the theme's
// search.js and stylesheets, and the index. It returns the folder and the
// index files.
func writeSite(tb testing.TB, docs []testDoc) (string, map[string][]byte) {
	tb.Helper()
	files := buildDocs(tb, docs, defaultLimits())
	pages := map[string]string{}
	for _, d := range docs {
		pages[d.URL] = page(d.Title, d.html())
	}
	return writeSiteFiles(tb, pages, files), files
}

// writeSiteFiles writes the site of writeSite for the index files given,
// with the pages given by URL, and returns the folder.
func writeSiteFiles(tb testing.TB, pages map[string]string, files map[string][]byte) string {
	tb.Helper()
	dir := tb.TempDir()
	put := func(name string, data []byte) {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(basePath, "/")+name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for name, data := range files {
		put("search/"+name, data)
	}
	put("js/search.js", readFile(tb, theme+"js/search.js"))
	put("css/site.css", append(readFile(tb, theme+"css/playbook.css"), readFile(tb, theme+"css/search.css")...))
	put("index.html", []byte(page("Home", "")))
	for url, html := range pages {
		put(strings.TrimPrefix(url, basePath)+"index.html", []byte(html))
	}
	return dir
}

// page returns the HTML of a test page.
func page(title, body string) string {
	return strings.NewReplacer("%BASE%", basePath, "%TITLE%", title, "%BODY%", body).Replace(searchPage)
}

func readFile(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// typeQuery replaces the query in the search box with q, as typed, and
// waits until the results or the status have caught up with it.
func typeQuery(tb testing.TB, ctx context.Context, q string) {
	tb.Helper()
	browsertest.Eval[bool](tb, ctx, `(() => { const i = document.getElementById("pbSearchInput"); i.value = ""; i.focus(); return true })()`)
	browsertest.Do(tb, ctx, chromedp.KeyEvent(q))
	settle(tb, ctx)
}

// settle waits until search.js has shown the answer to the last keystroke:
// the results list is no longer aria-busy.
func settle(tb testing.TB, ctx context.Context) {
	tb.Helper()
	browsertest.Get(tb, ctx, chromedp.Poll[bool](`!document.getElementById("pbSearchResults").hasAttribute("aria-busy")`,
		chromedp.WithPollingTimeout(0))) // bounded by the step's own time limit
}

// result is one shown result, as read from the page.
type result struct {
	Href     string   `json:"href"`
	Title    string   `json:"title"`
	Context  string   `json:"context"`
	Snippet  string   `json:"snippet"`
	Marks    []string `json:"marks"`
	Selected bool     `json:"selected"`
}

// results returns the shown results, in order.
func results(tb testing.TB, ctx context.Context) []result {
	tb.Helper()
	return browsertest.Eval[[]result](tb, ctx, `[...document.querySelectorAll("#pbSearchResults li")].map(li => ({
		href: new URL(li.querySelector("a").href).pathname + new URL(li.querySelector("a").href).hash,
		title: li.querySelector(".search-title").textContent,
		context: li.querySelector(".search-context")?.textContent || "",
		snippet: li.querySelector(".search-snippet")?.textContent || "",
		marks: [...li.querySelectorAll("mark")].map(m => m.textContent),
		selected: li.querySelector("a").getAttribute("aria-selected") === "true",
	}))`)
}

// fetched returns the index files the page has fetched, by path relative to
// the index folder, without the version query.
func fetched(tb testing.TB, ctx context.Context) []string {
	tb.Helper()
	return browsertest.Eval[[]string](tb, ctx, `performance.getEntriesByType("resource")
		.map(e => new URL(e.name).pathname)
		.filter(p => p.startsWith("`+path.Join(basePath, "search")+`/"))
		.map(p => p.slice(`+strconv.Itoa(len(path.Join(basePath, "search"))+1)+`))`)
}
