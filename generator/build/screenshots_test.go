package build_test

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

// readmeScreenshots are the pictures of the example playbook that the
// README shows, in the repository's .screenshots folder, each a page at a
// 1366 × 860 laptop viewport.
var readmeScreenshots = []struct{ file, page string }{
	{"role-page.png", "/roles/product-owner/"},
	{"vision-board.png", "/vision-boards/dispatchly/"},
}

// TestReadmeScreenshots keeps the README's pictures current: with -update
// it takes them again from a fresh build of the example playbook in
// Chromium; without, it checks that each is there and is a picture of the
// viewport's size.
func TestReadmeScreenshots(t *testing.T) {
	dir := filepath.Join("..", "..", ".screenshots")
	if !*update {
		for _, s := range readmeScreenshots {
			data, err := os.ReadFile(filepath.Join(dir, s.file))
			if err != nil {
				t.Fatalf("%v: take the README's pictures with go test ./generator/build -run TestReadmeScreenshots -update", err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil || cfg.Width != 1366 || cfg.Height != 860 {
				t.Errorf("%s: not a 1366 × 860 PNG (%v, %d × %d)", s.file, err, cfg.Width, cfg.Height)
			}
		}
		return
	}
	ctx := browsertest.New(t, browsertest.WithWindowSize(1366, 860))
	base := browsertest.Serve(t, buildExample(t))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range readmeScreenshots {
		browsertest.Open(t, ctx, base+s.page)
		browsertest.Until(t, ctx, "the page has loaded", `document.readyState === 'complete'`)
		shot := browsertest.Get(t, ctx, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(dir, s.file), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
