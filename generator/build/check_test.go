package build_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

func checkProblems(t *testing.T, s *testsite.Site) string {
	t.Helper()
	problems, _, err := build.Check(build.Options{Source: s.Dir})
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]string, len(problems))
	for i, p := range problems {
		lines[i] = strings.ReplaceAll(p.String(), filepath.ToSlash(s.Dir)+"/", "")
	}
	return strings.Join(lines, "\n")
}

func TestCheckCleanSiteReportsNothing(t *testing.T) {
	s := testsite.New(t, playbookSite)
	if got := checkProblems(t, s); got != "" {
		t.Errorf("clean site has problems:\n%s", got)
	}
	if s.Exists("index.html") {
		t.Error("check wrote a site")
	}
}

func TestCheckFindsEveryKindOfProblem(t *testing.T) {
	s := testsite.New(t, `
-- content/README.md --
# Home

[gone](gone.md) [anchor](roles/sm.md#nope) [url](/roles/nope/) ![](missing.png) ![](roles/pic.svg)
-- content/roles/sm.md --
---
title: SM
aliases: [/roles/other/]
---
## Duties
-- content/roles/pic.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
-- content/roles/other.md --
# Other
-- content/secret.md --
---
title: Secret
hidden: true
---
-- content/dup.md --
---
title: Dup
slug: other2
---
-- content/other2.md --
# Other two
`)
	want := strings.Join([]string{
		`content/README.md:3:1: link to missing page "gone.md" (did you mean "dup.md"?)`,
		`content/README.md:3:17: link to missing heading #nope in content/roles/sm.md`,
		`content/README.md:3:44: link to missing page "/roles/nope/" (did you mean "/roles/other/"?)`,
		`content/README.md:3:64: link to missing file or folder "missing.png"`,
		`content/README.md:3:81: warning: image "roles/pic.svg" has no alternative text: describe it between the brackets, ![like this](roles/pic.svg)`,
		`content/other2.md:1:1: page URL /other2/ is also the URL of content/dup.md: rename one of the files or give one a different slug`,
		`content/roles/sm.md:3:1: alias "/roles/other/" is the URL of page content/roles/other.md: remove the alias`,
		`content/secret.md:1:1: warning: page is hidden from the navigation and no page links to it, so no reader can reach it: link to it or remove ` + "`hidden: true`",
	}, "\n")
	if got := checkProblems(t, s); got != want {
		t.Errorf("problems:\n%s\n\nwant:\n%s", got, want)
	}
}

func TestCheckExamplePlaybookAndRenamedHeading(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../content", filepath.Join(dir, "content"))
	copyFile(t, "../../playbook.toml", filepath.Join(dir, "playbook.toml"))
	s := &testsite.Site{T: t, Dir: dir}
	if got := checkProblems(t, s); got != "" {
		t.Fatalf("the example playbook has problems:\n%s", got)
	}
	// Rename the vision board's "Needs" heading: every link to #needs breaks.
	board := filepath.Join(dir, "content/vision-boards/dispatchly.md")
	src, err := os.ReadFile(board)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(board, []byte(strings.Replace(string(src), "## Needs", "## Customer needs", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got := checkProblems(t, s)
	if !strings.Contains(got, `vision board lacks the section Needs`) {
		t.Errorf("renamed board section not reported:\n%s", got)
	}
	n := strings.Count(got, "link to missing heading #needs in content/vision-boards/dispatchly.md")
	if n == 0 {
		t.Fatalf("no broken #needs link reported:\n%s", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "#needs") && !regexpPos.MatchString(line) {
			t.Errorf("broken link without a file:line:col position: %s", line)
		}
	}
}

func TestCheckExternalLinks(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/ok" {
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	s := testsite.New(t, "-- content/a.md --\n# A\n\n[fine]("+srv.URL+"/ok) and [broken]("+srv.URL+"/gone)\n")
	problems, site, err := build.Check(build.Options{Source: s.Dir})
	if err != nil || len(problems) != 0 {
		t.Fatalf("internal check: %v %v", problems, err)
	}
	ext, err := site.CheckExternal(build.Options{Source: s.Dir})
	if err != nil {
		t.Fatal(err)
	}
	col := len("[fine]("+srv.URL+"/ok) and ") + 1
	if len(ext) != 1 || !strings.HasSuffix(ext[0].String(), fmt.Sprintf(`a.md:3:%d: external link "%s/gone": 404 Not Found`, col, srv.URL)) {
		t.Errorf("external problems: %v", ext)
	}
	if _, err := os.Stat(filepath.Join(s.Dir, build.ExternalCacheFile)); err != nil {
		t.Errorf("no cache file: %v", err)
	}
}

var regexpPos = regexpMust(`^content/[^:]+\.md:\d+:\d+: `)

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func regexpMust(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// TestCheckReportsWhatBuildReports builds and checks the same sites, with
// problems that only the outputs see (a feed without a base URL, an alias
// onto a generated file, a bad alias): check must report exactly the
// build's errors and warnings, as both run the one list of outputs.
func TestCheckReportsWhatBuildReports(t *testing.T) {
	for name, archive := range map[string]string{
		"feed without a base URL": "-- playbook.toml --\ntitle = \"T\"\n-- content/_index.md --\n# Home\n-- content/articles/a.md --\n---\ndate: 2026-01-02\n---\n# A\n",
		"alias onto the sitemap":  "-- content/_index.md --\n# Home\n-- content/a.md --\n---\naliases: [/sitemap.xml]\n---\n# A\n",
		"alias that is no path":   "-- content/_index.md --\n# Home\n-- content/a.md --\n---\naliases: [relative/path]\n---\n# A\n",
	} {
		t.Run(name, func(t *testing.T) {
			s := testsite.New(t, archive)
			checked := checkProblems(t, s)
			s.Build(build.Options{})
			var built []string
			for _, w := range s.Result.Warnings {
				built = append(built, w.String())
			}
			if p := s.Problems(); p != "" {
				built = append(built, strings.Split(p, "\n")...)
			}
			sortLines := func(lines []string) string {
				out := append([]string(nil), lines...)
				slices.Sort(out)
				return strings.ReplaceAll(strings.Join(out, "\n"), filepath.ToSlash(s.Dir)+"/", "")
			}
			if checked == "" {
				t.Fatal("check found nothing")
			}
			if got, want := sortLines(strings.Split(checked, "\n")), sortLines(built); got != want {
				t.Errorf("check reports:\n%s\nbuild reports:\n%s", got, want)
			}
		})
	}
}
