package build

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCachedNavMatchesTemplate checks that every page's sidebar, taken from
// its section's cached nav with its own link marked, is exactly what the
// nav template renders for that page alone.
func TestCachedNavMatchesTemplate(t *testing.T) {
	s, err := Prepare(Options{Source: filepath.Join("..", "..")})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Content.Ordered) < 20 {
		t.Fatalf("only %d pages in the example playbook", len(s.Content.Ordered))
	}
	for _, p := range s.Content.Ordered {
		sidebar, err := s.navHTML(p)
		if err != nil {
			t.Fatal(err)
		}
		got := (&PageData{Sidebar: sidebar}).NavHTML()
		want, err := s.renderNav(s.Content.NavNode(p), p)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%s: cached sidebar differs from the template's:\n%s\nwant:\n%s", p.File, got, want)
		}
	}
}

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
