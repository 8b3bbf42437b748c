package markup

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRender checks that any body renders without panicking, the same way
// twice, with diagnostics and heading lines inside the file.
func FuzzRender(f *testing.F) {
	for _, seed := range []string{
		"# Title\n\n## A\n\n## A\n",
		"> [!NOTE]\n> text\n",
		"| a | b |\n|---|---|\n| [x](missing.md) | ![y](img/missing.png) |\n",
		"- [ ] task\n  - [x](missing.md)\n",
		"```go\nfunc f() {}\n```\n",
		"Term\n: def\n\nfoot[^1]\n\n[^1]: note\n",
		"<div>x</div>\n\n<!-- c -->\n",
		"Über „x“ [y](missing.md)\n",
		"<details>\n<summary>s</summary>\n\n*x*\n\n</details>\n<a href=\"missing.md\">a</a><img src=x onerror=alert(1)>\n",
		"<p align=center><b>x</b><script>alert(1)</script>\n\n{% hint %} {{ x }}\n",
		"## ???\n\n## ???\n\n# Title[^1]\n\n[^1]: n\n",
	} {
		f.Add(seed, 3)
	}
	r := New(Options{})
	f.Fuzz(func(t *testing.T, src string, offset int) {
		offset = max(0, offset%100)
		doc := Document{Source: []byte(src), Path: "f.md", LineOffset: offset, Resolver: fakeResolver{}}
		a, err := r.Render(doc)
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.Render(doc)
		if err != nil {
			t.Fatal(err)
		}
		if a.HTML != b.HTML {
			t.Fatalf("output differs between two renders of %q", src)
		}
		lines := offset + bytes.Count(doc.Source, []byte("\n")) + 1
		for _, d := range a.Diagnostics {
			if d.Line <= offset || d.Line > lines || d.Col < 1 {
				t.Errorf("diagnostic %s outside lines %d..%d", d, offset+1, lines)
			}
		}
		for _, h := range a.Headings {
			if h.Line <= offset || h.Line > lines {
				t.Errorf("heading %+v outside lines %d..%d", h, offset+1, lines)
			}
		}
		// Raw HTML is sanitized: nothing that runs script is left.
		if bad := scriptable(a.HTML); bad != "" {
			t.Errorf("rendered HTML holds %s:\n%s", bad, a.HTML)
		}
	})
}

// scriptable names the first element or attribute in doc that could run
// script or load another document, "" when there is none.
func scriptable(doc string) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "style", "object", "embed", "form", "frame", "base", "meta", "link":
				return "<" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(a.Key, "on") || a.Key == "style" ||
					(a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:")) {
					return a.Key + "=" + a.Val
				}
			}
		}
	}
}
