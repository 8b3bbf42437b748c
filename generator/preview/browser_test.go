package preview_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
	"github.com/playbookhq/playbook/generator/internal/testsite"
	"github.com/playbookhq/playbook/generator/preview"
)

// The tests below run `playbook serve` on a small site, open its pages in
// Chromium, edit the site's files on disk and watch what the open page does.
// Every wait polls a condition until a deadline; none sleeps and hopes.

// liveWait bounds each wait for the browser or the preview to catch up
// with an edit. It is a hang guard, not a speed test: the watcher, the
// rebuild and the reload take well under a second, so reaching it, even on
// a machine busy with other work, means the change never arrived.
const liveWait = 2 * time.Minute

// liveSite is the site the browser tests serve: a home page, a long page
// that can scroll far, and two short pages.
func liveSite() string {
	var long strings.Builder
	long.WriteString("---\ntitle: Long\n---\n")
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&long, "Paragraph %d of the long page, long enough to wrap once or twice on a narrow screen and so take some room.\n\n", i)
	}
	return `
-- playbook.toml --
title = "Live"
-- content/_index.md --
# Home
-- content/guide/a.md --
---
title: Page A
weight: 1
---
Body of page A.
-- content/guide/b.md --
---
title: Page B
weight: 2
---
Body of page B.
-- content/guide/long.md --
` + long.String()
}

// liveRebuild is one call of Options.OnRebuild.
type liveRebuild struct {
	rb  build.Rebuild
	err error
}

// liveServer is a preview serving a site for one test.
type liveServer struct {
	site     *testsite.Site
	url      string // ends with "/"
	rebuilds chan liveRebuild
}

// serveLive starts a preview of site and stops it at test cleanup, checking
// that Serve returned nil. The preview's log is shown when the test fails.
func serveLive(t *testing.T, site *testsite.Site) *liveServer {
	t.Helper()
	r := &liveServer{site: site, rebuilds: make(chan liveRebuild, 64)}
	log := &liveLog{}
	p, err := preview.Start(preview.Options{
		Build: build.Options{Source: site.Dir},
		Log:   log,
		OnRebuild: func(rb build.Rebuild, err error) {
			select {
			case r.rebuilds <- liveRebuild{rb, err}:
			default: // a test that does not read them does not block the preview
			}
		},
	})
	if err != nil {
		t.Fatalf("preview.Start: %v", err)
	}
	r.url = p.URL()
	serveUntilCleanup(t, p, liveWait, func() {
		if t.Failed() {
			t.Logf("preview log:\n%s", log.String())
		}
	})
	return r
}

// edit replaces a file of the site as editors do on save: the new content
// is written beside the site and renamed over the file, so the watcher never
// sees it half written.
func (r *liveServer) edit(t *testing.T, name, data string) {
	t.Helper()
	tmp := filepath.Join(t.TempDir(), filepath.Base(name))
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(r.site.Dir, filepath.FromSlash(name))); err != nil {
		t.Fatal(err)
	}
}

// read returns the content of a file of the site.
func (r *liveServer) read(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(r.site.Dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// replace edits a file of the site, replacing old (which must be there) by
// new.
func (r *liveServer) replace(t *testing.T, name, old, new string) {
	t.Helper()
	src := r.read(t, name)
	if !strings.Contains(src, old) {
		t.Fatalf("%s does not contain %q", name, old)
	}
	r.edit(t, name, strings.Replace(src, old, new, 1))
}

// waitRebuild waits for the next rebuild that satisfies ok and returns it.
func (r *liveServer) waitRebuild(t *testing.T, what string, ok func(liveRebuild) bool) liveRebuild {
	t.Helper()
	deadline := time.After(liveWait)
	var seen []string
	for {
		select {
		case got := <-r.rebuilds:
			if ok(got) {
				return got
			}
			seen = append(seen, fmt.Sprintf("changed %q, error %v", got.rb.Changed, got.err))
		case <-deadline:
			t.Fatalf("no rebuild %s within %v; rebuilds seen: %q", what, liveWait, seen)
		}
	}
}

// liveObserver is run in every document of the tab before the page's own
// scripts. It wraps EventSource so that the test can see what the live
// reload script cannot be asked: whether its stream is open, and which change
// events it has handled. The script under test gets a real EventSource and
// behaves as without the wrapper. A message is recorded in a new task, after
// every listener of its event (the reload script's included) has run.
const liveObserver = `(() => {
  const Native = window.EventSource;
  if (!Native) return;
  const lr = window.__lr = {open: 0, messages: []};
  window.EventSource = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('open', () => { lr.open++; });
      this.addEventListener('change', (e) => { setTimeout(() => lr.messages.push(e.data), 0); });
    }
  };
})()`

// newLiveBrowser starts Chromium for the test with the liveObserver installed.
func newLiveBrowser(t *testing.T) context.Context {
	t.Helper()
	ctx := browsertest.New(t)
	browsertest.Do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: liveObserver})
		return err
	}))
	return ctx
}

