package markup

import (
	"bytes"
	"testing"
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
			if h.Line <= offset || h.Line > lines || h.ID == "" {
				t.Errorf("heading %+v outside lines %d..%d or without id", h, offset+1, lines)
			}
		}
	})
}
