package build

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/playbookhq/playbook/generator/theme"
	"github.com/playbookhq/playbook/generator/view"
	defaulttheme "github.com/playbookhq/playbook/themes/default"
)

// TestCachedNavMatchesTemplate checks the sidebar contract on the example
// playbook: each page's sidebar, its section's cached one with its own
// link marked, is exactly what a nav template that marks the current page
// itself (and is therefore rendered for every page) writes.
func TestCachedNavMatchesTemplate(t *testing.T) {
	cached, err := Prepare(Options{Source: filepath.Join("..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	perPage, err := Prepare(Options{Source: filepath.Join("..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(defaulttheme.FS, fstest.MapFS{"templates/partials/nav.html": {Data: []byte(markingNav)}}, "test", templateFuncs("/"))
	if err != nil {
		t.Fatal(err)
	}
	perPage.Theme = th
	if len(cached.Content.Ordered) < 20 {
		t.Fatalf("only %d pages in the example playbook", len(cached.Content.Ordered))
	}
	for i, p := range cached.Content.Ordered {
		sidebar, err := cached.navHTML(p)
		if err != nil {
			t.Fatal(err)
		}
		want, err := perPage.navHTML(perPage.Content.Ordered[i])
		if err != nil {
			t.Fatal(err)
		}
		if sidebar.Current == "" && !p.Hidden && p != cached.Content.Root.Page {
			t.Errorf("%s: the cached sidebar does not mark the page", p.File)
		}
		got := (&view.PageData{Sidebar: sidebar}).NavHTML()
		if want := (&view.PageData{Sidebar: want}).NavHTML(); got != want {
			t.Errorf("%s: cached sidebar differs from the marking template's:\n%s\nwant:\n%s", p.File, got, want)
		}
	}
}

// markingNav is a nav template that marks the current page itself, as the
// default theme's did before the build took the marking over.
const markingNav = `<ul class="nav-list">
{{- range .}}
<li{{if .Open}} class="nav-open"{{end}}><a href="{{.URL}}"{{if .Current}} aria-current="page"{{end}}>{{.Title}}</a>
{{- if .Children}}
{{template "partials/nav.html" .Children}}
{{- end}}
</li>
{{- end}}
</ul>
`

func TestLinkOffsets(t *testing.T) {
	html := `<ul><li><a href="/a/">A</a><li><a href="/b/" class="x">B</a><li><a href="/c/">C</a><a href="/c/">C</a><a href="/d/">D</a></ul>`
	got := linkOffsets(html)
	want := map[string]int{`<a href="/a/">`: 8, `<a href="/d/">`: strings.Index(html, "<a href=\"/d/")}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for link, at := range want {
		if got[link] != at || html[at:at+len(link)] != link {
			t.Errorf("%s at %d, want %d", link, got[link], at)
		}
	}
}
