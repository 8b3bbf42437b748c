package preview_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/playbookhq/playbook/generator/build"
	"github.com/playbookhq/playbook/generator/internal/corpus"
	"github.com/playbookhq/playbook/generator/preview"
)

// benchPages is the corpus size of the serve benchmarks: 1,000 by default
// (CI runs them once), PLAYBOOK_BENCH_PAGES=10000 for the figures.
func benchPages(b *testing.B) int {
	if v := os.Getenv("PLAYBOOK_BENCH_PAGES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			b.Fatalf("PLAYBOOK_BENCH_PAGES=%q: %v", v, err)
		}
		return n
	}
	return 1000
}

// BenchmarkSaveToServed measures, on a generated corpus, the time from
// saving a page to the preview serving its new bytes: a body edit (one page
// re-rendered), a title edit (the navigation changes on every page of its
// section) and a template edit (everything is rendered again).
func BenchmarkSaveToServed(b *testing.B) {
	dir := b.TempDir()
	pages := benchPages(b)
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "themes/default/templates"), 0o755); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	p, err := preview.Start(preview.Options{Build: build.Options{Source: dir}}) // the default debounce, as serve runs
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d pages: first build and listen in %s", pages, time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Serve(ctx) }()
	defer func() { cancel(); <-done }()
	base := strings.TrimSuffix(p.URL(), "/")

	page, url := pickPage(b, dir)
	src, err := os.ReadFile(page)
	if err != nil {
		b.Fatal(err)
	}
	edits := []struct {
		name string
		file string
		data func(i int) string
		want func(i int) string
	}{
		{"body", page, func(i int) string { return string(src) + fmt.Sprintf("\nBenchmark edit %d.\n", i) },
			func(i int) string { return fmt.Sprintf("Benchmark edit %d.", i) }},
		{"title", page, func(i int) string { return retitle(string(src), fmt.Sprintf("Retitled %d", i)) },
			func(i int) string { return fmt.Sprintf("Retitled %d", i) }},
		{"template", filepath.Join(dir, "themes/default/templates/page.html"),
			func(i int) string { return fmt.Sprintf(`{{define "main"}}<p>Template %d</p>{{.Content}}{{end}}`, i) },
			func(i int) string { return fmt.Sprintf("Template %d", i) }},
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			var times []time.Duration
			i := 0
			for b.Loop() {
				i++
				t0 := time.Now()
				if err := os.WriteFile(e.file, []byte(e.data(i)), 0o644); err != nil {
					b.Fatal(err)
				}
				waitFor(b, base+url, e.want(i))
				times = append(times, time.Since(t0))
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
		})
	}
}

// BenchmarkColdStart measures the time from starting the preview to the
// first page being served, while the first build still runs behind it.
func BenchmarkColdStart(b *testing.B) {
	dir := b.TempDir()
	pages := benchPages(b)
	if _, err := corpus.Generate(filepath.Join(dir, "content"), corpus.Options{Pages: pages, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	_, url := pickPage(b, dir)
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		built := make(chan struct{})
		p, err := preview.Start(preview.Options{Build: build.Options{Source: dir},
			OnFirstBuild: func(build.Rebuild, error) { close(built) }})
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- p.Serve(ctx) }()
		waitFor(b, strings.TrimSuffix(p.URL(), "/")+url, "</h1>")
		times = append(times, time.Since(start))
		<-built // let the background build finish before the next round
		cancel()
		<-done
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "first-page-ms")
}

// pickPage returns a leaf page of the corpus and its URL path.
func pickPage(b *testing.B, dir string) (string, string) {
	content := filepath.Join(dir, "content")
	var found string
	filepath.WalkDir(content, func(p string, d os.DirEntry, err error) error {
		if found == "" && err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			found = p
		}
		return nil
	})
	if found == "" {
		b.Fatal("no page in the corpus")
	}
	rel, _ := filepath.Rel(content, found)
	return found, "/" + strings.TrimSuffix(filepath.ToSlash(rel), ".md") + "/"
}

// retitle sets a page's title in its front matter (YAML, TOML or heading).
func retitle(src, title string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "title:"):
			lines[i] = "title: " + title
			return strings.Join(lines, "\n")
		case strings.HasPrefix(l, "title ="):
			lines[i] = "title = " + strconv.Quote(title)
			return strings.Join(lines, "\n")
		case strings.HasPrefix(l, "# "):
			lines[i] = "# " + title
			return strings.Join(lines, "\n")
		}
	}
	return "# " + title + "\n" + src
}

// waitFor polls url until its body holds text.
func waitFor(b *testing.B, url, text string) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := http.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), text) {
				return
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	b.Fatalf("%s never served %q", url, text)
}
