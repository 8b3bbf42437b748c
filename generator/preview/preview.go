// Package preview runs `playbook serve`: it builds the site into a private
// folder, serves it with live reload, watches the site's files and rebuilds
// what each change affects. A build error never stops it: the last good
// site stays served and every open page shows the errors until they are
// fixed.
package preview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/server"
	"github.com/playbookhq/playbook/generator/watch"
)

// searchDelay is how long after the last rebuild a big site's search index
// is brought up to date: long enough that typing is not held up by it.
const searchDelay = time.Second

// Options configure a preview.
type Options struct {
	Build build.Options
	// Bind is the address to listen on; "" means 127.0.0.1.
	Bind string
	// Port is the first port to try; 0 picks a free one.
	Port int
	// Log receives the terminal lines: the URL, one line per rebuild, errors.
	Log io.Writer
	// Quiet leaves out the line of each good rebuild; errors and warnings
	// are still printed. Verbose adds the output files each rebuild changed.
	Quiet, Verbose bool
	// Debounce is the quiet time that ends a burst of changes; 0 means 30ms.
	Debounce time.Duration
	// OnRebuild, when set, is called after every rebuild attempt (tests use
	// it to wait for rebuilds).
	OnRebuild func(build.Rebuild, error)
	// OnFirstBuild, when set, is called when the first build, which runs in
	// the background while pages are rendered on demand, is done.
	OnFirstBuild func(build.Rebuild, error)
}

// Preview is a running preview.
type Preview struct {
	opts    Options
	dir     string // the private output folder
	session *build.Session
	server  *server.Server
	watcher *watch.Watcher
	ln      net.Listener
	url     string
	// networkURLs are the addresses other machines use, for an unspecified bind.
	networkURLs []string
	logMu       sync.Mutex
	// firstBuild is closed when the background first build is done.
	firstBuild chan struct{}
}

// Start builds the site, starts watching and listening. Serve must be called
// next. On error nothing is left running.
func Start(opts Options) (*Preview, error) {
	if opts.Bind == "" {
		opts.Bind = "127.0.0.1"
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = 30 * time.Millisecond
	}
	opts.Build.StableAssetNames = true
	dir, err := os.MkdirTemp("", "playbook-serve-")
	if err != nil {
		return nil, fmt.Errorf("creating the preview folder: %w", err)
	}
	p := &Preview{opts: opts, dir: dir, firstBuild: make(chan struct{})}
	site := filepath.Join(dir, "site")
	if err := os.MkdirAll(site, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	p.session = build.NewSession(opts.Build, site)
	// Loading is quick; rendering a big site is not. So the server starts
	// as soon as the site is loaded and renders requested pages on demand
	// until the first build, which runs in the background, has written them.
	start := time.Now()
	prepErr := p.session.Prepare()
	p.server = server.New(server.Options{Root: site, BasePath: p.session.BasePath(), Logf: p.logf, Pending: p.session.Pending})
	p.ln, err = p.server.Listen(opts.Bind, opts.Port)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	go func() {
		defer close(p.firstBuild)
		if prepErr != nil {
			p.report(build.Rebuild{}, prepErr, nil, start)
			p.server.Notify(server.Event{Errors: errorLines(prepErr)})
			return
		}
		rb, err := p.session.Build(nil)
		p.report(rb, err, nil, start)
		if err != nil {
			p.server.Notify(server.Event{Errors: errorLines(err)})
		}
		if p.opts.OnFirstBuild != nil {
			p.opts.OnFirstBuild(rb, err)
		}
	}()
	out := filepath.Join(sourceDir(opts.Build), "public")
	p.watcher, err = watch.New(p.session.WatchPaths(), watch.Options{
		Debounce: opts.Debounce,
		// A burst such as a git checkout is one rebuild even on a busy
		// machine; only a stream that never pauses waits this long.
		MaxWait: 3 * time.Second,
		Logf:    p.logf,
		Ignore: func(path string) bool {
			return path == out || path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
		},
	})
	if err != nil {
		p.ln.Close()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("watching the site: %w", err)
	}
	host := opts.Bind
	if host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
		_, port, _ := net.SplitHostPort(p.ln.Addr().String())
		for _, h := range p.server.NetworkHosts() {
			p.networkURLs = append(p.networkURLs, "http://"+net.JoinHostPort(h, port)+p.session.BasePath())
		}
	}
	_, port, _ := net.SplitHostPort(p.ln.Addr().String())
	p.url = "http://" + net.JoinHostPort(host, port) + p.session.BasePath()
	return p, nil
}

// URL returns the address the site is served at.
func (p *Preview) URL() string { return p.url }

