package build_test

import (
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
	want := `playbook.yaml: baseURL "ftp://x/" must be an http(s) URL such as https://example.org/handbook/, or a path such as /handbook/`
	if got := s.Problems(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
