package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// containerDepth is how deeply goldmark nests block quotes and list items
// in src: the depth tooDeep estimates without parsing.
func containerDepth(src []byte) int {
	root := goldmark.New().Parser().Parse(text.NewReader(src))
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindListItem:
			depth++
		}
		deepest = max(deepest, depth)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return deepest
}

// nestingSeeds are the shapes of nesting a page can take.
var nestingSeeds = []string{
	"- a\n  - b\n    - c\n",
	"- a\n    - b\n        - c\n",
	"1. a\n   1. b\n      1. c\n",
	"10) a\n    - b\n",
	"> a\n> > b\n> > > c\n",
	"- > - > a\n",
	"> - a\n>   - b\n> > c\n",
	"- a\n\n  - b\n\n    text\n",
	"- a\nlazy\n  - b\n",
	"```\n- a\n  - b\n    - c\n```\n",
	"- ```\n  - a\n    - b\n  ```\n  - c\n",
	"~~~~\n> > >\n~~~\n> > >\n~~~~\n",
	"    - indented code\n      - more\n",
	"-\n  - b\n",
	"- \t- tab\n\t- x\n",
	"* * *\n- - -\n",
	"- a\n- b\n- c\n",
	"> a\nlazy\n> - b\n",
	"1.a\n-a\n+\tb\n",
}

// TestTooDeepCountsAsGoldmark checks that the nesting scan finds the depth
// goldmark builds for each shape, so that a page at the limit builds and
// one over it is refused before goldmark spends minutes on it.
func TestTooDeepCountsAsGoldmark(t *testing.T) {
	for _, src := range nestingSeeds {
		want := containerDepth([]byte(src))
		if got := scannedDepth([]byte(src)); got != want {
			t.Errorf("%q: scanned depth %d, goldmark nests %d", src, got, want)
		}
	}
}

// scannedDepth is the least limit tooDeep does not exceed.
func scannedDepth(src []byte) int {
	for limit := 0; ; limit++ {
		if _, deep := tooDeep(src, limit); !deep {
			return limit
		}
	}
}

// TestExamplePagesAreNotTooDeep runs the scan over the example playbook:
// real pages nest a few levels, and the scan must say so.
func TestExamplePagesAreNotTooDeep(t *testing.T) {
	root := filepath.Join("..", "..", "content")
	n := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		_, body, _, _, _ := splitFrontMatter(src)
		if got, want := scannedDepth(body), containerDepth(body); got != want {
			t.Errorf("%s: scanned depth %d, goldmark nests %d", p, got, want)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Fatalf("walked %d pages: %v", n, err)
	}
}

// FuzzTooDeep checks that the scan never counts fewer levels than goldmark
// builds: a page it lets through cannot stall the parser.
func FuzzTooDeep(f *testing.F) {
	for _, s := range nestingSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		if got, want := scannedDepth([]byte(src)), containerDepth([]byte(src)); got < want {
			t.Errorf("%q: scanned depth %d, goldmark nests %d", src, got, want)
		}
	})
}

// BenchmarkTooDeep scans a page of 10,000 nested lists, which the scan
// refuses at level 101, and a 1 MB page of ordinary Markdown, which it
// reads to the end.
func BenchmarkTooDeep(b *testing.B) {
	deep := []byte(strings.Repeat("- ", 10000) + "deep\n")
	ordinary := []byte(strings.Repeat("## Part\n\nText with *emphasis*.\n\n- item\n  - nested\n\n> quote\n\n```go\ncode\n```\n\n", 1<<20/70))
	b.ReportAllocs()
	for b.Loop() {
		if _, deep := tooDeep(deep, MaxNesting); !deep {
			b.Fatal("10,000 levels were let through")
		}
		if _, deep := tooDeep(ordinary, MaxNesting); deep {
			b.Fatal("an ordinary page was refused")
		}
	}
}
