package preview_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
	"github.com/playbookhq/playbook/generator/internal/corpus"
	"github.com/playbookhq/playbook/generator/preview"
	defaulttheme "github.com/playbookhq/playbook/themes/default"
)

// BenchmarkSaveToVisible measures what an author feels: a page open in
// Chromium on `serve`, a file saved, and the time until the change shows in
// that page's document, reloaded or not. The page itself records when it
// first sees the change (a MutationObserver and an animation-frame check,
// installed in every document the tab loads, writing the time to
// sessionStorage, which survives a reload), so polling from here adds
// nothing to the figure. Sites: the example playbook and a generated corpus
// (1,000 pages, PLAYBOOK_BENCH_PAGES for more). Edits: a page's body, its
// title (the navigation of its section changes), a template every page
// uses, a stylesheet, a new page and a deleted page (both change the
// sidebar of the open page).
func BenchmarkSaveToVisible(b *testing.B) {
	sites := []struct {
		name  string
		setup func(b *testing.B, dir string) string // returns the open page's file
	}{
		{"example", setupExample},
		{fmt.Sprintf("corpus%d", benchPages(b)), setupCorpus},
	}
	for _, site := range sites {
		b.Run(site.name, func(b *testing.B) {
			dir := b.TempDir()
			pageFile := site.setup(b, dir)
			v := startVisible(b, dir, pageFile)
			for _, e := range v.edits() {
				b.Run(e.name, func(b *testing.B) {
					var times []float64
					i := 0
					for b.Loop() {
						i++
						times = append(times, v.measure(b, e, i))
					}
					sort.Float64s(times)
					b.ReportMetric(times[len(times)/2], "median-ms")
				})
			}
		})
	}
}

// visible is a preview with a page open in Chromium.
type visible struct {
	dir      string
	pageFile string
	pageURL  string
	ctx      context.Context
	src      string // the open page's source as first read
}

// visibleEdit is one kind of save: prepare (untimed) readies the site,
// save is the timed change, and probe says what the page must then show.
type visibleEdit struct {
	name    string
	prepare func(b *testing.B, i int)
	save    func(b *testing.B, i int)
	probe   func(i int) probe
}

// probe is what the open page waits for: text that appears ("text") or
// disappears ("absent"), or the body's outline colour ("style").
type probe struct {
	Kind string `json:"kind"`
	Want string `json:"want"`
}

// probeScript runs in every document of the tab before its own scripts.
const probeScript = `(() => {
  const Native = window.EventSource;
  if (Native) {
    // Count the live reload stream's openings, so that the benchmark saves
    // only once the page listens.
    window.__pbStreams = 0;
    window.EventSource = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('open', () => { window.__pbStreams++; });
      }
    };
  }
  const key = '__pbProbe';
  function check() {
    let p;
    try { p = JSON.parse(sessionStorage.getItem(key)); } catch (e) { return; }
    if (!p || p.done || !document.body) return;
    const text = document.body.textContent;
    let ok = false;
    if (p.kind === 'text') ok = text.includes(p.want);
    if (p.kind === 'absent') ok = !text.includes(p.want);
    if (p.kind === 'style') ok = getComputedStyle(document.body).outlineColor === p.want;
    if (ok) {
      p.done = performance.timeOrigin + performance.now();
      sessionStorage.setItem(key, JSON.stringify(p));
    }
  }
  new MutationObserver(check).observe(document, {subtree: true, childList: true, characterData: true});
  const tick = () => { check(); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  document.addEventListener('DOMContentLoaded', check);
})()`

func startVisible(b *testing.B, dir, pageFile string) *visible {
	b.Helper()
	// The theme folder the edits write into exists from the start, as a
	// site with theme overrides has it.
	for _, d := range []string{"themes/default/templates/partials", "themes/default/static/css"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			b.Fatal(err)
		}
	}
	p, err := preview.Start(preview.Options{Build: build.Options{Source: dir}}) // serve's own debounce
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Serve(ctx) }()
	b.Cleanup(func() { cancel(); <-done })

	rel, err := filepath.Rel(filepath.Join(dir, "content"), pageFile)
	if err != nil {
		b.Fatal(err)
	}
	src, err := os.ReadFile(pageFile)
	if err != nil {
		b.Fatal(err)
	}
	v := &visible{dir: dir, pageFile: pageFile, src: string(src),
		pageURL: strings.TrimSuffix(p.URL(), "/") + "/" + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"}
	v.ctx = browsertest.New(b)
	browsertest.Do(b, v.ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeScript})
		return err
	}))
	// The first build runs behind the server: wait until the page is the
	// built one, with its live reload stream connected.
	waitFor(b, v.pageURL, "</h1>")
	browsertest.Open(b, v.ctx, v.pageURL)
	browsertest.Until(b, v.ctx, "the page has loaded", `document.readyState === 'complete'`)
	return v
}

