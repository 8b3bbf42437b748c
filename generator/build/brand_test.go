package build_test

import (
	"strings"
	"testing"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
)

// TestBrandLogoAndAccent builds a site with a logo and accent colours: the
// header shows the logo before the title, and the stylesheet gives links
// the light and the dark accent.
func TestBrandLogoAndAccent(t *testing.T) {
	s := testsite.New(t, `
-- playbook.toml --
title = "Branded"
baseURL = "/hb/"
logo = "assets/logo.svg"
accentColor = "#0B5CAD"
accentColorDark = "#7cb7ff"
-- content/_index.md --
# Home
-- content/assets/logo.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
`).MustBuild(build.Options{})
	s.AssertContains("index.html", `<a class="site-title" href="/hb/"><img class="site-logo" src="/hb/assets/logo.svg" alt="">Branded</a>`)
	if !s.Exists("assets/logo.svg") {
		t.Error("the logo is not copied to the output")
	}
	css := ""
	for name, data := range s.Tree() {
		if strings.HasPrefix(name, "css/playbook.") {
			css = data
		}
	}
	for _, want := range []string{
		`:root{--link:#0b5cad;--focus:#0b5cad}`,
		`@media(prefers-color-scheme:dark){:root:not([data-theme=light]){--link:#7cb7ff;--focus:#7cb7ff}}`,
		`:root[data-theme=dark]{--link:#7cb7ff;--focus:#7cb7ff}`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks %s", want)
		}
	}
}

// TestBrandErrors names the config line of an accent colour that is not
// readable, of one that is not a colour and of a logo that is not there,
// in TOML and in YAML. (A config with errors stops the build before the
// content is read, so the missing logo has a config of its own.)
func TestBrandErrors(t *testing.T) {
	for _, c := range []struct{ name, config, want string }{
		{"unreadable accents", "-- playbook.toml --\ntitle = \"B\"\naccentColor = \"#58a6ff\"\naccentColorDark = \"#1f6feb\"\n",
			"playbook.toml:2:1: accentColor #58a6ff has a contrast of 2.52:1 with the light theme's page background #ffffff, and links need 4.5:1: choose a darker colour\n" +
				"playbook.toml:3:1: accentColorDark #1f6feb has a contrast of 4.08:1 with the dark theme's page background #0d1117, and links need 4.5:1: choose a lighter colour"},
		// Readable on the page and on cards, not on inline code.
		{"unreadable on code", "-- playbook.toml --\ntitle = \"B\"\naccentColor = \"#2f74c0\"\n",
			"playbook.toml:2:1: accentColor #2f74c0 has a contrast of 4.26:1 with the light theme's inline code background #eff2f5, and links need 4.5:1: choose a darker colour"},
		{"missing logo", "-- playbook.toml --\ntitle = \"B\"\nlogo = \"logo.png\"\n",
			`playbook.toml:2:1: logo "logo.png" is not a file of the content folder: put the image at content/logo.png, or correct the path`},
		{"yaml", "-- playbook.yaml --\ntitle: B\naccentColor: blue\nlogo: ../outside.png\n",
			`playbook.yaml:2:1: accentColor "blue" is not a colour: write it as #rrggbb, such as "#0b5cad"` + "\n" +
				`playbook.yaml:3:1: logo "../outside.png" must be the path of an image in the content folder, such as "logo.svg"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := testsite.New(t, c.config+"-- content/_index.md --\n# Home\n").Build(build.Options{})
			if got := s.Problems(); got != c.want {
				t.Errorf("problems:\n%s\n\nwant:\n%s", got, c.want)
			}
		})
	}
}
