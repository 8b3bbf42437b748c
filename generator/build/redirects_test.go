package build_test

import (
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

func TestRedirectsFile(t *testing.T) {
	const site = `
-- playbook.toml --
baseURL = "https://example.org/handbook/"
-- content/roles/product-owner.md --
---
aliases: [/roles/po/, /old/owner.html]
---
# Product Owner
-- content/café.md --
---
aliases: [/über/]
---
# Café
`
	s := testsite.New(t, site).MustBuild(build.Options{Redirects: "netlify"})
	if got, want := s.File("_redirects"), "# Written by playbook build for netlify: every alias goes to its page.\n"+
		"/handbook/%C3%BCber/ /handbook/caf%C3%A9/ 301!\n"+
		"/handbook/roles/po/ /handbook/roles/product-owner/ 301!\n"+
		"/handbook/old/owner.html /handbook/roles/product-owner/ 301!\n"+
		"/handbook/* /handbook/404.html 404\n"; got != want {
		t.Errorf("netlify _redirects:\n%s\nwant:\n%s", got, want)
	}
	// The redirect pages stay, for hosts that do not read the file.
	s.AssertContains("roles/po/index.html", `content="0; url=/handbook/roles/product-owner/"`)

	s = testsite.New(t, site).MustBuild(build.Options{})
	if s.Exists("_redirects") {
		t.Error("_redirects written without being asked for")
	}

	s = testsite.New(t, `
-- playbook.yaml --
redirects: cloudflare
-- content/a.md --
---
aliases: [/b/]
---
# A
`).MustBuild(build.Options{})
	if got, want := s.File("_redirects"), "# Written by playbook build for cloudflare: every alias goes to its page.\n/b/ /a/ 301\n"; got != want {
		t.Errorf("cloudflare _redirects:\n%s\nwant:\n%s", got, want)
	}

	s = testsite.New(t, "-- playbook.yaml --\nredirects: vercel\n-- content/a.md --\n# A\n").Build(build.Options{})
	if got, want := s.Problems(), `playbook.yaml:1:1: redirects must be netlify or cloudflare, not "vercel"`; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
