//go:build scratch

package build_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/playbookhq/playbook/generator/internal/browsertest"
)

func TestScratch(t *testing.T) {
	opts := []browsertest.Option{browsertest.WithWindowSize(360, 800)}
	if os.Getenv("DARK") != "" {
		opts = append(opts, browsertest.WithDarkMode())
	}
	ctx := browsertest.New(t, opts...)
	base := browsertest.Serve(t, buildExample(t))
	for _, p := range strings.Fields(os.Getenv("PAGES")) {
		browsertest.Open(t, ctx, base+p)
		if os.Getenv("AXE") != "" {
			browsertest.RunAxe(t, ctx)
		}
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](os.Getenv("JS"), chromedp.EvalAwaitPromise))
		fmt.Println(p, v, err)
	}
}
