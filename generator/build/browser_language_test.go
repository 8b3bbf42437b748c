package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestPageScriptSurvivesAnyLanguage loads a page whose <html lang> is no
// language a browser knows (a theme may print anything there): the relative
// dates fall back to English and the search box still starts, since an
// exception thrown by Intl would stop the rest of the page's script.
func TestPageScriptSurvivesAnyLanguage(t *testing.T) {
	ctx := browsertest.New(t)
	s := testsite.New(t, `
-- content/_index.md --
# Home
-- content/articles/a.md --
---
date: 2026-01-01
---
# A
`).MustBuild(build.Options{})
	for _, lang := range []string{"en_US", "not a language", "x-\u202e"} {
		home := filepath.Join(s.Out, "index.html")
		page := s.File("index.html")
		i := strings.Index(page, `<html lang="`)
		j := strings.Index(page[i+12:], `"`)
		if i < 0 || j < 0 {
			t.Fatal("no <html lang> in the home page")
		}
		page = page[:i+12] + lang + page[i+12+j:]
		if err := os.WriteFile(home, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		base := browsertest.Serve(t, s.Out)
		browsertest.Open(t, ctx, base+"/")
		if got := browsertest.Eval[bool](t, ctx, `!document.querySelector("div.search").hidden`); !got {
			t.Errorf("lang %q: the search box did not start", lang)
		}
		if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll("time[data-relative] .relative-date").length`); got == 0 {
			t.Errorf("lang %q: no relative date was written", lang)
		}
	}
}
