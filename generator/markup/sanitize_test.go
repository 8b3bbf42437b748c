package markup

import (
	"strings"
	"testing"
)

// TestRawHTMLAsTheGitHostShowsIt holds what the sanitizer keeps (what GitHub
// renders) and what it removes (what could run code, restyle the page or
// break out of the body), each case one Markdown body.
func TestRawHTMLAsTheGitHostShowsIt(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // fragments the HTML holds
		notWant   []string // fragments it must not hold
	}{
		{"line breaks in a table cell", "| a | b |\n|---|---|\n| one<br>two | x |\n", []string{"<td>one<br>two</td>"}, nil},
		{"details around Markdown", "<details>\n<summary>More</summary>\n\nSome **bold** text.\n\n</details>\n",
			[]string{"<details>\n<summary>More</summary>", "<p>Some <strong>bold</strong> text.</p>", "</details>"}, nil},
		{"kbd, sup, sub", "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, x<sup>2</sup>, H<sub>2</sub>O\n",
			[]string{"<kbd>Ctrl</kbd>", "<sup>2</sup>", "<sub>2</sub>"}, nil},
		{"image with width", `<img src="https://example.org/a.png" alt="A" width="200">` + "\n",
			[]string{`<img src="https://example.org/a.png" alt="A" width="200">`}, nil},
		{"a name becomes an id", `<a name="top"></a>` + "\n\nText.\n", []string{`<a id="top"></a>`}, []string{"name="}},
		{"div align becomes a class", `<div align="center">` + "\n\n**Centered**\n\n</div>\n",
			[]string{`<div class="align-center">`, "<strong>Centered</strong>"}, []string{"align="}},
		{"p align right", `<p align="right">Signed</p>` + "\n", []string{`<p class="align-right">Signed</p>`}, nil},
		{"script removed with its content", "Text <script>alert(1)</script> more.\n", []string{"Text  more."}, []string{"script", "alert"}},
		{"event handlers removed", `<img src="x.png" onerror="alert(1)" alt="x">` + "\n", []string{`<img src="x.png" alt="x">`}, []string{"onerror", "alert"}},
		{"style attribute and element removed", `<p style="color:red">Red</p><style>body{display:none}</style>` + "\n",
			[]string{"<p>Red</p>"}, []string{"style", "color", "display"}},
		{"forms removed", `<form action="/x"><input type="text" name="q"><button>Go</button></form>` + "\n", []string{"Go"},
			[]string{"<form", "<input", "<button", "action"}},
		{"frames removed", `<iframe src="https://evil.example/"></iframe>` + "\n", nil, []string{"iframe", "evil"}},
		{"javascript URL removed", `<a href="javascript:alert(1)">x</a>` + "\n", []string{"<p>x</p>"}, []string{"javascript"}},
		{"an unclosed div stays inside the body", "<div>\n\nopen\n", []string{"<div>\n<p>open</p>\n</div>"}, nil},
		{"a stray end tag is dropped", "text</main></div>\n", []string{"<p>text</p>"}, []string{"</main>"}},
		{"comments dropped", "a <!-- note --> b\n\n<!-- block -->\n", []string{"<p>a  b</p>"}, []string{"note", "block", "<!--"}},
		{"our own markup kept", "# T\n\n## Heading\n\n- [x] done\n\n| a |\n|:-:|\n| b |\n\n> [!NOTE]\n> Hi\n\nA note[^1].\n\n[^1]: The note.\n\n```go\nfunc f() {}\n```\n\n<br>\n",
			[]string{`<h2 id="heading">`, `<input type="checkbox" checked disabled aria-label="done">`, `<th class="align-center">`,
				`<div class="callout callout-note" role="note">`, `<p class="callout-title">Note</p>`, `<a class="footnote-ref" href="#fn:1" role="doc-noteref">1</a>`,
				`<div class="footnotes" role="doc-endnotes">`, `<pre class="chroma" tabindex="0"><code class="language-go">`, `<table tabindex="0">`},
			nil},
		{"a checkbox of one's own is disabled", `<input type="checkbox" checked>` + "\n", []string{`<input type="checkbox" checked disabled>`}, nil},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := string(renderString(t, r, tt.src).HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(html, w) {
					t.Errorf("HTML holds %q:\n%s", w, html)
				}
			}
		})
	}
}

func TestUnsafePassesRawHTMLAsWritten(t *testing.T) {
	src := `<div style="color:red" onclick="x()">Hi</div>` + "\n"
	html := string(renderString(t, New(Options{Unsafe: true}), src).HTML)
	if !strings.Contains(html, src) {
		t.Errorf("unsafe output changed the HTML:\n%s", html)
	}
}

func TestTemplateTagsOfOtherGenerators(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"Liquid tag, counted", "Intro.\n\n{% hint style=\"info\" %}\nRead this.\n{% endhint %}\n\nSee {% page-ref page=\"x.md\" %}.\n",
			`p.md:3:1: warning: a Liquid tag of GitBook, Jekyll or Eleventy {% hint … %}, which Playbook shows as text: rewrite it as Markdown (2 more such tags in this file)`},
		{"Hugo shortcode", "A {{< figure src=\"a.png\" >}} here.\n",
			`p.md:1:3: warning: a Hugo shortcode {{< figure … >}}, which Playbook shows as text: rewrite it as Markdown`},
		{"expression", "Welcome to {{ site.title }}.\n",
			`p.md:1:12: warning: a template expression of another generator (Liquid, Jinja, Hugo) {{ site.title }}, which Playbook shows as text: rewrite it as Markdown`},
		{"code is an example", "Write `{{ .Title }}` or:\n\n```\n{% raw %}\n```\n", ""},
		{"braces that open nothing", "A set {x} and {{ unclosed\n", ""},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render(Document{Source: []byte(tt.src), Path: "p.md"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			if tt.want != "" && !strings.Contains(string(res.HTML), "{") {
				t.Errorf("the tag is not shown as text:\n%s", res.HTML)
			}
		})
	}
}
