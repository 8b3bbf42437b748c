package server

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	defaulttheme "github.com/playbookhq/playbook/themes/default"
)

// TestEveryResponseCarriesTheCSP checks that serve sends the site's
// Content-Security-Policy as a header with every response, static files
// included: an HTML or SVG file of the content opened on its own has no
// meta element to carry it.
func TestEveryResponseCarriesTheCSP(t *testing.T) {
	s := New(Options{Root: writeSite(t, map[string]string{
		"index.html": page, "img/a.svg": "<svg/>", "page.html": page, "404.html": page, "css/a.css": "p{}",
	})})
	for _, target := range []string{"/", "/img/a.svg", "/page.html", "/css/a.css", "/missing/", "/__playbook/livereload.js", "/img"} {
		w := get(t, s.Handler(), "GET", target)
		if got := w.Header().Get("Content-Security-Policy"); got != ContentSecurityPolicy {
			t.Errorf("GET %s (%d): Content-Security-Policy %q, want %q", target, w.Code, got, ContentSecurityPolicy)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = "evil.example"
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, r)
	if w.Code != http.StatusForbidden || w.Header().Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Errorf("a refused request (%d) has Content-Security-Policy %q", w.Code, w.Header().Get("Content-Security-Policy"))
	}
}

// TestCSPIsTheThemes checks that the header is the policy the default
// theme's pages carry in their meta element, so that serve shows what a
// build publishes.
func TestCSPIsTheThemes(t *testing.T) {
	base, err := fs.ReadFile(defaulttheme.FS, "templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
	if !strings.Contains(string(base), meta) {
		t.Errorf("templates/base.html lacks %s", meta)
	}
}
