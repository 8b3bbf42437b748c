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
	serveUntilCleanup(t, p, hangGuard, nil)
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

// hangGuard bounds every wait for a rebuild. A rebuild of these small
// sites takes milliseconds; the guard only keeps a broken preview from
// hanging the test, and is far above anything a busy machine needs.
const hangGuard = 2 * time.Minute

// rebuild waits for the next rebuild.
func (r *running) rebuild() result {
	r.t.Helper()
	select {
	case res := <-r.rebuilds:
		return res
	case <-time.After(hangGuard):
		r.t.Fatalf("no rebuild within %v", hangGuard)
		return result{}
	}
}

// waitFor waits for rebuilds until done holds. An editor's save can reach
// the watcher as more than one burst of events on a busy machine (a write
// in place may be seen half done), so a test waits for the outcome it
// wants, not for one particular rebuild. A rebuild error fails the test
// unless allowErr says it is expected.
func (r *running) waitFor(what string, done func() bool, allowErr func(error) bool) {
	r.t.Helper()
	for !done() {
		res := r.rebuild()
		if res.err != nil && (allowErr == nil || !allowErr(res.err)) {
			r.t.Fatalf("waiting until %s: rebuild failed: %v", what, res.err)
		}
	}
}

// waitServe waits for rebuilds until path answers 200 with text in its body.
func (r *running) waitServe(path, text string) {
	r.t.Helper()
	r.waitFor(fmt.Sprintf("%s serves %q", path, text), func() bool {
		code, body := r.get(path)
		return code == http.StatusOK && strings.Contains(body, text)
	}, nil)
}

// waitStatus waits for rebuilds until path answers with the status code.
func (r *running) waitStatus(path string, code int) {
	r.t.Helper()
	r.waitFor(fmt.Sprintf("%s answers %d", path, code), func() bool {
		got, _ := r.get(path)
		return got == code
	}, nil)
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
	r.waitServe("/guides/one/", "Second version.")
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
	r.waitServe("/guides/one/", "Safe-written.")
}

func TestServeDeleteAndRename(t *testing.T) {
	r := start(t, site)
	if err := os.Remove(r.path("content/guides/two.md")); err != nil {
		t.Fatal(err)
	}
	r.waitStatus("/guides/two/", http.StatusNotFound)
	_, body := r.get("/guides/one/")
	if strings.Contains(body, "/guides/two/") {
		t.Error("a deleted page is still in the navigation")
	}

	if err := os.Rename(r.path("content/guides/one.md"), r.path("content/guides/uno.md")); err != nil {
		t.Fatal(err)
	}
	r.waitServe("/guides/uno/", "First version.")
	r.waitStatus("/guides/one/", http.StatusNotFound)
}

func TestServeNewFolder(t *testing.T) {
	r := start(t, site)
	r.site.SaveFile("content/new/deeper/page.md", "# Fresh\n\nIn a new folder.\n")
	r.waitServe("/new/deeper/page/", "In a new folder.")
}

// TestServeBurstIsServed writes 1,000 pages at once, as a git checkout does,
// and waits until the preview serves every one. How many rebuilds the burst
// takes depends on how the machine schedules the writes: the coalescing is
// tested where it is decided, in the watcher (TestPendingCoalescesBurst),
// and a rebuild of 1,000 new files in the session (TestSessionBurst).
func TestServeBurstIsServed(t *testing.T) {
	r := start(t, site)
	n := 1000
	if testing.Short() {
		n = 200
	}
	want := map[string]bool{}
	for i := range n {
		r.site.SaveFile(fmt.Sprintf("content/burst/page-%04d.md", i), fmt.Sprintf("# Page %d\n", i))
		want[fmt.Sprintf("burst/page-%04d/index.html", i)] = true
	}
	rendered := 0
	for len(want) > 0 {
		res := r.rebuild()
		if res.err != nil {
			t.Fatal(res.err)
		}
		rendered += res.rb.Rendered
		for _, rel := range res.rb.Changed {
			delete(want, rel)
		}
	}
	if rendered < n {
		t.Errorf("the rebuilds rendered %d pages, want at least %d", rendered, n)
	}
	for _, i := range []int{0, 1, n / 2, n - 1} {
		r.mustServe(fmt.Sprintf("/burst/page-%04d/", i), fmt.Sprintf("Page %d", i))
	}
}

func TestServeTemplateAndConfigChanges(t *testing.T) {
	r := start(t, site)
	r.site.SaveFile("themes/default/templates/page.html", `{{define "main"}}<div class="mine">{{.Content}}</div>{{end}}`)
	r.waitServe("/guides/one/", `<div class="mine">`)

	r.site.SaveFile("playbook.toml", "title = \"Renamed Handbook\"\n")
	r.waitServe("/guides/two/", "Renamed Handbook")
}

func TestServeBrokenThenFixed(t *testing.T) {
	r := start(t, site)
	r.site.SaveFile("content/guides/one.md", "---\ntitle: One\nweight: heavy\n---\nBroken version.\n")
	const want = `guides/one.md:3:1: front matter "weight" must be a whole number`
	var failed error
	r.waitFor("the broken front matter is reported", func() bool { return failed != nil }, func(err error) bool {
		var problems *build.Problems
		if !errors.As(err, &problems) || !strings.Contains(err.Error(), want) {
			t.Fatalf("broken front matter: %v, want a problem %q", err, want)
		}
		failed = err
		return true
	})
	// The last good site is still served.
	r.mustServe("/guides/one/", "First version.")

	r.site.SaveFile("content/guides/one.md", "---\ntitle: One\nweight: 2\n---\nFixed version.\n")
	r.waitServe("/guides/one/", "Fixed version.")
}
