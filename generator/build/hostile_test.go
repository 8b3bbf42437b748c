package build_test

// Hostile input: whole sites whose files try to inject script, break the
// parser, exhaust time or memory, follow symbolic links out of the site or
// write outside the output folder. Each test states what must hold; where a
// protection is missing the test fails and says which.

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/content"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// xssSite puts a script payload in every place a content file or the config
// can put text. Every link destination has a scheme, so that the build
// succeeds and its output can be inspected; entity-encoded schemes, which
// the link check reads as paths, are in TestEncodedSchemeLinks.
const xssSite = `
-- playbook.toml --
title = "Evil </title><script>alert('config')</script>"
baseURL = "https://xss.example/"
-- content/_index.md --
---
title: "Home <script>alert('home')</script>"
description: "\"><script>alert('description')</script>"
---
Welcome <script>alert('raw inline')</script>.
-- content/roles/product-owner.md --
---
title: "PO <img src=x onerror=alert('title')>"
description: "' onmouseover='alert(1)"
summary: "<svg onload=alert('summary')>"
works_with: ["<script>alert('works_with')</script>", "\" onload=\"alert(1)", scrum-master]
tags: ["<svg onload=alert('tag')>", "javascript:alert(1)", "\" onload=\"x"]
aliases: ["/old\"><script>alert('alias')</script>/", "/old2/'onload='alert(1)/"]
---
## <img src=x onerror=alert('heading')>

### <svg onload=alert('h3')>

[plain](javascript:alert('link'))
[vb](vbscript:msgbox(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[mixed](JaVaScRiPt:alert('mixed'))
[ref]
<javascript:alert('autolink')>
![image](javascript:alert('img'))
![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)
![title](https://img.example/x.png "a\" onerror=\"alert('title attr')")

[ref]: javascript:alert('ref')

<script>alert('block')</script>

<img src=x onerror=alert('raw img')>

<svg onload=alert('raw svg')></svg>

<iframe src="javascript:alert('iframe')"></iframe>

<a href="javascript:alert('raw a')">raw a</a>

` + "```" + `"><script>alert('fence')</script>
code
` + "```" + `

| <script>alert('cell')</script> | [x](javascript:alert(1)) |
|---|---|
| a | b |

> [!NOTE]
> <img src=x onerror=alert('alert box')>

Footnote[^x].

[^x]: <script>alert('footnote')</script>
-- content/roles/scrum-master.md --
---
title: Scrum Master
works_with: [product-owner]
---
-- content/expectations/sm-from-po.md --
---
title: "<script>alert('table title')</script>"
from: scrum-master
of: product-owner
---
<script>alert('table intro')</script>

## <img src=x onerror=alert('category')>

- <svg onload=alert('item')>
- [item link](javascript:alert('item link'))
-- content/vision-boards/board.md --
---
title: Board
---
## Vision
<script>alert('vision')</script>
## Target Group
<img src=x onerror=alert('target')>
## Needs
[n](javascript:alert('needs'))
## Product
x
## Business Goals
y
-- content/qa/questions.md --
---
title: Questions
---
## </script><script>alert('question')</script>

Asked by **</script><script>alert('asker')</script>** on 2026-03-04 · Roles: product-owner

Body </script><script>alert('question body')</script> <!-- --> <img src=x onerror=alert(1)>

- **</script><img src=x onerror=alert('answerer')>** on 2026-03-05:
  Answer </script><script>alert('answer')</script>

  - **Replier**:
    Reply [r](javascript:alert('reply'))

## Second </script><!--<script>

- **A**:
  <script>alert('faq')</script>
-- content/roles/x --
raw <img src=x> is resolved like a Markdown image: it must exist
-- content/expectations/x --
x
-- content/vision-boards/x --
x
-- content/qa/x --
x
-- content/articles/post.md --
---
title: "Post <script>alert('article')</script>"
date: 2026-02-01
description: "<script>alert('feed summary')</script>"
author: "</name><script>alert('author')</script>"
tags: ["<img src=x onerror=alert('article tag')>"]
---
Article [a](javascript:alert('article link')) <script>alert('article body')</script>
`