func (v *visible) edits() []visibleEdit {
	section := filepath.Dir(v.pageFile)
	prevnext, err := fs.ReadFile(defaulttheme.FS, "templates/partials/prevnext.html")
	if err != nil {
		panic(err) // the theme is embedded: it has the partial
	}
	none := func(*testing.B, int) {}
	return []visibleEdit{
		{name: "body", prepare: none,
			save:  func(b *testing.B, i int) { v.write(b, v.pageFile, v.src+fmt.Sprintf("\n\nVisible edit %d.\n", i)) },
			probe: func(i int) probe { return probe{"text", fmt.Sprintf("Visible edit %d.", i)} }},
		{name: "title", prepare: none,
			save:  func(b *testing.B, i int) { v.write(b, v.pageFile, retitle(v.src, fmt.Sprintf("Retitled %d", i))) },
			probe: func(i int) probe { return probe{"text", fmt.Sprintf("Retitled %d", i)} }},
		{name: "template", prepare: none,
			save: func(b *testing.B, i int) {
				v.write(b, filepath.Join(v.dir, "themes/default/templates/partials/prevnext.html"),
					string(prevnext)+fmt.Sprintf("<p>Template edit %d</p>\n", i))
			},
			probe: func(i int) probe { return probe{"text", fmt.Sprintf("Template edit %d", i)} }},
		{name: "css", prepare: none,
			save: func(b *testing.B, i int) {
				v.write(b, filepath.Join(v.dir, "themes/default/static/css/zz-bench.css"),
					fmt.Sprintf("body { outline: 1px solid rgb(%d, 0, 0) }\n", i%256))
			},
			probe: func(i int) probe { return probe{"style", fmt.Sprintf("rgb(%d, 0, 0)", i%256)} }},
		{name: "new-page", prepare: none,
			save: func(b *testing.B, i int) {
				v.write(b, filepath.Join(section, fmt.Sprintf("bench-new-%d.md", i)), fmt.Sprintf("# Bench new page %d\n", i))
			},
			probe: func(i int) probe { return probe{"text", fmt.Sprintf("Bench new page %d", i)} }},
		{name: "deleted-page",
			prepare: func(b *testing.B, i int) {
				v.write(b, filepath.Join(section, fmt.Sprintf("bench-gone-%d.md", i)), fmt.Sprintf("# Bench gone page %d\n", i))
				v.wait(b, probe{"text", fmt.Sprintf("Bench gone page %d", i)})
			},
			save: func(b *testing.B, i int) {
				if err := os.Remove(filepath.Join(section, fmt.Sprintf("bench-gone-%d.md", i))); err != nil {
					b.Fatal(err)
				}
			},
			probe: func(i int) probe { return probe{"absent", fmt.Sprintf("Bench gone page %d", i)} }},
	}
}

// measure runs one edit and returns the milliseconds from the save to the
// change showing in the open page.
func (v *visible) measure(b *testing.B, e visibleEdit, i int) float64 {
	b.StopTimer()
	e.prepare(b, i)
	v.arm(b, e.probe(i))
	b.StartTimer()
	start := float64(time.Now().UnixNano()) / 1e6
	e.save(b, i)
	seen := v.seen(b)
	return seen - start
}

// arm sets the probe the open page checks, once the page (after a reload,
// the new one) listens to the live reload stream.
func (v *visible) arm(b *testing.B, p probe) {
	b.Helper()
	browsertest.Until(b, v.ctx, "the live reload stream is open", `document.readyState === 'complete' && window.__pbStreams > 0`)
	browsertest.Eval[bool](b, v.ctx, fmt.Sprintf(`sessionStorage.setItem('__pbProbe', JSON.stringify({kind: %q, want: %q})), true`, p.Kind, p.Want))
}

// seen waits until the page has seen what its probe waits for and returns
// when it did, in milliseconds since the Unix epoch.
func (v *visible) seen(b *testing.B) float64 {
	b.Helper()
	deadline := time.Now().Add(browsertest.StepTimeout)
	for {
		// While the page reloads there is no document to ask: try again.
		done, err := chromedp.Run(v.ctx, chromedp.Evaluate[float64](`(JSON.parse(sessionStorage.getItem('__pbProbe') || '{}').done) || 0`))
		if err == nil && done > 0 {
			return done
		}
		if time.Now().After(deadline) {
			b.Fatalf("the open page never showed the change (last error: %v)", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// wait arms p and waits, untimed, until the page has seen it.
func (v *visible) wait(b *testing.B, p probe) {
	b.Helper()
	v.arm(b, p)
	v.seen(b)
}

// write saves a file as an editor's safe write does, so that the watcher
// never sees it half written.
func (v *visible) write(b *testing.B, name, data string) {
	b.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		b.Fatal(err)
	}
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".saving")
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		b.Fatal(err)
	}
}

// setupExample copies the example playbook (content and config) into dir
// and returns the file of a plain page of it.
func setupExample(b *testing.B, dir string) string {
	b.Helper()
	root := filepath.Join("..", "..")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		b.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, "playbook.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "playbook.toml"), cfg, 0o644); err != nil {
		b.Fatal(err)
	}
	return filepath.Join(dir, "content", "how-to-write", "pages.md")
}

// setupCorpus generates the benchmark corpus into dir and returns the file
// of one of its leaf pages.
func setupCorpus(b *testing.B, dir string) string {
	b.Helper()
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: benchPages(b), Seed: 1}); err != nil {
		b.Fatal(err)
	}
	file, _ := pickPage(b, dir)
	return file
}
