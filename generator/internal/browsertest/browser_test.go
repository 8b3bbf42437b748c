package browsertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// site writes the files, named by slash paths, into a new folder and serves it.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return Serve(t, dir)
}

var twoPages = map[string]string{
	"index.html": `<!DOCTYPE html><title>Home page</title>
<a id="next" href="/second/">Second</a> <a id="broken" href="/missing/">Broken</a>`,
	"second/index.html": `<!DOCTYPE html><title>Second page</title><h1>Second</h1>`,
	"style.html": `<!DOCTYPE html><meta name="color-scheme" content="light dark">
<style>body { background: rgb(255, 255, 255) }
@media (prefers-color-scheme: dark) { body { background: rgb(0, 0, 0) } }</style><p>Hi`,
}

func TestBrowserOpenAndFollow(t *testing.T) {
	base := site(t, twoPages)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("Serve gave %q, want an address on 127.0.0.1", base)
	}
	ctx := New(t)
	Open(t, ctx, base+"/")
	if got := Get(t, ctx, chromedp.Title()); got != "Home page" {
		t.Errorf("title = %q, want %q", got, "Home page")
	}
	Follow(t, ctx, "#next")
	if got := Get(t, ctx, chromedp.Text(chromedp.CSS("h1"))); got != "Second" {
		t.Errorf("h1 after following #next = %q, want %q", got, "Second")
	}
	if got, want := Get(t, ctx, chromedp.Location()), base+"/second/"; got != want {
		t.Errorf("location = %q, want %q", got, want)
	}
}

func TestBrowserDefaults(t *testing.T) {
	base := site(t, twoPages)
	ctx := New(t)
	Open(t, ctx, base+"/style.html")
	if got := Eval[[]int](t, ctx, `[innerWidth, innerHeight]`); got[0] != DefaultWidth || got[1] != DefaultHeight {
		t.Errorf("viewport = %v, want [%d %d]", got, DefaultWidth, DefaultHeight)
	}
	if got := Eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); got != "rgb(255, 255, 255)" {
		t.Errorf("background without dark mode = %q, want the light one", got)
	}
}

func TestBrowserWindowSizeAndDarkMode(t *testing.T) {
	base := site(t, twoPages)
	ctx := New(t, WithWindowSize(360, 800), WithDarkMode())
	Open(t, ctx, base+"/style.html")
	if got := Eval[[]int](t, ctx, `[innerWidth, innerHeight]`); got[0] != 360 || got[1] != 800 {
		t.Errorf("viewport = %v, want [360 800]", got)
	}
	if got := Eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); got != "rgb(0, 0, 0)" {
		t.Errorf("background in dark mode = %q, want the dark one", got)
	}
}

// TestBrowserHelpersFail checks that the helpers fail the test, with a
// message that says what went wrong, when the page is not there.
func TestBrowserHelpersFail(t *testing.T) {
	base := site(t, twoPages)
	ctx := New(t)
	r := capture(t, func(tb testing.TB) { Open(tb, ctx, base+"/missing/") })
	if want := "fatal: opening " + base + "/missing/: HTTP 404 Not Found"; r != want {
		t.Errorf("Open of a missing page:\n got %q\nwant %q", r, want)
	}
	Open(t, ctx, base+"/")
	r = capture(t, func(tb testing.TB) { Follow(tb, ctx, "#broken") })
	if want := "fatal: following #broken: " + base + "/missing/ answered HTTP 404 Not Found"; r != want {
		t.Errorf("Follow of a broken link:\n got %q\nwant %q", r, want)
	}
	r = capture(t, func(tb testing.TB) { Eval[int](tb, ctx, `null`) })
	if want := "fatal: browser: encountered a null value"; r != want {
		t.Errorf("Eval of null into an int:\n got %q\nwant %q", r, want)
	}
}

// TestBrowserMissing checks New's answer to a missing browser: a skip on a
// developer's machine, a failure under CI.
func TestBrowserMissing(t *testing.T) {
	const msg = `no Chromium at "/nonexistent" (set by PLAYBOOK_CHROMIUM): install Debian's chromium package: apt-get install chromium`
	t.Setenv(EnvChromium, "/nonexistent")
	t.Setenv("CI", "")
	if got, want := capture(t, func(tb testing.TB) { New(tb) }), "skip: "+msg; got != want {
		t.Errorf("without CI:\n got %q\nwant %q", got, want)
	}
	t.Setenv("CI", "true")
	want := "fatal: " + msg + " (CI is set, so a missing browser fails the test)"
	if got := capture(t, func(tb testing.TB) { New(tb) }); got != want {
		t.Errorf("with CI=true:\n got %q\nwant %q", got, want)
	}
}

// capture runs fn with a testing.TB that records a Fatal or a Skip instead
// of ending t, and returns "fatal: " or "skip: " and the message, or "" when
// fn returned normally.
func capture(t *testing.T, fn func(testing.TB)) string {
	t.Helper()
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(r)
	}()
	<-done
	return r.got
}

// recorder is a testing.TB whose Fatal and Skip record their message and end
// the goroutine, as the real ones do; everything else goes to the real test.
type recorder struct {
	testing.TB
	got string
}

func (r *recorder) Fatal(args ...any) { r.stop("fatal: " + fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.stop("fatal: " + fmt.Sprintf(format, args...))
}
func (r *recorder) Skip(args ...any) { r.stop("skip: " + fmt.Sprint(args...)) }
func (r *recorder) Skipf(format string, args ...any) {
	r.stop("skip: " + fmt.Sprintf(format, args...))
}

func (r *recorder) stop(msg string) {
	r.got = msg
	runtime.Goexit()
}

// TestBrowserTimeout checks that a browser's time limit stops a step that
// would otherwise wait for ever.
func TestBrowserTimeout(t *testing.T) {
	base := site(t, twoPages)
	// Long enough to start the browser and open a page on a busy machine;
	// the wait below then runs into it.
	ctx := New(t, WithTimeout(30*time.Second))
	Open(t, ctx, base+"/")
	r := capture(t, func(tb testing.TB) { Do(tb, ctx, chromedp.WaitVisible(chromedp.CSS("#never"))) })
	// The browser's own limit ended the wait, not the step's (StepTimeout,
	// far longer): the tab's context is done.
	if ctx.Err() == nil {
		t.Errorf("the step ended but the browser's context is still alive: its time limit did not stop it")
	}
	if want := "fatal: browser: "; !strings.HasPrefix(r, want) || !strings.Contains(r, "context deadline exceeded") {
		t.Errorf("waiting past the limit: got %q, want a failure for the deadline", r)
	}
}
