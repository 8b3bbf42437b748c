package corpus

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// generate writes a corpus into a fresh temporary folder and returns the
// folder and its files by slash path.
func generate(t *testing.T, pages int, seed int64) (string, map[string][]byte) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	n, err := Generate(dir, Options{Pages: pages, Seed: seed})
	if err != nil {
		t.Fatalf("Generate(%d pages): %v", pages, err)
	}
	if n != pages {
		t.Fatalf("Generate returned %d pages, want %d", n, pages)
	}
	return dir, readTree(t, dir)
}

// readTree returns every file under dir by slash path relative to dir.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	_, a := generate(t, 250, 7)
	// The second run writes from one goroutine: the bytes must not depend
	// on how pages are shared between workers.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	_, b := generate(t, 250, 7)
	if len(a) != len(b) {
		t.Fatalf("same seed: %d files, then %d", len(a), len(b))
	}
	for name, content := range a {
		if !bytes.Equal(content, b[name]) {
			t.Fatalf("same seed: %s differs between runs", name)
		}
	}
	_, c := generate(t, 250, 8)
	same := len(a) == len(c)
	for name, content := range a {
		same = same && bytes.Equal(content, c[name])
	}
	if same {
		t.Fatal("seeds 7 and 8 gave identical corpora")
	}
}

func TestGenerateWritesExactlyPages(t *testing.T) {
	for _, n := range []int{minPages, 11, 137, 301} {
		_, files := generate(t, n, 1)
		md := 0
		for name := range files {
			if strings.HasSuffix(name, ".md") {
				md++
			}
		}
		if md != n || len(files) != n {
			t.Errorf("Pages=%d: %d Markdown files of %d files", n, md, len(files))
		}
	}
}

var (
	linkRE    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	headingRE = regexp.MustCompile(`^#{1,6} (.+)$`)
)

// scanHeadingIDs returns the GitHub-style ids of the ATX headings of src,
// skipping fenced code blocks.
func scanHeadingIDs(src []byte) map[string]bool {
	ids := map[string]bool{}
	fenced := false
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
			continue
		}
		if m := headingRE.FindStringSubmatch(line); m != nil && !fenced {
			var id strings.Builder
			for _, c := range strings.ToLower(m[1]) {
				switch {
				case c == ' ':
					id.WriteByte('-')
				case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '_':
					id.WriteRune(c)
				}
			}
			ids[id.String()] = true
		}
	}
	return ids
}

func TestGenerateLinksResolve(t *testing.T) {
	dir, files := generate(t, 300, 3)
	var fragments, external int
	for name, src := range files {
		relative := 0
		for _, m := range linkRE.FindAllSubmatch(src, -1) {
			dest := string(m[1])
			if strings.HasPrefix(dest, "https://example.com/") {
				external++
				continue
			}
			if strings.Contains(dest, "://") || strings.HasPrefix(dest, "/") {
				t.Errorf("%s: link %q is neither relative nor to example.com", name, dest)
				continue
			}
			relative++
			target, frag, _ := strings.Cut(dest, "#")
			resolved := path.Join(path.Dir(name), target)
			if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(resolved))); err != nil {
				t.Errorf("%s: link %q: %v", name, dest, err)
				continue
			}
			if frag != "" {
				fragments++
				if !scanHeadingIDs(files[resolved])[frag] {
					t.Errorf("%s: link %q: no heading with id %q in %s", name, dest, frag, resolved)
				}
			}
		}
		if path.Base(name) != "_index.md" && (relative < 2 || relative > 5) {
			t.Errorf("%s: %d relative links, want 2 to 5", name, relative)
		}
	}
	if fragments == 0 || external == 0 {
		t.Errorf("%d links with fragments and %d external links, want some of each", fragments, external)
	}
}

