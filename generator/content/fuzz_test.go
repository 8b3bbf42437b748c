package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fuzzPageSeeds are front matter shapes the example playbook does not
// hold: both formats, byte order marks, CRLF, unclosed fences, wrong types
// and a YAML alias bomb.
var fuzzPageSeeds = []string{
	"",
	"---\n---\n",
	"---\ntitle: T\n---\n# Body\n",
	"\xef\xbb\xbf---\r\ntitle: BOM and CRLF\r\ntags: [a, b]\r\n---\r\nText\r\n",
	"+++\ntitle = \"TOML\"\nweight = 3\ndate = 2026-01-02\n[params]\nx = 1\n+++\nBody\n",
	"---\ntitle: never closed\n",
	"+++\ntitle = \"never closed\"\n",
	"---\ntitle: [unclosed\n---\n",
	"---\n- a list\n- not a mapping\n---\n",
	"---\nweight: 1.5\ndraft: maybe\ntags: 3\naliases: {a: b}\ndate: yesterday\n---\n",
	"---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n",
	"---\nslug: ../../x\naliases: [\"/../../etc/x\"]\n---\n",
	"Title\n=====\n\ntext\n",
	"   # *Emphasised* [link](x.md) `code` #\n",
	"---\ntitle: \"\\xff\"\n---\n\xff\xfe",
	"---\ntitle: x\n--- \t\nbody",
}

// FuzzParsePage checks that any file parses without panicking (a hang is
// the fuzzer's and go test -timeout's to catch, not a wall clock's), the
// same way twice, and that what it reports stays inside the file:
// every diagnostic names the file and a line it has, and the body is the
// tail of the source.
func FuzzParsePage(f *testing.F) {
	for _, s := range fuzzPageSeeds {
		f.Add("roles/x.md", s)
	}
	// The example playbook is the corpus of real pages.
	root := filepath.Join("..", "..", "content")
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		f.Add(filepath.ToSlash(rel), string(src))
		return nil
	})

	f.Fuzz(func(t *testing.T, rel, src string) {
		if rel == "" || strings.HasPrefix(rel, "/") {
			rel = "page.md"
		}
		p, diags := parsePage(rel, "content/"+rel, []byte(src), knownKeySet(nil))
		p2, diags2 := parsePage(rel, "content/"+rel, []byte(src), knownKeySet(nil))
		if !reflect.DeepEqual(diags, diags2) {
			t.Fatalf("diagnostics differ between two parses:\n%v\n%v", diags, diags2)
		}
		if (p == nil) != (p2 == nil) {
			t.Fatal("one parse gave a page, the other none")
		}

		lines := editorLines(src)
		for _, d := range diags {
			if d.File != "content/"+rel {
				t.Errorf("diagnostic %q names file %q, want %q", d, d.File, "content/"+rel)
			}
			if d.Line < 0 || d.Line > lines+1 || d.Col < 0 {
				t.Errorf("diagnostic %q: line %d col %d outside a file of %d lines", d, d.Line, d.Col, lines)
			}
			if d.Msg == "" {
				t.Errorf("diagnostic without a message at %s:%d", d.File, d.Line)
			}
		}
		if p == nil {
			if !diags.HasErrors() {
				t.Fatal("no page and no error")
			}
			return
		}
		if p.File != rel || p.DisplayPath != "content/"+rel {
			t.Errorf("page File %q DisplayPath %q, want %q and %q", p.File, p.DisplayPath, rel, "content/"+rel)
		}
		if !bytes.HasSuffix([]byte(src), p.Body) {
			t.Errorf("body %q is not the tail of the source", p.Body)
		}
		if p.BodyLine < 0 || p.BodyLine > lines {
			t.Errorf("body line %d outside a file of %d lines", p.BodyLine, lines)
		}
		if strings.TrimSpace(p.Title) == "" && p.Params["title"] == nil {
			// A page gets a title from its heading or, failing that, from a
			// file name with something printable in it.
			if strings.TrimSpace(humanize(strings.TrimSuffix(filepath.Base(rel), filepath.Ext(rel)))) != "" {
				t.Errorf("page without a title")
			}
		}
		if p.Params == nil || p.FrontMatter == nil {
			t.Error("Params or FrontMatter is nil")
		}
	})
}

