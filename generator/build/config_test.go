package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

func TestConfigUnknownKeys(t *testing.T) {
	tests := []struct {
		name, archive, want string
	}{
		{"toml", "-- playbook.toml --\ntitle = \"T\"\n  baseUrl = \"/x/\"\n-- content/a.md --\n# A\n",
			`playbook.toml:2:3: unknown config key "baseUrl" (did you mean "baseURL"?)`},
		{"yaml", "-- playbook.yaml --\ntitle: T\nthem: dark\n-- content/a.md --\n# A\n",
			`playbook.yaml:2:1: unknown config key "them" (did you mean "theme"?)`},
		{"no suggestion", "-- playbook.yaml --\nfavouriteAnimal: owl\n-- content/a.md --\n# A\n",
			`playbook.yaml:1:1: unknown config key "favouriteAnimal" (known keys: accentColor, accentColorDark, baseURL, branch, contentDir, editURL, frontMatterKeys, ignoreExternalLinks, kinds, language, logo, params, redirects, repository, repositoryPath, theme, themesDir, title, unsafe, visionBoardSections)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testsite.New(t, tt.archive).Build(build.Options{})
			if got := s.Problems(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestConfigValuesAndFlagOverride(t *testing.T) {
	const site = `
-- playbook.toml --
title = "Configured Title"
baseURL = "https://config.example/"
language = "de"
[params]
team = "Dispatch"
-- content/a.md --
# A
`
	s := testsite.New(t, site).MustBuild(build.Options{})
	s.AssertContains("a/index.html", `<html lang="de" `, "<title>A · Configured Title</title>", `href="https://config.example/a/"`)

	s = testsite.New(t, site).MustBuild(build.Options{BaseURL: "https://flag.example/docs/"})
	s.AssertContains("a/index.html", `<link rel="canonical" href="https://flag.example/docs/a/">`)
	s.AssertNotContains("a/index.html", "config.example")
}

func TestConfigContentDirAndBadBaseURL(t *testing.T) {
	s := testsite.New(t, "-- playbook.yaml --\ncontentDir: docs\n-- docs/a.md --\n# From docs\n").MustBuild(build.Options{})
	s.AssertContains("a/index.html", `<h1 id="from-docs">From docs</h1>`)

	s = testsite.New(t, "-- playbook.yaml --\nbaseURL: ftp://x/\n-- content/a.md --\n# A\n").Build(build.Options{})
	want := `playbook.yaml:1:1: baseURL "ftp://x/" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`
	if got := s.Problems(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestLanguageIsABCP47Tag checks the config's language: a tag that is not
// BCP 47 is an error at its key, with the tag meant when there is one; any
// well-formed spelling of a known language is accepted.
func TestLanguageIsABCP47Tag(t *testing.T) {
	for _, tt := range []struct{ config, want string }{
		{"-- playbook.toml --\ntitle = \"T\"\nlanguage = \"en_US\"\n", `playbook.toml:2:1: language "en_US" is not a BCP 47 language tag (did you mean "en-US"?)`},
		{"-- playbook.yaml --\nlanguage: de_CH\n", `playbook.yaml:1:1: language "de_CH" is not a BCP 47 language tag (did you mean "de-CH"?)`},
		{"-- playbook.toml --\nlanguage = \"english\"\n", `playbook.toml:1:1: language "english" is not a BCP 47 language tag: write it like "en" or "en-US"`},
		{"-- playbook.toml --\nlanguage = \"xq\"\n", `playbook.toml:1:1: language "xq" is not a known language: write it like "en" or "en-US"`},
		{"-- playbook.toml --\nlanguage = \"\"\n", `playbook.toml:1:1: language "" is not a BCP 47 language tag: write it like "en" or "en-US"`},
		{"-- playbook.toml --\nlanguage = \"en-us\"\n", ""},
		{"-- playbook.toml --\nlanguage = \"zh-Hant-TW\"\n", ""},
	} {
		s := testsite.New(t, tt.config+"-- content/_index.md --\n# Home\n").Build(build.Options{})
		if got := s.Problems(); got != tt.want {
			t.Errorf("%s: problems:\n%s\nwant:\n%s", tt.config, got, tt.want)
		}
	}
}

// TestThemeFolderOutsideTheSite points themesDir and theme out of the site:
// only an absolute path to a folder with a theme's shape (templates/ or
// static/) is accepted; anything else is an error at its key, before any
// file of it is read.
func TestThemeFolderOutsideTheSite(t *testing.T) {
	shared := t.TempDir()
	writeHostileFile(t, filepath.Join(shared, "corp", "static", "css", "corp.css"), ".corp-theme { color: red }\n")
	if err := os.MkdirAll(filepath.Join(shared, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ config, want string }{
		{`themesDir = "/"` + "\n" + `theme = "."`, `playbook.toml:1:1: "/" is not a theme: a theme folder holds templates/ or static/`},
		{`themesDir = "` + shared + `"`, `playbook.toml:1:1: "` + filepath.Join(shared, "default") + `" is not a theme folder: it does not exist`},
		{`theme = "../../../../../../../../etc"`, `playbook.toml:1:1: the theme folder "themes/../../../../../../../../etc" is outside the site: a theme from elsewhere needs its absolute path, in themesDir or theme`},
		{`themesDir = "../../x"`, `playbook.toml:1:1: the theme folder "../../x/default" is outside the site: a theme from elsewhere needs its absolute path, in themesDir or theme`},
		{`themesDir = "` + shared + `"` + "\n" + `theme = "empty"`, `playbook.toml:1:1: "` + filepath.Join(shared, "empty") + `" is not a theme: a theme folder holds templates/ or static/`},
		{`theme = "` + filepath.Join(shared, "corp") + `"`, ""},
		{`themesDir = "` + shared + `"` + "\n" + `theme = "corp"`, ""},
	} {
		s := testsite.New(t, "-- playbook.toml --\n"+tt.config+"\n-- content/_index.md --\n# Home\n").Build(build.Options{})
		if got := s.Problems(); got != tt.want {
			t.Errorf("%s: problems:\n%s\nwant:\n%s", tt.config, got, tt.want)
			continue
		}
		if tt.want == "" {
			found := false
			for name, data := range s.Tree() {
				found = found || strings.HasPrefix(name, "css/") && strings.Contains(data, ".corp-theme")
			}
			if !found {
				t.Errorf("%s: the theme's stylesheet is not in the output", tt.config)
			}
		}
	}
}