// openLive opens the URL and waits until its live reload stream is open and
// has delivered its first message (the server's current state), so that an
// edit made next cannot be missed.
func openLive(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	browsertest.Open(t, ctx, url)
	waitUntilJS(t, ctx, "the live reload stream is connected", `window.__lr && __lr.open > 0 && __lr.messages.length > 0`)
}

// waitUntilJS waits until the JavaScript condition holds in the tab (see
// browsertest.Until).
func waitUntilJS(t *testing.T, ctx context.Context, what, condition string) {
	t.Helper()
	browsertest.Until(t, ctx, what, condition)
}

// stillTrueJS checks that the JavaScript condition stays true for d, polling
// every 50 ms; it is how a test shows that something did not happen. An
// evaluation that does not answer (a busy machine) is tried again; one that
// answers false fails the test.
func stillTrueJS(t *testing.T, ctx context.Context, what, condition string, d time.Duration) {
	t.Helper()
	end := time.Now().Add(d)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+condition+")"))
		if ctx.Err() != nil {
			t.Fatalf("%s: the browser stopped while checking %s", what, condition)
		}
		if err == nil && !ok {
			t.Fatalf("%s: %s turned false", what, condition)
		}
		if time.Now().After(end) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestBrowserLiveReloadShowsEdit(t *testing.T) {
	r := serveLive(t, testsite.New(t, liveSite()))
	ctx := newLiveBrowser(t)
	openLive(t, ctx, r.url+"guide/long/")

	// With manual scroll restoration, Chromium leaves a reloaded page at
	// the top: only the live reload script can bring it back.
	browsertest.Eval[bool](t, ctx, `history.scrollRestoration = 'manual', window.scrollTo(0, 1500), window.__noReload = 1, true`)
	if y := browsertest.Eval[float64](t, ctx, `window.scrollY`); y != 1500 {
		t.Fatalf("scrollY after scrollTo(0, 1500) = %v; the page is too short for this test", y)
	}

	const edited = "Paragraph 7, edited while the page was open,"
	r.replace(t, "content/guide/long.md", "Paragraph 7 of", edited+" of")
	waitUntilJS(t, ctx, "the edited text shows", `document.readyState === 'complete' && document.body.innerText.includes(`+jsQuote(edited)+`)`)

	if browsertest.Eval[bool](t, ctx, `'__noReload' in window`) {
		t.Errorf("the edited text is on the page but the page was not reloaded: window.__noReload survived")
	}
	if y := browsertest.Eval[float64](t, ctx, `window.scrollY`); y < 1450 || y > 1550 {
		t.Errorf("scrollY after the live reload = %v, want 1500 ± 50 (the position before the edit)", y)
	}
	if got := browsertest.Get(t, ctx, chromedp.Location()); got != r.url+"guide/long/" {
		t.Errorf("location after the live reload = %q, want %q", got, r.url+"guide/long/")
	}
}

func TestBrowserUnchangedPageDoesNotReload(t *testing.T) {
	r := serveLive(t, testsite.New(t, liveSite()))
	ctx := newLiveBrowser(t)
	openLive(t, ctx, r.url+"guide/b/")
	browsertest.Eval[bool](t, ctx, `window.__noReload = 1, true`)
	delivered := browsertest.Eval[int](t, ctx, `__lr.messages.length`)

	r.replace(t, "content/guide/a.md", "Body of page A.", "Body of page A, edited.")
	got := r.waitRebuild(t, "of page A", func(got liveRebuild) bool {
		return got.err == nil && slices.Contains(got.rb.Changed, "guide/a/index.html")
	})
	if slices.Contains(got.rb.Changed, "guide/b/index.html") {
		t.Fatalf("editing page A's body changed page B's output too: changed %q", got.rb.Changed)
	}
	// Wait until the page has handled the change event (the observer saw
	// it after the reload script did), or has reloaded; then it must still
	// be the same document, for a while longer too.
	waitUntilJS(t, ctx, "page B has received the change",
		fmt.Sprintf(`!('__noReload' in window) || __lr.messages.length > %d && __lr.messages.some(m => m.includes('/guide/a/'))`, delivered))
	stillTrueJS(t, ctx, "page B reloaded after only page A changed", `window.__noReload === 1`, 500*time.Millisecond)
}

