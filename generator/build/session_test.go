package build_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestSessionMatchesFullBuild applies random sequences of edits, renames,
// deletions and additions to a site and checks after every step that the
// session's incremental output is byte-identical to a full build of the same
// content, and that both agree on errors.
func TestSessionMatchesFullBuild(t *testing.T) {
	first, seeds := uint64(1), uint64(6)
	if testing.Short() {
		first, seeds = 2, 2 // one sequence, through the spill file
	}
	for seed := first; seed <= seeds; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			if seed%2 == 0 {
				// Every changed file goes through the spill file.
				defer build.SetMemoryBudget(0)()
			}
			s := testsite.New(t, playbookSite+`
-- content/guides/_index.md --
---
title: Guides
---
-- content/guides/one.md --
---
title: One
weight: 1
---
Body one. [Two](two.md)
-- content/guides/two.md --
# Two

## Part

Body two.
-- content/guides/pic.svg --
<svg xmlns="http://www.w3.org/2000/svg"></svg>
`)
			opts := build.Options{Source: s.Dir, StableAssetNames: true}
			dest := filepath.Join(t.TempDir(), "serve")
			session := build.NewSession(opts, dest)
			if _, err := session.Build(nil); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 7))
			for step := 0; step < 25; step++ {
				desc, changed := randomEdit(t, rng, s.Dir, step)
				_, sessErr := session.Build(changed)
				fullDest := filepath.Join(t.TempDir(), "full")
				_, fullErr := build.Build(build.Options{Source: s.Dir, Destination: fullDest, StableAssetNames: true})
				if (sessErr == nil) != (fullErr == nil) || sessErr != nil && sessErr.Error() != fullErr.Error() {
					t.Fatalf("step %d (%s): session error %v, full build error %v", step, desc, sessErr, fullErr)
				}
				if fullErr != nil {
					continue // the session keeps its last good output, as serve does
				}
				if diff := diffTrees(t, dest, fullDest); diff != "" {
					t.Fatalf("step %d (%s): incremental output differs from a full build:\n%s", step, desc, diff)
				}
				if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".serve.tmp-*")); len(left) > 0 {
					t.Fatalf("step %d (%s): spill files left behind: %v", step, desc, left)
				}
			}
		})
	}
}

// randomEdit changes the site at dir and returns what it did and the
// absolute paths it touched.
func randomEdit(t *testing.T, rng *rand.Rand, dir string, step int) (string, []string) {
	t.Helper()
	content := filepath.Join(dir, "content")
	var pages []string
	filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return nil
	})
	sort.Strings(pages)
	pick := pages[rng.IntN(len(pages))]
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	write := func(p, data string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	switch op := rng.IntN(10); op {
	case 8: // a link to a heading of another page
		write(pick, read(pick)+"\nSee [the part](/guides/two/#part).\n")
		return "anchor link " + pick, []string{pick}
	case 9: // the linked heading is renamed, or comes back
		p := filepath.Join(content, "guides", "two.md")
		src, err := os.ReadFile(p)
		if err != nil {
			return "nothing", nil
		}
		next := strings.Replace(string(src), "## Part", "## Portion", 1)
		if next == string(src) {
			next = strings.Replace(string(src), "## Portion", "## Part", 1)
		}
		write(p, next)
		return "heading rename", []string{p}
	case 0, 1: // body edit
		write(pick, read(pick)+fmt.Sprintf("\nMore text %d.\n", step))
		return "body edit " + pick, []string{pick}
	case 2: // title edit
		src := read(pick)
		if strings.HasPrefix(src, "---\n") {
			src = "---\ntitle: Retitled " + fmt.Sprint(step) + "\n" + strings.TrimPrefix(src, "---\n")
			src = strings.Replace(src, "\ntitle:", "\nold_title:", 2)
			src = strings.Replace(src, "old_title: Retitled", "title: Retitled", 1)
		} else {
			src = "# Retitled " + fmt.Sprint(step) + "\n\n" + src
		}
		write(pick, src)
		return "title edit " + pick, []string{pick}
	case 3: // rename within the folder
		to := filepath.Join(filepath.Dir(pick), fmt.Sprintf("renamed-%d.md", step))
		if err := os.Rename(pick, to); err != nil {
			t.Fatal(err)
		}
		return "rename " + pick, []string{pick, to}
	case 4: // delete
		if err := os.Remove(pick); err != nil {
			t.Fatal(err)
		}
		return "delete " + pick, []string{pick}
	case 5: // a new page, sometimes in a new folder
		p := filepath.Join(content, "guides", fmt.Sprintf("new-%d.md", step))
		if rng.IntN(2) == 0 {
			p = filepath.Join(content, fmt.Sprintf("folder-%d", step), "deep", "page.md")
			write(p, fmt.Sprintf("---\ntitle: Deep %d\ntags: [t%d]\n---\nDeep page.\n", step, step%3))
			return "new folder " + p, []string{filepath.Join(content, fmt.Sprintf("folder-%d", step))}
		}
		write(p, fmt.Sprintf("---\ntitle: New %d\nweight: %d\n---\nNew page.\n", step, rng.IntN(5)))
		return "new page " + p, []string{p}
	case 6: // an expectation gains an item
		p := filepath.Join(content, "expectations", "sm-from-po.md")
		if _, err := os.Stat(p); err != nil {
			return "nothing", nil
		}
		write(p, read(p)+fmt.Sprintf("- Item %d.\n", step))
		return "expectation edit", []string{p}
	default: // a static file appears or changes
		p := filepath.Join(content, "guides", fmt.Sprintf("file-%d.txt", rng.IntN(3)))
		write(p, fmt.Sprintf("data %d\n", step))
		return "static file " + p, []string{p}
	}
}

