package markup

import (
	"errors"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"reflect"
	"strings"
	"testing"
)

// fakeResolver turns "x.md#f" into "x/#f" and "img/a.png" into
// "/assets/a.png", reports every destination that mentions "missing"
// as broken, and leaves URLs and the rest alone.
type fakeResolver struct{}

func (fakeResolver) ResolveLink(dest string) (string, error) {
	path, frag, hasFrag := strings.Cut(dest, "#")
	switch {
	case strings.Contains(dest, "://"):
		return dest, nil
	case strings.Contains(path, "missing"):
		return "", errors.New(`link to "` + path + `": no such page; did you mean "roles/product-owner.md"?`)
	case strings.HasSuffix(path, ".md"):
		out := strings.TrimSuffix(path, ".md") + "/"
		if hasFrag {
			out += "#" + frag
		}
		return out, nil
	case strings.HasPrefix(path, "img/"):
		return "/assets/" + strings.TrimPrefix(path, "img/"), nil
	}
	return dest, nil
}

func TestLinksRewritten(t *testing.T) {
	src := "See [the PO](../roles/product-owner.md#duties), [top](#top), [ext](https://example.com/a.md) " +
		"and <https://example.org/b.md>.\n\n![Board](img/board.png \"The board\")\n\n[ref link][po]\n\n[po]: roles/po.md\n"
	res, err := New(Options{}).Render(Document{Source: []byte(src), Path: "p.md", Resolver: fakeResolver{}})
	if err != nil {
		t.Fatal(err)
	}
	assertHTML(t, string(res.HTML), []string{
		`<a href="../roles/product-owner/#duties">the PO</a>`,
		`<a href="#top">top</a>`,
		`<a href="https://example.com/a.md">ext</a>`,
		`<a href="https://example.org/b.md">https://example.org/b.md</a>`,
		`<figure><img src="/assets/board.png" alt="Board"><figcaption>The board</figcaption></figure>`,
		`<a href="roles/po/">ref link</a>`,
	}, nil)
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics: %v", res.Diagnostics)
	}
}

func TestLinksWithoutResolverKeptAsWritten(t *testing.T) {
	res := renderString(t, New(Options{}), "[PO](roles/missing.md)\n")
	assertHTML(t, string(res.HTML), []string{`<a href="roles/missing.md">PO</a>`}, nil)
	if len(res.Diagnostics) != 0 {
		t.Errorf("unexpected diagnostics: %v", res.Diagnostics)
	}
}

func TestBrokenLinkPositions(t *testing.T) {
	const msg = `: no such page; did you mean "roles/product-owner.md"?`
	tests := []struct {
		name       string
		src        string
		lineOffset int
		want       []string
	}{
		{
			name: "paragraph",
			src:  "Intro with [a link](missing.md) here.\n",
			want: []string{`roles/po.md:1:12: link to "missing.md"` + msg},
		},
		{
			name:       "front matter offset and later line",
			src:        "Intro.\n\nFirst line\nthen [x](missing.md#a).\n",
			lineOffset: 5,
			want:       []string{`roles/po.md:9:6: link to "missing.md"` + msg},
		},
		{
			name: "image at the start of a line",
			src:  "![diagram](img/missing.png)\n",
			want: []string{`roles/po.md:1:1: link to "img/missing.png"` + msg},
		},
		{
			name: "columns count runes",
			src:  "Über „x“ [y](missing.md)\n",
			want: []string{`roles/po.md:1:10: link to "missing.md"` + msg},
		},
		{
			name:       "list item",
			src:        "- fine [ok](a.md)\n- see [x](missing.md)\n  - nested [*y*](missing-too.md)\n",
			lineOffset: 2,
			want: []string{
				`roles/po.md:4:7: link to "missing.md"` + msg,
				`roles/po.md:5:12: link to "missing-too.md"` + msg,
			},
		},
		{
			name:       "table cell",
			src:        "| Role | Page |\n|------|------|\n| PO | [po](a.md) |\n| SM | [sm](missing.md) |\n",
			lineOffset: 3,
			want:       []string{`roles/po.md:7:8: link to "missing.md"` + msg},
		},
		{
			name: "blockquote, heading and empty text",
			src:  "> quoted [q](missing-1.md)\n\n## Head [h](missing-2.md)\n\n[](missing-3.md)\n",
			want: []string{
				`roles/po.md:1:10: link to "missing-1.md"` + msg,
				`roles/po.md:3:9: link to "missing-2.md"` + msg,
				`roles/po.md:5:1: link to "missing-3.md"` + msg,
			},
		},
		{
			name: "reference link reported where it is used",
			src:  "Text [the ref][r].\n\n[r]: missing.md\n",
			want: []string{`roles/po.md:1:6: link to "missing.md"` + msg},
		},
		{
			name: "link in the title",
			src:  "# About [x](missing.md)\n\nText.\n",
			want: []string{`roles/po.md:1:9: link to "missing.md"` + msg},
		},
	}
	r := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := r.Render(Document{Source: []byte(tt.src), Path: "roles/po.md", LineOffset: tt.lineOffset, Resolver: fakeResolver{}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, d.String())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("diagnostics:\n got %q\nwant %q", got, tt.want)
			}
			if !res.Diagnostics.HasErrors() {
				t.Error("broken links must be errors")
			}
			if !strings.Contains(string(res.HTML), `href="missing`) && !strings.Contains(string(res.HTML), `src="img/missing`) &&
				tt.name != "link in the title" {
				t.Errorf("a broken link keeps its destination as written:\n%s", res.HTML)
			}
		})
	}
}

// TestLinkOffsetWithoutPos covers nodes whose parser recorded no position:
// the "[" is found by searching back from the link text.
func TestLinkOffsetWithoutPos(t *testing.T) {
	source := []byte("ab [cd](x) ![ef](y)")
	link := ast.NewLink()
	link.AppendChild(link, ast.NewTextSegment(text.NewSegment(4, 6)))
	if got := linkOffset(link, source); got != 3 {
		t.Errorf("link offset = %d, want 3", got)
	}
	img := ast.NewImage(ast.NewLink())
	img.AppendChild(img, ast.NewTextSegment(text.NewSegment(13, 15)))
	if got := linkOffset(img, source); got != 11 {
		t.Errorf("image offset = %d, want 11", got)
	}
	para := ast.NewParagraph()
	para.Lines().Append(text.NewSegment(0, len(source)))
	empty := ast.NewLink()
	para.AppendChild(para, empty)
	if got := linkOffset(empty, source); got != 0 {
		t.Errorf("empty link offset = %d, want 0 (start of its block)", got)
	}
}