// editorLines counts lines the way editors and the YAML decoder do: "\r\n",
// "\n" and a lone "\r" each end one.
func editorLines(src string) int {
	src = strings.ReplaceAll(src, "\r\n", "\n")
	return strings.Count(src, "\n") + strings.Count(src, "\r") + 1
}

// TestParsePageHostile pins what the malformed-input cases of the fuzz seeds
// give, so that the messages authors see are exact.
func TestParsePageHostile(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the diagnostics, one per line
		title     string // when a page is expected
		body      string
		bodyLine  int
	}{
		{
			name: "never closed",
			src:  "---\ntitle: never closed\n",
			want: "content/p.md:1:1: front matter opened with \"---\" is never closed: add a line \"---\" after the last field",
		},
		{
			name: "TOML never closed",
			src:  "+++\ntitle = \"x\"\n",
			want: "content/p.md:1:1: front matter opened with \"+++\" is never closed: add a line \"+++\" after the last field",
		},
		{
			name: "invalid UTF-8",
			src:  "---\ntitle: ok\n---\nline 4\nbad \xff here\n",
			want: "content/p.md:5:5: file is not valid UTF-8: save it with UTF-8 encoding",
		},
		{
			name:     "BOM and CRLF",
			src:      "\xef\xbb\xbf---\r\ntitle: Windows\r\ntags: [a, b]\r\n---\r\nText\r\n",
			title:    "Windows",
			body:     "Text\r\n",
			bodyLine: 4,
		},
		{
			// A heading of marks only is no title: the file name is.
			name:  "empty heading",
			src:   "# *\n",
			title: "P",
			body:  "# *\n",
		},
		{
			name: "alias bomb",
			src: "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
				"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
				"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ni: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n---\n",
			// An alias cannot reach another key's value: none expands.
			want: "content/p.md:3:4: invalid value for \"b\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:4:4: invalid value for \"c\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:5:4: invalid value for \"d\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:6:4: invalid value for \"e\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:7:4: invalid value for \"f\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:8:4: invalid value for \"g\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:9:4: invalid value for \"h\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out\n" +
				"content/p.md:10:4: invalid value for \"i\": a YAML alias (*name) refers to another key's value, which front matter does not support: write the value out",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, diags := parsePage("p.md", "content/p.md", []byte(tt.src), nil)

			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
			if tt.title != "" {
				if p == nil {
					t.Fatal("no page")
				}
				if p.Title != tt.title {
					t.Errorf("title %q, want %q", p.Title, tt.title)
				}
				if string(p.Body) != tt.body || p.BodyLine != tt.bodyLine {
					t.Errorf("body %q after line %d, want %q after line %d", p.Body, p.BodyLine, tt.body, tt.bodyLine)
				}
			}
		})
	}
}

// FuzzParseSummary checks that any SUMMARY.md reads without panicking, with
// every item on a line of the file and a column on it.
func FuzzParseSummary(f *testing.F) {
	for _, seed := range []string{
		"# Summary\n\n* [Intro](README.md)\n  * [A](a/README.md)\n    - [B](a/b.md#x)\n1. [C](<c d.md>)\n",
		"- [Draft]()\n- [Ext](https://example.org/)\n```\n- [code](x.md)\n```\n\t* [tab](t.md)\n",
		"* [a [b] c](x.md \"title\")\n* [\\]](y.md)\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Split(src, "\n")
		for _, it := range parseSummary([]byte(src), 2) {
			if it.line < 3 || it.line > len(lines)+2 {
				t.Fatalf("item %+v outside the file's lines", it)
			}
			if it.col < 1 || it.col > len([]rune(lines[it.line-3]))+1 {
				t.Fatalf("item %+v: column outside its line %q", it, lines[it.line-3])
			}
			if it.target == "" {
				t.Fatalf("item %+v without a target", it)
			}
		}
	})
}