func TestBrowserCSSChangeSwapsStylesheet(t *testing.T) {
	const css = "themes/default/static/css/zz-test.css"
	r := serveLive(t, testsite.New(t, liveSite()+"-- "+css+" --\nbody { outline: 3px solid rgb(9, 9, 9) }\n"))
	ctx := newLiveBrowser(t)
	openLive(t, ctx, r.url+"guide/a/")
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.body).outlineColor`); got != "rgb(9, 9, 9)" {
		t.Fatalf("body outline color before the edit = %q, want rgb(9, 9, 9) from %s", got, css)
	}
	browsertest.Eval[bool](t, ctx, `window.__noReload = 1, true`)

	r.edit(t, css, "body { outline: 3px solid rgb(1, 2, 3) }\n")
	waitUntilJS(t, ctx, "the new stylesheet applies", `getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'`)
	if !browsertest.Eval[bool](t, ctx, `window.__noReload === 1`) {
		t.Errorf("the page was reloaded for a stylesheet change; want the stylesheet swapped in place")
	}
	// The old stylesheet is gone once the new one has loaded: one link to
	// the site's stylesheet, not one more per edit.
	waitUntilJS(t, ctx, "the old stylesheet is removed", `document.querySelectorAll('link[rel=stylesheet][href*="playbook.css"]').length === 1`)
}

func TestBrowserErrorOverlay(t *testing.T) {
	r := serveLive(t, testsite.New(t, liveSite()))
	ctx := newLiveBrowser(t)
	openLive(t, ctx, r.url+"guide/a/")
	good := r.read(t, "content/guide/b.md")

	broken := strings.Replace(strings.Replace(good, "weight: 2", "weight: heavy", 1), "Body of page B.", "Body of page B, never built.", 1)
	if broken == good {
		t.Fatal("the edit that breaks page B changed nothing")
	}
	r.edit(t, "content/guide/b.md", broken)
	waitUntilJS(t, ctx, "the error overlay shows",
		`(() => { const a = document.querySelector('[role=alert]'); return a && a.checkVisibility() && a.innerText.includes('guide/b.md') && a.innerText.includes('weight'); })()`)

	// Meanwhile the last good site is still served.
	resp, err := http.Get(r.url + "guide/b/")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET guide/b/ during the build error: status %d, want 200 (the last good page)", resp.StatusCode)
	}
	if !bytes.Contains(body, []byte("Body of page B.")) || bytes.Contains(body, []byte("never built")) {
		t.Errorf("GET guide/b/ during the build error: the page is not the last good one, which says %q:\n%s", "Body of page B.", body)
	}

	r.edit(t, "content/guide/b.md", good)
	waitUntilJS(t, ctx, "the error overlay is gone", `document.querySelector('[role=alert]') === null`)
}

// TestServeCleanShutdown checks that cancelling Serve's context stops
// everything Start and Serve began, even with a live reload stream open: the
// server, the watcher, the private folder and every goroutine.
func TestServeCleanShutdown(t *testing.T) {
	site := testsite.New(t, liveSite())
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // os.TempDir reads it: the private folder goes there
	before := runtime.NumGoroutine()

	p, err := preview.Start(preview.Options{Build: build.Options{Source: site.Dir}})
	if err != nil {
		t.Fatalf("preview.Start: %v", err)
	}
	folders, _ := filepath.Glob(filepath.Join(tmp, "playbook-serve-*"))
	if len(folders) != 1 {
		t.Fatalf("preview folders in $TMPDIR after Start: %q, want one", folders)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- p.Serve(ctx) }()

	transport := &http.Transport{}
	client := &http.Client{Transport: transport}
	resp, err := client.Get(p.URL() + "guide/a/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET guide/a/: status %d, want 200", resp.StatusCode)
	}
	stream, err := client.Get(p.URL() + "__playbook/events")
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	if ct := stream.Header.Get("Content-Type"); stream.StatusCode != http.StatusOK || ct != "text/event-stream" {
		t.Fatalf("GET __playbook/events: status %d, Content-Type %q; want 200 and an event stream", stream.StatusCode, ct)
	}
	buf := make([]byte, 64)
	if _, err := stream.Body.Read(buf); err != nil {
		t.Fatalf("reading the event stream: %v", err)
	}

	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve returned %v after its context ended, want nil", err)
		}
	case <-time.After(liveWait):
		t.Fatalf("Serve did not return within %v of its context's end", liveWait)
	}
	if _, err := io.Copy(io.Discard, stream.Body); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading the event stream after shutdown: %v, want its end", err)
	}
	stream.Body.Close()

	if _, err := os.Stat(folders[0]); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the preview folder %q is still there after Serve returned (%v)", folders[0], err)
	}
	if late, err := client.Get(p.URL()); err == nil {
		late.Body.Close()
		t.Errorf("GET %s after shutdown answered %d; want the port closed", p.URL(), late.StatusCode)
	}
	transport.CloseIdleConnections()
	deadline := time.Now().Add(liveWait)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			n := runtime.Stack(buf, true)
			t.Fatalf("%d goroutines %v after shutdown, %d before Start:\n%s", runtime.NumGoroutine(), liveWait, before, buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// jsQuote quotes s as a JavaScript string literal.
func jsQuote(s string) string {
	b, _ := json.Marshal(s) // cannot fail for a string
	return string(b)
}

// liveLog collects the preview's log, written by its goroutines.
type liveLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *liveLog) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *liveLog) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