// NetworkURLs returns the addresses at which other machines reach the
// preview when it listens on every interface (--bind 0.0.0.0): by this
// machine's name, then by each of its LAN addresses. It is empty otherwise.
func (p *Preview) NetworkURLs() []string { return p.networkURLs }

// Serve serves and rebuilds until ctx is done, then stops the server and the
// watcher and removes the preview folder.
func (p *Preview) Serve(ctx context.Context) error {
	defer os.RemoveAll(p.dir)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		p.watchLoop(ctx)
	}()
	go func() {
		defer wg.Done()
		for {
			select {
			case err, ok := <-p.watcher.Errors():
				if !ok {
					return
				}
				p.logf("%v", err) // the watcher's errors say "watch:" themselves
			case <-ctx.Done():
				return
			}
		}
	}()
	err := p.server.Serve(ctx, p.ln)
	cancel()
	p.watcher.Close()
	wg.Wait()
	<-p.firstBuild // the build goroutine writes into the folder about to be removed
	return err
}

func (p *Preview) watchLoop(ctx context.Context) {
	// Changes made during the first build are picked up after it.
	select {
	case <-p.firstBuild:
	case <-ctx.Done():
		return
	}
	var searchDue <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-searchDue:
			searchDue = nil
			if srb, err := p.session.RefreshSearch(); err == nil && len(srb.Changed) > 0 {
				urls := make([]string, 0, len(srb.Changed))
				for _, rel := range srb.Changed {
					urls = append(urls, build.URLOf(p.session.BasePath(), rel))
				}
				p.server.Notify(server.Event{Changed: urls})
			}
		case batch, ok := <-p.watcher.Batches():
			if !ok {
				return
			}
			changed := batch.Paths
			if batch.Rescan {
				changed = nil
			}
			start := time.Now()
			rb, err := p.session.Build(changed)
			p.report(rb, err, batch.Paths, start)
			if err != nil {
				p.server.Notify(server.Event{Errors: errorLines(err)})
			} else {
				urls := make([]string, 0, len(rb.Changed))
				for _, rel := range rb.Changed {
					urls = append(urls, build.URLOf(p.session.BasePath(), rel))
				}
				p.server.Notify(server.Event{Changed: urls})
			}
			if p.opts.OnRebuild != nil {
				p.opts.OnRebuild(rb, err)
			}
			if err == nil && rb.SearchStale {
				// The page is served; the search index of a big site
				// catches up once the author pauses.
				searchDue = time.After(searchDelay)
			}
		}
	}
}

// report prints one line per rebuild, or the errors.
func (p *Preview) report(rb build.Rebuild, err error, changed []string, start time.Time) {
	what := "site"
	if changed != nil {
		what = describe(changed, sourceDir(p.opts.Build))
	}
	took := time.Since(start).Round(100 * time.Microsecond)
	if err != nil {
		lines := errorLines(err)
		p.logf("%s: build failed with %d error%s in %s; still serving the last good site:\n%s",
			what, len(lines), plural(len(lines)), took, strings.Join(lines, "\n"))
		return
	}
	for _, w := range rb.Warnings {
		p.logf("%s", w.String())
	}
	switch {
	case p.opts.Quiet:
	case changed == nil:
		// The first build, and those that follow lost events: the same
		// summary as playbook build prints.
		p.logf("Built %s in %s", rb.Count, took)
	default:
		p.logf("%s: re-rendered %d page%s, %d file%s changed, in %s", what, rb.Rendered, plural(rb.Rendered), len(rb.Changed), plural(len(rb.Changed)), took)
	}
	if p.opts.Verbose {
		for _, rel := range rb.Changed {
			p.logf("  %s", rel)
		}
	}
}

func (p *Preview) logf(format string, args ...any) {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	fmt.Fprintf(p.opts.Log, format+"\n", args...)
}

// describe names what changed: one path relative to the site, or a count.
func describe(paths []string, root string) string {
	if len(paths) == 1 {
		if rel, err := filepath.Rel(root, paths[0]); err == nil {
			return filepath.ToSlash(rel)
		}
		return paths[0]
	}
	return fmt.Sprintf("%d changes", len(paths))
}

func errorLines(err error) []string {
	var problems *build.Problems
	if errors.As(err, &problems) {
		lines := make([]string, len(problems.List))
		for i, d := range problems.List {
			lines[i] = d.String()
		}
		return lines
	}
	return []string{err.Error()}
}

func sourceDir(o build.Options) string {
	src := o.Source
	if src == "" {
		src = "."
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return src
	}
	return abs
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