// themeScript is the src of a script element the theme writes itself.
// The base path before it may be anything percent-encoded; the host must be
// the site's.
var themeScript = regexp.MustCompile(`^(https://x(ss)?\.example)?/[^"'<>:]*js/[a-z0-9.-]+\.js$`)

func TestHostileMarkupIsInert(t *testing.T) {
	s := testsite.New(t, xssSite).MustBuild(build.Options{})
	tree := s.Tree()
	scanned := 0
	for name, data := range tree {
		switch path.Ext(name) {
		case ".html":
			scanned++
			for _, p := range unsafeMarkup(data) {
				t.Errorf("%s: %s", name, p)
			}
		case ".xml":
			scanned++
			for _, p := range unsafeMarkup(data) {
				t.Errorf("%s: %s", name, p)
			}
			// Feed readers render the escaped HTML of entries.
			for _, m := range feedHTML.FindAllStringSubmatch(data, -1) {
				for _, p := range unsafeMarkup(html.UnescapeString(m[2])) {
					t.Errorf("%s: in a %s element: %s", name, m[1], p)
				}
			}
		}
	}
	if scanned < 10 {
		t.Fatalf("only %d HTML and XML files were built", scanned)
	}

	// The payloads were rendered, as text: the scan above is not vacuous.
	s.AssertContains("roles/product-owner/index.html",
		"PO &lt;img src=x onerror=alert(&#39;title&#39;)&gt;",
		"&lt;svg onload=alert(&#39;summary&#39;)&gt;")
	s.AssertContains("qa/questions/index.html", `<script type="application/ld+json">`, `"name": "\u003cimg src=x onerror=alert(‘answerer’)\u003e"`)
	s.AssertContains("index.html", "Evil &lt;/title&gt;&lt;script&gt;alert(&#39;config&#39;)&lt;/script&gt;")
}

// feedHTML finds the escaped HTML of an Atom entry.
var feedHTML = regexp.MustCompile(`(?s)<(content|summary|title|subtitle)[^>]*type="html"[^>]*>(.*?)</(?:content|summary|title|subtitle)>`)

// unsafeMarkup lists what in doc could run script in a browser: script
// elements other than the theme's own and JSON-LD, event handler
// attributes, script URLs, and elements that load other documents. Text in
// safe output is escaped, so every "<" starts real markup.
func unsafeMarkup(doc string) []string {
	var problems []string
	for i := 0; i < len(doc); {
		j := strings.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			end := strings.Index(rest, "-->")
			if end < 0 {
				return append(problems, "a comment that never closes swallows the rest of the file")
			}
			i += end + 3
			continue
		case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"), strings.HasPrefix(rest, "</"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				return problems
			}
			i += end + 1
			continue
		case len(rest) < 2 || !isASCIILetter(rest[1]):
			i++
			continue
		}
		name, attrs, n := parseTag(rest)
		i += n
		for _, a := range attrs {
			if strings.HasPrefix(a.name, "on") {
				problems = append(problems, fmt.Sprintf("<%s> has an event handler %s=%q", name, a.name, a.value))
			}
			if name == "link" && a.name == "href" && a.value == "data:," && hasAttr(attrs, "rel", "icon") {
				continue // the theme's empty favicon, which saves a request: nothing to click
			}
			if bad := scriptURL(a.name, a.value); bad != "" {
				problems = append(problems, fmt.Sprintf("<%s %s=%q>: %s", name, a.name, a.value, bad))
			}
		}
		switch name {
		case "form":
			// The theme's search box is a form without an action; any other
			// form could post a reader's input elsewhere.
			if !isThemeSearchForm(attrs) {
				problems = append(problems, fmt.Sprintf("<%s> element", name))
			}
		case "iframe", "frame", "object", "embed", "applet", "base", "frameset", "portal":
			problems = append(problems, fmt.Sprintf("<%s> element", name))
		case "script", "style", "textarea", "title", "xmp", "noscript":
			end := indexFold(doc[i:], "</"+name)
			if end < 0 {
				return append(problems, fmt.Sprintf("<%s> never closes", name))
			}
			body := doc[i : i+end]
			i += end
			if name == "script" {
				if p := checkScript(attrs, body); p != "" {
					problems = append(problems, p)
				}
			}
		}
	}
	return problems
}

