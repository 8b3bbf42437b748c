package markup

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the expected output of the fixtures and golden files from
// what the code gives now: go test ./generator/markup ./generator/build -update.
// Review the diff before committing it.
var update = flag.Bool("update", false, "rewrite the fixtures' expected HTML from the current output")

// Fixture files hold cases in goldmark's spec style: a name, the Markdown
// and the HTML it renders to, separated by these lines.
const (
	fixtureSep = "//- - - - - - - - -//"
	fixtureEnd = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

// fixture is one case of a fixture file.
type fixture struct {
	name, markdown, html string
}

func readFixtures(t *testing.T, path string) []fixture {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for _, c := range strings.Split(string(data), fixtureEnd+"\n") {
		if strings.TrimSpace(c) == "" {
			continue
		}
		parts := strings.Split(c, fixtureSep+"\n")
		if len(parts) != 3 {
			t.Fatalf("%s: a case needs a name, Markdown and HTML between %q lines:\n%s", path, fixtureSep, c)
		}
		out = append(out, fixture{name: strings.TrimSpace(parts[0]), markdown: parts[1], html: parts[2]})
	}
	return out
}

func writeFixtures(t *testing.T, path string, cases []fixture) {
	t.Helper()
	var b strings.Builder
	for _, c := range cases {
		fmt.Fprintf(&b, "%s\n%s\n%s%s\n%s%s\n", c.name, fixtureSep, c.markdown, fixtureSep, c.html, fixtureEnd)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFixtures renders every case of testdata/*.txt with the site's
// extensions (GitHub ids, alerts, figures, raw HTML through the sanitizer,
// template tags, task lists, highlighting, links resolved) and compares the
// HTML with the file's.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no fixture files in testdata")
	}
	r := New(Options{})
	for _, path := range files {
		cases := readFixtures(t, path)
		for i, c := range cases {
			res, err := r.Render(Document{Source: []byte(c.markdown), Path: "page.md", Resolver: fakeResolver{}})
			if err != nil {
				t.Fatalf("%s: %s: %v", path, c.name, err)
			}
			got := res.HTML
			for _, d := range res.Diagnostics {
				got += "<!-- " + d.String() + " -->\n"
			}
			if *update {
				cases[i].html = got
				continue
			}
			if got != c.html {
				t.Errorf("%s: %s:\n--- markdown\n%s--- got\n%s--- want\n%s", path, c.name, c.markdown, got, c.html)
			}
		}
		if *update {
			writeFixtures(t, path, cases)
		}
	}
}
