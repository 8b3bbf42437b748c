package preview_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/testsite"
	"github.com/playbookhq/playbook/generator/preview"
)

const site = `
-- playbook.toml --
title = "Preview"
-- content/_index.md --
# Home
-- content/guides/one.md --
---
title: One
---
First version.
-- content/guides/two.md --
# Two

Second page.
-- themes/default/static/css/site.css --
body { margin: 0; }
`

// running is a preview under test: its rebuilds arrive on a channel.
type running struct {
	t        *testing.T
	site     *testsite.Site
	url      string
	rebuilds chan result
}

type result struct {
	rb  build.Rebuild
	err error
}

func start(t *testing.T, archive string) *running {
	t.Helper()
	s := testsite.New(t, archive)
	r := &running{t: t, site: s, rebuilds: make(chan result, 100)}
	p, err := preview.Start(preview.Options{
		Build:     build.Options{Source: s.Dir},
		Port:      0,
		Debounce:  100 * time.Millisecond,
		OnRebuild: func(rb build.Rebuild, err error) { r.rebuilds <- result{rb, err} },
	})
	if err != nil {
		t.Fatal(err)
	}
	serveUntilCleanup(t, p, 10*time.Second, nil)
	r.url = strings.TrimSuffix(p.URL(), "/")
	return r
}

// serveUntilCleanup serves p until the test's cleanup, which then checks
// that Serve returned nil within wait and calls after (when not nil).
func serveUntilCleanup(t *testing.T, p *preview.Preview, wait time.Duration, after func()) {
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- p.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-served:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(wait):
			t.Errorf("Serve did not return within %v of its context's end", wait)
		}
		if after != nil {
			after()
		}
	})
}

// rebuild waits for the next rebuild.
func (r *running) rebuild() result {
	r.t.Helper()
	select {
	case res := <-r.rebuilds:
		return res
	case <-time.After(10 * time.Second):
		r.t.Fatal("no rebuild within 10s")
		return result{}
	}
}

// get fetches a path and returns the status and body.
func (r *running) get(path string) (int, string) {
	r.t.Helper()
	resp, err := http.Get(r.url + path)
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (r *running) path(rel string) string { return filepath.Join(r.site.Dir, filepath.FromSlash(rel)) }

func (r *running) mustServe(path, text string) {
	r.t.Helper()
	code, body := r.get(path)
	if code != http.StatusOK || !strings.Contains(body, text) {
		r.t.Fatalf("GET %s: %d, want 200 with %q\n%s", path, code, text, body)
	}
}

func TestServeInPlaceWrite(t *testing.T) {
	r := start(t, site)
	r.mustServe("/guides/one/", "First version.")
	r.site.WriteFile("content/guides/one.md", "---\ntitle: One\n---\nSecond version.\n")
	if res := r.rebuild(); res.err != nil || res.rb.Rendered != 1 {
		t.Fatalf("rebuild: %+v", res)
	}
	r.mustServe("/guides/one/", "Second version.")
}

func TestServeRenameOver(t *testing.T) {
	r := start(t, site)
	tmp := r.path("content/guides/.one.md.tmp")
	if err := os.WriteFile(tmp, []byte("---\ntitle: One\n---\nSafe-written.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, r.path("content/guides/one.md")); err != nil {
		t.Fatal(err)
	}
	if res := r.rebuild(); res.err != nil {
		t.Fatal(res.err)
	}
	r.mustServe("/guides/one/", "Safe-written.")
}

func TestServeDeleteAndRename(t *testing.T) {
	r := start(t, site)
	if err := os.Remove(r.path("content/guides/two.md")); err != nil {
		t.Fatal(err)
	}
	if res := r.rebuild(); res.err != nil {
		t.Fatal(res.err)
	}
	if code, _ := r.get("/guides/two/"); code != http.StatusNotFound {
		t.Errorf("deleted page answers %d, want 404", code)
	}
	_, body := r.get("/guides/one/")
	if strings.Contains(body, "/guides/two/") {
		t.Error("a deleted page is still in the navigation")
	}

	if err := os.Rename(r.path("content/guides/one.md"), r.path("content/guides/uno.md")); err != nil {
		t.Fatal(err)
	}
	if res := r.rebuild(); res.err != nil {
		t.Fatal(res.err)
	}
	r.mustServe("/guides/uno/", "First version.")
	if code, _ := r.get("/guides/one/"); code != http.StatusNotFound {
		t.Errorf("renamed page's old URL answers %d, want 404", code)
	}
}

func TestServeNewFolder(t *testing.T) {
	r := start(t, site)
	r.site.WriteFile("content/new/deeper/page.md", "# Fresh\n\nIn a new folder.\n")
	if res := r.rebuild(); res.err != nil {
		t.Fatal(res.err)
	}
	r.mustServe("/new/deeper/page/", "In a new folder.")
}

func TestServeBurstIsOneRebuild(t *testing.T) {
	r := start(t, site)
	for i := range 1000 {
		r.site.WriteFile(fmt.Sprintf("content/burst/page-%04d.md", i), fmt.Sprintf("# Page %d\n", i))
	}
	res := r.rebuild()
	if res.err != nil {
		t.Fatal(res.err)
	}
	select {
	case extra := <-r.rebuilds:
		t.Errorf("a burst of 1,000 files gave more than one rebuild: %+v", extra.rb)
	case <-time.After(time.Second):
	}
	r.mustServe("/burst/page-0999/", "Page 999")
	if res.rb.Rendered < 1000 {
		t.Errorf("rebuild rendered %d pages, want at least 1000", res.rb.Rendered)
	}
}

func TestServeTemplateAndConfigChanges(t *testing.T) {
	r := start(t, site)
	r.site.WriteFile("themes/default/templates/page.html", `{{define "main"}}<div class="mine">{{.Content}}</div>{{end}}`)
	if res := r.rebuild(); res.err != nil || !res.rb.Full {
		t.Fatalf("template change: %+v", res)
	}
	r.mustServe("/guides/one/", `<div class="mine">`)

	r.site.WriteFile("playbook.toml", "title = \"Renamed Handbook\"\n")
	if res := r.rebuild(); res.err != nil || !res.rb.Full {
		t.Fatalf("config change: %+v", res)
	}
	r.mustServe("/guides/two/", "Renamed Handbook")
}

func TestServeBrokenThenFixed(t *testing.T) {
	r := start(t, site)
	r.site.WriteFile("content/guides/one.md", "---\ntitle: One\nweight: heavy\n---\nBroken version.\n")
	res := r.rebuild()
	var problems *build.Problems
	if !errors.As(res.err, &problems) || !strings.Contains(res.err.Error(), `guides/one.md:3:1: front matter "weight" must be a whole number`) {
		t.Fatalf("broken front matter: %v", res.err)
	}
	// The last good site is still served.
	r.mustServe("/guides/one/", "First version.")

	r.site.WriteFile("content/guides/one.md", "---\ntitle: One\nweight: 2\n---\nFixed version.\n")
	if res := r.rebuild(); res.err != nil {
		t.Fatal(res.err)
	}
	r.mustServe("/guides/one/", "Fixed version.")
}
