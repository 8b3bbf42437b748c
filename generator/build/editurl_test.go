package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestEditURLPatterns builds one page with the edit address of each git
// host the README documents.
func TestEditURLPatterns(t *testing.T) {
	tests := []struct {
		name, config, want string
	}{
		{"GitHub, the default", `repository = "https://github.com/org/handbook"`,
			"https://github.com/org/handbook/edit/main/content/roles/product%20owner.md"},
		{"GitLab", `repository = "https://gitlab.com/group/handbook"` + "\n" + `editURL = "{repository}/-/edit/{branch}/{path}"`,
			"https://gitlab.com/group/handbook/-/edit/main/content/roles/product%20owner.md"},
		{"Bitbucket", `repository = "https://bitbucket.org/team/handbook"` + "\n" + `editURL = "{repository}/src/{branch}/{path}?mode=edit"`,
			"https://bitbucket.org/team/handbook/src/main/content/roles/product%20owner.md?mode=edit"},
		{"Azure DevOps", `repository = "https://dev.azure.com/org/project/_git/handbook"` + "\n" + `editURL = "{repository}?path=/{path}&version=GB{branch}&_a=contents"`,
			"https://dev.azure.com/org/project/_git/handbook?path=/content/roles/product%20owner.md&amp;version=GBmain&amp;_a=contents"},
		{"Gitea and Forgejo", `repository = "https://gitea.example.org/team/handbook"` + "\n" + `branch = "release/2026"` + "\n" + `repositoryPath = "docs"` + "\n" + `editURL = "{repository}/_edit/{branch}/{path}"`,
			"https://gitea.example.org/team/handbook/_edit/release/2026/docs/content/roles/product%20owner.md"},
		{"a pattern without repository", `editURL = "https://cms.example.org/edit?file={path}"`,
			"https://cms.example.org/edit?file=content/roles/product%20owner.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testsite.New(t, "-- playbook.toml --\n"+tt.config+"\n-- content/roles/product owner.md --\n# Product Owner\n").MustBuild(build.Options{})
			s.AssertContains("roles/product-owner/index.html", `<a href="`+tt.want+`" class="edit-link">Edit this page</a>`)
		})
	}

	s := testsite.New(t, "-- content/a.md --\n# A\n").MustBuild(build.Options{})
	s.AssertNotContains("a/index.html", "edit-link")

	for config, want := range map[string]string{
		`editURL = "{repository}/edit/{branch}/{file}"` + "\n" + `repository = "https://x.org/r"`: `playbook.toml:1:1: editURL has the unknown placeholder {file}: use {repository}, {branch}, {path}`,
		`editURL = "{repository}/-/edit/{branch}/{path}"`:                                         `playbook.toml:1:1: editURL uses {repository}, but the config sets no repository: add repository = "https://…"`,
	} {
		s := testsite.New(t, "-- playbook.toml --\n"+config+"\n-- content/a.md --\n# A\n").Build(build.Options{})
		if got := strings.TrimSpace(s.Problems()); got != want {
			t.Errorf("config %q:\n%s\nwant:\n%s", config, got, want)
		}
	}
}
