package markup

import (
	"strings"
	"testing"
)

// renderString renders src with r as a page "page.md" without a resolver.
func renderString(t *testing.T, r *Renderer, src string) Result {
	t.Helper()
	res, err := r.Render(Document{Source: []byte(src), Path: "page.md"})
	if err != nil {
		t.Fatalf("Render(%q): %v", src, err)
	}
	return res
}

// assertHTML checks that html contains every fragment in want and none in
// notWant.
func assertHTML(t *testing.T, html string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(html, w) {
			t.Errorf("HTML lacks %q; got:\n%s", w, html)
		}
	}
	for _, w := range notWant {
		if strings.Contains(html, w) {
			t.Errorf("HTML holds %q; got:\n%s", w, html)
		}
	}
}

func TestRenderFeatures(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string
		notWant []string
	}{
		{
			name: "table",
			src:  "| Role | Expects |\n|:-----|--------:|\n| PO | a vision |\n",
			want: []string{
				"<table tabindex=\"0\">\n<thead>\n<tr>\n<th class=\"align-left\">Role</th>\n<th class=\"align-right\">Expects</th>\n</tr>\n</thead>\n",
				"<tbody>\n<tr>\n<td class=\"align-left\">PO</td>\n<td class=\"align-right\">a vision</td>\n</tr>\n</tbody>\n</table>\n",
			},
		},
		{
			name: "task list",
			src:  "- [ ] draft the vision\n- [x] name the roles\n",
			want: []string{
				"<li><input type=\"checkbox\" disabled aria-label=\"not done\"> draft the vision</li>",
				"<li><input type=\"checkbox\" checked disabled aria-label=\"done\"> name the roles</li>",
			},
		},
		{
			name: "strikethrough",
			src:  "Ship ~~yearly~~ weekly.\n",
			want: []string{"<p>Ship <del>yearly</del> weekly.</p>\n"},
		},
		{
			name: "linkify autolinks",
			src:  "See www.example.com and https://example.org/x?y=1.\n",
			want: []string{
				`<a href="http://www.example.com">www.example.com</a>`,
				`<a href="https://example.org/x?y=1">https://example.org/x?y=1</a>.`,
			},
		},
		{
			name: "footnote",
			src:  "Velocity[^v] matters.\n\n[^v]: Not a target.\n",
			want: []string{
				`<p>Velocity<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup> matters.</p>`,
				"<div class=\"footnotes\" role=\"doc-endnotes\">\n<hr>\n<ol>\n<li id=\"fn:1\">\n<p>Not a target.",
			},
		},
		{
			name: "definition list",
			src:  "Increment\n: The sum of all product backlog items completed.\n",
			want: []string{"<dl>\n<dt>Increment</dt>\n<dd>The sum of all product backlog items completed.</dd>\n</dl>\n"},
		},
		{
			name: "typographer: quotes curl, dashes and dots stay as typed",
			src:  "The PO said \"ship it\" -- it's done... mostly --- really.\n\n'Single' quotes.\n",
			want: []string{"<p>The PO said “ship it” -- it’s done... mostly --- really.</p>\n<p>‘Single’ quotes.</p>\n"},
		},
		{
			name: "angle quotes stay operators",
			src:  "Shift with a << 2 and b >> 1.\n",
			want: []string{"<p>Shift with a &lt;&lt; 2 and b &gt;&gt; 1.</p>\n"},
		},
		{
			name:    "raw HTML block sanitized: the element stays, a class that is not ours goes",
			src:     "<div class=\"box\">\nhi\n</div>\n",
			want:    []string{"<div>\nhi\n</div>"},
			notWant: []string{"box", "raw HTML omitted"},
		},
		{
			name:    "script block removed",
			src:     "<script>alert(1)</script>\n",
			notWant: []string{"<script", "alert"},
		},
		{
			name: "inline raw HTML shown as the git host shows it",
			src:  "Line<br>break and <b>bold</b>.\n",
			want: []string{"<p>Line<br>break and <b>bold</b>.</p>"},
		},
		{
			name:    "HTML comments dropped",
			src:     "<!-- markdownlint-disable -->\n\nKeep <!-- todo: ask legal --> this.\n",
			want:    []string{"<p>Keep  this.</p>\n"},
			notWant: []string{"markdownlint", "legal", "<!--", "&lt;!--"},
		},
		{
			name:    "javascript URLs dropped",
			src:     "[click](javascript:alert(1))\n",
			want:    []string{`<a href="">click</a>`},
			notWant: []string{"javascript:"},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := renderString(t, r, tt.src)
			assertHTML(t, string(res.HTML), tt.want, tt.notWant)
		})
	}
}

func TestRenderUnsafePassesRawHTML(t *testing.T) {
	r := New(Options{Unsafe: true})
	res := renderString(t, r, "<div class=\"box\">\nhi\n</div>\n\nLine<br>break <!-- note -->.\n")
	want := "<div class=\"box\">\nhi\n</div>\n<p>Line<br>break <!-- note -->.</p>\n"
	if got := string(res.HTML); got != want {
		t.Errorf("HTML:\n got %q\nwant %q", got, want)
	}
}

func TestParseReturnsTransformedAST(t *testing.T) {
	r := New(Options{})
	src := "# Title\n\n> [!TIP]\n> Use it.\n\n## Next step\n"
	root, reader := r.Parse(Document{Source: []byte(src)})
	if string(reader.Source()) != src {
		t.Errorf("reader source = %q, want the document source", reader.Source())
	}
	var kinds []string
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		kinds = append(kinds, n.Kind().String())
	}
	if got, want := strings.Join(kinds, ","), "Alert,Heading"; got != want {
		t.Fatalf("top-level kinds = %s, want %s", got, want)
	}
	id, _ := root.LastChild().AttributeString("id")
	if got, _ := id.([]byte); string(got) != "next-step" {
		t.Errorf("heading id = %q, want %q", got, "next-step")
	}
	if a := root.FirstChild().(*Alert); a.Name != "tip" {
		t.Errorf("alert name = %q, want %q", a.Name, "tip")
	}
}
