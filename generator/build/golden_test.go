package build_test

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// update rewrites the golden pages from the current output:
// go test ./generator/build ./generator/markup -update. Review the diff
// (a change to the theme shows there) before committing it.
var update = flag.Bool("update", false, "rewrite the golden pages from the current output")

// goldenPages are the pages of testdata/golden/site.txtar kept whole: one
// of every layout and content kind.
var goldenPages = []string{
	"index.html",
	"roles/index.html",
	"roles/product-owner/index.html",
	"expectations/index.html",
	"expectations/po-from-sm/index.html",
	"vision-boards/board/index.html",
	"qa/questions/index.html",
	"articles/index.html",
	"articles/first/index.html",
	"guides/index.html",
	"guides/a-page/index.html",
	"tags/team-notes/index.html",
	"404.html",
	"print/index.html",
}

// TestGoldenPages builds the golden site and compares each golden page, as
// a whole, with its file under testdata/golden.
func TestGoldenPages(t *testing.T) {
	archive, err := os.ReadFile(filepath.Join("testdata", "golden", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	s := testsite.New(t, string(archive)).MustBuild(build.Options{})
	for _, page := range goldenPages {
		golden := filepath.Join("testdata", "golden", filepath.FromSlash(page))
		got := s.File(page)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%s: %v (run go test ./generator/build -run TestGoldenPages -update)", page, err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s: run go test ./generator/build -run TestGoldenPages -update and review the diff\n%s", page, golden, firstDifference(got, string(want)))
		}
	}
}

// firstDifference shows the first line at which got and want differ.
func firstDifference(got, want string) string {
	line := 1
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			start := i
			for start > 0 && got[start-1] != '\n' {
				start--
			}
			end := func(s string) string {
				e := start
				for e < len(s) && s[e] != '\n' {
					e++
				}
				return s[start:e]
			}
			return "line " + strconv.Itoa(line) + ":\n  got:  " + end(got) + "\n  want: " + end(want)
		}
		if got[i] == '\n' {
			line++
		}
	}
	return "one is a prefix of the other"
}