type attr struct{ name, value string }

// parseTag reads the start tag at the beginning of s and returns its name,
// attributes (names lower-cased, values unescaped) and length.
func parseTag(s string) (string, []attr, int) {
	i := 1
	for i < len(s) && !isTagSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	name := strings.ToLower(s[1:i])
	var attrs []attr
	for i < len(s) {
		for i < len(s) && (isTagSpace(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) || s[i] == '>' {
			return name, attrs, min(i+1, len(s))
		}
		start := i
		for i < len(s) && !isTagSpace(s[i]) && s[i] != '>' && s[i] != '=' && (s[i] != '/' || i == start) {
			i++
		}
		a := attr{name: strings.ToLower(s[start:i])}
		for i < len(s) && isTagSpace(s[i]) {
			i++
		}
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isTagSpace(s[i]) {
				i++
			}
			if i < len(s) && (s[i] == '"' || s[i] == '\'') {
				q := s[i]
				end := strings.IndexByte(s[i+1:], q)
				if end < 0 {
					end = len(s) - i - 1
				}
				a.value = s[i+1 : i+1+end]
				i += end + 2
			} else {
				vs := i
				for i < len(s) && !isTagSpace(s[i]) && s[i] != '>' {
					i++
				}
				a.value = s[vs:i]
			}
			a.value = html.UnescapeString(a.value)
		}
		attrs = append(attrs, a)
	}
	return name, attrs, len(s)
}

