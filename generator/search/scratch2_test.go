package search

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

func TestScratchShots(t *testing.T) {
	docs := publicDocs(t)
	for i := range docs {
		docs[i].URL = "/handbook" + docs[i].URL
	}
	dir, _ := writeSite(t, docs)
	base := browsertest.Serve(t, dir)
	for _, w := range []int{360, 1280} {
		for _, dark := range []bool{false, true} {
			opts := []browsertest.Option{browsertest.WithWindowSize(w, 800)}
			if dark {
				opts = append(opts, browsertest.WithDarkMode())
			}
			ctx := browsertest.New(t, opts...)
			browsertest.Open(t, ctx, base+basePath)
			typeQuery(t, ctx, "product owner resp")
			browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
			png := browsertest.Get(t, ctx, chromedp.CaptureScreenshot())
			os.WriteFile(fmt.Sprintf("/tmp/shot-%d-%v.png", w, dark), png, 0o644)
			typeQuery(t, ctx, "zzzz")
			png = browsertest.Get(t, ctx, chromedp.CaptureScreenshot())
			os.WriteFile(fmt.Sprintf("/tmp/shot-none-%d-%v.png", w, dark), png, 0o644)
		}
	}
}
