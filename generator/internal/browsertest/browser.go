// Package browsertest runs tests in a real headless Chromium, so that they
// check what a reader sees: layout, scripts and navigation, not only HTML.
//
// Each call of New starts one browser for one test and returns the context of
// its tab. A browser per test, rather than one shared by the package, keeps
// the package free of global state and makes each test's cleanup complete (the
// browser has exited before its profile folder is removed); the price is
// about half a second of start-up per test. On a 2-core machine, do not mark
// browser tests with t.Parallel.
//
// Chromium runs as root and offline, which it does only with the sandbox, the
// GPU, QUIC and every background service turned off; see allocatorOptions.
// Every browser lives at most Timeout (or WithTimeout), however the test
// ends, so a stuck page fails the test instead of hanging CI. The limits are
// hang guards, generous enough that a busy machine never reaches them; and
// one browser runs at a time across all test processes (see lock.go), so
// that packages tested together do not starve each other's browsers.
package browsertest

import (
	"bytes"
	"context"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// DefaultWidth and DefaultHeight are the viewport of a tab from New without
// WithWindowSize: a laptop screen, wide enough for a desktop layout.
const (
	DefaultWidth  = 1280
	DefaultHeight = 800
)

// Timeout is how long a browser started by New lives when no WithTimeout
// option says otherwise: a guard against a hung test, far above what any
// test takes on a loaded machine.
const Timeout = 5 * time.Minute

// closeTimeout bounds the graceful close of the browser at cleanup.
const closeTimeout = 10 * time.Second

// New starts a headless Chromium for the test and returns the context of its
// first tab, for use with chromedp and with this package's helpers. It skips
// the test under -short and when Chromium is missing, or fails it when the environment has
// CI=true; see DefaultChromium and EnvChromium. The browser is closed and its
// profile removed at test cleanup.
func New(t testing.TB, opts ...Option) context.Context {
	t.Helper()
	d := locate(os.Getenv, isExecutable)
	switch d.verdict {
	case skip:
		t.Skip(d.msg)
	case fail:
		t.Fatal(d.msg)
	}
	if testing.Short() {
		t.Skip("drives Chromium: skipped with -short (the quick inner loop)")
	}
	cfg := config{width: DefaultWidth, height: DefaultHeight, timeout: Timeout}
	for _, o := range opts {
		o(&cfg)
	}

	// The profile folder is made before the cleanup below is registered, so
	// that it is removed after the browser has exited (cleanups run last
	// registered, first run); the lock is let go after both.
	t.Cleanup(acquireBrowser(t))
	profile := t.TempDir()
	out := &lockedBuffer{}
	root, cancelRoot := context.WithTimeout(context.Background(), cfg.timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(root, allocatorOptions(d.path, profile, out)...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		closeCtx, cancelClose := context.WithTimeout(ctx, closeTimeout)
		err := chromedp.Cancel(closeCtx)
		cancelClose()
		cancelTab()
		cancelAlloc()
		cancelRoot()
		if err != nil && root.Err() == nil {
			t.Logf("closing Chromium: %v", err)
		}
	})

	// The first run starts the browser and binds its life to ctx, whose
	// deadline is the browser's time limit.
	if err := chromedp.Do(ctx, setup(cfg)...); err != nil {
		t.Fatalf("starting Chromium %q: %v\nits output:\n%s", d.path, err, out.String())
	}
	return ctx
}

// allocatorOptions are the command line of the browser: chromedp's defaults
// (headless, no first run, no background networking, no sync...) plus what
// root and an offline machine need.
func allocatorOptions(path, profile string, out *lockedBuffer) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox, // Chromium refuses to start as root with its sandbox
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.CombinedOutput(out),
	)
}

// setup lists the steps run on the new tab before the test gets it.
func setup(cfg config) []chromedp.Action[chromedp.Void] {
	// The viewport is emulated, as DevTools' device toolbar does, because a
	// window cannot be made narrower than 500 pixels and its default size
	// leaves an odd viewport (780 × 437 in Chromium 156).
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(int64(cfg.width), int64(cfg.height)),
	}
	if cfg.dark {
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
				Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}},
			})
			return err
		}))
	}
	return steps
}

// lockedBuffer collects the browser's output, written by chromedp's
// goroutines and read by the test.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// maxOutput is how much of the browser's output is kept for a failure
// message: its end, where the reason usually is.
const maxOutput = 8 << 10

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Write(p)
	if extra := b.buf.Len() - maxOutput; extra > 0 {
		b.buf.Next(extra)
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