// scriptURL says why an attribute's URL would run script, or "".
func scriptURL(name, value string) string {
	var urls []string
	switch name {
	case "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data", "ping":
		urls = []string{value}
	case "srcset":
		for _, part := range strings.Split(value, ",") {
			urls = append(urls, strings.Fields(part + " x")[0])
		}
	case "content":
		if _, u, ok := strings.Cut(strings.ToLower(value), "url="); ok {
			urls = []string{u}
		}
	case "style":
		if v := strings.ToLower(value); strings.Contains(v, "javascript:") || strings.Contains(v, "expression(") {
			return "script in a style attribute"
		}
	}
	for _, u := range urls {
		u = strings.ToLower(strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \t\n\r")))
		u = strings.Trim(u, `'"`)
		switch {
		case strings.HasPrefix(u, "javascript:"), strings.HasPrefix(u, "vbscript:"), strings.HasPrefix(u, "livescript:"):
			return "a script URL"
		case strings.HasPrefix(u, "data:text/html"), strings.HasPrefix(u, "data:application/xhtml"):
			return "an HTML document in a data URL"
		case name != "src" && strings.HasPrefix(u, "data:"):
			return "a data URL a click would open"
		}
	}
	return ""
}

// checkScript says why a script element is not one the theme writes (an
// empty element loading the theme's script) or JSON-LD that stays inside
// its element, or "".
func checkScript(attrs []attr, body string) string {
	var src, typ string
	for _, a := range attrs {
		switch a.name {
		case "src":
			src = a.value
		case "type":
			typ = a.value
		}
	}
	switch {
	case typ == "application/ld+json":
		if strings.Contains(body, "<") {
			return fmt.Sprintf("JSON-LD holds markup: %q", body)
		}
		if !json.Valid([]byte(body)) {
			return fmt.Sprintf("JSON-LD is not valid JSON: %q", body)
		}
		return ""
	case src != "" && themeScript.MatchString(src) && strings.TrimSpace(body) == "":
		return ""
	}
	return fmt.Sprintf("script element %v with %q", attrs, body)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func indexFold(s, sub string) int {
	return strings.Index(strings.ToLower(s), strings.ToLower(sub))
}

// TestUnsafeMarkupCheck keeps the scanner honest: it must flag each way
// markup can run script and pass the theme's own output.
func TestUnsafeMarkupCheck(t *testing.T) {
	safe := []string{
		`<script src="/js/playbook.0123abcd.js" defer></script>`,
		`<script src="https://xss.example/hb/js/search.js"></script>`,
		`<script type="application/ld+json">{"a":"\u003c/script\u003e"}</script>`,
		`<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1) javascript:x</p>`,
		`<a href="/roles/">x</a><img src="data:image/png;base64,AAAA" alt="onerror=x">`,
		`<!-- <script>alert(1)</script> --><svg><title>t</title><a href="/x/">y</a></svg>`,
		`<meta http-equiv="refresh" content="0; url=/roles/po/">`,
	}
	for _, doc := range safe {
		if p := unsafeMarkup(doc); len(p) > 0 {
			t.Errorf("flagged safe markup %q: %v", doc, p)
		}
	}
	unsafe := []string{
		`<script>alert(1)</script>`,
		`<SCRIPT SRC="https://evil.example/x.js"></SCRIPT>`,
		`<script src="/js/playbook.js">alert(1)</script>`,
		`<script type="application/ld+json">{"a":"</script><script>alert(1)"}</script>`,
		`<img src=x onerror=alert(1)>`,
		`<svg/onload=alert(1)>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href=" JaVaScRiPt:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="java&#x09;script:alert(1)">x</a>`,
		`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
		`<img src="vbscript:msgbox(1)">`,
		`<iframe src="/x"></iframe>`,
		`<meta http-equiv="refresh" content="0; url=javascript:alert(1)">`,
		`<p style="background:url(javascript:alert(1))">`,
	}
	for _, doc := range unsafe {
		if p := unsafeMarkup(doc); len(p) == 0 {
			t.Errorf("missed unsafe markup %q", doc)
		}
	}
}

// TestHostileLanguageAndBaseURL tries to break out of attributes through
// the config's language and baseURL: the first two are refused with their
// reason, the third is a URL and builds, escaped.
func TestHostileLanguageAndBaseURL(t *testing.T) {
	for _, tt := range []struct{ cfg, want string }{
		{`language = "en\"><script>alert(1)</script>"`, `playbook.toml:1:1: language "en\"><script>alert(1)</script>" is not a BCP 47 language tag: write it like "en" or "en-US"`},
		{`baseURL = "javascript:alert(1)//"`, `playbook.toml:1:1: baseURL "javascript:alert(1)//" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`},
		{`baseURL = "https://x.example/\"><script>alert(1)</script>/"`, ""},
	} {
		s := testsite.New(t, "-- playbook.toml --\n"+tt.cfg+"\n-- content/_index.md --\n# Home\n-- content/articles/a.md --\n---\ndate: 2026-01-01\n---\n# A\n").Build(build.Options{})
		if got := s.Problems(); got != tt.want {
			t.Errorf("config %s: problems:\n%s\nwant:\n%s", tt.cfg, got, tt.want)
			continue
		}
		if tt.want != "" {
			continue
		}
		for name, data := range s.Tree() {
			if ext := path.Ext(name); ext != ".html" && ext != ".xml" {
				continue
			}
			for _, p := range unsafeMarkup(data) {
				t.Errorf("config %s: %s: %s", tt.cfg, name, p)
			}
		}
	}
}

// TestEncodedSchemeLinks writes script URLs with their scheme hidden behind
// character references, which the browser would decode: the renderer
// decodes them too and writes the link without its URL; a tab inside the
// scheme is a control character in a link, an error at both links.
func TestEncodedSchemeLinks(t *testing.T) {
	for _, tt := range []struct{ dest, want string }{
		{dest: "&#106;avascript:alert(1)"},
		{dest: "&#x6A;avascript:alert(1)"},
		{dest: "javascript&colon;alert(1)"},
		{dest: "&#0000106avascript:alert(1)"},
		{"java&Tab;script:alert(1)", `content/_index.md:3:1: link "java\tscript:alert(1)" contains a control character (a tab or a line break): remove it
content/_index.md:3:31: link "java\tscript:alert(1)" contains a control character (a tab or a line break): remove it`},
	} {
		s := testsite.New(t, "-- content/_index.md --\n# Home\n\n[x]("+tt.dest+") ![y]("+tt.dest+")\n").Build(build.Options{})
		if got := s.Problems(); got != tt.want {
			t.Errorf("link %s: problems:\n%s\nwant:\n%s", tt.dest, got, tt.want)
			continue
		}
		if tt.want != "" {
			continue
		}
		s.AssertContains("index.html", `<p><a href="">x</a> <img src="" alt="y"></p>`)
		for _, p := range unsafeMarkup(s.File("index.html")) {
			t.Errorf("link %s: %s", tt.dest, p)
		}
	}
}

// TestMalformedFiles builds sites whose files are broken in the ways a
// hostile or careless author can break them; each must give its exact error
// or render.
func TestMalformedFiles(t *testing.T) {
	tests := []struct {
		name, file, data string
		want             string // the problems; "" when the site must build
	}{
		{
			name: "invalid UTF-8",
			file: "content/bad.md",
			data: "---\ntitle: Bad\n---\nLatin-1: caf\xe9\n",
			want: "content/bad.md:4:13: file is not valid UTF-8: save it with UTF-8 encoding",
		},
		{
			name: "front matter never closed",
			file: "content/open.md",
			data: "---\ntitle: Open\n\n# Body\n",
			want: `content/open.md:1:1: front matter opened with "---" is never closed: add a line "---" after the last field`,
		},
		{
			name: "BOM",
			file: "content/bom.md",
			data: "\xef\xbb\xbf---\ntitle: With BOM\n---\n## Part\n",
		},
		{
			name: "CRLF",
			file: "content/crlf.md",
			data: "---\r\ntitle: Windows Lines\r\ntags: [crlf]\r\n---\r\n## Part\r\n\r\n- one\r\n- two\r\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testsite.New(t, "-- content/_index.md --\n# Home\n")
			s.WriteFile(tt.file, tt.data)
			s.Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Fatalf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
			if tt.want != "" {
				return
			}
			out := strings.TrimSuffix(strings.TrimPrefix(tt.file, "content/"), ".md") + "/index.html"
			s.AssertNotContains(out, "\ufeff", "---", "title:")
			s.AssertContains(out, `<h2 id="part">Part</h2>`)
			if tt.name == "CRLF" {
				s.AssertContains(out, "<title>Windows Lines · ", "<li>one</li>", "<li>two</li>")
				s.AssertContains("tags/crlf/index.html", "Windows Lines")
			} else {
				s.AssertContains(out, "<title>With BOM · ")
			}
		})
	}
}

// TestAliasBombIsBounded feeds the YAML decoder a billion-laughs document:
// the build must fail or finish quickly without expanding it.
func TestAliasBombIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: Bomb\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 10 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	s := testsite.New(t, "-- content/_index.md --\n# Home\n")
	s.WriteFile("content/bomb.md", b.String())

	took, alloc, _ := buildMeasured(s)
	t.Logf("alias bomb: %v, %d KB allocated", took, alloc>>10)
	if alloc > 256<<20 {
		t.Errorf("build allocated %d MB", alloc>>20)
	}
	if s.Err == nil {
		t.Fatal("the alias bomb built without an error")
	}
	const want = `content/bomb.md:4:5: invalid value for "a1": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out`
	if got := s.Problems(); !strings.HasPrefix(got, want+"\n") {
		t.Errorf("problems:\n%s\nwant them to start with:\n%s", got, want)
	}
}

// buildMeasured builds s and returns how long it took, how many bytes it
// allocated and how many the process has obtained from the OS since start.
func buildMeasured(s *testsite.Site) (took time.Duration, alloc, sys uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	s.Build(build.Options{})
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	return took, after.TotalAlloc - before.TotalAlloc, after.Sys
}

// TestHugeMarkdownFile gives the build a page just over the size limit and
// one of 1 MB: the first is refused before it is read, with a message that
// says why; the second is built in full. (A page's syntax tree takes about
// 40 bytes per byte of Markdown, and a build about 150 at its peak: see
// content/limits.go.)
func TestHugeMarkdownFile(t *testing.T) {
	para := "A paragraph with **bold**, `code`, a [link](https://example.com/) and plain words that go on.\n\n"
	page := func(size int) string {
		var b strings.Builder
		b.Grow(size)
		b.WriteString("---\ntitle: Huge\n---\n")
		for i := 0; b.Len() < size-len(para); i++ {
			if i%1000 == 0 {
				fmt.Fprintf(&b, "## Part %d\n\n", i/1000)
			}
			b.WriteString(para)
		}
		b.WriteString(strings.Repeat("x", size-b.Len()))
		return b.String()
	}
	s := testsite.New(t, "-- content/_index.md --\n# Home\n")
	s.WriteFile("content/huge.md", page(content.MaxPageSize+1))
	s.Build(build.Options{})
	if want := "content/huge.md: page is 5.0 MB, over the limit of 5 MB for one page: split it into several pages"; s.Problems() != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", s.Problems(), want)
	}

	s.WriteFile("content/huge.md", page(1<<20))
	s.MustBuild(build.Options{})
	if info, err := os.Stat(filepath.Join(s.Out, "huge", "index.html")); err != nil || info.Size() < 1<<20 {
		t.Errorf("the 1 MB page was not written in full: %v", err)
	}
}

// TestDeepNesting builds pages with 10,000 nested lists and blockquotes,
// also as a Q&A thread and an expectation table, whose readers recurse.
// Goldmark's time grows with the square of the nesting (and with its cube
// when each level is indented on its own line): 10,000 levels took minutes.
// Nesting over the limit is refused before the page is parsed, so the build
// is quick; its speed is BenchmarkDeepNesting's business, not this test's.
func TestDeepNesting(t *testing.T) {
	const depth = 10000
	lists := strings.Repeat("- ", depth) + "deep\n"
	quotes := strings.Repeat("> ", depth) + "deep\n"
	var indented strings.Builder
	for i := range depth / 10 { // 1 MB already: line i is indented by 2i spaces
		indented.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	s := deepSite(t, lists, quotes, indented.String())
	s.Build(build.Options{})
	const limit = "lists and block quotes are nested more than 100 levels deep here: flatten the nesting (the limit is 100 levels)"
	want := strings.Join([]string{
		"content/expectations/a-from-b.md:7:201: " + limit,
		"content/indented.md:103:201: " + limit,
		"content/lists.md:3:201: " + limit,
		"content/qa/deep.md:4:201: " + limit,
		"content/quotes.md:3:201: " + limit,
	}, "\n")
	if got := s.Problems(); got != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", got, want)
	}

	// At the limit the pages build, and every level is there.
	s = testsite.New(t, "-- content/_index.md --\n# Home\n")
	s.WriteFile("content/lists.md", strings.Repeat("- ", 100)+"deep\n")
	s.WriteFile("content/quotes.md", strings.Repeat("> ", 100)+"deep\n")
	s.MustBuild(build.Options{})
	if n := strings.Count(s.File("lists/index.html"), "<ul>"); n != 100 {
		t.Errorf("lists/index.html has %d lists, want 100", n)
	}
	if n := strings.Count(s.File("quotes/index.html"), "<blockquote>"); n != 100 {
		t.Errorf("quotes/index.html has %d block quotes, want 100", n)
	}
}

// deepSite is a site whose pages nest lists and block quotes.
func deepSite(t *testing.T, lists, quotes, indented string) *testsite.Site {
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/roles/a.md --
# A
-- content/roles/b.md --
# B
`)
	s.WriteFile("content/lists.md", "# Lists\n\n"+lists)
	s.WriteFile("content/quotes.md", "# Quotes\n\n"+quotes)
	s.WriteFile("content/indented.md", "# Indented\n\n"+indented)
	s.WriteFile("content/qa/deep.md", "## Q\n\n- **A**:\n  "+lists+"\n- **B**:\n  "+quotes)
	s.WriteFile("content/expectations/a-from-b.md", "---\nfrom: a\nof: b\n---\n## C\n\n- "+lists+"- "+quotes)
	return s
}

// TestUnreadableFile checks that a file the build cannot read is an error
// that names it.
func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reading a file")
	}
	s := testsite.New(t, "-- content/_index.md --\n# Home\n-- content/secret.md --\n# Secret\n")
	if err := os.Chmod(filepath.Join(s.Dir, "content", "secret.md"), 0); err != nil {
		t.Fatal(err)
	}
	s.Build(build.Options{})
	want := "content/secret.md: cannot read file: permission denied"
	if got := s.Problems(); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

// symlinkSite returns a site whose content folder holds symbolic links to a
// page, a file and a folder outside the site, all holding a marker.
func symlinkSite(t *testing.T) (*testsite.Site, string) {
	t.Helper()
	const marker = "TOP-SECRET-OUTSIDE-THE-SITE"
	outside := t.TempDir()
	for name, data := range map[string]string{
		"secret.md":         "# " + marker + "\n",
		"secret.txt":        marker + "\n",
		"folder/page.md":    "# " + marker + "\n",
		"folder/notes.txt":  marker + "\n",
		"folder/_index.md":  "# " + marker + "\n",
		"folder/deep/x.css": marker + "\n",
	} {
		p := filepath.Join(outside, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := testsite.New(t, "-- content/_index.md --\n# Home\n-- content/guide.md --\n# Guide\n")
	for link, target := range map[string]string{
		"content/leak.md":  filepath.Join(outside, "secret.md"),
		"content/leak.txt": filepath.Join(outside, "secret.txt"),
		"content/leaked":   filepath.Join(outside, "folder"),
	} {
		if err := os.Symlink(target, filepath.Join(s.Dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	return s, marker
}

// TestSymlinkOutsideSiteIsNotFollowed checks that a link in the content
// folder to a file or folder outside the site publishes nothing from there.
func TestSymlinkOutsideSiteIsNotFollowed(t *testing.T) {
	s, marker := symlinkSite(t)
	s.MustBuild(build.Options{}) // the links are skipped with a warning (TestSymlinkOutsideSiteIsReported)
	for name, data := range s.Tree() {
		if strings.Contains(data, marker) {
			t.Errorf("%s holds the content of a file outside the site", name)
		}
		if strings.HasPrefix(name, "leak") {
			t.Errorf("%s was published from a link outside the site", name)
		}
	}
	s.AssertContains("guide/index.html", "Guide")
}

// TestSymlinkOutsideSiteIsReported checks that a link the build skips is
// named in a warning, so that an author knows why a page is missing.
func TestSymlinkOutsideSiteIsReported(t *testing.T) {
	s, _ := symlinkSite(t)
	s.Build(build.Options{})
	var named []string
	for _, w := range s.Result.Warnings {
		named = append(named, w.String())
	}
	problems := strings.Join(named, "\n") + "\n" + s.Problems()
	for _, link := range []string{"content/leak.md", "content/leak.txt", "content/leaked"} {
		if !strings.Contains(problems, link) {
			t.Errorf("the skipped symbolic link %s is not named in a warning or error; got:\n%s", link, problems)
		}
	}
}

// TestSymlinkLoop checks that links that point back up the tree or at
// themselves do not keep the build walking forever.
func TestSymlinkLoop(t *testing.T) {
	s := testsite.New(t, "-- content/_index.md --\n# Home\n-- content/a/page.md --\n# Page\n")
	for link, target := range map[string]string{
		"content/a/up":   "..",
		"content/a/self": "self",
		"content/root":   ".",
		"content/a/b.md": "../a/b.md",
	} {
		if err := os.Symlink(target, filepath.Join(s.Dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
	s.MustBuild(build.Options{})
	s.AssertContains("a/page/index.html", "Page")
	var got []string
	for _, w := range s.Result.Warnings {
		got = append(got, strings.ReplaceAll(w.String(), filepath.ToSlash(s.Dir)+"/", ""))
	}
	want := []string{
		"content/a/b.md: warning: symbolic link skipped: it leads nowhere (EvalSymlinks: too many links)",
		"content/a/self: warning: symbolic link skipped: it leads nowhere (EvalSymlinks: too many links)",
		"content/a/up: warning: symbolic link skipped: it points to a folder, which the build does not follow (copy or move the folder instead)",
		"content/root: warning: symbolic link skipped: it points to a folder, which the build does not follow (copy or move the folder instead)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// siteAt writes the archive into dir, a folder at a chosen place.
func siteAt(t *testing.T, dir, archive string) *testsite.Site {
	t.Helper()
	s := &testsite.Site{T: t, Dir: dir, Out: filepath.Join(dir, "public")}
	s.WriteArchive(archive)
	return s
}

func writeHostileFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEscapingPathsAreErrors gives pages slugs, aliases and tags that would
// put a file outside the output folder or over another page: each is an
// error at its file and line, and nothing is written outside.
func TestEscapingPathsAreErrors(t *testing.T) {
	tests := []struct {
		name, page string
		want       string // a prefix of the problem: file:line and the field
	}{
		{"slug up two", "---\ntitle: A\nslug: ../../escaped\n---\n", "content/a.md:3:1: "},
		{"slug up inside", "---\ntitle: A\nslug: x/../../../escaped\n---\n", "content/a.md:3:1: "},
		{"slug with NUL", "---\ntitle: A\nslug: \"a\\0b\"\n---\n", "content/a.md:3:1: "},
		{"slug with backslash", "---\ntitle: A\nslug: '..\\..\\escaped'\n---\n", "content/a.md:3:1: "},
		{"alias up", "---\ntitle: A\naliases: [\"/../../etc/escaped\"]\n---\n", `content/a.md:3:1: alias "/../../etc/escaped" is not a usable page path`},
		{"alias with NUL", "---\ntitle: A\naliases: [\"/a\\0b/\"]\n---\n", "content/a.md:3:1: alias \"/a\\x00b/\" is not a usable page path"},
		{"tag up", "---\ntitle: A\ntags: [\"..\"]\n---\n", "content/a.md:3:1: "},
		{"tag dot", "---\ntitle: A\ntags: [\".\"]\n---\n", "content/a.md:3:1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			site := filepath.Join(root, "a", "b", "site")
			s := siteAt(t, site, "-- content/_index.md --\n# Home Page\n-- content/b.md --\n# B\n")
			s.WriteFile("content/a.md", tt.page)
			s.Build(build.Options{})

			// Nothing may appear outside the output folder but the site's
			// own files.
			_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(site, p)
				rel = filepath.ToSlash(rel)
				if !strings.HasPrefix(rel, "public/") && !strings.HasPrefix(rel, "content/") {
					t.Errorf("the build wrote %s, outside the output folder", p)
				}
				return nil
			})
			if s.Err == nil {
				if home := s.File("index.html"); !strings.Contains(home, "<h1>Home Page</h1>") {
					t.Errorf("the home page was overwritten by another page")
				}
				if s.Exists("tags/index.html") && !strings.Contains(s.File("tags/index.html"), "<h1>Tags</h1>") {
					t.Errorf("the tag index was overwritten by another page")
				}
				t.Fatalf("built without an error; want %q…", tt.want)
			}
			got := s.Problems()
			if !strings.HasPrefix(got, tt.want) || strings.Contains(got, "\n") {
				t.Errorf("problems:\n%s\nwant one problem starting with %q", got, tt.want)
			}
		})
	}
}

// isThemeSearchForm reports whether a form's attributes are exactly those of
// the default theme's search box: role="search", class="search", hidden.
func isThemeSearchForm(attrs []attr) bool {
	want := map[string]string{"role": "search", "class": "search", "hidden": ""}
	if len(attrs) != len(want) {
		return false
	}
	for _, a := range attrs {
		if v, ok := want[a.name]; !ok || v != a.value {
			return false
		}
	}
	return true
}

func hasAttr(attrs []attr, name, value string) bool {
	for _, a := range attrs {
		if a.name == name && a.value == value {
			return true
		}
	}
	return false
}