// diffTrees describes how two folders differ, "" when they hold the same
// files with the same bytes.
func diffTrees(t *testing.T, a, b string) string {
	t.Helper()
	ta, tb := readTree(t, a), readTree(t, b)
	var out []string
	for name, data := range ta {
		other, ok := tb[name]
		switch {
		case !ok:
			out = append(out, "only in incremental: "+name)
		case other != data:
			out = append(out, "differs: "+name)
		}
	}
	for name := range tb {
		if _, ok := ta[name]; !ok {
			out = append(out, "only in full build: "+name)
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".playbook-output" {
			return err // the marker of a Build's output is not part of the site
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSessionRendersOnlyWhatChanged counts the pages a session renders for
// a body edit, a title edit and a change that alters nothing.
func TestSessionRendersOnlyWhatChanged(t *testing.T) {
	s := testsite.New(t, playbookSite)
	dest := filepath.Join(t.TempDir(), "serve")
	session := build.NewSession(build.Options{Source: s.Dir, StableAssetNames: true}, dest)
	first, err := session.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Full || first.Rendered < first.Pages {
		t.Fatalf("first build: %+v", first)
	}
	page := filepath.Join(s.Dir, "content/roles/dev-team.md")

	s.WriteFile("content/roles/dev-team.md", "---\ntitle: Development Team\nweight: 3\n---\nA new body.\n")
	rb, err := session.Build([]string{page})
	if err != nil {
		t.Fatal(err)
	}
	if rb.Full || rb.Rendered != 1 {
		t.Errorf("body edit: full=%v rendered=%d, want one page", rb.Full, rb.Rendered)
	}
	if !slices.Contains(rb.Changed, "roles/dev-team/index.html") || slices.Contains(rb.Changed, "roles/product-owner/index.html") {
		t.Errorf("body edit changed %q", rb.Changed)
	}

	s.WriteFile("content/roles/dev-team.md", "---\ntitle: Delivery Team\nweight: 3\n---\nA new body.\n")
	rb, err = session.Build([]string{page})
	if err != nil {
		t.Fatal(err)
	}
	if !rb.Full || !slices.Contains(rb.Changed, "roles/product-owner/index.html") {
		t.Errorf("title edit: full=%v changed=%q; the title shows in every page's navigation", rb.Full, rb.Changed)
	}

	rb, err = session.Build([]string{page})
	if err != nil {
		t.Fatal(err)
	}
	if rb.Rendered != 0 || len(rb.Changed) != 0 {
		t.Errorf("no change: rendered %d, changed %q", rb.Rendered, rb.Changed)
	}
}