// TestHeadingIDsMatchGoldmark checks that the ids links use are the ids
// goldmark gives the headings, so a renderer with automatic ids resolves them.
func TestHeadingIDsMatchGoldmark(t *testing.T) {
	_, files := generate(t, 60, 5)
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	for name, src := range files {
		if !bytes.HasPrefix(src, []byte("# ")) && !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("+++\n")) {
			t.Fatalf("%s starts with %q", name, src[:min(len(src), 20)])
		}
		// Blank the front matter so goldmark sees only the body.
		body := src
		if delim := src[:4]; string(delim) == "---\n" || string(delim) == "+++\n" {
			end := bytes.Index(src[4:], delim)
			body = append(bytes.Repeat([]byte("\n"), 4+end+4), src[4+end+4:]...)
		}
		doc := md.Parser().Parse(text.NewReader(body))
		got := map[string]bool{}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				id, _ := h.AttributeString("id")
				got[string(id.([]byte))] = true
			}
			return ast.WalkContinue, nil
		})
		want := scanHeadingIDs(src)
		if len(got) != len(want) {
			t.Errorf("%s: goldmark found %d heading ids, the line scan %d", name, len(got), len(want))
		}
		for id := range want {
			if !got[id] {
				t.Errorf("%s: goldmark has no heading id %q", name, id)
			}
		}
	}
}

func TestGenerateShape(t *testing.T) {
	dir, files := generate(t, 200, 11)
	total := 0
	var yaml, toml, bare, code, leaves int
	for name, src := range files {
		total += len(src)
		if bytes.ContainsRune(src, '<') {
			t.Errorf("%s contains '<'", name)
		}
		for _, part := range strings.Split(path.Dir(name), "/") {
			switch part {
			case "roles", "expectations", "vision-boards", "qa", "articles":
				t.Errorf("%s is in a typed content folder", name)
			}
		}
		if path.Base(name) == "_index.md" {
			continue
		}
		leaves++
		code += bytes.Count(src, []byte("\n```")) / 2
		switch {
		case bytes.HasPrefix(src, []byte("---\n")):
			yaml++
		case bytes.HasPrefix(src, []byte("+++\n")):
			toml++
		case bytes.HasPrefix(src, []byte("# ")):
			bare++
		}
	}
	if avg := total / len(files); avg < 6<<10 || avg > 14<<10 {
		t.Errorf("average page size %d bytes, want 6 to 14 KB", avg)
	}
	if yaml+toml+bare != leaves || toml == 0 || bare == 0 || yaml < 4*toml {
		t.Errorf("front matter of %d pages: %d YAML, %d TOML, %d none", leaves, yaml, toml, bare)
	}
	if perPage := float64(code) / float64(leaves); perPage < 1.5 || perPage > 2.5 {
		t.Errorf("%.2f code blocks per page, want about 2", perPage)
	}
	// Every folder has its own _index.md.
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_, err = os.Stat(filepath.Join(p, "_index.md"))
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}

func TestSectionCount(t *testing.T) {
	for n, want := range map[int]int{10: 2, 200: 2, 1000: 10, 5000: 20, 10000: 20, 20000: 40, 50000: 100, 80000: 100} {
		if got := sectionCount(n); got != want {
			t.Errorf("sectionCount(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestGenerateRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.md"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(full, "keep.md")
	for _, tc := range []struct {
		dir   string
		pages int
		want  string
	}{
		{full, 100, `corpus: "` + full + `" is not empty`},
		{t.TempDir(), 9, "corpus: Pages must be at least 10, got 9"},
	} {
		n, err := Generate(tc.dir, Options{Pages: tc.pages})
		if err == nil || err.Error() != tc.want || n != 0 {
			t.Errorf("Generate(%q, %d) = %d, %v; want error %q", tc.dir, tc.pages, n, err, tc.want)
		}
	}
	_, err := Generate(file, Options{Pages: 100})
	if want := `corpus: reading "` + file + `": `; err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("Generate on a file: %v; want %q and ENOTDIR", err, want+"…")
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != "mine" {
		t.Errorf("keep.md now %q, %v", b, err)
	}
}

func BenchmarkGenerate1000(b *testing.B) {
	b.ReportAllocs()
	root := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		dir := filepath.Join(root, strconv.Itoa(i))
		if _, err := Generate(dir, Options{Pages: 1000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
